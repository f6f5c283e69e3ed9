import type { RunRecord } from '../../store/types.js';
import type { Criterion } from '../criteria.js';
import { type Html, html } from '../escape.js';
import { formatNumber, type Lang, localText, reportText } from '../i18n.js';
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
  const t = reportText(lang);
  const rated = summary.ranked.length;
  const figures: Html[] = [
    html`<li>${t.showPhone(summary.phoneShown, rated)}</li>`,
    html`<li>${t.showEmail(summary.emailShown, rated)}</li>`,
    html`<li><strong>${t.findable(summary.findable, rated)}</strong></li>`,
  ];
  if (summary.avgPhoneClicks !== null) {
    figures.push(html`<li>${t.avgPhoneClicks(formatNumber(summary.avgPhoneClicks, lang))}</li>`);
  }
  if (summary.avgFindableClicks !== null) {
    figures.push(html`<li>${t.avgFindableClicks(formatNumber(summary.avgFindableClicks, lang))}</li>`);
  }
  if (summary.notRated.length > 0) figures.push(html`<li>${t.notRatedCount(summary.notRated.length)}</li>`);

  const shopLink = (r: ShopResult) =>
    html`<a href="${shopHref.get(r.target.key) ?? '#'}">${r.target.name}</a>`;
  const views = rankingViews(summary, lang);
  const ranking = html`${viewNavigation(views, views[0], '', lang)}${rankingTable(summary.ranked, '', shopHref, lang, t.ranking, criteria)}`;
  const data = html`<section aria-labelledby="data"><h2 id="data">${t.data}</h2><p>${t.dataLinks}</p><ul>
<li><a href="results.csv">${t.csvLink}</a></li><li><a href="results.json">${t.jsonLink}</a></li>
${reviewCount > 0 ? html`<li><a href="review.html">${t.reviewLink(reviewCount)}</a></li>` : ''}</ul></section>`;

  const ledgerRows = summary.notRated.map(
    (
      r,
    ) => html`<tr><th scope="row">${shopLink(r)}</th><td>${r.target.country}</td><td>${r.status}</td><td>${t.notRated}</td>
<td>${r.crawl.errors[0]?.message ?? ''}</td></tr>`,
  );
  const ledger =
    summary.notRated.length === 0
      ? html`<p>${t.nothing}</p>`
      : scrollTable(
          t.notAssessed,
          html`<table><thead><tr><th scope="col">${t.shop}</th><th scope="col">${t.market}</th><th scope="col">${t.status}</th>
<th scope="col">${t.score}</th><th scope="col">${t.errors}</th></tr></thead><tbody>${ledgerRows}</tbody></table>`,
          lang,
        );

  const ruleTitles = new Map(run.ruleSet.rules.map((r) => [r.id, localText(r.title, lang)]));
  const body = html`<h1>${t.reportTitle}: ${run.label}</h1>
<p class="muted">${t.run} ${run.id} · ${t.rules}: ${profilesText(run)} · ${run.startedAt}</p>
${comparisonHref ? html`<p><a href="${comparisonHref}">${t.comparison}</a></p>` : ''}
<section aria-labelledby="figures"><h2 id="figures">${t.headlineFigures}</h2><ul class="figures">${figures}</ul></section>
<section aria-labelledby="ranking"><h2 id="ranking">${t.ranking}</h2>${ranking}</section>
${data}
<section aria-labelledby="charts"><h2 id="charts">${t.scoreDistribution}</h2>${scoreDistributionSvg(summary, lang)}
<h2>${t.rulePassRates}</h2>${passRateSvg(summary, ruleTitles, lang)}</section>
<section aria-labelledby="ledger"><h2 id="ledger">${t.notAssessed}</h2>${ledger}</section>`;
  return layout({ title: `${t.reportTitle}: ${run.label}`, lang, root: '', body });
}
