import { type RuleLanguage, textIn } from './languages.js';
import type { RuleReference } from './types.js';

/**
 * A source as a reader of one language cites it: its title in that language (the English
 * one-line instrument for references stored before titles were translated), and the article or
 * case number, as "Bundesgerichtshof (BGH), 24. September 2020, I ZR 169/17".
 */
export function referenceName(ref: RuleReference, lang: RuleLanguage): string {
  const name = ref.title ? textIn(ref.title, lang) : ref.instrument;
  return [name, ref.article, ref.caseNumber].filter(Boolean).join(', ');
}

/** What the source says or decided that matters here, in the reader's language; null when it has no note. */
export function referenceNote(ref: RuleReference, lang: RuleLanguage): string | null {
  return ref.note ? textIn(ref.note, lang) : null;
}
