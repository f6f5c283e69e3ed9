import { type ObservedPage, placedSighting } from '../evidence/index.js';
import type { Quantified } from '../rules/grammar.js';
import { type ReadableSelections, whereHolds } from '../rules/index.js';

export interface ReadableContacts {
  phones: string[];
  emails: string[];
}

const inSelection = (sighting: unknown, selection: Quantified | null) =>
  selection !== null && selection.in === 'sightings' && whereHolds(sighting, selection.where);

/**
 * The distinct phone numbers and e-mail addresses of the sightings that the rules' `readable-phone`
 * and `readable-email` selections take (sorted). A selection the rules lack takes nothing.
 */
export function readableContacts(
  sightings: Array<{ value: string }>,
  readable: ReadableSelections,
): ReadableContacts {
  const values = (selection: Quantified | null) =>
    [...new Set(sightings.filter((s) => inSelection(s, selection)).map((s) => s.value))].sort();
  return { phones: values(readable.phone), emails: values(readable.email) };
}

/**
 * Whether the pages read so far show a phone number and an e-mail address a visitor can read for
 * certain, as the rules say, each sighting placed on its page as the evidence will place it. A
 * sighting whose visibility static mode could not tell (`visible: 'unknown'`, e.g. hidden by a CSS
 * rule that may hold only until scripts run) does not cover its kind: the verdict may depend on
 * it, so auto mode renders the shop.
 */
export function contactCoverage(
  pages: ObservedPage[],
  readable: ReadableSelections,
): { phone: boolean; email: boolean } {
  const sightings = pages.flatMap((page, index) =>
    page.observations.sightings.flatMap((sighting, n) =>
      sighting.visible === true ? [placedSighting(sighting, page, `p${index + 1}`, `s${n + 1}`)] : [],
    ),
  );
  const found = readableContacts(sightings, readable);
  return { phone: found.phones.length > 0, email: found.emails.length > 0 };
}
