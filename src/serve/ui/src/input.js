// Indata: upload a workbook or pick one; its problems at their cells; the template for
// the next month to download.

import { get, post, upload, query } from './api.js';
import { h, field, notice, table } from './dom.js';
import { t } from './i18n.js';
import { state, yearOf, changed } from './state.js';

let controls, out, stale = true;

export function mount(panel) {
  controls = h('div', { class: 'groups' });
  out = h('div', { id: 'input-problems' });
  panel.append(h('p', { class: 'hint' }, t('wb-input-intro')), controls, out);
  state.listeners.push(() => { stale = true; });
}

export function shown() {
  if (!stale) return;
  stale = false;
  const year = yearOf(state.rules);
  const month = year ? `${year}-${String(new Date().getMonth() + 1).padStart(2, '0')}` : '';
  const file = h('input', { id: 'upload-file', type: 'file', accept: '.xlsx' });
  controls.replaceChildren(
    h('div', { class: 'group' }, h('h2', {}, t('wb-workbook')),
      h('div', { class: 'toolbar' },
        state.files.readonly ? null : field(t('wb-upload'), file),
        state.files.readonly ? null : h('button', { id: 'upload', onclick: () => send(file) }, t('wb-upload-button')),
        h('button', { id: 'check-input', class: 'primary', onclick: check }, t('wb-check-workbook')))),
    h('div', { class: 'group' }, h('h2', {}, t('wb-template')),
      h('div', { class: 'toolbar' },
        field(t('wb-template-month'), h('input', { id: 'template-month', type: 'month', value: month })),
        h('button', { id: 'template', onclick: template }, t('wb-download-template')))),
  );
  check();
}

async function send(fileInput) {
  const f = fileInput.files[0];
  if (!f) {
    out.replaceChildren(notice('error', t('wb-upload-choose')));
    return;
  }
  out.replaceChildren(notice('info', t('wb-working')));
  try {
    const result = await upload(`/api/upload?${query({ name: f.name, rules: state.rules })}`, await f.arrayBuffer());
    state.files = await get('/api/files');
    state.input = result.path;
    const picker = document.getElementById('pick-input');
    picker.replaceChildren(...state.files.workbooks.map((w) => h('option', { value: w.path }, w.path)));
    picker.value = result.path;
    changed();
    stale = false;
    show(result.problems || []);
  } catch (e) {
    out.replaceChildren(notice('error', e.message, e.data?.where));
  }
}

async function check() {
  if (!state.input) return;
  out.replaceChildren(notice('info', t('wb-working')));
  try {
    const result = await post('/api/problems', { input: state.input, path: state.rules });
    show(result.problems || []);
  } catch (e) {
    out.replaceChildren(notice('error', e.message, e.data?.where));
  }
}

function show(problems) {
  if (!problems.length) {
    out.replaceChildren(notice('ok', t('wb-workbook-ok', { path: state.input })));
    return;
  }
  out.replaceChildren(h('h2', {}, t('wb-workbook-problems', { count: problems.length })),
    table([t('wb-cell'), t('wb-problem')], problems.map((p) => [h('span', { class: 'cell' }, p.where || ''), p.message])));
}

/** The template comes as a download: fetched with the token, handed to the browser as a file. */
async function template() {
  const period = document.getElementById('template-month').value;
  try {
    const response = await get(`/api/template?${query({ path: state.rules, period })}`);
    const blob = await response.blob();
    const named = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '');
    const a = h('a', { href: URL.createObjectURL(blob), download: named ? named[1] : `mall-${period || 'indata'}.xlsx` });
    document.body.append(a);
    a.click();
    a.remove();
  } catch (e) {
    out.replaceChildren(notice('error', e.message, e.data?.where));
  }
}
