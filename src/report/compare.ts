import { referencedRules } from '../rules/index.js';
import type { Outcome, Rule, RuleSet } from '../rules/types.js';
import { HEADLINE_RULE_ID } from '../score/index.js';
import type { RunRecord } from '../store/types.js';
import type { ResultFinding, ShopResult } from './shop-result.js';
import { summarise } from './summary.js';

export interface ShopRef {
  key: string;
  name: string;
}

/**
 * Why something changed, when it was not the shop itself: a person's decision, a changed rule, a
 * different crawl status or another profile. `evidence` names the rules whose outcome changed for
 * none of these reasons: the shop's pages (or what the crawl saw of them) changed.
 */
export type Cause =
  | { kind: 'override'; rule: string; before: boolean; after: boolean; carried: boolean }
  | { kind: 'weight'; rule: string; before: number; after: number }
  | { kind: 'level'; rule: string; before: string; after: string }
  | { kind: 'rule-changed'; rule: string }
  | { kind: 'rule-added'; rule: string }
  | { kind: 'rule-removed'; rule: string }
  | { kind: 'crawl-status'; before: string; after: string }
  | { kind: 'profile'; before: string; after: string }
  | { kind: 'evidence'; rules: string[] };

export interface RuleChange extends ShopRef {
  rule: string;
  before: Outcome | null;
  after: Outcome;
  causes: Cause[];
}

/** A shop whose rank, grade, score or headline verdict changed; `causes` empty means the shop itself. */
export interface ShopChange extends ShopRef {
  rank: { before: number | null; after: number | null; of: { before: number; after: number } };
  grade: { before: string | null; after: string | null };
  score: { before: number | null; after: number | null; delta: number | null };
  verdict: { before: Outcome; after: Outcome };
  causes: Cause[];
}

export interface FigureChange {
  figure: 'phone' | 'email' | 'findable';
  before: { count: number; of: number };
  after: { count: number; of: number };
}

/** A rule that differs between the two runs' rule sets, with the profiles it differs in. */
export interface DefinitionChange {
  profiles: string[];
  change: Extract<Cause, { kind: 'weight' | 'level' | 'rule-changed' | 'rule-added' | 'rule-removed' }>;
}

export interface RunComparison {
  figures: FigureChange[];
  definitionChanges: DefinitionChange[];
  nowPass: ShopChange[];
  nowFail: ShopChange[];
  shopChanges: ShopChange[];
  rulesNewlyPassed: RuleChange[];
  rulesNewlyFailed: RuleChange[];
  added: ShopRef[];
  gone: ShopRef[];
}

/** One run's side of a comparison. */
export interface RunSide {
  run: RunRecord;
  results: ShopResult[];
  ruleSets: RuleSet[];
}

const ref = (r: ShopResult): ShopRef => ({ key: r.target.key, name: r.target.name });
const conditions = (rule: Rule): string =>
  JSON.stringify([rule.test, rule.appliesWhen, rule.needsReviewWhen, rule.notAssessableWhen]);
const counted = (f: ResultFinding | undefined) =>
  f !== undefined && !f.override && (f.outcome === 'pass' || f.outcome === 'fail');

/** How one rule differs between two rule sets; empty when it does not. */
export function ruleDifferences(
  before: Rule | undefined,
  after: Rule | undefined,
): DefinitionChange['change'][] {
  if (!before && !after) return [];
  if (!before) return [{ kind: 'rule-added', rule: (after as Rule).id }];
  if (!after) return [{ kind: 'rule-removed', rule: before.id }];
  const changes: DefinitionChange['change'][] = [];
  if (conditions(before) !== conditions(after)) changes.push({ kind: 'rule-changed', rule: after.id });
  if (before.level !== after.level)
    changes.push({ kind: 'level', rule: after.id, before: before.level, after: after.level });
  if (before.weight !== after.weight)
    changes.push({ kind: 'weight', rule: after.id, before: before.weight, after: after.weight });
  return changes;
}

function addCause(list: Cause[], cause: Cause): void {
  const key = JSON.stringify(cause);
  if (!list.some((c) => JSON.stringify(c) === key)) list.push(cause);
}

/** The rule sets of a side by id, with the run's default for shops judged before sets were kept. */
function setFinder(side: RunSide): (id: string) => RuleSet {
  const byId = new Map([side.run.ruleSet, ...side.ruleSets].map((set) => [set.id, set]));
  return (id) => byId.get(id) ?? side.run.ruleSet;
}

/** What explains the differences between one shop's findings in the two runs. */
class ShopDiff {
  private readonly beforeFindings: Map<string, ResultFinding>;
  private readonly afterFindings: Map<string, ResultFinding>;
  private readonly beforeRules: Map<string, Rule>;
  private readonly afterRules: Map<string, Rule>;
  /** Causes every finding of the shop shares: its crawl status or profile changed. */
  readonly shared: Cause[] = [];

  constructor(
    readonly then: ShopResult,
    readonly now: ShopResult,
    beforeSet: RuleSet,
    afterSet: RuleSet,
  ) {
    this.beforeFindings = new Map(then.findings.map((f) => [f.rule, f]));
    this.afterFindings = new Map(now.findings.map((f) => [f.rule, f]));
    this.beforeRules = new Map(beforeSet.rules.map((r) => [r.id, r]));
    this.afterRules = new Map(afterSet.rules.map((r) => [r.id, r]));
    if (then.status !== now.status)
      this.shared.push({ kind: 'crawl-status', before: then.status, after: now.status });
    if (beforeSet.id !== afterSet.id)
      this.shared.push({ kind: 'profile', before: beforeSet.id, after: afterSet.id });
  }

  outcomeChanged(rule: string): boolean {
    return this.beforeFindings.get(rule)?.outcome !== this.afterFindings.get(rule)?.outcome;
  }

  before(rule: string): ResultFinding | undefined {
    return this.beforeFindings.get(rule);
  }

  after(rule: string): ResultFinding | undefined {
    return this.afterFindings.get(rule);
  }

  private overrideCause(rule: string): Cause | null {
    const was = this.beforeFindings.get(rule)?.override;
    const is = this.afterFindings.get(rule)?.override;
    if (!was && !is) return null;
    return {
      kind: 'override',
      rule,
      before: Boolean(was),
      after: Boolean(is),
      carried: Boolean(is?.carriedFrom),
    };
  }

  /**
   * Why a rule's outcome changed, apart from the shop: the shared causes, an override, a changed
   * condition, and the same for each rule it refers to (the headline is made of other rules).
   */
  outcomeCauses(rule: string, seen = new Set<string>()): Cause[] {
    if (seen.has(rule)) return [];
    seen.add(rule);
    const causes: Cause[] = [...this.shared];
    const override = this.overrideCause(rule);
    if (override) addCause(causes, override);
    const differences = ruleDifferences(this.beforeRules.get(rule), this.afterRules.get(rule));
    for (const change of differences)
      if (change.kind !== 'weight' && change.kind !== 'level') addCause(causes, change);
    const definition = this.afterRules.get(rule);
    const parts = definition
      ? [definition.test, definition.appliesWhen, definition.needsReviewWhen].flatMap(referencedRules)
      : [];
    for (const part of parts) {
      if (this.outcomeChanged(part))
        for (const cause of this.outcomeCauses(part, seen)) addCause(causes, cause);
    }
    return causes;
  }

  /** Why the score changed: weights and levels, overrides and changed rules, and the shop's own findings. */
  scoreCauses(): Cause[] {
    const causes: Cause[] = [...this.shared];
    const fromShop: string[] = [];
    const rules = new Set([...this.beforeFindings.keys(), ...this.afterFindings.keys()]);
    for (const rule of rules) {
      const was = this.beforeFindings.get(rule);
      const is = this.afterFindings.get(rule);
      if (counted(is) && was && is && was.weight !== is.weight)
        addCause(causes, { kind: 'weight', rule, before: was.weight, after: is.weight });
      if (was && is && was.level !== is.level && (was.outcome === 'fail' || is.outcome === 'fail'))
        addCause(causes, { kind: 'level', rule, before: was.level, after: is.level });
      if (!this.outcomeChanged(rule) && Boolean(was?.override) === Boolean(is?.override)) continue;
      const explained = this.outcomeCauses(rule).filter((c) => !this.shared.includes(c));
      if (explained.length === 0 && this.shared.length === 0) fromShop.push(rule);
      for (const cause of explained) addCause(causes, cause);
    }
    if (fromShop.length > 0) causes.push({ kind: 'evidence', rules: fromShop.sort() });
    return causes;
  }
}

function figures(before: ShopResult[], after: ShopResult[]): FigureChange[] {
  const then = summarise(before, []);
  const now = summarise(after, []);
  const of = { before: then.ranked.length, after: now.ranked.length };
  return [
    {
      figure: 'phone',
      before: { count: then.phoneShown, of: of.before },
      after: { count: now.phoneShown, of: of.after },
    },
    {
      figure: 'email',
      before: { count: then.emailShown, of: of.before },
      after: { count: now.emailShown, of: of.after },
    },
    {
      figure: 'findable',
      before: { count: then.findable, of: of.before },
      after: { count: now.findable, of: of.after },
    },
  ];
}

/** Rules that differ between the runs' rule sets, per profile both runs have; the same change in several profiles is one line. */
function definitionChanges(before: RunSide, after: RunSide): DefinitionChange[] {
  const beforeSets = new Map(before.ruleSets.map((set) => [set.id, set]));
  const used = new Set(after.run.profiles.map((p) => p.id));
  const changes: DefinitionChange[] = [];
  for (const set of after.ruleSets.filter((s) => used.has(s.id) || after.ruleSets.length === 1)) {
    const old = beforeSets.get(set.id);
    if (!old) continue;
    const ids = new Set([...old.rules.map((r) => r.id), ...set.rules.map((r) => r.id)]);
    for (const id of ids) {
      const differences = ruleDifferences(
        old.rules.find((r) => r.id === id),
        set.rules.find((r) => r.id === id),
      );
      for (const change of differences) {
        const same = changes.find((c) => JSON.stringify(c.change) === JSON.stringify(change));
        if (same) same.profiles.push(set.id);
        else changes.push({ profiles: [set.id], change });
      }
    }
  }
  return changes;
}

type Ranked = ReturnType<typeof summarise>['ranked'];

/** The ranked lists of both runs, to place a shop in each. */
interface Rankings {
  before: Ranked;
  after: Ranked;
}

function rankOf(ranked: Ranked, key: string): number | null {
  return ranked.find((r) => r.result.target.key === key)?.rank ?? null;
}

function shopChange(then: ShopResult, now: ShopResult, rankings: Rankings, causes: Cause[]): ShopChange {
  return {
    ...ref(now),
    rank: {
      before: rankOf(rankings.before, then.target.key),
      after: rankOf(rankings.after, now.target.key),
      of: { before: rankings.before.length, after: rankings.after.length },
    },
    grade: { before: then.grade, after: now.grade },
    score: {
      before: then.score,
      after: now.score,
      delta: then.score === null || now.score === null ? null : now.score - then.score,
    },
    verdict: { before: then.verdict.outcome, after: now.verdict.outcome },
    causes,
  };
}

function hasMoved(change: ShopChange): boolean {
  return (
    change.rank.before !== change.rank.after ||
    change.grade.before !== change.grade.after ||
    change.score.before !== change.score.after
  );
}

/** Between not-applicable and pass nothing about the shop changed in a way a reader needs. */
function isNoticeable(was: Outcome | null, outcome: Outcome): boolean {
  if (was === outcome) return false;
  return !(
    (was === 'not-applicable' && outcome === 'pass') ||
    (was === 'pass' && outcome === 'not-applicable')
  );
}

/** Adds what changed for one shop found in both runs to the comparison. */
function compareShop(
  comparison: RunComparison,
  then: ShopResult,
  now: ShopResult,
  diff: ShopDiff,
  rankings: Rankings,
): void {
  const passesNow = now.verdict.outcome === 'pass';
  if (passesNow !== (then.verdict.outcome === 'pass')) {
    const shop = shopChange(then, now, rankings, diff.outcomeCauses(HEADLINE_RULE_ID));
    (passesNow ? comparison.nowPass : comparison.nowFail).push(shop);
  }
  const moved = shopChange(then, now, rankings, diff.scoreCauses());
  if (hasMoved(moved)) comparison.shopChanges.push(moved);
  for (const f of now.findings) {
    const was = diff.before(f.rule)?.outcome ?? null;
    if (!isNoticeable(was, f.outcome)) continue;
    const row: RuleChange = {
      ...ref(now),
      rule: f.rule,
      before: was,
      after: f.outcome,
      causes: diff.outcomeCauses(f.rule),
    };
    if (f.outcome === 'pass') comparison.rulesNewlyPassed.push(row);
    if (f.outcome === 'fail') comparison.rulesNewlyFailed.push(row);
  }
}

/**
 * What changed for the shops of a run against an earlier run (shops matched by key), each change
 * with the causes that are not the shop itself. A rule that only moved between not-applicable and
 * pass is left out: nothing about the shop changed in a way a reader needs.
 */
export function compareRuns(before: RunSide, after: RunSide): RunComparison {
  const earlier = new Map(before.results.map((r) => [r.target.key, r]));
  const later = new Set(after.results.map((r) => r.target.key));
  const beforeSet = setFinder(before);
  const afterSet = setFinder(after);
  const rankings = {
    before: summarise(before.results, []).ranked,
    after: summarise(after.results, []).ranked,
  };
  const comparison: RunComparison = {
    figures: figures(before.results, after.results),
    definitionChanges: definitionChanges(before, after),
    nowPass: [],
    nowFail: [],
    shopChanges: [],
    rulesNewlyPassed: [],
    rulesNewlyFailed: [],
    added: [],
    gone: before.results.filter((r) => !later.has(r.target.key)).map(ref),
  };
  for (const now of after.results) {
    const then = earlier.get(now.target.key);
    if (!then) comparison.added.push(ref(now));
    else {
      const diff = new ShopDiff(then, now, beforeSet(then.ruleSet.id), afterSet(now.ruleSet.id));
      compareShop(comparison, then, now, diff, rankings);
    }
  }
  comparison.shopChanges.sort(
    (a, b) => Math.abs(b.score.delta ?? 0) - Math.abs(a.score.delta ?? 0) || a.name.localeCompare(b.name),
  );
  return comparison;
}
