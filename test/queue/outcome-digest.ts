import type { StoredShop } from '../../src/store/types.js';

/** The parts of a stored shop that must not depend on where it was crawled (no timings, no ports' order). */
export function outcomeDigest(shop: StoredShop) {
  return {
    key: shop.key,
    status: shop.status,
    score: shop.score.score,
    grade: shop.score.grade,
    verdict: shop.score.verdict.outcome,
    ruleSetId: shop.ruleSetId,
    pages: shop.evidence.pages.map((p) => `${new URL(p.finalUrl).pathname} ${p.kind} ${p.depth}`).sort(),
    sightings: shop.evidence.sightings
      .map((s) => `${s.kind} ${s.value} ${s.region} ${s.presentation}`)
      .sort(),
    findings: Object.fromEntries(shop.findings.map((f) => [f.rule, f.outcome])),
  };
}

export function digestsByKey(shops: StoredShop[]) {
  return Object.fromEntries(shops.map((shop) => [shop.key, outcomeDigest(shop)]));
}
