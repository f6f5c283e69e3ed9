import type { EvidenceSighting } from '../evidence/types.js';
import { isReadableContact } from '../extract/readable.js';

/**
 * A sighting a visitor can read as a contact detail. Extraction owns the definition; the
 * `contact-sighting` selection in rules/selections.yaml states the same in rule language.
 */
export function isReadableContactSighting(sighting: EvidenceSighting): boolean {
  return isReadableContact(sighting);
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
