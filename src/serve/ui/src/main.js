// The workbench page: a header with the file pickers and the language switch, five
// views as tabs (Regler, Resultat, Budget, Ändringar, Indata).

import { get } from './api.js';
import { h, select, field, notice } from './dom.js';
import { t, lang, loadCatalog } from './i18n.js';
import { state, changed, rulesFor } from './state.js';
import * as rules from './rules.js';
import * as results from './results.js';
import * as budget from './budget.js';
import * as changes from './changes.js';
import * as input from './input.js';

const views = [
  ['regler', () => t('wb-view-rules'), rules],
  ['resultat', () => t('wb-view-results'), results],
  ['budget', () => t('wb-view-budget'), budget],
  ['andringar', () => t('wb-view-changes'), changes],
  ['indata', () => t('wb-view-input'), input],
];
let current = location.hash.slice(1) || 'regler';

async function start(wanted) {
  const root = document.getElementById('app');
  try {
    await loadCatalog(wanted);
    state.files = await get('/api/files');
  } catch (e) {
    root.replaceChildren(notice('error', e.message));
    return;
  }
  document.title = t('wb-title');
  const books = state.files.workbooks.map((w) => w.path);
  if (!books.includes(state.input)) state.input = state.files.input || books[0] || '';
  if (!state.files.rules.some((r) => r.path === state.rules)) state.rules = rulesFor(state.input);
  render(root);
}

function render(root) {
  const panels = new Map();
  const tabs = h('nav', { class: 'tabs', role: 'tablist' });
  for (const [id, label, view] of views) {
    const panel = h('section', { id: `view-${id}`, class: 'view', role: 'tabpanel', hidden: id !== current });
    panels.set(id, { panel, view, ready: false });
    tabs.append(h('button', { id: `tab-${id}`, role: 'tab', 'aria-selected': String(id === current), onclick: () => show(id) }, label()));
  }
  function show(id) {
    current = id;
    history.replaceState(null, '', `${location.search}#${id}`);
    for (const [pid, p] of panels) {
      p.panel.hidden = pid !== id;
      document.getElementById(`tab-${pid}`).setAttribute('aria-selected', String(pid === id));
    }
    const p = panels.get(id);
    if (!p.ready) {
      p.ready = true;
      p.view.mount(p.panel, { show });
    }
    if (p.view.shown) p.view.shown();
  }
  const ruleOptions = state.files.rules.map((r) => [r.path, r.path]);
  const bookOptions = state.files.workbooks.map((w) => [w.path, w.path]);
  const header = h('header', { class: 'top' },
    h('h1', {}, t('wb-title')),
    field(t('wb-rules-file'), select('pick-rules', ruleOptions, state.rules, (e) => { state.rules = e.target.value; changed(); })),
    field(t('wb-workbook'), select('pick-input', bookOptions, state.input, (e) => { state.input = e.target.value; changed(); })),
    field(t('wb-language'), select('pick-lang', [['sv', 'Svenska'], ['en', 'English']], lang, (e) => switchLanguage(e.target.value))),
  );
  root.replaceChildren(header, state.files.readonly ? notice('info', t('wb-readonly-banner')) : '', tabs, ...[...panels.values()].map((p) => p.panel));
  state.listeners.length = 0;
  show(current);
}

/** A new language re-renders the page; unsaved text stays in `state.buffers`. */
async function switchLanguage(wanted) {
  await start(wanted);
}

/** Opens a rule file at a line in the editor (from explanations, causes, diagnostics). */
function openAt(path, line) {
  document.getElementById('tab-regler').click();
  rules.reveal(path, line);
}
window.addEventListener('ekostyr-open', (e) => openAt(e.detail.path, e.detail.line));

start(lang);
