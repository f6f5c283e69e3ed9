import type { ShopEvidence } from '../evidence/types.js';
import type { Quantified } from '../rules/grammar.js';
import { type ReadableSelections, selectItems } from '../rules/index.js';

/**
 * Fewest clicks from the home page to a sighting of the selection (the rule set's
 * `readable-phone` or `readable-email`); null when none is linked or the rule set has no such
 * selection. The rules say what is readable; this only counts clicks.
 */
export function fewestClicks(evidence: ShopEvidence, selection: Quantified | null): number | null {
  if (!selection) return null;
  let best: number | null = null;
  for (const item of selectItems(evidence, selection)) {
    const depth = (item as { pageDepth?: number | null }).pageDepth;
    if (typeof depth !== 'number') continue;
    if (best === null || depth < best) best = depth;
  }
  return best;
}

/** Fewest clicks to a readable phone and to a readable e-mail address, as the rule set reads them. */
export function readableClicks(
  evidence: ShopEvidence,
  readable: ReadableSelections,
): { phoneClicks: number | null; emailClicks: number | null } {
  return {
    phoneClicks: fewestClicks(evidence, readable.phone),
    emailClicks: fewestClicks(evidence, readable.email),
  };
}
