import { type Lang, translator } from '../../i18n/index.js';
import { textIn } from '../../rules/index.js';
import type { RunRecord } from '../../store/types.js';
import type { Criterion } from '../criteria.js';
import { csvColumnTable } from '../csv-columns.js';
import { type Html, html } from '../escape.js';
import { profilesText } from '../run-rules.js';
import type { ShopResult } from '../shop-result.js';
import type { RunSummary } from '../summary.js';
import { passRateSvg, scoreDistributionSvg } from './charts.js';
import { layout, scrollTable } from './layout.js';
import { rankingTable, rankingViews, viewNavigation } from './ranking-views.js';

export interface IndexPageInput {
  run: RunRecord;
  summary: RunSummary;
  lang: Lang;
  /** Relative link of each shop's page, by key. */
  shopHref: Map<string, string>;
  comparisonHref?: string;
  /** The ranking's yes/no columns: the parts of the headline verdict. */
  criteria?: Criterion[];
  /** How many findings the review worklist (review.html) holds; 0 when there is none. */
  reviewCount?: number;
}

export function indexPage({
  run,
  summary,
  lang,
  shopHref,
  comparisonHref,
  criteria = [],
  reviewCount = 0,
}: IndexPageInput): string {
  const t = translator(lang);
  const rated = summary.ranked.length;
  // Averages are shown with one decimal; rounded first so the plural agrees with what is shown.
  const oneDecimal = (n: number) => Math.round(n * 10) / 10;
  const figures: Html[] = [
    html`<li>${t('report.showPhone', { shown: summary.phoneShown, total: rated })}</li>`,
    html`<li>${t('report.showEmail', { shown: summary.emailShown, total: rated })}</li>`,
    html`<li><strong>${t('report.findable', { findable: summary.findable, total: rated })}</strong></li>`,
  ];
  if (summary.avgPhoneClicks !== null) {
    figures.push(
      html`<li>${t('report.avgPhoneClicks', { average: oneDecimal(summary.avgPhoneClicks) })}</li>`,
    );
  }
  if (summary.avgFindableClicks !== null) {
    figures.push(
      html`<li>${t('report.avgFindableClicks', { average: oneDecimal(summary.avgFindableClicks) })}</li>`,
    );
  }
  if (summary.notRated.length > 0)
    figures.push(html`<li>${t('report.notRatedCount', { count: summary.notRated.length })}</li>`);

  const shopLink = (r: ShopResult) =>
    html`<a href="${shopHref.get(r.target.key) ?? '#'}">${r.target.name}</a>`;
  const views = rankingViews(summary, lang);
  const ranking = html`${viewNavigation(views, views[0], '', lang)}${rankingTable(summary.ranked, '', shopHref, lang, t('report.ranking'), criteria)}`;
  const data = html`<section aria-labelledby="data"><h2 id="data">${t('report.data')}</h2><p>${t('report.dataLinks')}</p><ul>
<li><a href="results.csv">${t('report.csvLink')}</a></li><li><a href="results.json">${t('report.jsonLink')}</a></li>
${reviewCount > 0 ? html`<li><a href="review.html">${t('report.reviewLink', { count: reviewCount })}</a></li>` : ''}</ul>
<details><summary>${t('report.csvColumnsTitle')}</summary>${csvColumnTable(lang)}</details></section>`;

  const ledgerRows = summary.notRated.map(
    (
      r,
    ) => html`<tr><th scope="row">${shopLink(r)}</th><td>${r.target.country}</td><td><code>${r.status}</code></td><td>${t('report.notRated')}</td>
<td>${r.crawl.errors[0]?.message ?? ''}</td></tr>`,
  );
  const ledger =
    summary.notRated.length === 0
      ? html`<p>${t('report.nothing')}</p>`
      : scrollTable(
          t('report.notAssessed'),
          html`<table><thead><tr><th scope="col">${t('report.shop')}</th><th scope="col">${t('report.market')}</th><th scope="col">${t('report.status')}</th>
<th scope="col">${t('report.score')}</th><th scope="col">${t('report.errors')}</th></tr></thead><tbody>${ledgerRows}</tbody></table>`,
          lang,
        );

  const ruleTitles = new Map(run.ruleSet.rules.map((r) => [r.id, textIn(r.title, lang)]));
  const title = t('report.titleOfRun', { label: run.label });
  const body = html`<h1>${title}</h1>
<p class="muted">${t('report.runLine', { id: run.id, rules: profilesText(run, lang), started: run.startedAt })}</p>
${comparisonHref ? html`<p><a href="${comparisonHref}">${t('report.comparison')}</a></p>` : ''}
<section aria-labelledby="figures"><h2 id="figures">${t('report.headlineFigures')}</h2><ul class="figures">${figures}</ul></section>
<section aria-labelledby="ranking"><h2 id="ranking">${t('report.ranking')}</h2>${ranking}</section>
${data}
<section aria-labelledby="charts"><h2 id="charts">${t('report.scoreDistribution')}</h2>${scoreDistributionSvg(summary, lang)}
<h2>${t('report.rulePassRates')}</h2>${passRateSvg(summary, ruleTitles, lang)}</section>
<section aria-labelledby="ledger"><h2 id="ledger">${t('report.notAssessed')}</h2>${ledger}</section>`;
  return layout({ title, lang, root: '', body });
}
