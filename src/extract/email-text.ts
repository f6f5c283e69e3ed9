import { normaliseEmail } from './email-address.js';

export interface TextEmail {
  start: number;
  end: number;
  value: string;
  deobfuscated: boolean;
}

const LOCAL = '[\\p{L}\\p{N}._%+-]+';
const LABEL = '[\\p{L}\\p{N}-]+';
/** "(at)", "[at]", "(a)", "( @ )", "{at}", "[put the at sign here]" … */
const BRACKET_AT = '\\s*[\\[({<][^\\])}>\\n]{0,30}?(?:(?<![\\p{L}])(?:at|ät|a|arobase|apenstaartje|klammeraffe)(?![\\p{L}])|@)[^\\])}>\\n]{0,30}?[\\])}>]\\s*';
const BRACKET_DOT = '\\s*[\\[({<]\\s*(?:dot|punt|punkt|point|\\.)\\s*[\\])}>]\\s*';

const PLAIN = new RegExp(`(${LOCAL})@(${LABEL}(?:\\.${LABEL})+)`, 'gu');
const BRACKETED = new RegExp(`(${LOCAL})${BRACKET_AT}(${LABEL}(?:(?:${BRACKET_DOT}|\\.)${LABEL})+)`, 'giu');
/** " AT " / " DOT " only in capitals, so "meet us at shop.nl" stays prose. Also "info @ shop.nl". */
const SPELLED = new RegExp(`(${LOCAL})(?:\\s+AT\\s+|\\s+@\\s+)(${LABEL}(?:(?:\\s+DOT\\s+|${BRACKET_DOT}|\\.)${LABEL})+)`, 'gu');

function cleanDomain(raw: string): string {
  return raw.replace(new RegExp(BRACKET_DOT, 'giu'), '.').replace(/\s+DOT\s+/g, '.');
}

/** Every e-mail address in a text, obfuscated forms included; one result per place. */
export function emailsInText(text: string): TextEmail[] {
  const out: TextEmail[] = [];
  const taken: [number, number][] = [];
  const overlaps = (s: number, e: number): boolean => taken.some(([a, b]) => s < b && e > a);
  for (const [re, deobfuscated] of [
    [BRACKETED, true],
    [SPELLED, true],
    [PLAIN, false],
  ] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (overlaps(start, end)) continue;
      let domain = deobfuscated ? cleanDomain(m[2]) : m[2];
      // "info@shop.nl." at a sentence end, or a trailing hyphen.
      domain = domain.replace(/[.-]+$/, '');
      const value = normaliseEmail(m[1], domain);
      if (!value) continue;
      out.push({ start, end, value, deobfuscated });
      taken.push([start, end]);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
