import type { Outcome } from '../rules/types.js';
import type { ShopResult } from './shop-result.js';

export interface ShopRef {
  key: string;
  name: string;
}

export interface RuleChange extends ShopRef {
  rule: string;
  before: Outcome | null;
  after: Outcome;
}

export interface ScoreChange extends ShopRef {
  before: number | null;
  after: number | null;
  /** after − before; null when either side is not rated. */
  delta: number | null;
}

export interface RunComparison {
  nowPass: ShopRef[];
  nowFail: ShopRef[];
  rulesNewlyPassed: RuleChange[];
  rulesNewlyFailed: RuleChange[];
  scoreChanges: ScoreChange[];
  added: ShopRef[];
  gone: ShopRef[];
}

const ref = (r: ShopResult): ShopRef => ({ key: r.target.key, name: r.target.name });

/** What changed for the shops of a run against an earlier run; shops are matched by key. */
export function compareRuns(before: ShopResult[], after: ShopResult[]): RunComparison {
  const earlier = new Map(before.map((r) => [r.target.key, r]));
  const later = new Set(after.map((r) => r.target.key));
  const comparison: RunComparison = {
    nowPass: [],
    nowFail: [],
    rulesNewlyPassed: [],
    rulesNewlyFailed: [],
    scoreChanges: [],
    added: [],
    gone: before.filter((r) => !later.has(r.target.key)).map(ref),
  };
  for (const now of after) {
    const then = earlier.get(now.target.key);
    if (!then) {
      comparison.added.push(ref(now));
      continue;
    }
    const passedThen = then.verdict.outcome === 'pass';
    const passesNow = now.verdict.outcome === 'pass';
    if (passesNow && !passedThen) comparison.nowPass.push(ref(now));
    if (passedThen && !passesNow) comparison.nowFail.push(ref(now));

    const thenOutcomes = new Map(then.findings.map((f) => [f.rule, f.outcome]));
    for (const f of now.findings) {
      const was = thenOutcomes.get(f.rule) ?? null;
      if (f.outcome === 'pass' && was !== 'pass') {
        comparison.rulesNewlyPassed.push({ ...ref(now), rule: f.rule, before: was, after: f.outcome });
      }
      if (f.outcome === 'fail' && was !== 'fail') {
        comparison.rulesNewlyFailed.push({ ...ref(now), rule: f.rule, before: was, after: f.outcome });
      }
    }
    if (then.score !== now.score) {
      const delta = then.score === null || now.score === null ? null : now.score - then.score;
      comparison.scoreChanges.push({ ...ref(now), before: then.score, after: now.score, delta });
    }
  }
  comparison.scoreChanges.sort(
    (a, b) => Math.abs(b.delta ?? 0) - Math.abs(a.delta ?? 0) || a.name.localeCompare(b.name),
  );
  return comparison;
}
