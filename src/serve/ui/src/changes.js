// Ändringar: what changed in the working text against the committed version (or another
// rule file), and what it does in kronor per nämnd and assignment.

import { post } from './api.js';
import { h, select, field, notice, table, kronor, change, isZero } from './dom.js';
import { t } from './i18n.js';
import { state } from './state.js';

let controls, out, stale = true;

export function mount(panel) {
  controls = h('div', { class: 'toolbar' });
  out = h('div', { id: 'changes' });
  panel.append(h('p', { class: 'hint' }, t('wb-changes-intro')), controls, out);
  state.listeners.push(() => { stale = true; });
}

export function shown() {
  if (!stale) return;
  stale = false;
  const others = state.files.rules.filter((r) => r.path !== state.rules).map((r) => [r.path, t('wb-against-file', { path: r.path })]);
  controls.replaceChildren(
    field(t('wb-against'), select('pick-against', [['HEAD', t('wb-against-head')], ...others], 'HEAD')),
    h('button', { id: 'run-changes', class: 'primary', onclick: run }, t('wb-show-changes')),
  );
  run();
}

async function run() {
  out.replaceChildren(notice('info', t('wb-working')));
  try {
    const against = document.getElementById('pick-against').value;
    const data = await post('/api/changes', { path: state.rules, text: state.buffers.get(state.rules), against, input: state.input || undefined });
    out.replaceChildren(...render(data.diff || data));
  } catch (e) {
    out.replaceChildren(notice('error', e.message, e.data?.where));
  }
}

function render(data) {
  const entries = data.entries || [];
  const parts = [];
  if (!entries.length) parts.push(notice('ok', t('wb-no-changes')));
  else {
    parts.push(h('h2', {}, t('wb-changed-rules', { count: entries.length })));
    parts.push(table([t('wb-what'), t('wb-before'), t('wb-after'), t('wb-percent')],
      entries.map((e) => [e.subject, e.old ?? '–', e.new ?? '–', e.percent ? `${kronor(e.percent, 2)} %` : '']), [3]));
  }
  const impact = data.impact;
  if (impact) {
    const headers = [t('wb-name'), t('wb-before-kr'), t('wb-after-kr'), t('wb-change')];
    const row = (name, r) => [name, kronor(r.old), kronor(r.new), change(r.change)];
    parts.push(h('h2', {}, t('wb-impact')));
    if (impact.basis) parts.push(h('p', { class: 'hint' }, impact.basis));
    const rows = [];
    if (impact.total) rows.push([h('strong', {}, t('wb-total')), ...row('', impact.total).slice(1)]);
    for (const b of impact.boards || []) rows.push(row(b.name || b.board, b));
    parts.push(table(headers, rows, [1, 2, 3]));
    // Only the assignments the change moves; the others stay as they were.
    const moved = (impact.assignments || []).filter((a) => !isZero(a.change));
    if (moved.length) parts.push(h('h3', {}, t('wb-per-assignment')), table(headers, moved.map((a) => row(a.name || a.id, a)), [1, 2, 3]));
    else parts.push(notice('info', t('wb-no-impact')));
  }
  return parts;
}
