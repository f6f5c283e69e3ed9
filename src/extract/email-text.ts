import { normaliseEmail } from './email-address.js';
import { joinSplitDomain } from './email-split-domain.js';

export interface TextEmail {
  start: number;
  end: number;
  value: string;
  deobfuscated: boolean;
}

// \u200b marks an inline element edge (see page-model.ts): read through it around "@" and dots only,
// so "<a>info@shop.nl</a><a>Contact</a>" does not become "shop.nlcontact".
const Z = '\\u200b*';
const W = '[\\s\\u200b]*';
const LOCAL = '[\\p{L}\\p{N}._%+-]+';
const LABEL = '[\\p{L}\\p{N}-]+';
/** "(at)", "[at]", "(a)", "( @ )", "{at}", "[put the at sign here]" … */
const BRACKET_AT = `${W}[\\[({<][^\\])}>\\n]{0,30}?(?:(?<![\\p{L}])(?:at|ät|a|arobase|apenstaartje|klammeraffe)(?![\\p{L}])|@)[^\\])}>\\n]{0,30}?[\\])}>]${W}`;
const BRACKET_DOT = `${W}[\\[({<]\\s*(?:dot|punt|punkt|point|\\.)\\s*[\\])}>]${W}`;
const DOT = `${Z}\\.${Z}`;

const LOCAL_BEFORE = new RegExp(`${LOCAL}$`, 'u');
const DOMAIN_PLAIN = new RegExp(`${LABEL}(?:${DOT}${LABEL})+`, 'uy');
const DOMAIN_OBFUSCATED = new RegExp(`${LABEL}(?:(?:${BRACKET_DOT}|${DOT})${LABEL})+`, 'giuy');
const DOMAIN_SPELLED = new RegExp(`${LABEL}(?:(?:\\s+DOT\\s+|${BRACKET_DOT}|${DOT})${LABEL})+`, 'uy');

/**
 * The separators between local part and domain. Scanning for these and then reading outwards is
 * linear; a regex that starts with the local part retries at every letter of the page.
 */
const AT_FORMS: { at: RegExp; domain: RegExp; deobfuscated: boolean }[] = [
  { at: new RegExp(BRACKET_AT, 'giu'), domain: DOMAIN_OBFUSCATED, deobfuscated: true },
  // " AT " only in capitals, so "meet us at shop.nl" stays prose; also "info @ shop.nl".
  { at: /\s+AT\s+|\s+@\s+/gu, domain: DOMAIN_SPELLED, deobfuscated: true },
  { at: new RegExp(`${Z}@${Z}`, 'gu'), domain: DOMAIN_PLAIN, deobfuscated: false },
];

function cleanDomain(raw: string): string {
  return raw.replace(new RegExp(BRACKET_DOT, 'giu'), '.').replace(/\s+DOT\s+/g, '.');
}

/** Every e-mail address in a text, obfuscated forms included; one result per place. */
export function emailsInText(text: string): TextEmail[] {
  const out: TextEmail[] = [];
  const taken: [number, number][] = [];
  const overlaps = (s: number, e: number): boolean => taken.some(([a, b]) => s < b && e > a);
  for (const form of AT_FORMS) {
    form.at.lastIndex = 0;
    for (let m = form.at.exec(text); m; m = form.at.exec(text)) {
      if (m[0].length === 0) {
        form.at.lastIndex++;
        continue;
      }
      const local = LOCAL_BEFORE.exec(text.slice(Math.max(0, m.index - 64), m.index));
      if (!local) continue;
      form.domain.lastIndex = m.index + m[0].length;
      const domainMatch = form.domain.exec(text);
      if (!domainMatch) continue;
      const start = m.index - local[0].length;
      const end = form.domain.lastIndex;
      if (overlaps(start, end)) continue;
      // "info@shop.nl." at a sentence end, or a trailing hyphen.
      const domain = (form.deobfuscated ? cleanDomain(domainMatch[0]) : domainMatch[0])
        .replaceAll('\u200b', '')
        .replace(/[.-]+$/, '');
      let value = normaliseEmail(local[0], domain);
      let stop = end;
      if (!value && form.deobfuscated) {
        const joined = joinSplitDomain(local[0], domain, text.slice(end, end + 16));
        if (joined) {
          value = joined.value;
          stop = end + joined.consumed;
        }
      }
      if (!value) continue;
      out.push({ start, end: stop, value, deobfuscated: form.deobfuscated });
      taken.push([start, stop]);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
