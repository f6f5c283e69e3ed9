import type { NumberLabel, PageObservations, Presentation, Sighting } from './types.js';

const NOT_CONTACT_LABELS = new Set<NumberLabel>(['fax', 'registry', 'vat', 'iban', 'other']);
const NOT_READABLE = new Set<Presentation>(['href-only', 'image-hint']);

/**
 * Whether a sighting is contact data a visitor can read: shown (not hidden, not in a comment or
 * only in an href or image), not structured data, and for phones not labelled fax or registry,
 * a valid number, and not another organisation's. The `contact-sighting` selection of
 * rules/selections.yaml says the same for the rules.
 */
export function isReadableContact(s: Sighting): boolean {
  if (s.visible === false) return false;
  if (s.region === 'structured-data') return false;
  if (NOT_READABLE.has(s.presentation)) return false;
  if (s.kind === 'phone' && s.label !== undefined && NOT_CONTACT_LABELS.has(s.label)) return false;
  if (s.phoneType === 'invalid' || s.thirdParty !== undefined) return false;
  return true;
}

export interface ReadableContacts {
  phones: string[];
  emails: string[];
}

/** The distinct phone numbers (E.164) and e-mail addresses a visitor can read on the page. */
export function readableContacts(observations: Pick<PageObservations, 'sightings'>): ReadableContacts {
  const phones = new Set<string>();
  const emails = new Set<string>();
  for (const s of observations.sightings) {
    if (!isReadableContact(s)) continue;
    (s.kind === 'phone' ? phones : emails).add(s.value);
  }
  return { phones: [...phones].sort(), emails: [...emails].sort() };
}
