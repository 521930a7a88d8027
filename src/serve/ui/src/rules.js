// Regler: the rule file in CodeMirror 6 — highlighting, the checker's diagnostics as
// you type (debounced), hover (unit and value on the workbook), go-to-definition (F12,
// Ctrl-click; also into last year's file), format on save, Save refusing with errors.

import { EditorState, EditorSelection, StateEffect, StateField } from '@codemirror/state';
import { EditorView, Decoration, WidgetType, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection, hoverTooltip } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { syntaxHighlighting, bracketMatching } from '@codemirror/language';
import { linter, lintGutter, forceLinting } from '@codemirror/lint';
import { get, post, put, query } from './api.js';
import { h, notice } from './dom.js';
import { t } from './i18n.js';
import { state, changed } from './state.js';
import { ekostyr, ekostyrStyle } from './ekostyr-lang.js';

/** A diagnostic's words at the end of its line, so nobody has to hover to read them. */
class LineMessage extends WidgetType {
  constructor(text, severity) {
    super();
    this.text = text;
    this.severity = severity;
  }
  eq(other) {
    return other.text === this.text && other.severity === this.severity;
  }
  toDOM() {
    return h('span', { class: `cm-line-message ${this.severity}` }, this.text);
  }
}
const setMessages = StateEffect.define();
const lineMessages = StateField.define({
  create: () => Decoration.none,
  update(messages, tr) {
    let next = messages.map(tr.changes);
    for (const e of tr.effects) if (e.is(setMessages)) next = e.value;
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/** The first diagnostic of each line, as a message after the line's text. */
function messagesOf(doc, diagnostics) {
  const seen = new Set();
  const ranges = [];
  for (const d of diagnostics) {
    const line = doc.lineAt(d.from);
    if (seen.has(line.number)) continue;
    seen.add(line.number);
    ranges.push(Decoration.widget({ widget: new LineMessage(d.message.split('\n')[0], d.severity), side: 1 }).range(line.to));
  }
  return Decoration.set(ranges, true);
}

let view; // the EditorView
let path = ''; // the file in the editor
let saved = ''; // its text on disk
let pendingLine; // a line to reveal once the file is loaded
let problems, status, saveButton;

export function mount(panel) {
  const host = h('div', { id: 'editor', class: 'editor' });
  problems = h('div', { id: 'problems', class: 'problems', 'aria-live': 'polite' });
  status = h('div', { id: 'save-status', class: 'status', 'aria-live': 'polite' });
  saveButton = h('button', { id: 'save', class: 'primary', onclick: () => save(false), hidden: state.files.readonly }, t('wb-save'));
  const toolbar = h('div', { class: 'toolbar' },
    saveButton,
    h('button', { id: 'check', onclick: () => forceLinting(view) }, t('wb-check')),
    h('span', { class: 'hint' }, t('wb-editor-hint')),
  );
  panel.append(toolbar, status, h('div', { class: 'split' }, host, h('aside', { class: 'side' }, h('h2', {}, t('wb-problems')), problems)));
  view = new EditorView({ parent: host, state: editorState('') });
  // Unsaved text is not lost by closing the tab without a question.
  window.addEventListener('beforeunload', (e) => {
    if (view.state.doc.toString() !== saved) e.preventDefault();
  });
  state.listeners.push(() => load(state.rules));
  load(state.rules);
}

function editorState(text) {
  return EditorState.create({
    doc: text,
    extensions: [
      lineNumbers(), highlightActiveLineGutter(), highlightActiveLine(), drawSelection(), history(), bracketMatching(),
      ekostyr, syntaxHighlighting(ekostyrStyle), EditorView.lineWrapping,
      lintGutter(), linter(checkSource, { delay: 600 }), lineMessages,
      hoverTooltip(hover, { hoverTime: 400 }),
      keymap.of([
        { key: 'F12', run: (v) => { definition(v.state.selection.main.head); return true; } },
        { key: 'Mod-s', run: () => { save(false); return true; }, preventDefault: true },
        ...defaultKeymap, ...historyKeymap,
      ]),
      EditorView.domEventHandlers({
        mousedown(event, v) {
          if (!(event.ctrlKey || event.metaKey)) return false;
          const pos = v.posAtCoords({ x: event.clientX, y: event.clientY });
          if (pos === null) return false;
          event.preventDefault();
          definition(pos);
          return true;
        },
      }),
      EditorState.readOnly.of(state.files.readonly),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) {
          state.buffers.set(path, u.state.doc.toString());
          showStatus();
        }
      }),
      EditorView.contentAttributes.of({ 'aria-label': t('wb-editor-label'), spellcheck: 'false' }),
    ],
  });
}

async function load(wanted) {
  if (!wanted || (wanted === path && view.state.doc.length)) return reveal(wanted, pendingLine);
  path = wanted;
  let text = state.buffers.get(wanted);
  try {
    const file = await get(`/api/file?${query({ path: wanted })}`);
    saved = file.text;
    if (text === undefined) text = file.text;
  } catch (e) {
    problems.replaceChildren(notice('error', e.message, e.data?.where));
    return;
  }
  state.buffers.set(wanted, text);
  view.setState(editorState(text));
  showStatus();
  if (pendingLine) reveal(wanted, pendingLine);
}

/** Shows a line of a rule file in the editor (switching file when it is another one). */
export function reveal(wanted, line) {
  if (wanted && wanted !== path) {
    pendingLine = line;
    if (state.rules !== wanted && state.files.rules.some((r) => r.path === wanted)) {
      state.rules = wanted;
      const picker = document.getElementById('pick-rules');
      if (picker) picker.value = wanted;
      changed();
    } else load(wanted);
    return;
  }
  pendingLine = undefined;
  if (!line || !view) return;
  const at = view.state.doc.line(Math.min(Math.max(1, line), view.state.doc.lines));
  view.dispatch({ selection: EditorSelection.cursor(at.from), effects: EditorView.scrollIntoView(at.from, { y: 'center' }) });
  view.focus();
}

/** 1-based line and column (in characters) of a position. */
function lineCol(doc, pos) {
  const line = doc.lineAt(pos);
  return { line: line.number, col: pos - line.from + 1 };
}

function position(doc, line, col) {
  const l = doc.line(Math.min(Math.max(1, line || 1), doc.lines));
  return Math.min(l.from + Math.max(0, (col || 1) - 1), l.to);
}

const SEVERITY = { fel: 'error', error: 'error', varning: 'warning', warning: 'warning' };

/** The checker's diagnostics on the unsaved text, for the editor and the list beside it. */
async function checkSource(v) {
  const text = v.state.doc.toString();
  let diagnostics;
  try {
    ({ diagnostics } = await post('/api/check', { path, text }));
  } catch (e) {
    problems.replaceChildren(notice('error', e.message, e.data?.where));
    return [];
  }
  if (v.state.doc.toString() !== text) return [];
  const doc = v.state.doc;
  showProblems(diagnostics);
  const found = diagnostics.map((d) => {
    const from = position(doc, d.line, d.col);
    let to = d.end_line ? position(doc, d.end_line, d.end_col) : from;
    if (to <= from) to = Math.min(from + 1, doc.lineAt(from).to);
    const message = d.hint ? `${d.message}\n${t('wb-hint')}: ${d.hint}` : d.message;
    return { from, to: Math.max(to, from), severity: SEVERITY[d.severity] || 'info', message };
  });
  v.dispatch({ effects: setMessages.of(messagesOf(doc, found)) });
  return found;
}

/** Every diagnostic in words, with its line: clicking goes there. */
function showProblems(diagnostics) {
  if (!diagnostics.length) {
    problems.replaceChildren(notice('ok', t('wb-no-problems')));
    return;
  }
  problems.replaceChildren(h('ul', { class: 'diagnostics' }, diagnostics.map((d) => h('li', { class: `diagnostic ${SEVERITY[d.severity] || 'info'}`, 'data-line': d.line },
    h('button', { class: 'link', onclick: () => reveal(path, d.line) }, t('wb-line', { line: d.line, col: d.col })),
    h('span', { class: 'sev' }, SEVERITY[d.severity] === 'error' ? t('wb-error') : t('wb-warning')),
    h('span', { class: 'message' }, d.message),
    d.hint ? h('span', { class: 'hint' }, `${t('wb-hint')}: ${d.hint}`) : null,
  ))));
}

/** Hover: the name's kind, unit and value on the chosen workbook. */
async function hover(v, pos) {
  const word = v.state.wordAt(pos);
  if (!word) return null;
  const at = lineCol(v.state.doc, pos);
  let info;
  try {
    info = await post('/api/hover', { path, text: v.state.doc.toString(), ...at, input: state.input || undefined });
  } catch {
    return null;
  }
  if (!info) return null;
  return {
    pos: word.from, end: word.to, above: true,
    create: () => ({ dom: h('div', { class: 'hover' },
      h('strong', {}, info.name), ' ', h('span', { class: 'kind' }, info.kind || ''),
      info.unit ? h('div', {}, `${t('wb-unit')}: ${info.unit}`) : null,
      info.value ? h('div', { class: 'value' }, `${t('wb-value')}: ${info.value}`) : null,
      info.line ? h('div', { class: 'hint' }, t('wb-defined-at', { line: info.line })) : null) }),
  };
}

/** Go to definition: in this file, or in last year's (`föregående.x`, `bygger_på`). */
async function definition(pos) {
  try {
    const target = await post('/api/definition', { path, text: view.state.doc.toString(), ...lineCol(view.state.doc, pos) });
    if (target) reveal(target.path, target.line);
    else showStatus(notice('info', t('wb-no-definition')));
  } catch (e) {
    showStatus(notice('error', e.message, e.data?.where));
  }
}

function showStatus(extra) {
  const dirty = view && view.state.doc.toString() !== saved;
  status.replaceChildren(h('span', { class: dirty ? 'dirty' : 'clean' }, `${path} — ${dirty ? t('wb-unsaved') : t('wb-saved')}`), extra || '');
}

/** Save: formatted by the server; with errors only when the user says so. */
async function save(force) {
  if (state.files.readonly) return;
  const text = view.state.doc.toString();
  try {
    const result = await put('/api/file', { path, text, force: force || undefined });
    const file = result.text !== undefined ? result : await get(`/api/file?${query({ path })}`);
    saved = file.text;
    state.buffers.set(path, file.text);
    if (file.text !== text) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: file.text } });
    showStatus(notice('ok', t('wb-saved-ok')));
    changed(); // the file on disk changed: the other views recalculate when shown
  } catch (e) {
    if (e.status === 409) {
      const n = (e.data?.diagnostics || []).filter((d) => SEVERITY[d.severity] === 'error').length;
      showStatus(h('div', { class: 'notice error', role: 'alert' }, t('wb-save-refused', { count: n }), ' ',
        h('button', { id: 'save-anyway', onclick: () => save(true) }, t('wb-save-anyway'))));
      if (e.data?.diagnostics) showProblems(e.data?.diagnostics);
    } else {
      showStatus(notice('error', e.message, e.data?.where));
    }
  }
}
