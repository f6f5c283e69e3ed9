import type { LinkRank } from './link-rank.js';
import type { LinkVia } from './types.js';

export interface Candidate {
  url: string;
  depth: number;
  via: LinkVia;
  rank: LinkRank;
  order: number;
}

/** Bounds memory on pages with thousands of links and on crawler traps. */
const MAX_CANDIDATES = 5_000;

/**
 * The pages still to visit. Links that match the vocabulary come first, shallowest first, best
 * score first; then the rest, breadth first. So contact and legal pages two clicks deep are
 * reached before a hundred product pages one click deep use up the page budget.
 */
export class Frontier {
  private readonly pending = new Map<string, Candidate>();
  private order = 0;

  get size(): number {
    return this.pending.size;
  }

  /** Adds a link, or improves a pending one when this way to it is shorter or better labelled. */
  offer(url: string, depth: number, via: LinkVia, rank: LinkRank): void {
    const existing = this.pending.get(url);
    if (existing) {
      if (depth < existing.depth || (depth === existing.depth && rank.score > existing.rank.score)) {
        this.pending.set(url, { ...existing, depth, via, rank });
      }
      return;
    }
    if (this.pending.size >= MAX_CANDIDATES) return;
    this.pending.set(url, { url, depth, via, rank, order: this.order++ });
  }

  has(url: string): boolean {
    return this.pending.has(url);
  }

  hasRelevant(): boolean {
    for (const c of this.pending.values()) if (c.rank.score > 0) return true;
    return false;
  }

  /** Removes and returns the next candidate, or null. `relevantOnly` leaves unranked links waiting. */
  take(relevantOnly = false): Candidate | null {
    let best: Candidate | null = null;
    for (const c of this.pending.values()) {
      if (relevantOnly && c.rank.score <= 0) continue;
      if (!best || comesBefore(c, best)) best = c;
    }
    if (best) this.pending.delete(best.url);
    return best;
  }
}

function comesBefore(a: Candidate, b: Candidate): boolean {
  const tierA = a.rank.score > 0 ? 0 : 1;
  const tierB = b.rank.score > 0 ? 0 : 1;
  if (tierA !== tierB) return tierA < tierB;
  if (a.depth !== b.depth) return a.depth < b.depth;
  if (a.rank.score !== b.rank.score) return a.rank.score > b.rank.score;
  return a.order < b.order;
}
