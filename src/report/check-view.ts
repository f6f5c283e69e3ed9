import type { EvidencePage, EvidenceWidget } from '../evidence/types.js';
import type { Outcome, Rule, RuleLevel, RuleSet } from '../rules/types.js';
import { type Lang, localText } from './i18n.js';
import type { ResultFinding, ResultSighting, ShopResult } from './shop-result.js';

/**
 * What the rules stage adds for a shop's own check, computed from its evidence and the run's rule
 * set (the CLI asks the rules stage; this module only arranges it).
 */
export interface CheckJudgement {
  /** Advice lines written for this shop (a rule's `adviceFor`, filled in), per failed rule id. */
  advice: Record<string, string[]>;
  /** The evidence ids those lines rest on, per rule id (a failing `some` names none of its own). */
  adviceEvidence: Record<string, string[]>;
  /**
   * The sightings the rule set counts as findable (its `findable-phone` / `findable-email`
   * selections); null when the rule set names no such selection.
   */
  findable: { phone: string[] | null; email: string[] | null };
}

/** How one sighting looked; the same detail on the same page is one line with its variants. */
export interface SightingVariant {
  region: string;
  presentation: string;
  hidden: boolean;
  afterInteraction: string | null;
  /** The viewports it was seen at this way (browser mode renders contact pages again at phone size). */
  viewports: Array<'desktop' | 'mobile'>;
}

/** One contact detail on one page, however often and however it was seen there. */
export interface SightingGroup {
  kind: 'phone' | 'email';
  value: string;
  raws: string[];
  pageId: string;
  pageUrl: string;
  pageKind: string;
  pageDepth: number | null;
  variants: SightingVariant[];
  sightings: ResultSighting[];
}

/** A chat, form or messaging widget of one kind and vendor, with the pages it was seen on. */
export interface WidgetGroup {
  kind: string;
  vendor: string | null;
  /** WhatsApp: the number the button opens a chat with. */
  number: string | null;
  pageUrls: string[];
}

export interface ActionItem {
  finding: ResultFinding;
  rule: Rule | undefined;
  title: string;
  evidence: SightingGroup[];
  pages: EvidencePage[];
  widgets: WidgetGroup[];
  /** Advice written for this shop when the rule has it; otherwise the rule's general advice (one line). */
  advice: string[];
  adviceIsSpecific: boolean;
}

export interface CheckView {
  result: ShopResult;
  lang: Lang;
  /** Whether the shop could be judged at all (crawl status ok or partial). */
  judged: boolean;
  /** Fewest clicks to a findable phone / e-mail (the headline's definition); null when none is findable. */
  clicks: { phone: number | null; email: number | null };
  failures: ActionItem[];
  reviews: ActionItem[];
  passed: ActionItem[];
  notApplicable: ActionItem[];
  notAssessable: ActionItem[];
  contacts: SightingGroup[];
  widgets: WidgetGroup[];
}

const JUDGED = new Set(['ok', 'partial']);
const LEVEL_ORDER: Record<RuleLevel, number> = { law: 0, interpretation: 1, 'good-practice': 2 };

/** Law before interpretation before good practice; within a level the heavier rule first. */
export function byLevelAndWeight(a: ResultFinding, b: ResultFinding): number {
  return LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || b.weight - a.weight || a.rule.localeCompare(b.rule);
}

interface IndexedSighting {
  kind: 'phone' | 'email';
  value: string;
  sighting: ResultSighting;
}

function indexSightings(result: ShopResult): Map<string, IndexedSighting> {
  const index = new Map<string, IndexedSighting>();
  for (const phone of result.contacts.phones)
    for (const s of phone.sightings) index.set(s.id, { kind: 'phone', value: phone.e164, sighting: s });
  for (const email of result.contacts.emails)
    for (const s of email.sightings) index.set(s.id, { kind: 'email', value: email.address, sighting: s });
  return index;
}

function variantOf(s: ResultSighting): SightingVariant {
  return {
    region: s.region,
    presentation: s.presentation,
    hidden: s.visible === false,
    afterInteraction: s.afterInteraction,
    viewports: [s.pageViewport ?? 'desktop'],
  };
}

const sameWay = (a: SightingVariant, b: SightingVariant) =>
  a.region === b.region &&
  a.presentation === b.presentation &&
  a.hidden === b.hidden &&
  a.afterInteraction === b.afterInteraction;

/** Sightings grouped by detail and page, in the order first seen; variants each once. */
export function groupSightings(items: IndexedSighting[]): SightingGroup[] {
  const groups = new Map<string, SightingGroup>();
  for (const { kind, value, sighting } of items) {
    const key = `${kind} ${value} ${sighting.pageUrl}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        kind,
        value,
        raws: [],
        pageId: sighting.pageId,
        pageUrl: sighting.pageUrl,
        pageKind: sighting.pageKind,
        pageDepth: sighting.pageDepth,
        variants: [],
        sightings: [],
      };
      groups.set(key, group);
    }
    group.sightings.push(sighting);
    if (!group.raws.includes(sighting.raw)) group.raws.push(sighting.raw);
    if (sighting.pageDepth !== null && (group.pageDepth === null || sighting.pageDepth < group.pageDepth))
      group.pageDepth = sighting.pageDepth;
    const variant = variantOf(sighting);
    const same = group.variants.find((v) => sameWay(v, variant));
    if (!same) group.variants.push(variant);
    else if (!same.viewports.includes(variant.viewports[0])) same.viewports.push(variant.viewports[0]);
  }
  return [...groups.values()];
}

export function groupWidgets(widgets: EvidenceWidget[], pages: EvidencePage[]): WidgetGroup[] {
  const urls = new Map(pages.map((p) => [p.id, p.finalUrl]));
  const groups = new Map<string, WidgetGroup>();
  for (const w of widgets) {
    const key = `${w.kind} ${w.vendor ?? ''} ${w.number ?? ''}`;
    const group = groups.get(key) ?? {
      kind: w.kind,
      vendor: w.vendor ?? null,
      number: w.number ?? null,
      pageUrls: [],
    };
    const url = urls.get(w.pageId);
    if (url && !group.pageUrls.includes(url)) group.pageUrls.push(url);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function fewestClicks(ids: string[] | null, index: Map<string, IndexedSighting>): number | null {
  let best: number | null = null;
  for (const id of ids ?? []) {
    const depth = index.get(id)?.sighting.pageDepth ?? null;
    if (depth !== null && (best === null || depth < best)) best = depth;
  }
  return best;
}

function actionItem(
  finding: ResultFinding,
  rule: Rule | undefined,
  result: ShopResult,
  judgement: CheckJudgement,
  index: Map<string, IndexedSighting>,
  lang: Lang,
): ActionItem {
  const specific = judgement.advice[finding.rule] ?? [];
  const evidenceIds = [...finding.sightingIds, ...(judgement.adviceEvidence[finding.rule] ?? [])];
  const seen = new Set<string>();
  const sightings = evidenceIds
    .filter((id) => !seen.has(id) && seen.add(id) !== undefined)
    .map((id) => index.get(id))
    .filter((s): s is IndexedSighting => s !== undefined);
  const pageIds = new Set([...finding.pageIds, ...(judgement.adviceEvidence[finding.rule] ?? [])]);
  const widgetIds = new Set([...finding.widgetIds, ...(judgement.adviceEvidence[finding.rule] ?? [])]);
  const title = rule
    ? localText(finding.outcome === 'fail' ? rule.failTitle : rule.title, lang)
    : finding.title;
  return {
    finding,
    rule,
    title,
    evidence: groupSightings(sightings),
    pages: result.pages.filter((p) => pageIds.has(p.id)),
    widgets: groupWidgets(
      result.widgets.filter((w) => widgetIds.has(w.id)),
      result.pages,
    ),
    advice: specific.length > 0 ? specific : rule ? [localText(rule.advice, lang)] : [],
    adviceIsSpecific: specific.length > 0,
  };
}

const by = (outcome: Outcome) => (item: ActionItem) => item.finding.outcome === outcome;

/**
 * A shop's result arranged for the owner who has to act on it: failures first, by level and
 * weight, each with the evidence and the advice for this shop; then what needs a person; the rest
 * only counted. Pure: the judgement comes from the rules stage.
 */
export function buildCheckView(
  result: ShopResult,
  ruleSet: RuleSet,
  judgement: CheckJudgement,
  lang: Lang = 'en',
): CheckView {
  const rules = new Map(ruleSet.rules.map((r) => [r.id, r]));
  const index = indexSightings(result);
  const items = [...result.findings]
    .sort(byLevelAndWeight)
    .map((f) => actionItem(f, rules.get(f.rule), result, judgement, index, lang));
  const clicks = {
    phone:
      judgement.findable.phone === null
        ? result.verdict.phoneClicks
        : fewestClicks(judgement.findable.phone, index),
    email:
      judgement.findable.email === null
        ? result.verdict.emailClicks
        : fewestClicks(judgement.findable.email, index),
  };
  return {
    result,
    lang,
    judged: JUDGED.has(result.status),
    clicks,
    failures: items.filter(by('fail')),
    reviews: items.filter(by('needs-review')),
    passed: items.filter(by('pass')),
    notApplicable: items.filter(by('not-applicable')),
    notAssessable: items.filter(by('not-assessable')),
    contacts: groupSightings([...index.values()]),
    widgets: groupWidgets(result.widgets, result.pages),
  };
}
