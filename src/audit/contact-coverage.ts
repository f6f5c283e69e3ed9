import type { PageObservations, Sighting } from '../extract/types.js';

/** A sighting a visitor can read as the shop's own phone or e-mail (not fax, not hidden, not metadata). */
export function isReadableContact(sighting: Sighting): boolean {
  return (
    sighting.visible !== false &&
    sighting.region !== 'structured-data' &&
    sighting.presentation !== 'href-only' &&
    (sighting.label === undefined || sighting.label === 'phone')
  );
}

export function contactCoverage(pages: PageObservations[]): { phone: boolean; email: boolean } {
  const readable = pages.flatMap((page) => page.sightings.filter(isReadableContact));
  return { phone: readable.some((s) => s.kind === 'phone'), email: readable.some((s) => s.kind === 'email') };
}
