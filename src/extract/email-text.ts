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
  const { forms, spelledDot } = patterns();
  for (const form of forms) {
    form.at.lastIndex = 0;
    for (let m = form.at.exec(text); m; m = form.at.exec(text)) {
      if (m[0].length === 0) {
        form.at.lastIndex++;
        continue;
      }
      const candidate = candidateAt(text, m, form);
      if (!candidate || out.some((e) => candidate.start < e.end && candidate.end > e.start)) continue;
      const email = emailOf(text, candidate, form, spelledDot);
      if (email) out.push(email);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A local part and a domain read outwards from a separator, with where they start and end. */
interface Candidate {
  start: number;
  end: number;
  local: string;
  domain: string;
}

function candidateAt(text: string, at: RegExpExecArray, form: AtForm): Candidate | null {
  const local = LOCAL_BEFORE.exec(text.slice(Math.max(0, at.index - 64), at.index));
  if (!local) return null;
  form.domain.lastIndex = at.index + at[0].length;
  const domain = form.domain.exec(text);
  if (!domain) return null;
  return {
    start: at.index - local[0].length,
    end: form.domain.lastIndex,
    local: local[0],
    domain: domain[0],
  };
}

/** The address a candidate spells, or null when it is none. */
function emailOf(text: string, candidate: Candidate, form: AtForm, spelledDot: RegExp): TextEmail | null {
  const { start, end, local } = candidate;
  if (form.needsSpelledDot && !hasSpelledDot(candidate.domain, spelledDot)) return null;
  // "info@shop.nl." at a sentence end, or a trailing hyphen.
  const domain = (form.deobfuscated ? cleanDomain(candidate.domain, spelledDot) : candidate.domain)
    .replaceAll('\u200b', '')
    .replace(/[.-]+$/, '');
  const value = normaliseEmail(local, domain);
  if (value) return { start, end, value, deobfuscated: form.deobfuscated };
  // An obfuscated domain split by a space ("shop.n l"); any domain split by an element edge ("shop.n</a>l").
  if (!form.deobfuscated && text[end] !== '\u200b') return null;
  const joined = joinSplitDomain(local, domain, text.slice(end, end + 16));
  if (!joined?.value) return null;
  return { start, end: end + joined.consumed, value: joined.value, deobfuscated: form.deobfuscated };
}
