import type { AdviceTemplate } from './advice.js';

export const OUTCOMES = ['pass', 'fail', 'needs-review', 'not-applicable', 'not-assessable'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type RuleLevel = 'law' | 'interpretation' | 'good-practice';

/**
 * Text in the rule languages (languages.ts). `en` is always there; the shipped rules have every
 * language (`rules lint` reports a gap), a user's own rules folder may lack some.
 */
export interface LocalText {
  en: string;
  nl?: string;
  de?: string;
  fr?: string;
}

/**
 * A reason as a rule gives it. Rule sets frozen with runs before reasons were translated hold a
 * plain English string; read either with textIn().
 */
export type ReasonText = LocalText | string;

export interface RuleReference {
  /** Key from RULES.md, such as CRD-6-1-c or BGH-I-ZR-228-03. */
  key: string;
  /**
   * The source in one line of English: the title's `en`, and its note after a comma. Kept for
   * readers of one language and for rule sets stored before titles were translated.
   */
  instrument: string;
  /** The source's name as a reader of each language cites it (references.yaml). */
  title?: LocalText;
  /** What the source says or decided that matters here (case law, studies). */
  note?: LocalText;
  article?: string;
  caseNumber?: string;
  url?: string;
}

/** A rule as loaded from YAML and validated (the condition tree stays as data). */
export interface Rule {
  id: string;
  title: LocalText;
  failTitle: LocalText;
  description: LocalText;
  advice: LocalText;
  help?: LocalText;
  /** A label of a few words, for a table column ("No chat gate"); optional. */
  short?: LocalText;
  /** Optional: advice written for one shop, filled in from the evidence a failure rests on (rules/README.md). */
  adviceFor?: AdviceTemplate;
  level: RuleLevel;
  weight: number;
  tags: string[];
  references: RuleReference[];
  /** Condition tree; see rules/README.md for the grammar. */
  test: unknown;
  appliesWhen?: unknown;
  needsReviewWhen?: unknown;
  /** Crawl statuses under which this rule cannot be judged. */
  notAssessableWhen?: {
    crawlStatus?: string[];
    /** Optional: a condition under which the evidence cannot decide (e.g. `always: true` while the crawler does not gather it). */
    when?: unknown;
  };
  /** Optional: why the rule reached an outcome other than pass/fail; its English text becomes the finding's `reason`. */
  reasons?: Partial<Record<Outcome, ReasonText>>;
  /** Source file and line, for lint and explain. */
  source?: { file: string; line: number };
}

export interface RuleSet {
  /** Profile or folder name, e.g. "nl". */
  id: string;
  version: string;
  /** sha256 over the sorted rule files' bytes. */
  hash: string;
  rules: Rule[];
}

export interface Finding {
  rule: string;
  outcome: Outcome;
  /** Why, in English, for not-assessable / needs-review / overrides; optional otherwise. */
  reason?: string;
  /** Evidence ids the outcome rests on (s…, p…, w…). */
  sightingIds: string[];
  pageIds: string[];
  widgetIds: string[];
  /** Identity facts (f…) the outcome rests on; left out when there are none. Their pages are in pageIds. */
  factIds?: string[];
  weight: number;
  level: RuleLevel;
  /** Present when a per-shop override replaced the computed outcome or switched the rule off. */
  override?: {
    outcome: Outcome | 'off';
    computed: Outcome;
    reason: string;
    by?: string;
    at?: string;
    /** The earlier run the decision was made in, when `--carry-overrides` brought it forward. */
    carriedFrom?: { runId: number; runLabel: string };
  };
}
