// Small DOM helpers shared by the views, and the Swedish way to show an amount.

/** `h('button', { class: 'primary', onclick }, 'Spara')`: an element with attributes and children. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

/** A `<select>` of `[value, label]` pairs. */
export function select(id, options, value, onchange) {
  const el = h('select', { id, onchange });
  for (const [v, label] of options) el.append(h('option', { value: v }, label));
  if (value !== undefined) el.value = value;
  return el;
}

/** A labelled field: the label above, the control below (large, as in a form on paper). */
export function field(label, control) {
  return h('label', { class: 'field' }, h('span', {}, label), control);
}

/** A message in words: `kind` is `error`, `ok` or `info`. */
export function notice(kind, text, where) {
  return h('p', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text, where ? h('span', { class: 'where' }, ` (${where})`) : null);
}

/**
 * A decimal as the JSON carries it (`"-1234567.891"`, never a float) in Swedish: `-1 234 567,89`.
 * Rounded half away from zero on the digits themselves; anything else is shown as it came.
 */
export function kronor(value, decimals = 0) {
  if (value === null || value === undefined) return '–';
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(value).trim());
  if (!m) return String(value);
  let [, sign, int, frac = ''] = m;
  const digits = (int + frac.padEnd(decimals, '0').slice(0, decimals)).split('').map(Number);
  if (Number(frac[decimals] || 0) >= 5) {
    let i = digits.length - 1;
    while (i >= 0 && digits[i] === 9) digits[i--] = 0;
    if (i < 0) digits.unshift(1);
    else digits[i] += 1;
  }
  const all = digits.join('');
  int = all.slice(0, all.length - decimals).replace(/^0+(?=\d)/, '') || '0';
  frac = all.slice(all.length - decimals);
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  if (/^[0 ]*$/.test(grouped) && /^0*$/.test(frac)) sign = '';
  return `${sign}${grouped}${decimals ? `,${frac}` : ''}`;
}

/** A signed change: `+1 234` or `-1 234`. */
export function change(value, decimals = 0) {
  const text = kronor(value, decimals);
  return /^[1-9]|^0,0*[1-9]/.test(text) ? `+${text}` : text;
}

/** A table: header words and rows of cells; cells that are numbers align right (class `num`). */
export function table(headers, rows, numeric = []) {
  return h('table', { class: 'grid' },
    h('thead', {}, h('tr', {}, headers.map((x, i) => h('th', { class: numeric.includes(i) ? 'num' : null }, x)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c, i) => h('td', { class: numeric.includes(i) ? 'num' : null }, c))))));
}

/** `"0.00"`, `"-0"`, missing: no change. */
export function isZero(value) {
  return !value || /^-?0*(\.0*)?$/.test(String(value));
}
