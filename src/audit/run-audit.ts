import PQueue from 'p-queue';
import type { CrawlEnvironment } from '../crawl/index.js';
import type { ShopTarget } from '../input/types.js';
import type { Override } from '../rules/index.js';
import type { ShopOutcome, Store } from '../store/types.js';
import { judgeShop } from './judge-shop.js';
import { type ObserveOptions, observeShop } from './observe-shop.js';
import type { RuleSetProvider } from './rule-set-provider.js';

export interface AuditRunOptions {
  store: Store;
  runId: number;
  targets: ShopTarget[];
  concurrency: number;
  observe: ObserveOptions;
  ruleSets: RuleSetProvider;
  overrides?: Override[];
  env: CrawlEnvironment;
  signal?: AbortSignal;
  onShopStart?: (target: ShopTarget) => void;
  onShopDone?: (outcome: ShopOutcome) => void;
}

export interface AuditRunSummary {
  audited: number;
  /** Shops whose crawl ended in a status other than ok/partial. */
  notRated: number;
}

/**
 * Audits the targets with bounded concurrency and stores each shop in its own transaction the moment
 * it is done, so a crash loses at most the shops in flight.
 */
export async function runAudit(options: AuditRunOptions): Promise<AuditRunSummary> {
  const queue = new PQueue({ concurrency: Math.max(1, options.concurrency) });
  const summary: AuditRunSummary = { audited: 0, notRated: 0 };
  let fatal: unknown = null;
  const knownRuleSets = new Set(options.ruleSets.used().map((r) => r.id));

  for (const target of options.targets) {
    queue.add(async () => {
      if (fatal || options.signal?.aborted) return;
      options.onShopStart?.(target);
      try {
        const evidence = await observeShop(target, options.observe, options.env, options.signal);
        const ruleSet = options.ruleSets.forCountry(evidence.target.country);
        if (!knownRuleSets.has(ruleSet.id)) {
          knownRuleSets.add(ruleSet.id);
          options.store.addRuleSet(options.runId, ruleSet);
        }
        const outcome = judgeShop(target, evidence, ruleSet, options.overrides);
        if (options.signal?.aborted) return;
        options.store.saveShop(options.runId, outcome);
        summary.audited += 1;
        if (outcome.score.score === null) summary.notRated += 1;
        options.onShopDone?.(outcome);
      } catch (error) {
        // Only tool errors reach here (no browser, a broken rule set, a database error): stop the run.
        fatal ??= error;
        queue.clear();
      }
    });
  }
  await queue.onIdle();
  if (fatal) throw fatal;
  return summary;
}
