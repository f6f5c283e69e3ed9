import type { ShopEvidence } from '../evidence/types.js';
import { readableSelections } from '../rules/index.js';
import type { Finding, RuleSet } from '../rules/types.js';
import { GRADE_BANDS, gradeFor } from './grade.js';
import { readableClicks } from './readable-sighting.js';
import { HEADLINE_RULE_ID, type ScoreCap, type ShopScore } from './types.js';

const RATED_STATUSES = new Set<string>(['ok', 'partial']);

/**
 * The highest score a shop that fails a rule of level `law` can get: the top of band C, so such a
 * shop is never graded A or B however many smaller rules it passes.
 */
export const LAW_FAILURE_CAP = (GRADE_BANDS.find((band) => band.grade === 'B')?.from ?? 75) - 1;

/** Whether a finding counts: only computed passes and fails; an override of any kind takes it out. */
function counts(finding: Finding): boolean {
  return finding.override === undefined && (finding.outcome === 'pass' || finding.outcome === 'fail');
}

/** 100 × passed weight / judged weight, rounded; null when no weighted rule was judged. */
export function weightedScore(findings: Finding[]): number | null {
  let passed = 0;
  let judged = 0;
  for (const finding of findings) {
    if (!counts(finding)) continue;
    judged += finding.weight;
    if (finding.outcome === 'pass') passed += finding.weight;
  }
  return judged === 0 ? null : Math.round((100 * passed) / judged);
}

/**
 * The rules of level law the shop fails, after any override (a person's `fail` counts; a rule
 * switched `off` does not).
 */
export function lawFailures(findings: Finding[]): string[] {
  return findings
    .filter((f) => f.level === 'law' && f.outcome === 'fail' && f.override?.outcome !== 'off')
    .map((f) => f.rule);
}

/** The cap, when a law failure lowered the score; null when there is none or the score was below it. */
export function scoreCap(findings: Finding[]): ScoreCap | null {
  const uncapped = weightedScore(findings);
  const rules = lawFailures(findings);
  if (uncapped === null || rules.length === 0 || uncapped <= LAW_FAILURE_CAP) return null;
  return { limit: LAW_FAILURE_CAP, uncapped, rules };
}

/**
 * Score = 100 × passed weight / (passed + failed weight), rounded to a whole number, and at most
 * LAW_FAILURE_CAP when a rule of level law fails. A shop that could not be crawled, or where no
 * weighted rule was judged, is "not rated" (null). The click counts ask the rule set's own
 * readable selections, so other rules change them with the verdicts.
 */
export function scoreShop(findings: Finding[], evidence: ShopEvidence, ruleSet: RuleSet): ShopScore {
  const headline = findings.find((finding) => finding.rule === HEADLINE_RULE_ID);
  const verdict: ShopScore['verdict'] = {
    rule: HEADLINE_RULE_ID,
    outcome: headline?.outcome ?? 'not-assessable',
    ...readableClicks(evidence, readableSelections(ruleSet)),
  };
  if (!RATED_STATUSES.has(evidence.crawl.status)) return { score: null, grade: null, verdict };
  const uncapped = weightedScore(findings);
  if (uncapped === null) return { score: null, grade: null, verdict };
  const cap = scoreCap(findings);
  const score = cap ? cap.limit : uncapped;
  return { score, grade: gradeFor(score), verdict, ...(cap ? { cap } : {}) };
}
