import type { ShopEvidence } from '../evidence/types.js';
import type { Finding } from '../rules/types.js';
import { gradeFor } from './grade.js';
import { fewestClicks } from './readable-sighting.js';
import { HEADLINE_RULE_ID, type ShopScore } from './types.js';

const RATED_STATUSES = new Set<string>(['ok', 'partial']);

/** Whether a finding counts: only computed passes and fails; an override of any kind takes it out. */
function counts(finding: Finding): boolean {
  return finding.override === undefined && (finding.outcome === 'pass' || finding.outcome === 'fail');
}

/**
 * Score = 100 × passed weight / (passed + failed weight), rounded to a whole number.
 * A shop that could not be crawled, or where no weighted rule was judged, is "not rated" (null).
 */
export function scoreShop(findings: Finding[], evidence: ShopEvidence): ShopScore {
  const headline = findings.find((finding) => finding.rule === HEADLINE_RULE_ID);
  const verdict: ShopScore['verdict'] = {
    rule: HEADLINE_RULE_ID,
    outcome: headline?.outcome ?? 'not-assessable',
    phoneClicks: fewestClicks(evidence.sightings, 'phone'),
    emailClicks: fewestClicks(evidence.sightings, 'email'),
  };
  if (!RATED_STATUSES.has(evidence.crawl.status)) return { score: null, grade: null, verdict };

  let passed = 0;
  let judged = 0;
  for (const finding of findings) {
    if (!counts(finding)) continue;
    judged += finding.weight;
    if (finding.outcome === 'pass') passed += finding.weight;
  }
  if (judged === 0) return { score: null, grade: null, verdict };
  const score = Math.round((100 * passed) / judged);
  return { score, grade: gradeFor(score), verdict };
}
