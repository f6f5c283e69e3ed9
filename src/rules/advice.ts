import type { ShopEvidence } from '../evidence/types.js';
import { checkQuantifiedBody, collectionOf, type Selection } from './condition-check.js';
import { selectItems } from './evaluate-condition.js';
import type { Collection, Quantified } from './grammar.js';
import { type RuleLanguage, textIn } from './languages.js';
import type { SchemaProblem } from './rule-schema.js';
import type { Finding, LocalText, Rule } from './types.js';

/** A rule's advice for one shop, as loaded: the items it names (selection resolved) and its text. */
export interface AdviceTemplate {
  items: Quantified;
  text: LocalText;
}

type Item = Record<string, unknown> & { id: string };
type Filler = (item: Item, evidence: ShopEvidence) => string;

/** Where a page is, as a shop owner reads it: the path on the shop's own site, else the whole URL. */
function pageText(url: unknown, evidence: ShopEvidence): string {
  if (typeof url !== 'string') return '';
  try {
    const parsed = new URL(url);
    const origin = evidence.target.origin ? new URL(evidence.target.origin).origin : null;
    return parsed.origin === origin ? `${parsed.pathname}${parsed.search}` : url;
  } catch {
    return url;
  }
}

const text =
  (field: string): Filler =>
  (item) => {
    const value = item[field];
    return value === null || value === undefined ? '' : String(value);
  };
const depth =
  (field: string): Filler =>
  (item) => {
    const value = item[field];
    return typeof value === 'number' ? String(value) : '–';
  };
const pageOf: Filler = (item, evidence) =>
  pageText(evidence.pages.find((p) => p.id === item.pageId)?.finalUrl, evidence);

/** The placeholders an advice text may use, per collection, and the item field each stands for. */
export const ADVICE_PLACEHOLDERS: Record<Collection, Record<string, Filler>> = {
  sightings: {
    value: text('value'),
    raw: text('raw'),
    page: (item, evidence) => pageText(item.pageUrl, evidence),
    pageKind: text('pageKind'),
    depth: depth('pageDepth'),
    click: text('afterInteraction'),
    region: text('region'),
    presentation: text('presentation'),
  },
  pages: {
    page: (item, evidence) => pageText(item.finalUrl, evidence),
    pageKind: text('kind'),
    depth: depth('depth'),
    title: text('title'),
  },
  widgets: { kind: text('kind'), vendor: text('vendor'), page: pageOf, pageKind: text('pageKind') },
  facts: {
    value: text('value'),
    raw: text('raw'),
    page: (item, evidence) => pageText(item.pageUrl, evidence),
    pageKind: text('pageKind'),
    region: text('region'),
  },
};

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** Lint: `adviceFor` names a collection or selection, filters by known fields, and uses placeholders of that collection. */
export function checkAdviceTemplate(raw: unknown, selections: Map<string, Selection>): SchemaProblem[] {
  if (typeof raw !== 'object' || raw === null) return [];
  const body = raw as { in?: unknown; where?: unknown; text?: Record<string, unknown> };
  const problems = checkQuantifiedBody({ in: body.in, where: body.where }, ['adviceFor'], selections);
  const collection = collectionOf(body.in, selections);
  if (!collection) return problems;
  const allowed = ADVICE_PLACEHOLDERS[collection];
  for (const [lang, value] of Object.entries(body.text ?? {})) {
    if (typeof value !== 'string') continue;
    for (const match of value.matchAll(PLACEHOLDER)) {
      if (!(match[1] in allowed)) {
        problems.push({
          path: ['adviceFor', 'text', lang],
          message: `{${match[1]}} is not a field of ${collection} (allowed: ${Object.keys(allowed)
            .map((name) => `{${name}}`)
            .join(', ')})`,
        });
      }
    }
  }
  return problems;
}

const FINDING_IDS: Record<Collection, (finding: Finding) => string[]> = {
  sightings: (f) => f.sightingIds,
  pages: (f) => f.pageIds,
  widgets: (f) => f.widgetIds,
  facts: (f) => f.factIds ?? [],
};

/** The evidence items a failing rule's advice names: those the finding rests on, else every match. */
export function adviceItems(template: AdviceTemplate, finding: Finding, evidence: ShopEvidence): Item[] {
  const matches = selectItems(evidence, template.items) as Item[];
  const own = new Set(FINDING_IDS[template.items.in](finding));
  return own.size > 0 ? matches.filter((item) => own.has(item.id)) : matches;
}

/** Pages named in one advice line before the rest are counted: "/a, /b, /c (+2)". */
const PAGES_NAMED = 3;

function pageList(pages: string[]): string {
  const named = pages.slice(0, PAGES_NAMED).join(', ');
  return pages.length > PAGES_NAMED ? `${named} (+${pages.length - PAGES_NAMED})` : named;
}

/**
 * The advice of a failed rule written for this shop: the rule's `adviceFor` text filled in per
 * item it names. Items whose lines differ only in their page (a footer number on every page) make
 * one line naming the pages. Empty when the rule has no such text, did not fail, or no item
 * matches; the caller then shows the rule's general advice.
 */
export function adviceFor(
  rule: Rule,
  finding: Finding,
  evidence: ShopEvidence,
  lang: RuleLanguage,
): string[] {
  const template = rule.adviceFor;
  if (!template || finding.outcome !== 'fail') return [];
  const pattern = textIn(template.text, lang);
  const fillers = ADVICE_PLACEHOLDERS[template.items.in];
  const pagesByLine = new Map<string, string[]>();
  for (const item of adviceItems(template, finding, evidence)) {
    const line = pattern.replace(PLACEHOLDER, (whole, name: string) =>
      name === 'page' ? whole : (fillers[name]?.(item, evidence) ?? whole),
    );
    const pages = pagesByLine.get(line) ?? [];
    const page = fillers.page?.(item, evidence);
    if (page !== undefined && !pages.includes(page)) pages.push(page);
    pagesByLine.set(line, pages);
  }
  return [...pagesByLine].map(([line, pages]) => line.replaceAll('{page}', pageList(pages)));
}
