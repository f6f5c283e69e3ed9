import type { EvidencePage, EvidenceWidget } from '../evidence/types.js';
import type { Rule, RuleSet } from '../rules/types.js';
import { csvTable } from './csv-writer.js';
import type { ResultFinding, ResultSighting, ShopResult } from './shop-result.js';

/** A sighting with what it showed (phone or e-mail and its value), for a reviewer. */
export interface ReviewSighting extends ResultSighting {
  kind: 'phone' | 'email';
  value: string;
}

/** One finding a person must decide, with the evidence it rests on. */
export interface ReviewItem {
  shop: ShopResult;
  finding: ResultFinding;
  rule: Rule | undefined;
  sightings: ReviewSighting[];
  pages: EvidencePage[];
  widgets: EvidenceWidget[];
}

function sightingsOf(result: ShopResult): ReviewSighting[] {
  return [
    ...result.contacts.phones.flatMap((p) =>
      p.sightings.map((s) => ({ ...s, kind: 'phone' as const, value: p.e164 })),
    ),
    ...result.contacts.emails.flatMap((e) =>
      e.sightings.map((s) => ({ ...s, kind: 'email' as const, value: e.address })),
    ),
  ];
}

/**
 * Every needs-review finding of the run, one rule at a time (a reviewer checks the same question
 * for shop after shop), then by shop name.
 */
export function reviewItems(results: ShopResult[], ruleSetOf: (result: ShopResult) => RuleSet): ReviewItem[] {
  const items: ReviewItem[] = [];
  for (const shop of results) {
    const pending = shop.findings.filter((f) => f.outcome === 'needs-review');
    if (pending.length === 0) continue;
    const rules = new Map(ruleSetOf(shop).rules.map((rule) => [rule.id, rule]));
    const sightings = sightingsOf(shop);
    for (const finding of pending) {
      items.push({
        shop,
        finding,
        rule: rules.get(finding.rule),
        sightings: sightings.filter((s) => finding.sightingIds.includes(s.id)),
        pages: shop.pages.filter((p) => finding.pageIds.includes(p.id)),
        widgets: shop.widgets.filter((w) => finding.widgetIds.includes(w.id)),
      });
    }
  }
  return items.sort(
    (a, b) =>
      a.finding.rule.localeCompare(b.finding.rule) || a.shop.target.name.localeCompare(b.shop.target.name),
  );
}

/** The evidence in one line: each sighting's value, text and place, each widget, each page. */
export function evidenceText(item: ReviewItem): string {
  const sightings = item.sightings.map(
    (s) =>
      `${s.id} ${s.kind} ${s.value} "${s.raw}" on ${s.pageUrl} (${s.region}, ${s.presentation}${s.visible === false ? ', hidden' : ''}${s.afterInteraction ? `, after ${s.afterInteraction}` : ''})`,
  );
  const widgets = item.widgets.map(
    (w) => `${w.id} ${w.kind}${w.vendor ? ` ${w.vendor}` : ''} on page ${w.pageId}`,
  );
  return [...sightings, ...widgets].join('; ');
}

/**
 * The worklist as CSV: the finding and its evidence, then the empty columns `outcome`, `reason`,
 * `by` and `at` for the reviewer. Filled in, the file is an overrides file as it stands
 * (`rescore --overrides review.csv`): rows left without an outcome are skipped.
 */
export const REVIEW_COLUMNS = [
  'shop',
  'name',
  'market',
  'rule',
  'question',
  'computed',
  'finding_reason',
  'evidence',
  'pages',
  'outcome',
  'reason',
  'by',
  'at',
] as const;

export function reviewCsv(items: ReviewItem[]): string {
  const rows = items.map((item) => [
    item.shop.target.key,
    item.shop.target.name,
    item.shop.target.country,
    item.finding.rule,
    item.rule?.title.en ?? item.finding.title,
    item.finding.outcome,
    item.finding.reason,
    evidenceText(item),
    item.pages.map((p) => p.finalUrl).join(' '),
    '',
    '',
    '',
    '',
  ]);
  return csvTable(REVIEW_COLUMNS, rows);
}
