import { pageLabel } from '../../shared/page-label.js';
import { checkText } from '../check-text.js';
import type { ActionItem, CheckView, SightingGroup } from '../check-view.js';
import { type Html, html, safeHref } from '../escape.js';
import { formatNumber, reportText } from '../i18n.js';
import { unjudgedLine } from '../terminal.js';
import { cropFigure, croppedSightings, screenshotStyles } from './evidence-crops.js';
import { layout, outcomeBadge } from './layout.js';
import {
  contactLines,
  contactSummary,
  type EmbeddedScreenshot,
  identitySection,
  pagesTable,
  referenceList,
  screenshotsSection,
} from './shop-page.js';

export interface OwnShopPageInput {
  view: CheckView;
  screenshots?: EmbeddedScreenshot[];
}

const SHOWN = 10;

function groupItem(g: SightingGroup, view: CheckView): Html {
  const c = checkText(view.lang);
  const word = g.kind === 'phone' ? reportText(view.lang).phoneWord : reportText(view.lang).emailWord;
  const raws = g.raws.filter((raw) => raw !== g.value);
  const ways = g.variants
    .map((v) =>
      [
        v.region,
        v.presentation,
        v.hidden ? c.hidden : '',
        v.viewports.includes('desktop') ? '' : c.mobile,
        v.afterInteraction ? `${c.after} ${v.afterInteraction}` : '',
      ]
        .filter(Boolean)
        .join(', '),
    )
    .join('; ');
  return html`<li>${word} <code>${g.value}</code>${raws.map((raw) => html` “${raw}”`)} ${c.on} <a href="${safeHref(g.pageUrl)}" rel="noreferrer">${pageLabel(g.pageUrl, view.result.target.origin)}</a> (${g.pageKind}, ${c.clickWord(g.pageDepth)}) · ${ways}</li>`;
}

function evidenceList(item: ActionItem, view: CheckView): Html {
  const c = checkText(view.lang);
  const origin = view.result.target.origin;
  const entries: Html[] = [
    ...item.widgets.map(
      (w) =>
        html`<li>${c.widgetOn(w.kind, w.vendor, w.pageUrls.map((url) => pageLabel(url, origin)).join(', '), w.number)}</li>`,
    ),
    ...item.pages.map(
      (p) =>
        html`<li><a href="${safeHref(p.finalUrl)}" rel="noreferrer">${pageLabel(p.finalUrl, origin)}</a> (${p.kind}, ${c.clickWord(p.depth)})</li>`,
    ),
    ...item.evidence.map((g) => groupItem(g, view)),
  ];
  if (entries.length === 0) return html``;
  const more = entries.length - SHOWN;
  return html`<ul class="evidence-list">${entries.slice(0, SHOWN)}${more > 0 ? html`<li class="muted">${c.andMore(more)}</li>` : ''}</ul>`;
}

function crops(item: ActionItem, view: CheckView, shots: Map<string, EmbeddedScreenshot>): Html {
  const figures: Html[] = [];
  for (const group of item.evidence) {
    for (const sighting of croppedSightings(group.sightings, shots).slice(0, 1)) {
      const shot = shots.get(sighting.pageId);
      const figure = shot ? cropFigure(sighting, group.value, shot, view.result.pages, view.lang) : null;
      if (figure) figures.push(figure);
    }
  }
  return figures.length > 0 ? html`<div class="crops">${figures.slice(0, 2)}</div>` : html``;
}

function findingBlock(
  item: ActionItem,
  view: CheckView,
  shots: Map<string, EmbeddedScreenshot>,
  withAdvice: boolean,
): Html {
  const t = reportText(view.lang);
  const c = checkText(view.lang);
  const f = item.finding;
  return html`<section class="finding" id="rule-${f.rule}" aria-labelledby="h-${f.rule}">
<h3 id="h-${f.rule}">${outcomeBadge(f.outcome, t.outcomes[f.outcome])} ${item.title}</h3>
<p class="muted">${f.rule} · ${t.level}: ${c.level[f.level]} · ${t.weight}: ${f.weight}</p>
${f.reason && f.outcome !== 'fail' ? html`<p><strong>${t.reason}:</strong> ${f.reason}</p>` : ''}
${f.override ? html`<p><strong>${t.overrides}:</strong> ${t.overrideLine(f.override.computed, f.override.outcome)} — ${f.override.reason}</p>` : ''}
${evidenceList(item, view)}
${
  withAdvice && item.advice.length > 0
    ? html`<p><strong>${t.advice}:</strong></p><ul>${item.advice.slice(0, SHOWN).map((line) => html`<li>${line}</li>`)}</ul>`
    : ''
}
${withAdvice ? crops(item, view, shots) : ''}
${item.rule && item.rule.references.length > 0 ? html`<details><summary>${t.references}</summary>${referenceList(item.rule)}</details>` : ''}
</section>`;
}

function restList(view: CheckView): Html {
  const t = reportText(view.lang);
  const c = checkText(view.lang);
  const rest = [...view.passed, ...view.notApplicable, ...view.notAssessable];
  const line = c.rest(view.passed.length, view.notApplicable.length, view.notAssessable.length);
  if (rest.length === 0) return html`<p>${line}</p>`;
  return html`<details class="rule-group"><summary>${line}</summary><ul>${rest.map(
    (item) =>
      html`<li>${outcomeBadge(item.finding.outcome, t.outcomes[item.finding.outcome])} ${item.title} <span class="muted">(${item.finding.rule})</span>${item.finding.reason ? html` — ${item.finding.reason}` : ''}</li>`,
  )}</ul></details>`;
}

/**
 * One shop's check as a single self-contained page for its owner: the verdict, what to fix with
 * its evidence, screenshots and advice, what to check by hand, the contact details found and the
 * pages visited. No ranking, no charts: it is not part of a run's report.
 */
export function ownShopPage({ view, screenshots = [] }: OwnShopPageInput): string {
  const { result, lang } = view;
  const t = reportText(lang);
  const c = checkText(lang);
  const shots = new Map(screenshots.map((s) => [s.pageId, s]));
  const v = result.verdict;
  const clicks = (n: number | null) => (n === null ? c.notFindable : t.clickCount(n));
  const header = html`<h1>${result.target.name}</h1>
<p><a href="${safeHref(result.target.url)}" rel="noreferrer">${result.target.url}</a> · ${t.market}: ${result.target.country} · ${t.crawledAt}: ${result.crawl.startedAt}</p>`;

  if (!view.judged) {
    const body = html`${header}
<div class="verdict v-${v.outcome}"><p class="headline">${outcomeBadge(v.outcome, t.outcomes[v.outcome])} ${t.verdictHeadline[v.outcome]}</p>
<p>${unjudgedLine(result, lang)}</p></div>
<section aria-labelledby="crawl"><h2 id="crawl">${t.errors}</h2>${
      result.crawl.errors.length === 0
        ? html`<p>${t.noErrors}</p>`
        : html`<ul>${result.crawl.errors.map((e) => html`<li><code>${e.stage}${e.code ? ` ${e.code}` : ''}</code> ${e.url}: ${e.message}</li>`)}</ul>`
    }</section>`;
    return layout({ title: `${result.target.name} · ${t.reportTitle}`, lang, root: '', body, nav: false });
  }

  const body = html`${header}
<div class="verdict v-${v.outcome}">
<p class="headline">${outcomeBadge(v.outcome, t.outcomes[v.outcome])} ${t.verdictHeadline[v.outcome]}</p>
<p>${c.findableClicks(clicks(view.clicks.phone), clicks(view.clicks.email))}</p>
<p>${t.score}: ${result.score === null ? t.notRated : formatNumber(result.score, lang)}${result.grade ? html` · ${t.grade}: ${result.grade}` : ''} · ${t.status}: ${result.status} · ${t.ruleSet}: ${result.ruleSet.id} ${result.ruleSet.version}</p>
</div>
<section aria-labelledby="failures"><h2 id="failures">${c.failures(view.failures.length)}</h2>${view.failures.map((item) => findingBlock(item, view, shots, true))}</section>
${
  view.reviews.length > 0
    ? html`<section aria-labelledby="reviews"><h2 id="reviews">${c.reviews(view.reviews.length)}</h2>${view.reviews.map((item) => findingBlock(item, view, shots, false))}</section>`
    : ''
}
<section aria-labelledby="rest"><h2 id="rest">${t.rules}</h2>${restList(view)}</section>
<section aria-labelledby="summary"><h2 id="summary">${t.contactSummary}</h2>${contactSummary(contactLines(result, lang), shots, result, lang)}</section>
<section aria-labelledby="identity"><h2 id="identity">${t.identity}</h2>${identitySection(result, lang)}</section>
<section aria-labelledby="pages"><h2 id="pages">${t.pagesVisited}</h2>${pagesTable(result, shots, null, lang)}</section>
${screenshotsSection(result, screenshots, lang)}
<section aria-labelledby="provenance"><h2 id="provenance">${t.provenance}</h2>
<dl class="facts"><dt>${t.toolVersion}</dt><dd>${result.provenance.toolVersion}</dd>
<dt>${t.browserVersion}</dt><dd>${result.provenance.browserVersion ?? t.none}</dd>
<dt>${t.mode}</dt><dd>${result.crawl.mode} (${result.crawl.modesUsed.join(', ')})</dd>
<dt>${t.ruleSetHash}</dt><dd><code>${result.ruleSet.hash}</code></dd></dl></section>`;
  return layout({
    title: `${result.target.name} · ${t.reportTitle}`,
    lang,
    root: '',
    body,
    head: screenshotStyles(screenshots),
    nav: false,
  });
}
