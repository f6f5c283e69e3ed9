import type { LinkRank } from './link-rank.js';
import { betterVia } from './link-region.js';
import type { LinkVia } from './types.js';

export interface Candidate {
  /** The URL to request (tracking parameters and fragment dropped). */
  url: string;
  /** The page it stands for: every alias of one page shares it (src/crawl/url-alias.ts). */
  key: string;
  depth: number;
  via: LinkVia;
  rank: LinkRank;
  order: number;
}

/** Bounds memory on pages with thousands of links and on crawler traps. */
const MAX_CANDIDATES = 5_000;

/** Which of the three groups a link is visited in: words of the vocabulary, other pages, the catalogue. */
export type Tier = 0 | 1 | 2;

export function tierOf(rank: LinkRank): Tier {
  if (rank.catalogue) return 2;
  return rank.score > 0 ? 0 : 1;
}

/**
 * The pages still to visit. Links that match the vocabulary come first, shallowest first, best
 * score first; then other pages, breadth first; the catalogue (products, categories, search, blog,
 * pagination) last. So contact and legal pages two clicks deep are reached before a hundred
 * product pages one click deep use up the page budget.
 */
export class Frontier {
  private readonly pending = new Map<string, Candidate>();
  private order = 0;

  get size(): number {
    return this.pending.size;
  }

  /**
   * Adds a link, or improves a pending one: a shorter way to it replaces the old one; at the same
   * depth the link keeps its best rank, and the link recorded as the way there is the one in the
   * page's header, navigation or footer when there is one (the chrome every page shares).
   */
  offer(url: string, key: string, depth: number, via: LinkVia, rank: LinkRank): void {
    const existing = this.pending.get(key);
    if (existing) {
      if (depth < existing.depth) {
        this.pending.set(key, { ...existing, url, depth, via, rank });
      } else if (depth === existing.depth) {
        // The address first seen is the one fetched: aliases are the same page.
        this.pending.set(key, {
          ...existing,
          via: betterVia(via, existing.via) ? via : existing.via,
          rank: rank.score > existing.rank.score ? rank : existing.rank,
        });
      }
      return;
    }
    if (this.pending.size >= MAX_CANDIDATES) return;
    this.pending.set(key, { url, key, depth, via, rank, order: this.order++ });
  }

  has(key: string): boolean {
    return this.pending.has(key);
  }

  /** Whether a candidate of at most `maxTier` is waiting. */
  hasUpTo(maxTier: Tier): boolean {
    for (const c of this.pending.values()) if (tierOf(c.rank) <= maxTier) return true;
    return false;
  }

  /** Removes and returns the next candidate of at most `maxTier`, or null. */
  take(maxTier: Tier = 2): Candidate | null {
    let best: Candidate | null = null;
    for (const c of this.pending.values()) {
      if (tierOf(c.rank) > maxTier) continue;
      if (!best || comesBefore(c, best)) best = c;
    }
    if (best) this.pending.delete(best.key);
    return best;
  }
}

function comesBefore(a: Candidate, b: Candidate): boolean {
  const tierA = tierOf(a.rank);
  const tierB = tierOf(b.rank);
  if (tierA !== tierB) return tierA < tierB;
  if (a.depth !== b.depth) return a.depth < b.depth;
  if (a.rank.score !== b.rank.score) return a.rank.score > b.rank.score;
  return a.order < b.order;
}
