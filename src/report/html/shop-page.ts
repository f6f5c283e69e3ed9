import type { ScreenshotMissing } from '../../crawl/types.js';
import type { EvidencePage } from '../../evidence/types.js';
import type { Rule, RuleSet } from '../../rules/types.js';
import { type Html, html, safeHref } from '../escape.js';
import { evidenceText, missingReason } from '../evidence-text.js';
import { formatNumber, type Lang, localText, reportText } from '../i18n.js';
import type { ResultFinding, ResultSighting, ShopResult } from '../shop-result.js';
import type { SnapshotLink } from '../snapshots.js';
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

export function referenceList(rule: Rule): Html {
  if (rule.references.length === 0) return html``;
  return html`<ul>${rule.references.map((ref) => {
    const text = [ref.key, ref.instrument, ref.article, ref.caseNumber].filter(Boolean).join(' · ');
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
  return hidden > 0 ? html`<p class="muted more">${reportText(lang).andMore(hidden)}</p>` : html``;
}

function moreInJson(hidden: number, lang: Lang): Html {
  return hidden > 0 ? html`<p class="muted more">${reportText(lang).moreInJson(hidden)}</p>` : html``;
}

function sightingTable(sightings: ResultSighting[], lang: Lang, label: string): Html {
  const t = reportText(lang);
  const rows = sightings.slice(0, MAX_ROWS).map(
    (
      s,
    ) => html`<tr><td class="url"><a href="${safeHref(s.pageUrl)}" rel="noreferrer">${s.pageUrl}</a></td><td>${s.region}</td>
<td class="num">${s.pageDepth === null ? t.unlinked : s.pageDepth}</td><td>${s.presentation}${s.visible === false ? ' (hidden)' : ''}${s.afterInteraction ? html` · ${s.afterInteraction}` : ''}</td>
<td class="raw">${s.raw}</td></tr>`,
  );
  return html`${scrollTable(
    label,
    html`<table><thead><tr><th scope="col">${t.page}</th><th scope="col">${t.region}</th><th scope="col" class="num">${t.depth}</th>
<th scope="col">${t.presentation}</th><th scope="col">${t.rawText}</th></tr></thead><tbody>${rows}</tbody></table>`,
    lang,
  )}${moreLine(sightings.length - MAX_ROWS, lang)}`;
}

function findingSection(f: ResultFinding, rule: Rule | undefined, result: ShopResult, lang: Lang): Html {
  const t = reportText(lang);
  const title = rule ? localText(f.outcome === 'fail' ? rule.failTitle : rule.title, lang) : f.rule;
  const ids = new Set(f.sightingIds);
  const sightings = [...result.contacts.phones, ...result.contacts.emails]
    .flatMap((c) => c.sightings)
    .filter((s) => ids.has(s.id));
  const pages = result.pages.filter((p) => f.pageIds.includes(p.id));
  const widgets = result.widgets.filter((w) => f.widgetIds.includes(w.id));
  const shownPages = pages.slice(0, MAX_ROWS);
  return html`<section class="finding" id="rule-${f.rule}">
<h3>${outcomeBadge(f.outcome, t.outcomes[f.outcome])} ${title}</h3>
<p class="muted">${f.rule} · ${t.level}: ${t.levels[f.level]} · ${t.weight}: ${f.weight}</p>
${rule ? html`<p>${localText(rule.description, lang)}</p>` : ''}
${f.reason ? html`<p><strong>${t.reason}:</strong> ${f.reason}</p>` : ''}
${f.override ? html`<p><strong>${t.overrides}:</strong> ${t.overrideLine(f.override.computed, f.override.outcome)} — ${f.override.reason}${f.override.carriedFrom ? html` (${t.carriedFrom(f.override.carriedFrom.runId, f.override.carriedFrom.runLabel)})` : ''}</p>` : ''}
${f.outcome === 'fail' && rule ? html`<p><strong>${t.advice}:</strong> ${localText(rule.advice, lang)}</p>` : ''}
${rule && rule.references.length > 0 ? html`<details><summary>${t.references}</summary>${referenceList(rule)}</details>` : ''}
${sightings.length > 0 ? sightingTable(sightings, lang, `${t.evidence}: ${title}`) : ''}
${pages.length > 0 ? html`<p>${t.page}: ${shownPages.map((p, i) => html`${i > 0 ? ', ' : ''}<a href="#page-${p.id}">${p.id}</a>`)}${pages.length > MAX_ROWS ? html` ${t.andMore(pages.length - MAX_ROWS)}` : ''}</p>` : ''}
${widgets.length > 0 ? html`<p>${t.widgets}: ${widgets.slice(0, MAX_ROWS).map((w, i) => html`${i > 0 ? ', ' : ''}${w.kind}${w.vendor ? ` (${w.vendor})` : ''} · <a href="#page-${w.pageId}">${w.pageId}</a>`)}${widgets.length > MAX_ROWS ? html` ${t.andMore(widgets.length - MAX_ROWS)}` : ''}</p>` : ''}
${sightings.length === 0 && pages.length === 0 && widgets.length === 0 ? html`<p class="muted">${t.noEvidence}</p>` : ''}
</section>`;
}

const CONCERN_ORDER = ['fail', 'needs-review', 'not-assessable', 'pass', 'not-applicable'];
const CONCERNS = new Set(['fail', 'needs-review', 'not-assessable']);

/** Failed rules first: what the shop has to fix leads, passes follow. */
function byConcern(findings: ResultFinding[]): ResultFinding[] {
  return [...findings].sort((a, b) => CONCERN_ORDER.indexOf(a.outcome) - CONCERN_ORDER.indexOf(b.outcome));
}

/** Rules that need attention in full; passed and not-applicable ones folded away. */
function rulesSection(result: ShopResult, rules: Map<string, Rule>, lang: Lang): Html {
  const t = reportText(lang);
  const sorted = byConcern(result.findings);
  const concerns = sorted.filter((f) => CONCERNS.has(f.outcome));
  const others = sorted.filter((f) => !CONCERNS.has(f.outcome));
  return html`${concerns.map((f) => findingSection(f, rules.get(f.rule), result, lang))}${
    others.length > 0
      ? html`<details class="rule-group"><summary>${t.otherRules(others.length)}</summary>${others.map((f) =>
          findingSection(f, rules.get(f.rule), result, lang),
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
  const t = reportText(lang);
  return [
    ...result.contacts.phones.map((p) => ({
      value: p.e164,
      word: t.phoneWord,
      type: [p.type, p.label].filter(Boolean).join(', '),
      sightings: p.sightings,
    })),
    ...result.contacts.emails.map((e) => ({
      value: e.address,
      word: t.emailWord,
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
  const t = reportText(lang);
  if (lines.length === 0) return html`<p>${t.none}</p>`;
  const shown = lines.slice(0, MAX_LIST_ROWS);
  const rows = shown.map((line) => {
    const first = line.sightings[0];
    const clicks = fewestClicks(line.sightings);
    return html`<tr><td>${line.word}</td><td class="raw">${line.value}</td><td>${line.type}</td>
<td>${first ? html`<a href="${safeHref(first.pageUrl)}" rel="noreferrer">${first.pageUrl}</a> · ${first.region}` : ''}</td>
<td class="num">${clicks === null ? t.notFound : clicks}</td></tr>`;
  });
  const firstCrops = shown.flatMap((line) => cropsOf(line, shots, result, lang).slice(0, 1));
  return html`${scrollTable(
    t.contactSummary,
    html`<table><thead><tr><th scope="col">${t.kind}</th><th scope="col">${t.value}</th><th scope="col">${t.contactType}</th>
<th scope="col">${t.firstSeen}</th><th scope="col" class="num">${t.fewestClicks}</th></tr></thead><tbody>${rows}</tbody></table>`,
    lang,
  )}${moreInJson(lines.length - shown.length, lang)}${firstCrops.length > 0 ? html`<div class="crops">${firstCrops}</div>` : ''}`;
}

/** Each distinct identity fact once, with the first page it was seen on. */
export function identitySection(result: ShopResult, lang: Lang): Html {
  const t = reportText(lang);
  const seen = new Map<string, ShopResult['identity'][number]>();
  for (const fact of result.identity) {
    const key = `${fact.kind} ${fact.value}`;
    if (!seen.has(key)) seen.set(key, fact);
  }
  if (seen.size === 0) return html`<p>${t.none}</p>`;
  const rows = [...seen.values()].slice(0, MAX_LIST_ROWS).map(
    (f) => html`<tr><td>${t.factKinds[f.kind] ?? f.kind}</td><td class="raw">${f.raw}</td>
<td><a href="#page-${f.pageId}">${f.pageId}</a> · ${f.region}</td><td class="num">${f.pageDepth === null ? t.unlinked : f.pageDepth}</td></tr>`,
  );
  return html`${scrollTable(
    t.identity,
    html`<table><thead><tr><th scope="col">${t.kind}</th><th scope="col">${t.value}</th><th scope="col">${t.firstSeen}</th>
<th scope="col" class="num">${t.depth}</th></tr></thead><tbody>${rows}</tbody></table>`,
    lang,
  )}${moreInJson(seen.size - rows.length, lang)}`;
}

function allSightings(
  lines: ContactLine[],
  shots: Map<string, EmbeddedScreenshot>,
  result: ShopResult,
  lang: Lang,
): Html {
  const t = reportText(lang);
  if (lines.length === 0) return html`<p>${t.none}</p>`;
  return html`${lines.slice(0, MAX_LIST_ROWS).map((line) => {
    const crops = cropsOf(line, shots, result, lang);
    return html`<h3>${line.word} ${line.value}${line.type ? html` <span class="muted">(${line.type})</span>` : ''}</h3>
${sightingTable(line.sightings, lang, `${line.word} ${line.value}`)}${
  crops.length > 0
    ? html`<details><summary>${t.screenshots} (${crops.length})</summary><div class="crops">${crops.slice(0, MAX_CROPS)}</div>${moreLine(crops.length - MAX_CROPS, lang)}</details>`
    : ''
}`;
  })}${moreInJson(lines.length - MAX_LIST_ROWS, lang)}`;
}

/** The page's stored snapshot: a download link to the copy beside the report (never shown inline), or why there is none. */
function snapshotCell(page: EvidencePage, link: SnapshotLink | undefined | null, lang: Lang): Html {
  const e = evidenceText(lang);
  // A single-file report (check --output html) has no snapshot copies beside it: the hash names them.
  if (link === null) return html`<code>${page.contentHash}</code><br>${page.fetchedAt}`;
  const what =
    link?.state === 'linked'
      ? html`<a href="../${link.file}" download type="application/gzip">${e.snapshotLink}</a>${link.verified ? '' : html` <strong>(${e.snapshotMismatch})</strong>`}`
      : html`<span class="muted">${link?.state === 'no-html' ? e.snapshotNoHtml : e.snapshotMissing}</span>`;
  return html`${what}<br><code>${page.contentHash}</code><br>${page.fetchedAt}`;
}

function screenshotCell(page: EvidencePage, shot: EmbeddedScreenshot | undefined, lang: Lang): Html {
  const t = reportText(lang);
  const e = evidenceText(lang);
  if (page.screenshotSha256 || shot) {
    return html`<a href="#shot-${page.id}">${t.screenshot}</a> <code>${page.screenshotSha256 ?? shot?.sha256 ?? ''}</code>${page.screenshotCapturedAt ? html`<br>${page.screenshotCapturedAt}` : ''}${page.screenshotRender === 'after-crawl' ? html`<br><span class="muted">${e.afterCrawl}</span>` : ''}`;
  }
  return page.screenshotMissing
    ? html`<span class="muted">${e.noScreenshot}: ${missingReason(page.screenshotMissing, lang)}</span>`
    : html``;
}

/** The link that led to a page (its text, where it sat, the page it was on), or how an unlinked page was found. */
function viaCell(page: EvidencePage, lang: Lang): Html {
  const t = reportText(lang);
  if (page.via) {
    const where = page.via.region ? html` (${t.linkRegion[page.via.region]})` : '';
    return html`“${page.via.text}”${where} · <a href="${safeHref(page.via.fromUrl)}" rel="noreferrer">${page.via.fromUrl}</a>`;
  }
  return page.foundBy ? html`<span class="muted">${t.foundBy[page.foundBy]}</span>` : html``;
}

export function pagesTable(
  result: ShopResult,
  shots: Map<string, EmbeddedScreenshot>,
  /** null: no snapshot copies beside this page (a single-file report). */
  snapshots: Map<string, SnapshotLink> | null,
  lang: Lang,
): Html {
  const t = reportText(lang);
  if (result.pages.length === 0) return html`<p>${t.none}</p>`;
  const rows = result.pages.map((p) => {
    return html`<tr id="page-${p.id}"><td>${p.id}</td><td class="url"><a href="${safeHref(p.finalUrl)}" rel="noreferrer">${p.finalUrl}</a></td>
<td>${p.kind}${p.afterInteraction ? html`<br>${p.afterInteraction}` : ''}${p.viewport === 'mobile' ? ' (mobile)' : ''}</td><td class="num">${p.depth === null ? t.unlinked : p.depth}</td><td class="num">${p.httpStatus ?? ''}</td>
<td>${viaCell(p, lang)}</td><td>${p.fetchedWith}</td>
<td>${snapshotCell(p, snapshots === null ? null : snapshots.get(p.id), lang)}</td>
<td>${screenshotCell(p, shots.get(p.id), lang)}</td></tr>`;
  });
  const budget = result.crawl.budget;
  return html`${budget ? html`<p>${t.pageBudget(budget.pagesUsed, budget.maxPages)}</p>` : ''}${scrollTable(
    t.pagesVisited,
    html`<table><thead><tr><th scope="col">Id</th><th scope="col">URL</th><th scope="col">${t.kind}</th>
<th scope="col" class="num">${t.depth}</th><th scope="col" class="num">HTTP</th><th scope="col">${t.linkFrom}</th><th scope="col">${t.mode}</th>
<th scope="col">${t.pageSnapshot}: ${t.sha256} · ${t.capturedAt}</th><th scope="col">${t.screenshot}: ${t.sha256} · ${t.capturedAt}</th></tr></thead>
<tbody>${rows}</tbody></table>`,
    lang,
  )}${snapshots === null ? '' : html`<p class="muted">${evidenceText(lang).snapshotsNote}</p>`}`;
}

/** Pages that should have a screenshot and have none, each with its reason: a gap in the evidence is shown, not hidden. */
function missingScreenshots(result: ShopResult, lang: Lang): Html {
  const missing = result.pages.filter((p) => p.screenshotMissing && !p.screenshotPath);
  if (missing.length === 0) return html``;
  const e = evidenceText(lang);
  return html`<div class="missing-shots"><h3>${e.missingTitle}</h3><ul>${missing.map(
    (p) =>
      html`<li><a href="#page-${p.id}">${p.id}</a> ${p.finalUrl}: ${missingReason(p.screenshotMissing as ScreenshotMissing, lang)}</li>`,
  )}</ul></div>`;
}

export function screenshotsSection(result: ShopResult, screenshots: EmbeddedScreenshot[], lang: Lang): Html {
  const t = reportText(lang);
  const missing = missingScreenshots(result, lang);
  if (screenshots.length === 0 && missing.value === '') return html``;
  return html`<section aria-labelledby="shots"><h2 id="shots">${t.screenshots}</h2>${missing}${screenshots.map(
    (s) => {
      const url = result.pages.find((p) => p.id === s.pageId)?.finalUrl ?? '';
      const picture =
        fullScreenshot(s, url, lang) ??
        html`<img class="shot" src="${s.dataUri}" alt="${t.fullScreenshot(url)}">`;
      return html`<details id="shot-${s.pageId}"><summary>${s.pageId} · ${url}</summary><figure>${picture}
<figcaption>${s.pageId} · ${t.sha256} <code>${s.sha256}</code>${s.capturedAt ? html` · ${t.capturedAt} ${s.capturedAt}` : ''}${integrityNote(s, lang)}</figcaption></figure></details>`;
    },
  )}</section>`;
}

export function shopPage({
  result,
  ruleSet,
  lang,
  screenshots = [],
  snapshots = new Map(),
}: ShopPageInput): string {
  const t = reportText(lang);
  const rules = new Map(ruleSet.rules.map((r) => [r.id, r]));
  const clicks = (n: number | null) => (n === null ? t.notFound : t.clickCount(n));
  const v = result.verdict;
  const shots = new Map(screenshots.map((s) => [s.pageId, s]));
  const lines = contactLines(result, lang);

  const widgets =
    result.widgets.length === 0
      ? html`<p>${t.none}</p>`
      : html`<ul>${result.widgets
          .slice(0, MAX_LIST_ROWS)
          .map(
            (w) =>
              html`<li>${w.kind}${w.vendor ? html` (${w.vendor})` : ''}${w.number ? html` ${w.number}` : ''} · <a href="#page-${w.pageId}">${w.pageId}</a>${w.detail ? html` · <code>${w.detail}</code>` : ''}</li>`,
          )}</ul>${moreInJson(result.widgets.length - MAX_LIST_ROWS, lang)}`;

  const overrides = result.findings.filter((f) => f.override);
  const errors =
    result.crawl.errors.length === 0
      ? html`<p>${t.noErrors}</p>`
      : html`<ul>${result.crawl.errors
          .slice(0, MAX_LIST_ROWS)
          .map(
            (e) => html`<li><code>${e.stage}${e.code ? ` ${e.code}` : ''}</code> ${e.url}: ${e.message}</li>`,
          )}</ul>${moreInJson(result.crawl.errors.length - MAX_LIST_ROWS, lang)}`;
  const limits = result.crawl.limits ?? [];
  const limitsList =
    limits.length === 0
      ? html``
      : html`<h3>${t.limitsReached}</h3><ul>${limits
          .slice(0, MAX_LIST_ROWS)
          .map(
            (l) => html`<li>${t.limitLine(t.limitNames[l.limit] ?? l.limit, l.found, l.kept, l.pageId)}</li>`,
          )}</ul>${moreInJson(limits.length - MAX_LIST_ROWS, lang)}`;

  const body = html`<p><a href="../index.html">${t.back}</a></p>
<h1>${result.target.name}</h1>
<p><a href="${safeHref(result.target.url)}" rel="noreferrer">${result.target.url}</a> · ${t.market}: ${result.target.country}${result.target.group ? html` · ${t.group}: ${result.target.group}` : ''}</p>
<div class="verdict v-${v.outcome}">
<p class="headline">${outcomeBadge(v.outcome, t.outcomes[v.outcome])} ${t.verdictHeadline[v.outcome]}</p>
<p>${t.clicksLine(clicks(v.phoneClicks), clicks(v.emailClicks))}</p>
<p>${t.score}: ${result.score === null ? t.notRated : formatNumber(result.score, lang)}${result.grade ? html` · ${t.grade}: ${result.grade}` : ''} · ${t.status}: ${result.status}</p>
${result.scoreCap ? html`<p>${t.capLine(result.scoreCap.limit, result.scoreCap.uncapped, result.scoreCap.rules.join(', '))}</p>` : ''}
</div>
<section aria-labelledby="summary"><h2 id="summary">${t.contactSummary}</h2>${contactSummary(lines, shots, result, lang)}</section>
<section aria-labelledby="identity"><h2 id="identity">${t.identity}</h2>${identitySection(result, lang)}</section>
<section aria-labelledby="rules"><h2 id="rules">${t.rules}</h2>${rulesSection(result, rules, lang)}</section>
<section aria-labelledby="contacts"><h2 id="contacts">${t.allSightings}</h2>${allSightings(lines, shots, result, lang)}</section>
<section aria-labelledby="widgets"><h2 id="widgets">${t.widgets}</h2>${widgets}</section>
<section aria-labelledby="pages"><h2 id="pages">${t.pagesVisited}</h2>${pagesTable(result, shots, snapshots, lang)}</section>
${screenshotsSection(result, screenshots, lang)}
<section aria-labelledby="overrides"><h2 id="overrides">${t.overrides}</h2>${
    overrides.length === 0
      ? html`<p>${t.none}</p>`
      : html`<ul>${overrides.map((f) => html`<li><a href="#rule-${f.rule}">${f.rule}</a>: ${f.override?.reason}${f.override?.by ? html` (${f.override.by})` : ''}</li>`)}</ul>`
  }</section>
<section aria-labelledby="crawl"><h2 id="crawl">${t.crawl}</h2>
<dl class="facts"><dt>${t.status}</dt><dd>${result.status}</dd><dt>${t.mode}</dt><dd>${result.crawl.mode} (${result.crawl.modesUsed.join(', ')})</dd>
<dt>${t.crawledAt}</dt><dd>${result.crawl.startedAt} – ${result.crawl.finishedAt}</dd>
${result.crawl.consent ? html`<dt>${t.consent}</dt><dd>${t.consentLine(result.crawl.consent)}</dd>` : ''}</dl>
<h3>${t.errors}</h3>${errors}${limitsList}</section>
<section aria-labelledby="provenance"><h2 id="provenance">${t.provenance}</h2>
<dl class="facts"><dt>${t.run}</dt><dd>${result.provenance.runLabel} (${result.provenance.runId})</dd>
<dt>${t.toolVersion}</dt><dd>${result.provenance.toolVersion}</dd>
<dt>${t.browserVersion}</dt><dd>${result.provenance.browserVersion ?? t.none}</dd>
<dt>${t.ruleSet}</dt><dd>${result.ruleSet.id} ${result.ruleSet.version}</dd>
<dt>${t.ruleSetHash}</dt><dd><code>${result.ruleSet.hash}</code></dd>
<dt>${t.crawledAt}</dt><dd>${result.provenance.crawledAt}</dd></dl></section>`;
  return layout({
    title: `${result.target.name} · ${t.reportTitle}`,
    lang,
    root: '../',
    body,
    head: screenshotStyles(screenshots),
  });
}
