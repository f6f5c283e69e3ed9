import type { PageSnapshot } from '../crawl/types.js';
import { attachCallPrices, callPriceStatements, statesCallPrice } from './call-price.js';
import { factKey, type LimitNote, PAGE_CAPS, sightingKey, thinnedGroups, widgetKey } from './caps.js';
import type { SheetText } from './css/page-styles.js';
import { MAX_SHEET_SOURCES } from './css/sheet-sources.js';
import { MAX_SELECTORS } from './css/style-sheet.js';
import { type DomNode, parseHtml } from './dom.js';
import { emailsInMarkup, emailsInPageText } from './emails.js';
import { identityFacts, pageGivesWithdrawalInfo } from './identity-facts.js';
import { identityWords } from './identity-vocabulary.js';
import { pageKindFor } from './page-kind.js';
import { buildPageModel, normaliseLang, type PageModel } from './page-model.js';
import { pairTelLinks, phonesInText } from './phones.js';
import type { PagePlace } from './sighting-factory.js';
import { structuredDataSightings } from './structured-data.js';
import type { ExtractContext, PageObservations } from './types.js';
import {
  callPriceWords,
  chatVendors,
  numberLabels,
  pageKindWords,
  phoneCountries,
  thirdPartyWords,
  widgetWords,
} from './vocabularies.js';
import { widgetsOf } from './widgets.js';
import { markWithdrawalSections } from './withdrawal-sections.js';

export type { SheetText } from './css/page-styles.js';
export { type DomNode, parseHtml } from './dom.js';
export { needsRendering } from './needs-rendering.js';
export { pageKindOf } from './page-kind.js';
export type { ExtractContext, Fact, PageObservations, Sighting, Widget } from './types.js';

/**
 * Reads every vocabulary extraction uses. An extraction thread does so while it starts, so that
 * it fails on a broken vocabulary file before any page, and its first pages do not wait for files.
 */
export function loadExtractionVocabularies(): void {
  numberLabels();
  phoneCountries();
  chatVendors();
  pageKindWords();
  widgetWords();
  identityWords();
  callPriceWords();
  thirdPartyWords();
}

export type PageInput = Pick<PageSnapshot, 'url' | 'finalUrl' | 'html' | 'fetchedWith'> & {
  afterInteraction?: string;
  contentType?: string | null;
  /** Static mode: the page's same-site stylesheets as the crawl fetched them (or why it did not). */
  stylesheets?: SheetText[];
};

const DOCUMENT_TYPE = /^application\/pdf\b/i;

/** Everything a visitor could read or use to make contact on one page. Pure: HTML in, data out. */
export function extractPage(page: PageInput, ctx: ExtractContext): PageObservations {
  return extractPageAndHeading(page, ctx).observations;
}

/**
 * extractPage, plus the page's first heading: with it, the page's kind can be decided again
 * without the HTML when the crawl later finds a better link to the page (`pageKindOf`).
 */
export function extractPageAndHeading(
  page: PageInput,
  ctx: ExtractContext,
  /** The page already parsed by `parseHtml`, when the caller reads the same tree for more. */
  parsed?: DomNode,
): { observations: PageObservations; h1: string | null } {
  const root = parsed ?? parseHtml(page.html);
  const model = buildPageModel(page.html, root, {
    pageUrl: page.finalUrl || page.url || null,
    sheets: page.stylesheets ?? [],
  });
  const place: PagePlace = {
    rendered: page.fetchedWith === 'browser' && model.rendered,
    afterInteraction: page.afterInteraction ?? null,
  };
  const country = ctx.country.toUpperCase();
  const limits: LimitNote[] = styleLimitNotes(model.styleLimits);
  const phoneFinds = phonesInText(model, country, place, limits);
  const prices = callPriceStatements(model);
  attachCallPrices(model, phoneFinds, prices);
  const emailFinds = emailsInPageText(model, place);
  const withdrawalInfo = pageGivesWithdrawalInfo(model);
  if (withdrawalInfo) markWithdrawalSections(model, root, [...phoneFinds, ...emailFinds]);
  const telOnly = pairTelLinks(model.anchors, phoneFinds, country, place);
  const markupEmails = emailsInMarkup(model, emailFinds, place);
  const sightings = thinnedGroups(
    [
      phoneFinds.map((f) => f.sighting),
      telOnly,
      emailFinds.map((f) => f.sighting),
      markupEmails,
      structuredDataSightings(model, country, place),
    ],
    PAGE_CAPS.sightings,
    sightingKey,
    'sightings',
    limits,
  ).flat();
  const [facts] = thinnedGroups([identityFacts(model, place)], PAGE_CAPS.facts, factKey, 'facts', limits);
  const [widgets] = thinnedGroups([widgetsOf(model)], PAGE_CAPS.widgets, widgetKey, 'widgets', limits);
  const observations: PageObservations = {
    kind: DOCUMENT_TYPE.test(page.contentType ?? '')
      ? 'document'
      : pageKindFor(page.finalUrl || page.url, ctx, model.title, model.h1),
    title: model.title,
    language: model.lang,
    sightings,
    widgets,
    facts,
    withdrawalInfo,
    statesCallPrice: statesCallPrice(prices),
  };
  if (limits.length > 0) observations.limits = limits;
  return { observations, h1: model.h1 };
}

/** What the caps on applying the page's CSS left out, as the page's limit notes. */
function styleLimitNotes(cut: PageModel['styleLimits']): LimitNote[] {
  if (!cut) return [];
  const notes: LimitNote[] = [];
  if (cut.sourcesLeftOut > 0)
    notes.push({
      limit: 'css-sources',
      max: MAX_SHEET_SOURCES,
      found: MAX_SHEET_SOURCES + cut.sourcesLeftOut,
      kept: MAX_SHEET_SOURCES,
    });
  if (cut.selectorsLeftOut > 0)
    notes.push({
      limit: 'css-selectors',
      max: MAX_SELECTORS,
      found: MAX_SELECTORS + cut.selectorsLeftOut,
      kept: MAX_SELECTORS,
    });
  return notes;
}

/** `<html lang>` primary subtag, lower case, or null. Cheap: reads only the opening tag. */
export function pageLanguage(html: string): string | null {
  const tag = /<html\b[^>]*>/i.exec(html.slice(0, 20_000))?.[0];
  if (!tag) return null;
  const lang = /\slang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
  return normaliseLang(lang ? (lang[1] ?? lang[2] ?? lang[3]) : undefined);
}
