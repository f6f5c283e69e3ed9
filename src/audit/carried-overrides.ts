import type { Override } from '../rules/index.js';
import type { RunRecord, StoredShop } from '../store/types.js';

/**
 * The decisions people made in an earlier run, as overrides for a new one: every overridden
 * finding of every shop, with its reason, author and date, flagged with the run it was first made
 * in (a decision carried twice keeps its first run).
 */
export function carriedOverrides(run: RunRecord, shops: StoredShop[]): Override[] {
  return shops.flatMap((shop) =>
    shop.findings.flatMap((finding): Override[] => {
      const decision = finding.override;
      if (!decision) return [];
      return [
        {
          shop: shop.key,
          rule: finding.rule,
          outcome: decision.outcome,
          reason: decision.reason,
          ...(decision.by ? { by: decision.by } : {}),
          ...(decision.at ? { at: decision.at } : {}),
          carriedFrom: decision.carriedFrom ?? { runId: run.id, runLabel: run.label },
        },
      ];
    }),
  );
}
