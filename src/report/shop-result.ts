import type { ConsentObservation, CrawlBudget, CrawlError, CrawlStatus, FetchMode } from '../crawl/types.js';
import type {
  EvidenceFact,
  EvidenceLimit,
  EvidencePage,
  EvidenceSighting,
  EvidenceWidget,
} from '../evidence/types.js';
import type { NumberLabel, PhoneType } from '../extract/types.js';
import type { Finding, Outcome, Rule, RuleLevel, RuleSet } from '../rules/types.js';
import { scoreCap } from '../score/index.js';
import type { ScoreCap, ShopScore } from '../score/types.js';
import type { RunRecord, StoredShop } from '../store/types.js';

/** Bumped whenever a field of ShopResult changes meaning or disappears; additions keep the version. */
export const RESULT_VERSION = 1;

export type ResultSighting = Omit<EvidenceSighting, 'kind' | 'value' | 'phoneType' | 'label'>;

export interface ResultPhone {
  e164: string;
  type: PhoneType | null;
  label: NumberLabel | null;
  sightings: ResultSighting[];
}

export interface ResultEmail {
  address: string;
  sightings: ResultSighting[];
}

export interface ResultFinding {
  rule: string;
  outcome: Outcome;
  /** The rule's English title for a pass, its fail title otherwise; the rule id when the rule is unknown. */
  title: string;
  reason: string | null;
  level: RuleLevel;
  weight: number;
  sightingIds: string[];
  pageIds: string[];
  widgetIds: string[];
  override: Finding['override'] | null;
}

/** One shop's outcome in the shape shared by `check --json` and `export`. */
export interface ShopResult {
  resultVersion: typeof RESULT_VERSION;
  target: {
    key: string;
    url: string;
    origin: string | null;
    name: string;
    country: string;
    group: string | null;
  };
  status: CrawlStatus;
  /** null means "not rated", never zero. */
  score: number | null;
  grade: ShopScore['grade'];
  /** Set when a failed rule of level law capped the score at the top of grade C. */
  scoreCap: ScoreCap | null;
  verdict: { outcome: Outcome; phoneClicks: number | null; emailClicks: number | null };
  contacts: { phones: ResultPhone[]; emails: ResultEmail[] };
  /** The trader's identity facts seen (address, legal name, register and VAT numbers); empty for older evidence. */
  identity: EvidenceFact[];
  widgets: EvidenceWidget[];
  findings: ResultFinding[];
  pages: EvidencePage[];
  crawl: {
    mode: 'static' | 'browser' | 'auto';
    modesUsed: FetchMode[];
    startedAt: string;
    finishedAt: string;
    errors: CrawlError[];
    consent: ConsentObservation | null;
    /** Caps that cut what was kept of the shop (see the evidence's `limits`); empty when none did. */
    limits: EvidenceLimit[];
    /** The page budget and what the crawl spent of it; absent for older evidence. */
    budget?: CrawlBudget;
  };
  ruleSet: { id: string; version: string; hash: string };
  provenance: {
    runId: number;
    runLabel: string;
    toolVersion: string;
    browserVersion: string | null;
    crawledAt: string;
    mode: 'static' | 'browser' | 'auto';
  };
}

/** The rule set a shop was judged with: its own when the run recorded it, else the run's default. */
export function ruleSetOfShop(shop: StoredShop, run: RunRecord, ruleSets: RuleSet[] = []): RuleSet {
  return ruleSets.find((r) => r.id === shop.ruleSetId) ?? run.ruleSet;
}

export function findingTitle(
  rule: Rule | undefined,
  outcome: Outcome,
  lang: 'en' | 'nl' = 'en',
): string | null {
  if (!rule) return null;
  const text = outcome === 'fail' ? rule.failTitle : rule.title;
  return (lang === 'nl' ? text.nl : undefined) ?? text.en;
}

function toResultSighting(s: EvidenceSighting): ResultSighting {
  const { kind: _kind, value: _value, phoneType: _type, label: _label, ...rest } = s;
  return rest;
}

function groupPhones(sightings: EvidenceSighting[]): ResultPhone[] {
  const byValue = new Map<string, ResultPhone>();
  for (const s of sightings) {
    if (s.kind !== 'phone') continue;
    let phone = byValue.get(s.value);
    if (!phone) {
      phone = { e164: s.value, type: s.phoneType ?? null, label: s.label ?? null, sightings: [] };
      byValue.set(s.value, phone);
    }
    // A number labelled as a phone anywhere is a phone, even if another sighting lacks the label.
    if (s.label === 'phone') phone.label = 'phone';
    if (phone.type === null && s.phoneType) phone.type = s.phoneType;
    phone.sightings.push(toResultSighting(s));
  }
  return [...byValue.values()];
}

function groupEmails(sightings: EvidenceSighting[]): ResultEmail[] {
  const byValue = new Map<string, ResultEmail>();
  for (const s of sightings) {
    if (s.kind !== 'email') continue;
    let email = byValue.get(s.value);
    if (!email) {
      email = { address: s.value, sightings: [] };
      byValue.set(s.value, email);
    }
    email.sightings.push(toResultSighting(s));
  }
  return [...byValue.values()];
}

/** The law cap, derived from the findings, when it is what set the stored score (runs before the cap had none). */
function appliedCap(shop: StoredShop): ScoreCap | null {
  const cap = scoreCap(shop.findings);
  return cap && shop.score.score === cap.limit ? cap : null;
}

export function toShopResult(shop: StoredShop, run: RunRecord, ruleSets: RuleSet[] = []): ShopResult {
  const { evidence } = shop;
  const ruleSet = ruleSetOfShop(shop, run, ruleSets);
  const rulesById = new Map(ruleSet.rules.map((r) => [r.id, r]));
  return {
    resultVersion: RESULT_VERSION,
    target: {
      key: shop.key,
      url: shop.target.url,
      origin: evidence.target.origin,
      name: shop.target.name ?? evidence.target.name,
      country: shop.target.country ?? evidence.target.country,
      group: shop.target.group ?? evidence.target.group,
    },
    status: shop.status,
    score: shop.score.score,
    grade: shop.score.grade,
    scoreCap: appliedCap(shop),
    verdict: {
      outcome: shop.score.verdict.outcome,
      phoneClicks: shop.score.verdict.phoneClicks,
      emailClicks: shop.score.verdict.emailClicks,
    },
    contacts: { phones: groupPhones(evidence.sightings), emails: groupEmails(evidence.sightings) },
    identity: evidence.facts ?? [],
    widgets: evidence.widgets,
    findings: shop.findings.map((f) => ({
      rule: f.rule,
      outcome: f.outcome,
      title: findingTitle(rulesById.get(f.rule), f.outcome) ?? f.rule,
      reason: f.reason ?? null,
      level: f.level,
      weight: f.weight,
      sightingIds: f.sightingIds,
      pageIds: f.pageIds,
      widgetIds: f.widgetIds,
      override: f.override ?? null,
    })),
    pages: evidence.pages,
    crawl: {
      mode: evidence.crawl.mode,
      modesUsed: evidence.crawl.modesUsed,
      startedAt: evidence.crawl.startedAt,
      finishedAt: evidence.crawl.finishedAt,
      errors: evidence.crawl.errors,
      consent: evidence.consent,
      limits: evidence.limits ?? [],
      ...(evidence.crawl.budget ? { budget: { ...evidence.crawl.budget } } : {}),
    },
    ruleSet: { id: ruleSet.id, version: ruleSet.version, hash: ruleSet.hash },
    provenance: {
      runId: run.id,
      runLabel: run.label,
      toolVersion: run.toolVersion,
      browserVersion: evidence.crawl.browserVersion ?? run.browserVersion,
      crawledAt: evidence.crawl.startedAt,
      mode: evidence.crawl.mode,
    },
  };
}
