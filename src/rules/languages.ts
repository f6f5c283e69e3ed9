import type { LocalText } from './types.js';

/** The languages every shipped rule text, reason and reference title is written in. */
export const RULE_LANGUAGES = ['en', 'nl', 'de', 'fr'] as const;
export type RuleLanguage = (typeof RULE_LANGUAGES)[number];

/** A rule text in one language; English where a (user's own) rule file lacks that language. */
export function textIn(text: LocalText | string | undefined, lang: RuleLanguage): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[lang] ?? text.en;
}
