// Budget: the bridge from last year's compensation to next year's (two rule files), and
// a what-if panel: a parameter's new value → baseline, new and change per assignment and
// nämnd. Nothing is saved.

import { get, post, query } from './api.js';
import { h, select, field, notice, table, kronor, change, isZero } from './dom.js';
import { t } from './i18n.js';
import { state, yearOf, declared, workbookFor } from './state.js';
import { source } from './results.js';

let controls, bridge, whatifControls, whatif, stale = true;

export function mount(panel) {
  controls = h('div', { class: 'toolbar' });
  bridge = h('div', { id: 'bridge' });
  whatifControls = h('div', { class: 'toolbar' });
  whatif = h('div', { id: 'whatif' });
  panel.append(h('h2', {}, t('wb-whatif')), h('p', { class: 'hint' }, t('wb-whatif-intro')), whatifControls, whatif, h('h2', {}, t('wb-bridge')), controls, bridge);
  state.listeners.push(() => { stale = true; });
}

export function shown() {
  if (!stale) return;
  stale = false;
  const files = [...state.files.rules].sort((a, b) => (a.year || 0) - (b.year || 0));
  const options = files.map((r) => [r.path, r.year ? `${r.year} (${r.path})` : r.path]);
  const to = files.length ? files[files.length - 1].path : '';
  const toYear = yearOf(to);
  const from = (files.find((r) => r.year && r.year === toYear - 1) || files.find((r) => r.path !== to) || {}).path;
  controls.replaceChildren(
    field(t('wb-from-year'), select('pick-from', options, from)),
    field(t('wb-to-year'), select('pick-to', options, to)),
    h('button', { id: 'run-bridge', class: 'primary', onclick: runBridge }, t('wb-show-bridge')),
  );
  const newest = to;
  const bookOptions = state.files.workbooks.map((w) => [w.path, w.path]);
  const parameterPicker = h('span');
  const pickParameters = async () => {
    const path = document.getElementById('whatif-rules').value;
    let text = state.buffers.get(path);
    if (text === undefined) {
      try {
        text = (await get(`/api/file?${query({ path })}`)).text;
      } catch {
        text = '';
      }
    }
    const { parameters } = declared(text);
    parameterPicker.replaceChildren(field(t('wb-parameter'), select('whatif-parameter', parameters.map((p) => [p, p]), parameters.includes('prisindex') ? 'prisindex' : undefined)));
  };
  whatifControls.replaceChildren(
    field(t('wb-rules-file'), select('whatif-rules', options, newest, (e) => {
      document.getElementById('whatif-input').value = workbookFor(yearOf(e.target.value));
      pickParameters();
    })),
    field(t('wb-workbook'), select('whatif-input', bookOptions, workbookFor(yearOf(newest)))),
    parameterPicker,
    field(t('wb-new-value'), h('input', { id: 'whatif-value', type: 'text', placeholder: '3,1 %', size: 16 })),
    h('button', { id: 'run-whatif', class: 'primary', onclick: runWhatif }, t('wb-calculate')),
  );
  pickParameters();
}

async function runBridge() {
  bridge.replaceChildren(notice('info', t('wb-working')));
  try {
    const from = document.getElementById('pick-from').value;
    // The bridge starts from last year's outcome: the workbook of the "from" year.
    const data = await post('/api/budget', { from, to: document.getElementById('pick-to').value, input: workbookFor(yearOf(from)) });
    const parts = [bridgeTable(t('wb-total'), data)];
    for (const b of data.boards || []) parts.push(bridgeTable(`${b.board} ${b.name || ''}`, b));
    bridge.replaceChildren(...parts);
  } catch (e) {
    bridge.replaceChildren(notice('error', e.message, e.data?.where));
  }
}

/** Start, each step with its amount and causes (each cause at its line), end. */
function bridgeTable(title, data) {
  const rows = [[t('wb-bridge-start', { year: data.from_year || '' }), '', kronor(data.start), '']];
  for (const s of data.steps || []) {
    const causes = (s.causes || []).map((c) => h('div', { class: 'cause' }, `${c.name}: ${c.old ?? '–'} → ${c.new ?? '–'} `, c.line ? source(c.line) : null));
    rows.push([s.label || humanize(s.kind), causes, change(s.amount), s.percent ? `${kronor(s.percent, 2)} %` : '']);
  }
  rows.push([h('strong', {}, t('wb-bridge-end', { year: data.to_year || '' })), '', h('strong', {}, kronor(data.end)), '']);
  return h('div', { class: 'bridge' }, h('h3', {}, title), table([t('wb-step'), t('wb-causes'), t('wb-amount-kr'), t('wb-percent')], rows, [2, 3]));
}

async function runWhatif() {
  const value = document.getElementById('whatif-value').value.trim();
  const parameter = document.getElementById('whatif-parameter');
  const name = parameter ? parameter.value : '';
  if (!name || !value) {
    whatif.replaceChildren(notice('error', t('wb-whatif-missing')));
    return;
  }
  whatif.replaceChildren(notice('info', t('wb-working')));
  try {
    const path = document.getElementById('whatif-rules').value;
    const input = document.getElementById('whatif-input').value;
    const data = await post('/api/whatif', { path, input, set: [`${name}=${value}`] });
    whatif.replaceChildren(...whatifTables(data));
  } catch (e) {
    whatif.replaceChildren(notice('error', e.message, e.data?.where));
  }
}

/**
 * Baseline → new → change: in total, per nämnd (`what_if.boards`) and per assignment (the
 * moved `compensation.total` figures), named by `names`, as /api/whatif answers.
 */
function whatifTables(data) {
  const w = data.what_if || {};
  const names = data.names || {};
  const boardName = (id) => (names.boards || {})[id] || id;
  const assignmentName = (id) => (names.assignments || {})[id] || id;
  const headers = [t('wb-name'), t('wb-baseline'), t('wb-new'), t('wb-change')];
  const row = (name, r) => [name, kronor(r.baseline), kronor(r.value), change(r.change)];
  const out = [];
  const moved = (w.moved || []).filter((m) => m.figure === 'compensation.total' && !isZero(m.change));
  if (!moved.length) out.push(notice('info', t('wb-whatif-no-change')));
  if (w.total) out.push(table(headers, [row(h('strong', {}, t('wb-total')), w.total)], [1, 2, 3]));
  if (w.boards && w.boards.length) out.push(h('h3', {}, t('wb-per-board')), table(headers, w.boards.map((b) => row(boardName(b.board), b)), [1, 2, 3]));
  if (moved.length) out.push(h('h3', {}, t('wb-per-assignment')), table(headers, moved.map((m) => row(assignmentName(m.assignment), m)), [1, 2, 3]));
  out.push(notice('info', t('wb-nothing-saved')));
  return out;
}

/** `förändringar_upphör` → `Förändringar upphör`. */
function humanize(kind) {
  const words = String(kind || '').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

