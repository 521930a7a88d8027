// Resultat: the board report for a period and a nämnd; every figure that carries
// `data-explain` opens its explanation tree (parameters at their line, cells as Sheet!Cell).

import { post } from './api.js';
import { h, select, field, notice } from './dom.js';
import { t } from './i18n.js';
import { state, yearOf, declared } from './state.js';

let controls, board, explanation, stale = true;

export function mount(panel) {
  controls = h('div', { class: 'toolbar' });
  board = h('div', { id: 'board', class: 'board' });
  explanation = h('aside', { id: 'explanation', class: 'side explanation' }, h('p', { class: 'hint' }, t('wb-explain-intro')));
  board.addEventListener('click', (e) => {
    const target = e.target.closest('[data-explain]');
    if (target) explain(target.getAttribute('data-explain'), target);
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
  board.replaceChildren(h('p', { class: 'hint' }, t('wb-run-intro')));
}

async function run() {
  const period = document.getElementById('pick-period').value;
  const nämnd = document.getElementById('pick-board').value;
  board.replaceChildren(notice('info', t('wb-working')));
  try {
    const result = await post('/api/run', { path: state.rules, input: state.input, period: period || undefined, nämnd: nämnd || undefined });
    // The server's own board HTML (report::board), escaped there.
    board.innerHTML = result.html;
    for (const el of board.querySelectorAll('[data-explain]')) {
      el.classList.add('explainable');
      el.setAttribute('tabindex', '0');
      el.setAttribute('title', t('wb-explain-this'));
      el.addEventListener('keydown', (e) => { if (e.key === 'Enter') explain(el.getAttribute('data-explain'), el); });
    }
  } catch (e) {
    board.replaceChildren(notice('error', e.message, e.data.where));
  }
}

async function explain(target, el) {
  for (const other of board.querySelectorAll('.explaining')) other.classList.remove('explaining');
  if (el) el.classList.add('explaining');
  const period = document.getElementById('pick-period').value;
  explanation.replaceChildren(notice('info', t('wb-working')));
  try {
    const tree = await post('/api/explain', { path: state.rules, input: state.input, period: period || undefined, target });
    const nodes = Array.isArray(tree) ? tree : tree.nodes || [tree];
    explanation.replaceChildren(h('h2', {}, t('wb-explanation')), h('p', { class: 'target' }, target), h('ul', { class: 'tree' }, nodes.map((n) => node(n, 0))));
  } catch (e) {
    explanation.replaceChildren(notice('error', e.message, e.data.where));
  }
}

/** One step of the explanation: its label and value, where it comes from, its parts (open two levels deep). */
function node(n, depth) {
  const head = [h('span', { class: 'label' }, n.label), ' ', h('span', { class: 'value' }, n.value || ''), n.source ? source(n.source) : null];
  if (!n.children || !n.children.length) return h('li', {}, ...head);
  return h('li', {}, h('details', { open: depth < 2 }, h('summary', {}, ...head), h('ul', {}, n.children.map((c) => node(c, depth + 1)))));
}

/** `rules/2023.ek:108 …` opens the editor at that line; `Volymer!E17` is shown as a cell. */
export function source(text) {
  const m = /^(\S+\.ek):(\d+)/.exec(text);
  if (m) {
    return h('button', { class: 'link source rule-line', onclick: () => openRule(m[1], Number(m[2])) }, text);
  }
  return h('span', { class: /\S+!\$?[A-Z]+\$?\d+/.test(text) ? 'source cell' : 'source' }, text);
}

export function openRule(path, line) {
  window.dispatchEvent(new CustomEvent('ekostyr-open', { detail: { path, line } }));
}
