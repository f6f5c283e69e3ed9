import { CRAWL_STATUSES, LINK_REGIONS } from '../crawl/types.js';
import {
  CALL_PRICE_KINDS,
  FACT_KINDS,
  NUMBER_LABELS,
  PAGE_KINDS,
  PHONE_TYPES,
  PRESENTATIONS,
  REGIONS,
  SIGHTING_KINDS,
  THIRD_PARTY_KINDS,
  VISIBILITIES,
  WIDGET_KINDS,
} from '../extract/types.js';
import { OUTCOMES, type Outcome } from './types.js';

/**
 * The condition grammar as the engine sees it after loading (rules/README.md documents it for
 * rule authors). Selections from rules/selections.yaml are already resolved into `in` + `where`.
 */
export type Scalar = string | number | boolean | null;

export interface Predicate {
  equals?: Scalar;
  in?: Scalar[];
  notIn?: Scalar[];
  atMost?: number;
  atLeast?: number;
  exists?: boolean;
  matches?: string;
  notMatches?: string;
}

/** Field path (dotted for nested objects) → predicate; every entry must hold. */
export type Where = Record<string, Predicate>;

export const COLLECTIONS = ['sightings', 'pages', 'widgets', 'facts'] as const;
export type Collection = (typeof COLLECTIONS)[number];

export interface Quantified {
  in: Collection;
  /** All must hold. A resolved selection contributes its own `where` entries first. */
  where?: Where | Where[];
  /** The selection the author named, kept for explain, and how many `where` clauses came from it. */
  selection?: string;
  selectionClauses?: number;
}

export type Condition =
  | { some: Quantified }
  | { none: Quantified }
  | { all: Quantified & { expect: Where } }
  | { count: Quantified & { atLeast?: number; atMost?: number; distinct?: string } }
  | { allOf: Condition[] }
  | { anyOf: Condition[] }
  | { not: Condition }
  | { rule: string; is?: Outcome | Outcome[] }
  | { shop: Where }
  | { always: boolean };

export const CONDITION_KEYS = [
  'some',
  'none',
  'all',
  'count',
  'allOf',
  'anyOf',
  'not',
  'rule',
  'shop',
  'always',
] as const;
export const PREDICATE_OPS = [
  'equals',
  'in',
  'notIn',
  'atMost',
  'atLeast',
  'exists',
  'matches',
  'notMatches',
] as const;

/** Known values of a field, when the contract closes the set; lint rejects others. */
type FieldCatalogue = Record<string, readonly Scalar[] | null>;

const SIGHTING_FIELDS: FieldCatalogue = {
  id: null,
  kind: SIGHTING_KINDS,
  value: null,
  raw: null,
  region: REGIONS,
  presentation: PRESENTATIONS,
  visible: VISIBILITIES,
  aboveFold: [true, false],
  shownAt: ['desktop', 'phone'],
  revealable: [false],
  afterInteraction: null,
  phoneType: PHONE_TYPES,
  label: NUMBER_LABELS,
  callPrice: null,
  'callPrice.kind': CALL_PRICE_KINDS,
  'callPrice.amount': null,
  'callPrice.currency': null,
  'callPrice.raw': null,
  thirdParty: null,
  'thirdParty.kind': THIRD_PARTY_KINDS,
  'thirdParty.name': null,
  withdrawalSection: [true, false],
  pageId: null,
  pageUrl: null,
  pageKind: PAGE_KINDS,
  pageDepth: null,
  pageWithdrawalInfo: [true, false],
  pageViewport: ['desktop', 'mobile'],
  pageStatesCallPrice: [true, false],
};

const PAGE_FIELDS: FieldCatalogue = {
  id: null,
  url: null,
  finalUrl: null,
  httpStatus: null,
  kind: PAGE_KINDS,
  title: null,
  depth: null,
  linked: [true, false],
  via: null,
  'via.text': null,
  'via.fromUrl': null,
  'via.region': LINK_REGIONS,
  foundBy: ['well-known-path', 'sitemap'],
  fetchedWith: ['static', 'browser'],
  contentHash: null,
  screenshotPath: null,
  withdrawalInfo: [true, false],
  viewport: ['desktop', 'mobile'],
  statesCallPrice: [true, false],
};

const WIDGET_FIELDS: FieldCatalogue = {
  id: null,
  kind: WIDGET_KINDS,
  number: null,
  vendor: null,
  iframeSeen: [true, false],
  detail: null,
  pageId: null,
  pageKind: PAGE_KINDS,
  pageDepth: null,
};

const FACT_FIELDS: FieldCatalogue = {
  id: null,
  kind: FACT_KINDS,
  value: null,
  raw: null,
  region: REGIONS,
  visible: VISIBILITIES,
  scheme: null,
  pageId: null,
  pageUrl: null,
  pageKind: PAGE_KINDS,
  pageDepth: null,
};

const SHOP_FIELDS: FieldCatalogue = {
  'target.key': null,
  'target.origin': null,
  'target.country': null,
  'target.language': null,
  'crawl.mode': ['static', 'browser', 'auto'],
  'crawl.modesUsed': ['static', 'browser'],
  'crawl.status': CRAWL_STATUSES,
  consent: null,
  'consent.platform': null,
  'consent.action': ['rejected', 'accepted', 'none'],
  'consent.coveredContactLink': [true, false],
  // Present (a list, maybe empty) when extraction looked for identity facts; absent in older evidence.
  facts: null,
};

export const FIELDS: Record<Collection | 'shop', FieldCatalogue> = {
  sightings: SIGHTING_FIELDS,
  pages: PAGE_FIELDS,
  widgets: WIDGET_FIELDS,
  facts: FACT_FIELDS,
  shop: SHOP_FIELDS,
};

export function isOutcome(value: unknown): value is Outcome {
  return typeof value === 'string' && (OUTCOMES as readonly string[]).includes(value);
}

/** Crawl statuses under which a rule is not-assessable unless it says otherwise. */
export const DEFAULT_NOT_ASSESSABLE_STATUSES: readonly string[] = CRAWL_STATUSES.filter(
  (status) => status !== 'ok' && status !== 'partial',
);
