import type { ShopEvidence } from '../evidence/types.js';
import type { ShopTarget } from '../input/types.js';
import type { Override } from '../rules/index.js';
import type { ShopOutcome, Store } from '../store/types.js';
import { judgeShop } from './judge-shop.js';
import type { RuleSetProvider } from './rule-set-provider.js';

export interface JudgeAndStoreOptions {
  store: Store;
  runId: number;
  ruleSets: RuleSetProvider;
  overrides?: Override[];
}

/** How many shops a run stored, and how many of them were not rated. */
export interface AuditRunSummary {
  audited: number;
  /** Shops whose crawl ended in a status other than ok/partial. */
  notRated: number;
}

/**
 * The step a local and a distributed audit share: judges a shop's evidence by its country's rule
 * set and stores the shop in its own transaction; a rule set is stored with the run the first time
 * a shop uses it. Returns null, storing nothing, when the signal aborted before the shop was stored.
 */
export function createJudgeAndStore(
  options: JudgeAndStoreOptions,
): (target: ShopTarget, evidence: ShopEvidence, signal?: AbortSignal) => ShopOutcome | null {
  const knownRuleSets = new Set(options.ruleSets.used().map((r) => r.id));
  return (target, evidence, signal) => {
    const ruleSet = options.ruleSets.forCountry(evidence.target.country);
    if (!knownRuleSets.has(ruleSet.id)) {
      knownRuleSets.add(ruleSet.id);
      options.store.addRuleSet(options.runId, ruleSet);
    }
    const outcome = judgeShop(target, evidence, ruleSet, options.overrides);
    if (signal?.aborted) return null;
    options.store.saveShop(options.runId, outcome);
    return outcome;
  };
}

/** Counts a stored shop in the run's summary. */
export function countStored(summary: AuditRunSummary, outcome: ShopOutcome): void {
  summary.audited += 1;
  if (outcome.score.score === null) summary.notRated += 1;
}
