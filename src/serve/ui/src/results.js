// Resultat: the board report for a period and a nämnd; every figure that carries
// `data-explain` opens its explanation tree (parameters at their line, cells as Sheet!Cell).

import { post } from './api.js';
import { h, select, field, notice } from './dom.js';
import { t } from './i18n.js';
import { state, yearOf, declared } from './state.js';

let controls, board, report, explanation, stale = true;

export function mount(panel) {
  controls = h('div', { class: 'toolbar' });
  board = h('div', { id: 'board', class: 'board' });
  // The report keeps its own stylesheet: inside a shadow root it styles nothing of the page.
  report = board.attachShadow({ mode: 'open' });
  explanation = h('aside', { id: 'explanation', class: 'side explanation' }, h('p', { class: 'hint' }, t('wb-explain-intro')));
  report.addEventListener('click', (e) => {
    const target = e.target.closest('[data-explain]');
    if (target) explain(target.getAttribute('data-explain'), target);
  });
  report.addEventListener('keydown', (e) => {
    const target = e.target.closest('[data-explain]');
    if (target && e.key === 'Enter') explain(target.getAttribute('data-explain'), target);
  });
  panel.append(controls, h('div', { class: 'split' }, board, explanation));
  state.listeners.push(() => { stale = true; });
}

export function shown() {
  if (!stale) return;
  stale = false;
  const year = yearOf(state.rules);
  const months = year ? Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`) : [];
  const { boards } = declared(state.buffers.get(state.rules) || '');
  controls.replaceChildren(
    field(t('wb-period'), select('pick-period', [['', t('wb-whole-year')], ...months.map((m) => [m, m])], '')),
    field(t('wb-board'), select('pick-board', [['', t('wb-all-boards')], ...boards.map(([id, name]) => [id, name])], '')),
    h('button', { id: 'run', class: 'primary', onclick: run }, t('wb-run')),
  );
  showReport(h('p', { class: 'hint' }, t('wb-run-intro')));
}

/** Puts words or the report into the shadow root, with the page's own style for figures. */
function showReport(...nodes) {
  const style = h('style', {}, `:host { font-size: 15px; } p.wb { font: inherit; }
[data-explain] { cursor: pointer; text-decoration: underline dotted #0b5c8a; }
[data-explain]:hover, .explaining { background: #fff3c4; }
[data-explain]:focus-visible { outline: 3px solid #79b8e8; }
.notice { padding: 0.55rem 0.8rem; border-left: 4px solid #0b5c8a; background: #eef5fa; }
.notice.error { border-color: #b3261e; background: #fdf0ef; color: #6e1410; }`);
  report.replaceChildren(style, ...nodes);
}

async function run() {
  const period = document.getElementById('pick-period').value;
  const nämnd = document.getElementById('pick-board').value;
  showReport(notice('info', t('wb-working')));
  try {
    const result = await post('/api/run', { path: state.rules, input: state.input, period: period || undefined, nämnd: nämnd || undefined });
    // The server's own board HTML (report::board, escaped there) and its stylesheet.
    const content = h('div');
    content.innerHTML = result.html;
    showReport(h('style', {}, result.css || ''), ...(result.notes || []).map((n) => notice('info', n)), content);
    for (const el of content.querySelectorAll('[data-explain]')) {
      el.setAttribute('tabindex', '0');
      el.setAttribute('title', t('wb-explain-this'));
    }
  } catch (e) {
    showReport(notice('error', e.message, e.data?.where));
  }
}

async function explain(target, el) {
  for (const other of report.querySelectorAll('.explaining')) other.classList.remove('explaining');
  if (el) el.classList.add('explaining');
  const period = document.getElementById('pick-period').value;
  explanation.replaceChildren(notice('info', t('wb-working')));
  try {
    const answer = await post('/api/explain', { path: state.rules, input: state.input, period: period || undefined, target });
    const nodes = Array.isArray(answer) ? answer : answer.nodes || [answer];
    const tree = h('ul', { class: 'tree' }, nodes.map((n) => node(n, 0)));
    const openAll = () => { for (const d of tree.querySelectorAll('details')) d.open = true; };
    explanation.replaceChildren(h('h2', {}, t('wb-explanation')), h('p', { class: 'target' }, target),
      h('button', { id: 'expand-all', onclick: openAll }, t('wb-expand-all')), tree);
  } catch (e) {
    explanation.replaceChildren(notice('error', e.message, e.data?.where));
  }
}

/** One step of the explanation: its label and value, where it comes from, its parts (open two levels deep). */
function node(n, depth) {
  const head = [h('span', { class: 'label' }, n.label), ' ', h('span', { class: 'value' }, n.value || ''), n.source ? source(n.source, n) : null];
  if (!n.children || !n.children.length) return h('li', {}, ...head);
  return h('li', {}, h('details', { open: depth < 2 }, h('summary', {}, ...head), h('ul', {}, n.children.map((c) => node(c, depth + 1)))));
}

/** `rules/2023.ek:108 …` opens the editor at that line; `Volymer!E17` is shown as a cell. */
export function source(text, at = {}) {
  const m = /^(\S+\.ek):(\d+)/.exec(text);
  const path = at.path || (m && m[1]);
  const line = at.line || (m && Number(m[2]));
  if (path && line) return h('button', { class: 'link source rule-line', onclick: () => openRule(path, line) }, text);
  return h('span', { class: at.cell || /\S+!\$?[A-Z]+\$?\d+/.test(text) ? 'source cell' : 'source' }, text);
}

export function openRule(path, line) {
  window.dispatchEvent(new CustomEvent('ekostyr-open', { detail: { path, line } }));
}
