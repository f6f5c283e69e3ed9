import { readFileSync } from 'node:fs';
import type { Lang } from './languages.js';

// The English catalogue is the reference: its keys are the message keys, checked at compile time.
// The other languages are named here too, so that `tsc` copies them beside the compiled code and
// refuses a catalogue that lacks a key (see `Complete` below).
type English = typeof import('./locales/en.json');
type Dutch = typeof import('./locales/nl.json');
type German = typeof import('./locales/de.json');
type French = typeof import('./locales/fr.json');

export type MessageKey = keyof English;

/** The keys of the English catalogue that another catalogue lacks. */
type Missing<Catalogue> = Exclude<MessageKey, keyof Catalogue>;
/** Names the missing keys in a compile error: a shipped language has no fallback to English. */
type NoneMissing<Keys extends never> = Keys;
export type CataloguesComplete = [
  NoneMissing<Missing<Dutch>>,
  NoneMissing<Missing<German>>,
  NoneMissing<Missing<French>>,
];

export type Catalogue = Record<string, string>;

const cache = new Map<Lang, Catalogue>();

/** The catalogue file of a language: src/i18n/locales/<lang>.json (dist/i18n/locales/ once built). */
export function catalogueFile(lang: Lang): URL {
  return new URL(`./locales/${lang}.json`, import.meta.url);
}

/** A language's messages, read once: a flat map from message key to ICU MessageFormat text. */
export function catalogue(lang: Lang): Catalogue {
  let messages = cache.get(lang);
  if (!messages) {
    messages = JSON.parse(readFileSync(catalogueFile(lang), 'utf8')) as Catalogue;
    cache.set(lang, messages);
  }
  return messages;
}
