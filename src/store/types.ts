import type { ShopEvidence } from '../evidence/types.js';
import type { ShopTarget } from '../input/types.js';
import type { Finding, RuleSet } from '../rules/types.js';
import type { ShopScore } from '../score/types.js';

export type RunKind = 'audit' | 'rescore' | 'check';

export interface NewRun {
  label: string;
  kind: RunKind;
  /** For a rescore: the run whose evidence was judged again. */
  parentRunId?: number | null;
  /** The whole rule set, frozen with the run, so its methodology can always be shown again. */
  ruleSet: RuleSet;
  /** Crawl and scoring options as given (JSON-serialisable). */
  options: Record<string, unknown>;
  toolVersion: string;
  browserVersion?: string | null;
  startedAt: string;
}

/** A rule profile a run's shops were judged with. */
export interface RunProfile {
  id: string;
  version: string;
  hash: string;
  /** The markets (ISO 3166 codes) of the shops judged with it, sorted. */
  markets: string[];
  shops: number;
}

export interface RunRecord {
  id: number;
  label: string;
  kind: RunKind;
  parentRunId: number | null;
  ruleSetId: string;
  ruleSetVersion: string;
  ruleSetHash: string;
  ruleSet: RuleSet;
  /** The profiles the run's shops were judged with, most shops first (the default one while none is stored). */
  profiles: RunProfile[];
  /** sha256 over the profiles used (see combinedRulesHash): what changes when any of their rules does. */
  rulesHash: string;
  options: Record<string, unknown>;
  toolVersion: string;
  browserVersion: string | null;
  startedAt: string;
  finishedAt: string | null;
  /** Counts by state of the run's shops. */
  shopsPlanned: number;
  shopsDone: number;
}

/** What a finished shop is stored as; written in one transaction. */
export interface ShopOutcome {
  target: ShopTarget;
  evidence: ShopEvidence;
  findings: Finding[];
  score: ShopScore;
  /** The rule set this shop was judged with (a profile per market may differ from the run's default). */
  ruleSetId: string;
}

export interface StoredShop extends ShopOutcome {
  runId: number;
  key: string;
  status: ShopEvidence['crawl']['status'];
  finishedAt: string;
}

export interface Store {
  readonly path: string;
  createRun(run: NewRun): number;
  /** Records the shops a run intends to audit (idempotent per key), so a resume knows what is left. */
  planShops(runId: number, targets: ShopTarget[]): void;
  /**
   * Plans a batch of shops read from a list, in one transaction: per target null when it is newly
   * planned, else the list line it was planned from before (0 when unknown).
   */
  planBatch(runId: number, targets: ShopTarget[]): Array<number | null>;
  /** Targets planned for the run that have no stored outcome yet, in plan order. */
  pendingShops(runId: number): ShopTarget[];
  /** A page of pendingShops after a plan position, so a run of a million shops is never held whole. */
  pendingShopsAfter(
    runId: number,
    afterPosition: number,
    limit: number,
  ): Array<{ position: number; target: ShopTarget }>;
  plannedCount(runId: number): number;
  /** Records in the run's options that its whole list has been planned (`listPlanned: true`). */
  markListPlanned(runId: number): void;
  /** The targets of stored shops whose crawl status is not one of `judgeable`, in the order they were stored. */
  unjudgedTargets(runId: number, judgeable: readonly string[]): ShopTarget[];
  /** Stores one finished shop, replacing any earlier outcome of the same key in the run, in one transaction. */
  saveShop(runId: number, outcome: ShopOutcome): void;
  finishRun(runId: number, finishedAt: string): void;
  /** Also records rule sets used per market when they differ from the default. */
  addRuleSet(runId: number, ruleSet: RuleSet): void;
  ruleSets(runId: number): RuleSet[];
  getRun(runId: number): RunRecord | null;
  findRunByLabel(label: string): RunRecord | null;
  latestRun(): RunRecord | null;
  listRuns(): RunRecord[];
  shops(runId: number): StoredShop[];
  shop(runId: number, key: string): StoredShop | null;
  close(): void;
}
