import { RULE_LANGUAGES } from './languages.js';

/** A rule text that lacks a shipped language: where it is (a path into the file) and what it lacks. */
export interface LanguageGap {
  path: Array<string | number>;
  message: string;
}

const TEXT_FIELDS = ['title', 'failTitle', 'description', 'advice', 'help', 'short'] as const;
const EVERY = 'every rule text needs en, nl, de and fr';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The shipped languages a text lacks; a plain string is English only. */
function missing(text: unknown): string[] {
  if (typeof text === 'string') return RULE_LANGUAGES.filter((lang) => lang !== 'en');
  if (!isRecord(text)) return [];
  return RULE_LANGUAGES.filter((lang) => typeof text[lang] !== 'string' || text[lang] === '');
}

function gap(path: Array<string | number>, field: string, langs: string[]): LanguageGap {
  const list = langs.map((lang) => `"${lang}"`).join(', ');
  return { path, message: `${field} has no ${list} text (${EVERY})` };
}

/**
 * Every text of a rule file (or a refinement, which replaces the texts it names) that lacks one
 * of the shipped languages, one entry per field, naming the field and the languages.
 */
export function ruleLanguageGaps(raw: Record<string, unknown>): LanguageGap[] {
  const gaps: LanguageGap[] = [];
  for (const field of TEXT_FIELDS) {
    if (raw[field] === undefined) continue;
    const langs = missing(raw[field]);
    if (langs.length > 0) gaps.push(gap([field], field, langs));
  }
  const advice = raw.adviceFor;
  if (isRecord(advice) && advice.text !== undefined) {
    const langs = missing(advice.text);
    if (langs.length > 0) gaps.push(gap(['adviceFor', 'text'], 'adviceFor.text', langs));
  }
  if (isRecord(raw.reasons)) {
    for (const [outcome, text] of Object.entries(raw.reasons)) {
      const langs = missing(text);
      if (langs.length > 0) gaps.push(gap(['reasons', outcome], `reasons.${outcome}`, langs));
    }
  }
  if (Array.isArray(raw.references)) {
    raw.references.forEach((reference, index) => {
      if (isRecord(reference)) {
        for (const problem of referenceLanguageGaps(String(reference.key ?? index), reference))
          gaps.push({ ...problem, path: ['references', index, ...problem.path] });
      }
    });
  }
  return gaps;
}

/** A reference is shown to readers of every language: its title (and note) need all four. */
export function referenceLanguageGaps(key: string, entry: Record<string, unknown>): LanguageGap[] {
  if (entry.title === undefined)
    return [
      {
        path: [],
        message: `reference ${key} has no "title" in en, nl, de and fr (its instrument alone is shown untranslated)`,
      },
    ];
  const gaps: LanguageGap[] = [];
  for (const field of ['title', 'note'] as const) {
    if (entry[field] === undefined) continue;
    const langs = missing(entry[field]);
    if (langs.length > 0) gaps.push(gap([field], `reference ${key}: ${field}`, langs));
  }
  return gaps;
}
