import type { RunRecord } from '../../store/types.js';
import { type Html, html } from '../escape.js';
import { formatNumber, type Lang, localText, reportText } from '../i18n.js';
import type { ShopResult } from '../shop-result.js';
import type { RunSummary } from '../summary.js';
import { passRateSvg, scoreDistributionSvg } from './charts.js';
import { layout, outcomeBadge, scrollTable } from './layout.js';

export interface IndexPageInput {
  run: RunRecord;
  summary: RunSummary;
  lang: Lang;
  /** Relative link of each shop's page, by key. */
  shopHref: Map<string, string>;
  comparisonHref?: string;
}

function clicksCell(result: ShopResult): string {
  const show = (n: number | null) => (n === null ? '–' : String(n));
  return `${show(result.verdict.phoneClicks)} / ${show(result.verdict.emailClicks)}`;
}

export function indexPage({ run, summary, lang, shopHref, comparisonHref }: IndexPageInput): string {
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
  const rankingRows = summary.ranked.map(
    ({ rank, result: r }) => html`<tr>
<td class="num">${rank}</td><th scope="row">${shopLink(r)}</th><td>${r.target.country}</td><td>${r.target.group ?? ''}</td>
<td class="num">${r.score === null ? t.notRated : formatNumber(r.score, lang)}</td><td>${r.grade ?? ''}</td>
<td>${outcomeBadge(r.verdict.outcome, t.outcomes[r.verdict.outcome])}</td><td class="num">${clicksCell(r)}</td></tr>`,
  );
  const ranking =
    summary.ranked.length === 0
      ? html`<p>${t.noShops}</p>`
      : scrollTable(
          t.ranking,
          html`<table><caption class="muted">${t.ranking}</caption><thead><tr>
<th scope="col" class="num">${t.rank}</th><th scope="col">${t.shop}</th><th scope="col">${t.market}</th><th scope="col">${t.group}</th>
<th scope="col" class="num">${t.score}</th><th scope="col">${t.grade}</th><th scope="col">${t.verdict}</th><th scope="col" class="num">${t.clicks}</th>
</tr></thead><tbody>${rankingRows}</tbody></table>`,
          lang,
        );

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
<p class="muted">${t.run} ${run.id} · ${t.ruleSet} ${run.ruleSetId} ${run.ruleSetVersion} · ${run.startedAt}</p>
${comparisonHref ? html`<p><a href="${comparisonHref}">${t.comparison}</a></p>` : ''}
<section aria-labelledby="figures"><h2 id="figures">${t.headlineFigures}</h2><ul class="figures">${figures}</ul></section>
<section aria-labelledby="ranking"><h2 id="ranking">${t.ranking}</h2>${ranking}</section>
<section aria-labelledby="charts"><h2 id="charts">${t.scoreDistribution}</h2>${scoreDistributionSvg(summary, lang)}
<h2>${t.rulePassRates}</h2>${passRateSvg(summary, ruleTitles, lang)}</section>
<section aria-labelledby="ledger"><h2 id="ledger">${t.notAssessed}</h2>${ledger}</section>`;
  return layout({ title: `${t.reportTitle}: ${run.label}`, lang, root: '', body });
}
