// Syntax highlighting for the rule language: a StreamLanguage over the keywords and
// units of grammar/ekostyr.pest (comments `#`, strings, Swedish numbers, `föregående.x`).

import { StreamLanguage, HighlightStyle } from '@codemirror/language';
import { tags } from '@lezer/highlight';

const KEYWORDS = new Set([
  'regelverk', 'år', 'version', 'bygger_på', 'dokumentägare', 'beslut', 'dnr', 'avser',
  'parameter', 'mått', 'budget', 'volym', 'nämnd', 'vårdform', 'uppdrag', 'del', 'verksamheter',
  'källa', 'ersättning', 'låt', 'nyckeltal', 'förändring', 'förvänta', 'om', 'då', 'annars', 'och',
  'eller', 'inte', 'summa', 'föregående', 'utanför', 'komplement', 'per', 'från', 'till', 'id',
  'fast', 'rörlig', 'värde', 'intervall', 'mottagare', 'ansvarig', 'påverkan', 'serie', 'aggregering',
  'mål', 'rimligt', 'typ', 'belopp', 'senast', 'återrapportering', 'min', 'max', 'avrunda', 'utfall',
  'indata', 'helårsomräknad', 'justering', 'ej',
]);
const UNITS = new Set([
  'mnkr', 'tkr', 'kr', 'timmar', 'timme', 'dygn', 'platser', 'plats', 'årsarbetare', 'besök',
  'brukare', 'dagar', 'dag', 'månader', 'månad', 'st', 'veckor', 'vecka',
]);
const WORD = /^[\p{L}_][\p{L}\d_]*/u;

export const ekostyr = StreamLanguage.define({
  name: 'ekostyr',
  token(stream) {
    if (stream.eatSpace()) return null;
    if (stream.match('#')) {
      stream.skipToEnd();
      return 'comment';
    }
    if (stream.match(/^"[^"]*"?/)) return 'string';
    if (stream.match(/^\d{4}-\d{2}(-\d{2})?/)) return 'number';
    if (stream.match(/^\d+([ \u00a0]\d{3}(?!\d))*([,.]\d+)?/)) return 'number';
    if (stream.match('%')) return 'unit';
    const word = stream.match(WORD);
    if (word) {
      // After `.` a keyword is a member's name: `föregående.fast`, `samlat.ÄN.ersättning`.
      if (stream.string[stream.start - 1] === '.') return 'variableName';
      if (KEYWORDS.has(word[0])) return 'keyword';
      if (UNITS.has(word[0])) return 'unit';
      return 'variableName';
    }
    if (stream.match(/^[=+\-*/<>:;.,]/)) return 'operator';
    stream.next();
    return null;
  },
  tokenTable: { unit: tags.unit },
  languageData: { commentTokens: { line: '#' } },
});

/** Calm colours, readable on white (contrast ≥ 4.5:1). */
export const ekostyrStyle = HighlightStyle.define([
  { tag: tags.keyword, color: '#6b2c91', fontWeight: '600' },
  { tag: tags.comment, color: '#5f6b5f', fontStyle: 'italic' },
  { tag: tags.string, color: '#8a3b12' },
  { tag: tags.number, color: '#0b5c8a' },
  { tag: tags.unit, color: '#2d6a2d' },
  { tag: tags.operator, color: '#444444' },
  { tag: tags.variableName, color: '#1f2328' },
]);
