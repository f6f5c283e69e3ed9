import { pageLabel } from '../../common/page-label.js';
import { type Translate, translator } from '../../i18n/index.js';
import { findingReason } from '../../rules/index.js';
import type { ActionItem, CheckView, SightingGroup } from '../check-view.js';
import { type Html, html, safeHref } from '../escape.js';
import { clicksText, seenOnText, unjudgedLine, variantText, widgetText } from '../terminal.js';
import { cropFigure, croppedSightings, screenshotStyles } from './evidence-crops.js';
import { layout, outcomeBadge } from './layout.js';
import {
  capText,
  contactLines,
  contactSummary,
  type EmbeddedScreenshot,
  identitySection,
  overrideText,
  pagesTable,
  referenceList,
  ruleFacts,
  scoreLine,
  screenshotsSection,
} from './shop-page.js';

export interface OwnShopPageInput {
  view: CheckView;
  screenshots?: EmbeddedScreenshot[];
}

const SHOWN = 10;

function groupItem(g: SightingGroup, view: CheckView, t: Translate): Html {
  const word = t(g.kind === 'phone' ? 'report.phoneWord' : 'report.emailWord');
  const raws = g.raws.filter((raw) => raw !== g.value);
  const ways = g.variants.map((v) => variantText(v, t)).join('; ');
  const where = seenOnText(pageLabel(g.pageUrl, view.result.target.origin), g.pageKind, g.pageDepth, t);
  return html`<li>${word} <code>${g.value}</code>${raws.map((raw) => html` “${raw}”`)} <a href="${safeHref(g.pageUrl)}" rel="noreferrer">${where}</a> · ${ways}</li>`;
}

function evidenceList(item: ActionItem, view: CheckView, t: Translate): Html {
  const origin = view.result.target.origin;
  const entries: Html[] = [
    ...item.widgets.map(
      (w) => html`<li>${widgetText(w, w.pageUrls.map((url) => pageLabel(url, origin)).join(', '), t)}</li>`,
    ),
    ...item.pages.map(
      (p) =>
        html`<li><a href="${safeHref(p.finalUrl)}" rel="noreferrer">${pageLabel(p.finalUrl, origin)}</a> (${t.term('pageKind', p.kind)}, ${clicksText(p.depth, t)})</li>`,
    ),
    ...item.evidence.map((g) => groupItem(g, view, t)),
  ];
  if (entries.length === 0) return html``;
  const more = entries.length - SHOWN;
  return html`<ul class="evidence-list">${entries.slice(0, SHOWN)}${more > 0 ? html`<li class="muted">${t('check.andMore', { count: more })}</li>` : ''}</ul>`;
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
  const t = translator(view.lang);
  const f = item.finding;
  const reason = f.override ? null : findingReason(item.rule, f, t.lang);
  return html`<section class="finding" id="rule-${f.rule}" aria-labelledby="h-${f.rule}">
<h3 id="h-${f.rule}">${outcomeBadge(f.outcome, t.term('outcome', f.outcome))} ${item.title}</h3>
${ruleFacts(f, t)}
${reason && f.outcome !== 'fail' ? html`<p><strong>${t('report.reason')}:</strong> ${reason}</p>` : ''}
${f.override ? html`<p><strong>${t('report.overrides')}:</strong> ${overrideText(f, t)}</p>` : ''}
${evidenceList(item, view, t)}
${
  withAdvice && item.advice.length > 0
    ? html`<p><strong>${t('report.advice')}:</strong></p><ul>${item.advice.slice(0, SHOWN).map((line) => html`<li>${line}</li>`)}</ul>`
    : ''
}
${withAdvice ? crops(item, view, shots) : ''}
${item.rule && item.rule.references.length > 0 ? html`<details><summary>${t('report.references')}</summary>${referenceList(item.rule, view.lang)}</details>` : ''}
</section>`;
}

function restList(view: CheckView, t: Translate): Html {
  const rest = [...view.passed, ...view.notApplicable, ...view.notAssessable];
  const line = t('check.rest', {
    pass: view.passed.length,
    na: view.notApplicable.length,
    nj: view.notAssessable.length,
  });
  if (rest.length === 0) return html`<p>${line}</p>`;
  return html`<details class="rule-group"><summary>${line}</summary><ul>${rest.map((item) => {
    const reason = findingReason(item.rule, item.finding, t.lang);
    return html`<li>${outcomeBadge(item.finding.outcome, t.term('outcome', item.finding.outcome))} ${item.title} <code class="muted">${item.finding.rule}</code>${reason ? html` — ${reason}` : ''}</li>`;
  })}</ul></details>`;
}

/**
 * One shop's check as a single self-contained page for its owner: the verdict, what to fix with
 * its evidence, screenshots and advice, what to check by hand, the contact details found and the
 * pages visited. No ranking, no charts: it is not part of a run's report.
 */
export function ownShopPage({ view, screenshots = [] }: OwnShopPageInput): string {
  const { result, lang } = view;
  const t = translator(lang);
  const shots = new Map(screenshots.map((s) => [s.pageId, s]));
  const v = result.verdict;
  const clicks = (n: number | null) =>
    n === null ? t('check.notFindable') : t('report.clickCount', { count: n });
  const header = html`<h1>${result.target.name}</h1>
<p><a href="${safeHref(result.target.url)}" rel="noreferrer">${result.target.url}</a> · ${t('report.market')}: ${result.target.country} · ${t('report.crawledAt')}: ${result.crawl.startedAt}</p>`;
  const headline = html`<p class="headline">${outcomeBadge(v.outcome, t.term('outcome', v.outcome))} ${t(`report.verdict.${v.outcome}`)}</p>`;
  const title = `${result.target.name} · ${t('report.title')}`;

  if (!view.judged) {
    const body = html`${header}
<div class="verdict v-${v.outcome}">${headline}
<p>${unjudgedLine(result, lang)}</p></div>
<section aria-labelledby="crawl"><h2 id="crawl">${t('report.errors')}</h2>${
      result.crawl.errors.length === 0
        ? html`<p>${t('report.noErrors')}</p>`
        : html`<ul>${result.crawl.errors.map((e) => html`<li><code>${e.stage}${e.code ? ` ${e.code}` : ''}</code> ${e.url}: ${e.message}</li>`)}</ul>`
    }</section>`;
    return layout({ title, lang, root: '', body, nav: false });
  }

  const rules = new Map(
    [...view.failures, ...view.reviews, ...view.passed, ...view.notApplicable, ...view.notAssessable]
      .filter((item) => item.rule)
      .map((item) => [item.finding.rule, item.rule as NonNullable<ActionItem['rule']>]),
  );
  const cap = capText(result, rules, t);
  const body = html`${header}
<div class="verdict v-${v.outcome}">
${headline}
<p>${t('check.findableClicks', { phone: clicks(view.clicks.phone), email: clicks(view.clicks.email) })}</p>
<p>${scoreLine(result, t)} · ${t('report.ruleSet')}: ${result.ruleSet.id} ${result.ruleSet.version}</p>
${cap ? html`<p>${cap}</p>` : ''}
</div>
<section aria-labelledby="failures"><h2 id="failures">${t('check.failures', { count: view.failures.length })}</h2>${view.failures.map((item) => findingBlock(item, view, shots, true))}</section>
${
  view.reviews.length > 0
    ? html`<section aria-labelledby="reviews"><h2 id="reviews">${t('check.reviews', { count: view.reviews.length })}</h2>${view.reviews.map((item) => findingBlock(item, view, shots, false))}</section>`
    : ''
}
<section aria-labelledby="rest"><h2 id="rest">${t('report.rules')}</h2>${restList(view, t)}</section>
<section aria-labelledby="summary"><h2 id="summary">${t('report.contactSummary')}</h2>${contactSummary(contactLines(result, lang), shots, result, lang)}</section>
<section aria-labelledby="identity"><h2 id="identity">${t('report.identity')}</h2>${identitySection(result, lang)}</section>
<section aria-labelledby="pages"><h2 id="pages">${t('report.pagesVisited')}</h2>${pagesTable(result, shots, null, lang)}</section>
${screenshotsSection(result, screenshots, lang)}
<section aria-labelledby="provenance"><h2 id="provenance">${t('report.provenance')}</h2>
<dl class="facts"><dt>${t('report.toolVersion')}</dt><dd>${result.provenance.toolVersion}</dd>
<dt>${t('report.browserVersion')}</dt><dd>${result.provenance.browserVersion ?? t('report.none')}</dd>
<dt>${t('report.mode')}</dt><dd>${t.term('crawlMode', result.crawl.mode)} (${result.crawl.modesUsed.map((m) => t.term('fetchMode', m)).join(', ')})</dd>
<dt>${t('report.ruleSetHash')}</dt><dd><code>${result.ruleSet.hash}</code></dd></dl></section>`;
  return layout({ title, lang, root: '', body, head: screenshotStyles(screenshots), nav: false });
}
