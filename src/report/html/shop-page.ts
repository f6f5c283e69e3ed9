import type { ConsentObservation, ScreenshotMissing } from '../../crawl/types.js';
import type { EvidencePage } from '../../evidence/types.js';
import { interactionText, type Lang, type Translate, translator } from '../../i18n/index.js';
import { findingReason, referenceName, referenceNote, textIn } from '../../rules/index.js';
import type { Rule, RuleSet } from '../../rules/types.js';
import { type Html, html, safeHref } from '../escape.js';
import type { ResultFinding, ResultSighting, ShopResult } from '../shop-result.js';
import type { SnapshotLink } from '../snapshots.js';
import { numberTypeText, widgetName } from '../words.js';
import {
  cropFigure,
  croppedSightings,
  fullScreenshot,
  integrityNote,
  screenshotStyles,
} from './evidence-crops.js';
import { layout, outcomeBadge, scrollTable } from './layout.js';

/** A screenshot ready to embed: a data URI and the SHA-256 of the file's bytes. */
export interface EmbeddedScreenshot {
  pageId: string;
  dataUri: string;
  sha256: string;
  /** Pixel size, read from the image header; crops need it. */
  width?: number;
  height?: number;
  /** The SHA-256 the crawl recorded when it took the screenshot. */
  recordedSha256?: string;
  capturedAt?: string;
}

export interface ShopPageInput {
  result: ShopResult;
  ruleSet: RuleSet;
  lang: Lang;
  screenshots?: EmbeddedScreenshot[];
  /** Each page's stored snapshot as copied beside the report, by page id. */
  snapshots?: Map<string, SnapshotLink>;
}

export function referenceList(rule: Rule, lang: Lang): Html {
  if (rule.references.length === 0) return html``;
  return html`<ul>${rule.references.map((ref) => {
    const note = referenceNote(ref, lang);
    const text = `${ref.key} · ${referenceName(ref, lang)}${note ? ` (${note})` : ''}`;
    return html`<li>${ref.url ? html`<a href="${safeHref(ref.url)}" rel="noreferrer">${text}</a>` : text}</li>`;
  })}</ul>`;
}

const MAX_ROWS = 10;
const MAX_CROPS = 10;
/**
 * A shop page shows at most this many contact details (numbers and addresses), identity facts,
 * widgets, errors and limits; the rest are in the JSON export, and the page says how many. A shop
 * of 2,000 distinct numbers must not make a page of megabytes.
 */
const MAX_LIST_ROWS = 50;

function moreLine(hidden: number, lang: Lang): Html {
  return hidden > 0
    ? html`<p class="muted more">${translator(lang)('report.andMore', { count: hidden })}</p>`
    : html``;
}

function moreInJson(hidden: number, lang: Lang): Html {
  return hidden > 0
    ? html`<p class="muted more">${translator(lang)('report.moreInJson', { count: hidden })}</p>`
    : html``;
}

/** How a sighting was shown, in words: "phone link (hidden) · after clicking “Show number”". */
export function presentationText(s: ResultSighting, t: Translate): string {
  const hidden = s.visible === false ? ` (${t('report.hidden')})` : '';
  const click = s.afterInteraction ? ` · ${interactionText(s.afterInteraction, t)}` : '';
  return `${t.term('presentation', s.presentation)}${hidden}${click}`;
}

function sightingTable(sightings: ResultSighting[], lang: Lang, label: string): Html {
  const t = translator(lang);
  const rows = sightings.slice(0, MAX_ROWS).map(
    (
      s,
    ) => html`<tr><td class="url"><a href="${safeHref(s.pageUrl)}" rel="noreferrer">${s.pageUrl}</a></td><td>${t.term('region', s.region)}</td>
<td class="num">${s.pageDepth === null ? t('report.unlinked') : s.pageDepth}</td><td>${presentationText(s, t)}</td>
<td class="raw">${s.raw}</td></tr>`,
  );
  return html`${scrollTable(
    label,
    html`<table><thead><tr><th scope="col">${t('report.page')}</th><th scope="col">${t('report.region')}</th><th scope="col" class="num">${t('report.depth')}</th>
<th scope="col">${t('report.presentation')}</th><th scope="col">${t('report.rawText')}</th></tr></thead><tbody>${rows}</tbody></table>`,
    lang,
  )}${moreLine(sightings.length - MAX_ROWS, lang)}`;
}

/** Level and weight of a finding, beside its rule id in a code element of its own. */
export function ruleFacts(f: ResultFinding, t: Translate): Html {
  return html`<p class="muted"><code>${f.rule}</code> · ${t('report.ruleFacts', { level: t.term('level', f.level), weight: f.weight })}</p>`;
}

function findingSection(f: ResultFinding, rule: Rule | undefined, result: ShopResult, lang: Lang): Html {
  const t = translator(lang);
  const title = rule ? textIn(f.outcome === 'fail' ? rule.failTitle : rule.title, lang) : f.rule;
  const reason = f.override ? null : findingReason(rule, f, t.lang);
  const ids = new Set(f.sightingIds);
  const sightings = [...result.contacts.phones, ...result.contacts.emails]
    .flatMap((c) => c.sightings)
    .filter((s) => ids.has(s.id));
  const pages = result.pages.filter((p) => f.pageIds.includes(p.id));
  const widgets = result.widgets.filter((w) => f.widgetIds.includes(w.id));
  const shownPages = pages.slice(0, MAX_ROWS);
  return html`<section class="finding" id="rule-${f.rule}">
<h3>${outcomeBadge(f.outcome, t.term('outcome', f.outcome))} ${title}</h3>
${ruleFacts(f, t)}
${rule ? html`<p>${textIn(rule.description, lang)}</p>` : ''}
${reason ? html`<p><strong>${t('report.reason')}:</strong> ${reason}</p>` : ''}
${f.override ? html`<p><strong>${t('report.overrides')}:</strong> ${overrideText(f, t)}</p>` : ''}
${f.outcome === 'fail' && rule ? html`<p><strong>${t('report.advice')}:</strong> ${textIn(rule.advice, lang)}</p>` : ''}
${rule && rule.references.length > 0 ? html`<details><summary>${t('report.references')}</summary>${referenceList(rule, lang)}</details>` : ''}
${sightings.length > 0 ? sightingTable(sightings, lang, t('report.evidenceOf', { title })) : ''}
${pages.length > 0 ? html`<p>${t('report.page')}: ${shownPages.map((p, i) => html`${i > 0 ? ', ' : ''}<a href="#page-${p.id}">${p.id}</a>`)}${pages.length > MAX_ROWS ? html` ${t('report.andMore', { count: pages.length - MAX_ROWS })}` : ''}</p>` : ''}
${widgets.length > 0 ? html`<p>${t('report.widgets')}: ${widgets.slice(0, MAX_ROWS).map((w, i) => html`${i > 0 ? ', ' : ''}${t.term('widgetKind', w.kind)}${w.vendor ? ` (${w.vendor})` : ''} · <a href="#page-${w.pageId}">${w.pageId}</a>`)}${widgets.length > MAX_ROWS ? html` ${t('report.andMore', { count: widgets.length - MAX_ROWS })}` : ''}</p>` : ''}
${sightings.length === 0 && pages.length === 0 && widgets.length === 0 ? html`<p class="muted">${t('report.noEvidence')}</p>` : ''}
</section>`;
}

const CONCERN_ORDER = ['fail', 'needs-review', 'not-assessable', 'pass', 'not-applicable'];
const CONCERNS = new Set(['fail', 'needs-review', 'not-assessable']);

/** Failed rules first: what the shop has to fix leads, passes follow. */
function byConcern(findings: ResultFinding[]): ResultFinding[] {
  return [...findings].sort((a, b) => CONCERN_ORDER.indexOf(a.outcome) - CONCERN_ORDER.indexOf(b.outcome));
}

/** An override in words: what was computed, what a person set, their reason, and where it was carried from. */
export function overrideText(f: ResultFinding, t: Translate): string {
  const override = f.override;
  if (!override) return '';
  const line = t('report.overrideLine', {
    computed: t.term('outcome', override.computed),
    now: t.term('outcome', override.outcome),
  });
  const carried = override.carriedFrom
    ? ` (${t('report.carriedFrom', { id: override.carriedFrom.runId, label: override.carriedFrom.runLabel })})`
    : '';
  return `${line} — ${override.reason}${carried}`;
}

/** Rules that need attention in full; passed and not-applicable ones folded away. */
function rulesSection(result: ShopResult, rules: Map<string, Rule>, lang: Lang): Html {
  const t = translator(lang);
  const sorted = byConcern(result.findings);
  const concerns = sorted.filter((f) => CONCERNS.has(f.outcome));
  const others = sorted.filter((f) => !CONCERNS.has(f.outcome));
  return html`${concerns.map((f) => findingSection(f, rules.get(f.rule), result, lang))}${
    others.length > 0
      ? html`<details class="rule-group"><summary>${t('report.otherRules', { count: others.length })}</summary>${others.map(
          (f) => findingSection(f, rules.get(f.rule), result, lang),
        )}</details>`
      : ''
  }`;
}

export interface ContactLine {
  value: string;
  word: string;
  type: string;
  sightings: ResultSighting[];
}

export function contactLines(result: ShopResult, lang: Lang): ContactLine[] {
  const t = translator(lang);
  return [
    ...result.contacts.phones.map((p) => ({
      value: p.e164,
      word: t('report.phoneWord'),
      type: numberTypeText(p.type, p.label, t),
      sightings: p.sightings,
    })),
    ...result.contacts.emails.map((e) => ({
      value: e.address,
      word: t('report.emailWord'),
      type: '',
      sightings: e.sightings,
    })),
  ];
}

/** Fewest clicks to a page where the detail is not hidden; null when it is only hidden or unlinked. */
function fewestClicks(sightings: ResultSighting[]): number | null {
  let best: number | null = null;
  for (const s of sightings) {
    if (s.visible === false || s.pageDepth === null) continue;
    if (best === null || s.pageDepth < best) best = s.pageDepth;
  }
  return best;
}

/** The crops of one contact, the most reachable first. */
function cropsOf(
  line: ContactLine,
  shots: Map<string, EmbeddedScreenshot>,
  result: ShopResult,
  lang: Lang,
): Html[] {
  const ordered = [...line.sightings].sort(
    (a, b) =>
      (a.visible === false ? 1 : 0) - (b.visible === false ? 1 : 0) ||
      (a.pageDepth ?? 99) - (b.pageDepth ?? 99),
  );
  const figures: Html[] = [];
  for (const s of croppedSightings(ordered, shots)) {
    const shot = shots.get(s.pageId);
    const figure = shot ? cropFigure(s, line.value, shot, result.pages, lang) : null;
    if (figure) figures.push(figure);
  }
  return figures;
}

export function contactSummary(
  lines: ContactLine[],
  shots: Map<string, EmbeddedScreenshot>,
  result: ShopResult,
  lang: Lang,
): Html {
  const t = translator(lang);
  if (lines.length === 0) return html`<p>${t('report.none')}</p>`;
  const shown = lines.slice(0, MAX_LIST_ROWS);
  const rows = shown.map((line) => {
    const first = line.sightings[0];
    const clicks = fewestClicks(line.sightings);
    return html`<tr><td>${line.word}</td><td class="raw">${line.value}</td><td>${line.type}</td>
<td>${first ? html`<a href="${safeHref(first.pageUrl)}" rel="noreferrer">${first.pageUrl}</a> · ${t.term('region', first.region)}` : ''}</td>
<td class="num">${clicks === null ? t('report.notFound') : clicks}</td></tr>`;
  });
  const firstCrops = shown.flatMap((line) => cropsOf(line, shots, result, lang).slice(0, 1));
  return html`${scrollTable(
    t('report.contactSummary'),
    html`<table><thead><tr><th scope="col">${t('report.contactChannel')}</th><th scope="col">${t('report.value')}</th><th scope="col">${t('report.numberType')}</th>
<th scope="col">${t('report.firstSeen')}</th><th scope="col" class="num">${t('report.fewestClicks')}</th></tr></thead><tbody>${rows}</tbody></table>`,
    lang,
  )}${moreInJson(lines.length - shown.length, lang)}${firstCrops.length > 0 ? html`<div class="crops">${firstCrops}</div>` : ''}`;
}

/** Each distinct identity fact once, with the first page it was seen on. */
export function identitySection(result: ShopResult, lang: Lang): Html {
  const t = translator(lang);
  const seen = new Map<string, ShopResult['identity'][number]>();
  for (const fact of result.identity) {
    const key = `${fact.kind} ${fact.value}`;
    if (!seen.has(key)) seen.set(key, fact);
  }
  if (seen.size === 0) return html`<p>${t('report.none')}</p>`;
  const rows = [...seen.values()].slice(0, MAX_LIST_ROWS).map(
    (f) => html`<tr><td>${t.term('factKind', f.kind)}</td><td class="raw">${f.raw}</td>
<td><a href="#page-${f.pageId}">${f.pageId}</a> · ${t.term('region', f.region)}</td><td class="num">${f.pageDepth === null ? t('report.unlinked') : f.pageDepth}</td></tr>`,
  );
  return html`${scrollTable(
    t('report.identity'),
    html`<table><thead><tr><th scope="col">${t('report.identityFact')}</th><th scope="col">${t('report.value')}</th><th scope="col">${t('report.firstSeen')}</th>
<th scope="col" class="num">${t('report.depth')}</th></tr></thead><tbody>${rows}</tbody></table>`,
    lang,
  )}${moreInJson(seen.size - rows.length, lang)}`;
}

function allSightings(
  lines: ContactLine[],
  shots: Map<string, EmbeddedScreenshot>,
  result: ShopResult,
  lang: Lang,
): Html {
  const t = translator(lang);
  if (lines.length === 0) return html`<p>${t('report.none')}</p>`;
  return html`${lines.slice(0, MAX_LIST_ROWS).map((line) => {
    const crops = cropsOf(line, shots, result, lang);
    return html`<h3>${line.word} ${line.value}${line.type ? html` <span class="muted">(${line.type})</span>` : ''}</h3>
${sightingTable(line.sightings, lang, `${line.word} ${line.value}`)}${
  crops.length > 0
    ? html`<details><summary>${t('report.screenshotsCount', { count: crops.length })}</summary><div class="crops">${crops.slice(0, MAX_CROPS)}</div>${moreLine(crops.length - MAX_CROPS, lang)}</details>`
    : ''
}`;
  })}${moreInJson(lines.length - MAX_LIST_ROWS, lang)}`;
}

/** The page's stored snapshot: a download link to the copy beside the report (never shown inline), or why there is none. */
function snapshotCell(page: EvidencePage, link: SnapshotLink | undefined | null, lang: Lang): Html {
  const t = translator(lang);
  // A single-file report (check --output html) has no snapshot copies beside it: the hash names them.
  if (link === null) return html`<code>${page.contentHash}</code><br>${page.fetchedAt}`;
  const what =
    link?.state === 'linked'
      ? html`<a href="../${link.file}" download type="application/gzip">${t('evidence.snapshotLink')}</a>${link.verified ? '' : html` <strong>(${t('evidence.snapshotMismatch')})</strong>`}`
      : html`<span class="muted">${t(link?.state === 'no-html' ? 'evidence.snapshotNoHtml' : 'evidence.snapshotMissing')}</span>`;
  return html`${what}<br><code>${page.contentHash}</code><br>${page.fetchedAt}`;
}

/** Why a page has no screenshot, in the reader's language, with the error when there was one. */
export function missingReason(missing: ScreenshotMissing, t: Translate): string {
  const reason = t.term('screenshotMissing', missing.code);
  return missing.detail ? t('evidence.reasonWithDetail', { reason, detail: missing.detail }) : reason;
}

function screenshotCell(page: EvidencePage, shot: EmbeddedScreenshot | undefined, lang: Lang): Html {
  const t = translator(lang);
  if (page.screenshotSha256 || shot) {
    return html`<a href="#shot-${page.id}">${t('report.screenshot')}</a> <code>${page.screenshotSha256 ?? shot?.sha256 ?? ''}</code>${page.screenshotCapturedAt ? html`<br>${page.screenshotCapturedAt}` : ''}${page.screenshotRender === 'after-crawl' ? html`<br><span class="muted">${t('evidence.afterCrawl')}</span>` : ''}`;
  }
  return page.screenshotMissing
    ? html`<span class="muted">${t('evidence.noScreenshot', { reason: missingReason(page.screenshotMissing, t) })}</span>`
    : html``;
}

/** The link that led to a page (its text, where it sat, the page it was on), or how an unlinked page was found. */
function viaCell(page: EvidencePage, t: Translate): Html {
  if (page.via) {
    const where = page.via.region ? html` (${t.term('linkRegion', page.via.region)})` : '';
    return html`“${page.via.text}”${where} · <a href="${safeHref(page.via.fromUrl)}" rel="noreferrer">${page.via.fromUrl}</a>`;
  }
  return page.foundBy ? html`<span class="muted">${t.term('foundBy', page.foundBy)}</span>` : html``;
}

export function pagesTable(
  result: ShopResult,
  shots: Map<string, EmbeddedScreenshot>,
  /** null: no snapshot copies beside this page (a single-file report). */
  snapshots: Map<string, SnapshotLink> | null,
  lang: Lang,
): Html {
  const t = translator(lang);
  if (result.pages.length === 0) return html`<p>${t('report.none')}</p>`;
  const rows = result.pages.map((p) => {
    return html`<tr id="page-${p.id}"><td>${p.id}</td><td class="url"><a href="${safeHref(p.finalUrl)}" rel="noreferrer">${p.finalUrl}</a></td>
<td>${t.term('pageKind', p.kind)}${p.afterInteraction ? html`<br>${interactionText(p.afterInteraction, t)}` : ''}${p.viewport === 'mobile' ? ` (${t.term('viewport', 'mobile')})` : ''}</td><td class="num">${p.depth === null ? t('report.unlinked') : p.depth}</td><td class="num">${p.httpStatus ?? ''}</td>
<td>${viaCell(p, t)}</td><td>${t.term('fetchMode', p.fetchedWith)}</td>
<td>${snapshotCell(p, snapshots === null ? null : snapshots.get(p.id), lang)}</td>
<td>${screenshotCell(p, shots.get(p.id), lang)}</td></tr>`;
  });
  const budget = result.crawl.budget;
  return html`${budget ? html`<p>${t('report.pageBudget', { used: budget.pagesUsed, max: budget.maxPages })}</p>` : ''}${scrollTable(
    t('report.pagesVisited'),
    html`<table><thead><tr><th scope="col">${t('report.pageId')}</th><th scope="col">URL</th><th scope="col">${t('report.pageType')}</th>
<th scope="col" class="num">${t('report.depth')}</th><th scope="col" class="num">HTTP</th><th scope="col">${t('report.linkFrom')}</th><th scope="col">${t('report.mode')}</th>
<th scope="col">${t('report.snapshotColumn')}</th><th scope="col">${t('report.screenshotColumn')}</th></tr></thead>
<tbody>${rows}</tbody></table>`,
    lang,
  )}${snapshots === null ? '' : html`<p class="muted">${t('evidence.snapshotsNote')}</p>`}`;
}

/** Pages that should have a screenshot and have none, each with its reason: a gap in the evidence is shown, not hidden. */
function missingScreenshots(result: ShopResult, lang: Lang): Html {
  const missing = result.pages.filter((p) => p.screenshotMissing && !p.screenshotPath);
  if (missing.length === 0) return html``;
  const t = translator(lang);
  return html`<div class="missing-shots"><h3>${t('evidence.missingTitle')}</h3><ul>${missing.map(
    (p) =>
      html`<li><a href="#page-${p.id}">${p.id}</a> ${t('evidence.missingLine', { url: p.finalUrl, reason: missingReason(p.screenshotMissing as ScreenshotMissing, t) })}</li>`,
  )}</ul></div>`;
}

export function screenshotsSection(result: ShopResult, screenshots: EmbeddedScreenshot[], lang: Lang): Html {
  const t = translator(lang);
  const missing = missingScreenshots(result, lang);
  if (screenshots.length === 0 && missing.value === '') return html``;
  return html`<section aria-labelledby="shots"><h2 id="shots">${t('report.screenshots')}</h2>${missing}${screenshots.map(
    (s) => {
      const url = result.pages.find((p) => p.id === s.pageId)?.finalUrl ?? '';
      const picture =
        fullScreenshot(s, url, lang) ??
        html`<img class="shot" src="${s.dataUri}" alt="${t('report.fullScreenshot', { url })}">`;
      return html`<details id="shot-${s.pageId}"><summary>${s.pageId} · ${url}</summary><figure>${picture}
<figcaption>${s.pageId} · SHA-256 <code>${s.sha256}</code>${s.capturedAt ? html` · ${t('report.capturedAt')} ${s.capturedAt}` : ''}${integrityNote(s, lang)}</figcaption></figure></details>`;
    },
  )}</section>`;
}

/** The cookie banner as seen: its platform, what the crawler did, and whether it was in the way. */
export function consentText(c: ConsentObservation, t: Translate): string {
  const parts = [c.platform ?? t('report.consentUnknownPlatform'), t.term('consentAction', c.action)];
  if (c.wall) parts.push(t('report.consentWall'));
  else if (c.blocking) parts.push(t('report.consentBlocking'));
  if (c.coveredContactLink !== null)
    parts.push(t(c.coveredContactLink ? 'report.consentCoveredLink' : 'report.consentLinkUsable'));
  return parts.join(' · ');
}

/** The verdict box's score line: score, grade (when rated) and crawl status. */
export function scoreLine(result: ShopResult, t: Translate): string {
  const score = result.score === null ? t('report.notRated') : t.number(result.score);
  return result.grade
    ? t('report.scoreLine', { score, grade: result.grade, status: result.status })
    : t('report.scoreLineUnrated', { score, status: result.status });
}

/** The law cap in words, naming the failed rules by their titles. */
export function capText(result: ShopResult, rules: Map<string, Rule>, t: Translate): string | null {
  const cap = result.scoreCap;
  if (!cap) return null;
  const titles = cap.rules.map((id) => {
    const rule = rules.get(id);
    return rule ? `“${textIn(rule.failTitle, t.lang)}”` : id;
  });
  return t('report.capLine', {
    limit: cap.limit,
    uncapped: cap.uncapped,
    count: cap.rules.length,
    rules: t.list(titles),
  });
}

type RulesById = Map<string, Rule>;

/** The shop's name, address, market, and its verdict box. */
function headerHtml(result: ShopResult, rules: RulesById, t: Translate): Html {
  const v = result.verdict;
  const clicks = (n: number | null) =>
    n === null ? t('report.notFound') : t('report.clickCount', { count: n });
  const cap = capText(result, rules, t);
  return html`<p><a href="../index.html">${t('report.back')}</a></p>
<h1>${result.target.name}</h1>
<p><a href="${safeHref(result.target.url)}" rel="noreferrer">${result.target.url}</a> · ${t('report.market')}: ${result.target.country}${result.target.group ? html` · ${t('report.group')}: ${result.target.group}` : ''}</p>
<div class="verdict v-${v.outcome}">
<p class="headline">${outcomeBadge(v.outcome, t.term('outcome', v.outcome))} ${t(`report.verdict.${v.outcome}`)}</p>
<p>${t('report.clicksLine', { phone: clicks(v.phoneClicks), email: clicks(v.emailClicks) })}</p>
<p>${scoreLine(result, t)}</p>
${cap ? html`<p>${cap}</p>` : ''}
</div>`;
}

function widgetList(result: ShopResult, t: Translate): Html {
  if (result.widgets.length === 0) return html`<p>${t('report.none')}</p>`;
  return html`<ul>${result.widgets
    .slice(0, MAX_LIST_ROWS)
    .map(
      (w) =>
        html`<li>${widgetName(w, t)} · <a href="#page-${w.pageId}">${w.pageId}</a>${w.detail ? html` · <code>${w.detail}</code>` : ''}</li>`,
    )}</ul>${moreInJson(result.widgets.length - MAX_LIST_ROWS, t.lang)}`;
}

function overrideList(result: ShopResult, rules: RulesById, t: Translate): Html {
  const overrides = result.findings.filter((f) => f.override);
  if (overrides.length === 0) return html`<p>${t('report.none')}</p>`;
  return html`<ul>${overrides.map((f) => {
    const rule = rules.get(f.rule);
    const title = rule ? textIn(rule.title, t.lang) : f.rule;
    return html`<li><a href="#rule-${f.rule}">${title}</a> <code class="muted">${f.rule}</code>: ${f.override?.reason}${f.override?.by ? html` (${f.override.by})` : ''}</li>`;
  })}</ul>`;
}

function errorList(result: ShopResult, t: Translate): Html {
  const errors = result.crawl.errors;
  if (errors.length === 0) return html`<p>${t('report.noErrors')}</p>`;
  return html`<ul>${errors
    .slice(0, MAX_LIST_ROWS)
    .map(
      (e) => html`<li><code>${e.stage}${e.code ? ` ${e.code}` : ''}</code> ${e.url}: ${e.message}</li>`,
    )}</ul>${moreInJson(errors.length - MAX_LIST_ROWS, t.lang)}`;
}

function limitList(result: ShopResult, t: Translate): Html {
  const limits = result.crawl.limits ?? [];
  if (limits.length === 0) return html``;
  return html`<h3>${t('report.limitsReached')}</h3><ul>${limits.slice(0, MAX_LIST_ROWS).map((l) => {
    const values = { what: t.term('limit', l.limit), found: l.found, kept: l.kept };
    return html`<li>${l.pageId ? t('report.limitLineOnPage', { ...values, page: l.pageId }) : t('report.limitLine', values)}</li>`;
  })}</ul>${moreInJson(limits.length - MAX_LIST_ROWS, t.lang)}`;
}

function crawlSection(result: ShopResult, t: Translate): Html {
  return html`<section aria-labelledby="crawl"><h2 id="crawl">${t('report.crawl')}</h2>
<dl class="facts"><dt>${t('report.status')}</dt><dd><code>${result.status}</code></dd><dt>${t('report.mode')}</dt><dd>${t.term('crawlMode', result.crawl.mode)} (${result.crawl.modesUsed.map((m) => t.term('fetchMode', m)).join(', ')})</dd>
<dt>${t('report.crawledAt')}</dt><dd>${result.crawl.startedAt} – ${result.crawl.finishedAt}</dd>
${result.crawl.consent ? html`<dt>${t('report.consent')}</dt><dd>${consentText(result.crawl.consent, t)}</dd>` : ''}</dl>
<h3>${t('report.errors')}</h3>${errorList(result, t)}${limitList(result, t)}</section>`;
}

function provenanceSection(result: ShopResult, t: Translate): Html {
  return html`<section aria-labelledby="provenance"><h2 id="provenance">${t('report.provenance')}</h2>
<dl class="facts"><dt>${t('report.run')}</dt><dd>${t('report.runOf', { label: result.provenance.runLabel, id: result.provenance.runId })}</dd>
<dt>${t('report.toolVersion')}</dt><dd>${result.provenance.toolVersion}</dd>
<dt>${t('report.browserVersion')}</dt><dd>${result.provenance.browserVersion ?? t('report.none')}</dd>
<dt>${t('report.ruleSet')}</dt><dd>${result.ruleSet.id} ${result.ruleSet.version}</dd>
<dt>${t('report.ruleSetHash')}</dt><dd><code>${result.ruleSet.hash}</code></dd>
<dt>${t('report.crawledAt')}</dt><dd>${result.provenance.crawledAt}</dd></dl></section>`;
}

export function shopPage({
  result,
  ruleSet,
  lang,
  screenshots = [],
  snapshots = new Map(),
}: ShopPageInput): string {
  const t = translator(lang);
  const rules = new Map(ruleSet.rules.map((r) => [r.id, r]));
  const shots = new Map(screenshots.map((s) => [s.pageId, s]));
  const lines = contactLines(result, lang);
  const body = html`${headerHtml(result, rules, t)}
<section aria-labelledby="summary"><h2 id="summary">${t('report.contactSummary')}</h2>${contactSummary(lines, shots, result, lang)}</section>
<section aria-labelledby="identity"><h2 id="identity">${t('report.identity')}</h2>${identitySection(result, lang)}</section>
<section aria-labelledby="rules"><h2 id="rules">${t('report.rules')}</h2>${rulesSection(result, rules, lang)}</section>
<section aria-labelledby="contacts"><h2 id="contacts">${t('report.allSightings')}</h2>${allSightings(lines, shots, result, lang)}</section>
<section aria-labelledby="widgets"><h2 id="widgets">${t('report.widgets')}</h2>${widgetList(result, t)}</section>
<section aria-labelledby="pages"><h2 id="pages">${t('report.pagesVisited')}</h2>${pagesTable(result, shots, snapshots, lang)}</section>
${screenshotsSection(result, screenshots, lang)}
<section aria-labelledby="overrides"><h2 id="overrides">${t('report.overrides')}</h2>${overrideList(result, rules, t)}</section>
${crawlSection(result, t)}
${provenanceSection(result, t)}`;
  return layout({
    title: `${result.target.name} · ${t('report.title')}`,
    lang,
    root: '../',
    body,
    head: screenshotStyles(screenshots),
  });
}
