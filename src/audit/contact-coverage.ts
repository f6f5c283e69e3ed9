import { isReadableContact, readableContacts } from '../extract/index.js';
import type { PageObservations } from '../extract/types.js';

export { isReadableContact };

/**
 * Whether the pages show a phone and an e-mail for certain. A detail whose visibility static mode
 * could not tell (`visible: 'unknown'`, e.g. hidden by a rule that holds only until scripts run)
 * does not cover its kind: the verdict depends on it, so auto mode renders the shop.
 */
export function contactCoverage(pages: PageObservations[]): { phone: boolean; email: boolean } {
  const found = pages.map((page) =>
    readableContacts({ sightings: page.sightings.filter((s) => s.visible === true) }),
  );
  return { phone: found.some((f) => f.phones.length > 0), email: found.some((f) => f.emails.length > 0) };
}
