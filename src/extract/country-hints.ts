import { escapeRegex } from './identity-vocabulary.js';
import { phoneCountries } from './vocabularies.js';

/** A country named in the page's text. */
export interface CountryMention {
  start: number;
  end: number;
  country: string;
}

interface HintMatcher {
  /** Names in capitals only ("US", "UK"), matched as written; other names in any case. */
  patterns: RegExp[];
  countryOf: Map<string, string>;
}

let cached: HintMatcher | null = null;

const isAcronym = (word: string): boolean => /^[\p{Lu}.]+$/u.test(word);

function wordPattern(words: string[], flags: string): RegExp {
  const alternatives = [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => escapeRegex(w).replace(/ /g, '\\s+'))
    .join('|');
  // Never inside a word or a number.
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives || '(?!)'})(?![\\p{L}\\p{N}])`, flags);
}

function matcher(): HintMatcher {
  if (cached) return cached;
  const countryOf = new Map<string, string>();
  const acronyms: string[] = [];
  const names: string[] = [];
  for (const [country, facts] of Object.entries(phoneCountries())) {
    for (const word of facts.hints ?? []) {
      if (isAcronym(word)) {
        acronyms.push(word);
        countryOf.set(word, country);
      } else {
        names.push(word);
        countryOf.set(word.toLowerCase(), country);
      }
    }
  }
  cached = { patterns: [wordPattern(acronyms, 'gu'), wordPattern(names, 'giu')], countryOf };
  return cached;
}

/** The country names of rules/vocabulary/extract-phone-countries.yaml in text[from, to), in order. */
export function countryMentions(text: string, from = 0, to = text.length): CountryMention[] {
  const { patterns, countryOf } = matcher();
  const part = text.slice(from, to);
  const out: CountryMention[] = [];
  for (const re of patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(part); m; m = re.exec(part)) {
      const word = m[0].replace(/\s+/g, ' ');
      const country = countryOf.get(word) ?? countryOf.get(word.toLowerCase());
      if (country) out.push({ start: from + m.index, end: from + m.index + m[0].length, country });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The country a number is written for, when its sentence names one: the nearest name before the
 * number, else the nearest after it ("(800) 555-0199 for US customers").
 */
export function countryHintFor(
  text: string,
  sentence: { start: number; end: number },
  number: { start: number; end: number },
): string | null {
  const before = countryMentions(text, sentence.start, number.start).pop();
  if (before) return before.country;
  return countryMentions(text, number.end, sentence.end)[0]?.country ?? null;
}
