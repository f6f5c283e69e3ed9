import { isReadableContact, readableContacts } from '../extract/index.js';
import type { PageObservations } from '../extract/types.js';

export { isReadableContact };

export function contactCoverage(pages: PageObservations[]): { phone: boolean; email: boolean } {
  const found = pages.map((page) => readableContacts(page));
  return { phone: found.some((f) => f.phones.length > 0), email: found.some((f) => f.emails.length > 0) };
}
