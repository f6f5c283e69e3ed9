import type { EvidenceSighting } from '../evidence/types.js';

/**
 * A sighting a visitor can read as a contact detail: not judged invisible, not only in structured
 * data or an href, and not labelled as something else (fax, registry, VAT, IBAN).
 * The same definition as the `readable-*` selections in rules/selections.yaml.
 */
export function isReadableContactSighting(sighting: EvidenceSighting): boolean {
  return (
    sighting.visible !== false &&
    sighting.region !== 'structured-data' &&
    sighting.presentation !== 'href-only' &&
    (sighting.label === undefined || sighting.label === 'phone')
  );
}

/** Fewest clicks from the home page to a readable sighting of this kind; null when none is linked. */
export function fewestClicks(sightings: EvidenceSighting[], kind: EvidenceSighting['kind']): number | null {
  let best: number | null = null;
  for (const sighting of sightings) {
    if (sighting.kind !== kind || sighting.pageDepth === null || !isReadableContactSighting(sighting))
      continue;
    if (best === null || sighting.pageDepth < best) best = sighting.pageDepth;
  }
  return best;
}
