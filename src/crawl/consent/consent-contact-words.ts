import { type LinkWords, loadLinkWords, normaliseWords } from '../discovery/link-rank.js';

/** A contact-like link word with its category weight, normalised the way link-rank compares them. */
export interface ContactWord {
  word: string;
  weight: number;
}

/** The text words of the link vocabulary's contact-like categories (contact, customer service, Impressum). */
export function contactLinkWords(words: LinkWords = loadLinkWords()): ContactWord[] {
  const found: ContactWord[] = [];
  for (const category of Object.values(words.categories)) {
    if (!category.contact) continue;
    for (const word of category.text) found.push({ word: normaliseWords(word), weight: category.weight });
  }
  return found;
}
