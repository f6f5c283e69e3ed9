import { normaliseEmail } from './email-address.js';
import { joinSplitDomain } from './email-split-domain.js';
import { alternation } from './identity-vocabulary.js';
import { emailWords } from './vocabularies.js';

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
const DOT = `${Z}\\.${Z}`;
const LOCAL_BEFORE = new RegExp(`${LOCAL}$`, 'u');
/** A word standing alone: not inside another word. */
const word = (alternatives: string): string => `(?<![\\p{L}])(?:${alternatives})(?![\\p{L}])`;

interface AtForm {
  at: RegExp;
  domain: RegExp;
  deobfuscated: boolean;
  /** Only a domain that spells out a dot counts ("shop dot nl", not "shop.nl"). */
  needsSpelledDot?: boolean;
}

interface EmailPatterns {
  forms: AtForm[];
  /** "(dot)", "[punt]", " dot " …: a spelled dot, to turn into ".". */
  spelledDot: RegExp;
}

let cached: EmailPatterns | null = null;

/**
 * The separators between local part and domain, built once from the words of
 * rules/vocabulary/extract-email-words.yaml. Scanning for these and then reading outwards is
 * linear; a regex that starts with the local part retries at every letter of the page.
 */
function patterns(): EmailPatterns {
  if (cached) return cached;
  const words = emailWords();
  const atWords = alternation(words.at);
  const dotWords = alternation(words.dot);
  /** "(at)", "[at]", "(a)", "( @ )", "{at}", "[put the at sign here]" … */
  const bracketAt = `${W}[\\[({<][^\\])}>\\n]{0,30}?(?:${word(alternation([...words.at, ...words.bracketOnly]))}|@)[^\\])}>\\n]{0,30}?[\\])}>]${W}`;
  const bracketDot = `${W}[\\[({<]\\s*(?:${dotWords}|\\.)\\s*[\\])}>]${W}`;
  const bareDot = `\\s+${word(dotWords)}\\s+`;
  const domainObfuscated = new RegExp(`${LABEL}(?:(?:${bracketDot}|${DOT})${LABEL})+`, 'giuy');
  const domainSpelled = new RegExp(`${LABEL}(?:(?:\\s+DOT\\s+|${bracketDot}|${DOT})${LABEL})+`, 'uy');
  const domainInWords = new RegExp(`${LABEL}(?:(?:${bareDot}|${bracketDot}|${DOT})${LABEL})+`, 'giuy');
  cached = {
    forms: [
      { at: new RegExp(bracketAt, 'giu'), domain: domainObfuscated, deobfuscated: true },
      // " AT " in capitals, so "meet us at shop.nl" stays prose; also "info @ shop.nl".
      { at: /\s+AT\s+|\s+@\s+/gu, domain: domainSpelled, deobfuscated: true },
      // "verkoop at shop dot nl", "info apenstaartje shop punt nl": words for both signs.
      {
        at: new RegExp(`\\s+${word(atWords)}\\s+`, 'giu'),
        domain: domainInWords,
        deobfuscated: true,
        needsSpelledDot: true,
      },
      {
        at: new RegExp(`${Z}@${Z}`, 'gu'),
        domain: new RegExp(`${LABEL}(?:${DOT}${LABEL})+`, 'uy'),
        deobfuscated: false,
      },
    ],
    spelledDot: new RegExp(`${bracketDot}|${bareDot}|\\s+DOT\\s+`, 'giu'),
  };
  return cached;
}

function cleanDomain(raw: string, spelledDot: RegExp): string {
  return raw.replace(spelledDot, '.');
}

function hasSpelledDot(raw: string, spelledDot: RegExp): boolean {
  spelledDot.lastIndex = 0;
  return spelledDot.test(raw);
}

/** Every e-mail address in a text, obfuscated forms included; one result per place. */
export function emailsInText(text: string): TextEmail[] {
  const out: TextEmail[] = [];
  const taken: [number, number][] = [];
  const overlaps = (s: number, e: number): boolean => taken.some(([a, b]) => s < b && e > a);
  const { forms, spelledDot } = patterns();
  for (const form of forms) {
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
      if (form.needsSpelledDot && !hasSpelledDot(domainMatch[0], spelledDot)) continue;
      // "info@shop.nl." at a sentence end, or a trailing hyphen.
      const domain = (form.deobfuscated ? cleanDomain(domainMatch[0], spelledDot) : domainMatch[0])
        .replaceAll('\u200b', '')
        .replace(/[.-]+$/, '');
      let value = normaliseEmail(local[0], domain);
      let stop = end;
      // An obfuscated domain split by a space ("shop.n l"); any domain split by an element edge ("shop.n</a>l").
      if (!value && (form.deobfuscated || text[end] === '\u200b')) {
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
