/**
 * The sentence a piece of a page's flattened text stands in: from the last sentence end before it
 * to the first one after it, never further than REACH characters either way. A line break (a block
 * boundary), a "?", "!", a pipe or a bullet always ends a sentence; a full stop only when a capital
 * follows and the word before it is no abbreviation ("Tel. 030 …", "Nr. 5", "J. Jansen", "B.V.").
 * A line that ends in a colon introduces the next one: "For customers in the US:" / "(800) 555-0199".
 */
const REACH = 200;

const ABBREVIATIONS = new Set([
  'tel',
  'nr',
  'no',
  'str',
  'fax',
  'mob',
  'ca',
  'bzw',
  'inkl',
  'ggf',
  'evtl',
  'usw',
  'etc',
  'dr',
  'prof',
  'st',
  'mr',
  'mrs',
  'ms',
  'mme',
  'ing',
  'co',
  'vs',
  'zb',
  'bijv',
  'resp',
  'tél',
  'art',
]);

const HARD_END = /[\n?!|•·]/;

function endsSentenceAt(text: string, dot: number): boolean {
  let next = dot + 1;
  if (next >= text.length || !/\s/.test(text[next])) return false;
  while (next < text.length && /[ \t\u00a0\u200b]/.test(text[next])) next++;
  if (next >= text.length || !/\p{Lu}/u.test(text[next])) return false;
  let start = dot;
  while (start > 0 && /[\p{L}.]/u.test(text[start - 1])) start--;
  const word = text.slice(start, dot).replaceAll('.', '').toLowerCase();
  // A single letter is an initial; a dotted abbreviation ("z.B", "B.V") has a dot inside.
  if (word.length <= 1 || text.slice(start, dot).includes('.')) return false;
  return !ABBREVIATIONS.has(word);
}

/** [start, end) of the sentence holding text[from, to). */
export function sentenceAround(text: string, from: number, to: number): { start: number; end: number } {
  let start = from;
  const lowest = Math.max(0, from - REACH);
  while (start > lowest) {
    const ch = text[start - 1];
    if (HARD_END.test(ch) || (ch === '.' && endsSentenceAt(text, start - 1))) break;
    start--;
  }
  if (text[start - 1] === '\n' && /:[ \t\u00a0]*$/.test(text.slice(Math.max(lowest, start - 4), start - 1))) {
    start--;
    while (start > lowest && !HARD_END.test(text[start - 1]) && text[start - 1] !== '.') start--;
  }
  let end = to;
  const highest = Math.min(text.length, to + REACH);
  while (end < highest) {
    const ch = text[end];
    if (HARD_END.test(ch) || (ch === '.' && endsSentenceAt(text, end))) break;
    end++;
  }
  return { start, end };
}
