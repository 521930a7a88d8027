// What the views share: the files the server offers, the chosen rule file and workbook,
// and the unsaved text of every rule file opened in the editor.

export const state = {
  files: { rules: [], workbooks: [], readonly: true },
  rules: '', // the chosen rule file's path
  input: '', // the chosen workbook's path
  buffers: new Map(), // path → unsaved text
  listeners: [],
};

/** The text of a rule file as the user sees it: unsaved edits win over the file on disk. */
export function bufferOf(path) {
  return state.buffers.get(path);
}

/** The year a rule file is for: from the file list, else its `år` line. */
export function yearOf(path) {
  const entry = state.files.rules.find((r) => r.path === path);
  if (entry && entry.year) return entry.year;
  const m = /^\s*år\s+(\d{4})/m.exec(state.buffers.get(path) || '');
  return m ? Number(m[1]) : undefined;
}

/** The names declared in a rule text: parameters and nämnder (for the pickers). */
export function declared(text) {
  const parameters = [...text.matchAll(/^\s*parameter\s+([\p{L}_][\p{L}\d_]*)/gmu)].map((m) => m[1]);
  const boards = [...text.matchAll(/^\s*nämnd\s+([\p{L}_][\p{L}\d_]*)\s+"([^"]*)"/gmu)].map((m) => [m[1], m[2]]);
  return { parameters: [...new Set(parameters)], boards };
}

/** Tells every view that the rule file or the workbook changed. */
export function changed() {
  for (const f of state.listeners) f();
}

/** The workbook for a year: one whose name carries the year, else the chosen one. */
export function workbookFor(year) {
  const named = state.files.workbooks.find((w) => year && w.path.split('/').pop().includes(String(year)));
  return named ? named.path : state.input;
}

/** The rule file for a workbook: the year its name carries, else the newest file. */
export function rulesFor(workbook) {
  const byYear = [...state.files.rules].sort((a, b) => (b.year || 0) - (a.year || 0));
  const named = byYear.find((r) => r.year && (workbook || '').split('/').pop().includes(String(r.year)));
  return (named || byYear[0] || {}).path || '';
}
