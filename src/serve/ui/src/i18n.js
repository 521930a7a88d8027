// The page's words: the `wb-` keys of src/i18n/{sv,en}/workbench.ftl, fetched from
// /api/catalog. `t` with a key and `{ name }` fills Fluent's `{ $name }` placeholders.

import { get, query } from './api.js';

let messages = {};
export let lang = localStorage.getItem('ekostyr-lang') === 'en' ? 'en' : 'sv';

export async function loadCatalog(wanted) {
  const data = await get(`/api/catalog?${query({ lang: wanted })}`);
  messages = data.messages || {};
  lang = data.lang || wanted;
  localStorage.setItem('ekostyr-lang', lang);
  document.documentElement.lang = lang;
}

export function t(key, args = {}) {
  const text = messages[key];
  if (text === undefined) return key;
  // The server renders `{ $name }` without its argument as `{$name}` (maybe inside Unicode isolation marks).
  return text.replace(/\u2068?\{\s*\$([\w-]+)\s*\}\u2069?/g, (_, name) => (args[name] === undefined ? '' : String(args[name])));
}
