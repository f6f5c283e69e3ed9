import { loadVocabulary } from '../common/vocabulary.js';
import type { FactKind } from './types.js';
import { numberLabels } from './vocabularies.js';

export interface IdentityWords {
  legalForms: Record<string, string[]>;
  nameJoiners: string[];
  notNameStart: string[];
  poBox: string[];
  streetTypesAfterNumber: string[];
  notRegister: string[];
  withdrawal: string[];
}

/** A fact found in a page's flattened text, before it is placed in a region. */
export interface TextFact {
  kind: FactKind;
  value: string;
  start: number;
  end: number;
  scheme?: string;
}

export const identityWords = (): IdentityWords => loadVocabulary<IdentityWords>('extract-identity-words');

export const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Alternatives, longest first, spaces matching any run of spaces. */
export function alternation(words: string[]): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => escapeRegex(w).replace(/ /g, '\\s+'))
    .join('|');
}

/** The register and VAT label words of rules/vocabulary/number-labels.yaml, minus tax and activity codes. */
export function registerLabelWords(): { registry: string[]; vat: string[] } {
  const labels = numberLabels();
  const excluded = new Set(identityWords().notRegister.map((w) => w.toLowerCase()));
  return {
    registry: labels.registry.words.filter((w) => !excluded.has(w.toLowerCase())),
    vat: labels.vat.words,
  };
}
