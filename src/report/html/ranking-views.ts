import { type Lang, translator } from '../../i18n/index.js';
import { textIn } from '../../rules/index.js';
import type { Criterion } from '../criteria.js';
import { type Html, html } from '../escape.js';
import { safeFolderName } from '../file-names.js';
import type { ShopResult } from '../shop-result.js';
import type { RunSummary } from '../summary.js';
import { layout, outcomeBadge, scrollTable } from './layout.js';

type Ranked = RunSummary['ranked'][number];

/**
 * One pre-rendered view of the ranking: a sort order or a filter by market or group. The report
 * works without JavaScript (its pages forbid scripts), so sorting and filtering are links between
 * static pages rather than widgets.
 */
export interface RankingView {
  /** Path from the report root. */
  file: string;
  label: string;
  kind: 'sort' | 'market' | 'group';
  select: (rows: Ranked[]) => Ranked[];
}

const byName = (a: Ranked, b: Ranked) => a.result.target.name.localeCompare(b.result.target.name);
const fewestClicks = (r: ShopResult) =>
  Math.max(
    r.verdict.phoneClicks ?? Number.POSITIVE_INFINITY,
    r.verdict.emailClicks ?? Number.POSITIVE_INFINITY,
  );

export function rankingViews(summary: RunSummary, lang: Lang): RankingView[] {
  const t = translator(lang);
  const rows = summary.ranked;
  const markets = [...new Set(rows.map((r) => r.result.target.country))].sort();
  const groups = [
    ...new Set(rows.map((r) => r.result.target.group).filter((g): g is string => Boolean(g))),
  ].sort();
  return [
    { file: 'index.html', label: t('report.byScore'), kind: 'sort', select: (all) => all },
    {
      file: 'ranking/by-name.html',
      label: t('report.byName'),
      kind: 'sort',
      select: (all) => [...all].sort(byName),
    },
    {
      file: 'ranking/by-clicks.html',
      label: t('report.byClicks'),
      kind: 'sort',
      select: (all) =>
        [...all].sort((a, b) => fewestClicks(a.result) - fewestClicks(b.result) || a.rank - b.rank),
    },
    ...markets.map(
      (market): RankingView => ({
        file: `ranking/market-${safeFolderName(market.toLowerCase())}.html`,
        label: market,
        kind: 'market',
        select: (all) => all.filter((r) => r.result.target.country === market),
      }),
    ),
    ...groups.map(
      (group): RankingView => ({
        file: `ranking/group-${safeFolderName(group, 'group')}.html`,
        label: group,
        kind: 'group',
        select: (all) => all.filter((r) => r.result.target.group === group),
      }),
    ),
  ];
}

/** The links between the views, the current one marked for screen readers and sighted readers alike. */
export function viewNavigation(views: RankingView[], current: RankingView, root: string, lang: Lang): Html {
  const t = translator(lang);
  const links = (kind: RankingView['kind']) =>
    views
      .filter((v) => v.kind === kind)
      .map((v) =>
        v === current
          ? html`<strong aria-current="page">${v.label}</strong>`
          : html`<a href="${root}${v.file}">${v.label}</a>`,
      );
  const line = (title: string, items: Html[]) =>
    items.length === 0
      ? html``
      : html`<li>${title}: ${items.map((item, i) => html`${i > 0 ? ' · ' : ''}${item}`)}</li>`;
  return html`<nav aria-label="${t('report.rankingViews')}"><ul class="views">${line(t('report.sortBy'), links('sort'))}${line(
    t('report.market'),
    links('market'),
  )}${line(t('report.group'), links('group'))}</ul></nav>`;
}

function clicksCell(result: ShopResult): string {
  const show = (n: number | null) => (n === null ? '–' : String(n));
  return `${show(result.verdict.phoneClicks)} / ${show(result.verdict.emailClicks)}`;
}

/** A criterion's cell: the finding of its rule, in words; a person's decision is marked. */
function criterionCell(result: ShopResult, criterion: Criterion, lang: Lang): Html {
  const t = translator(lang);
  const finding = result.findings.find((f) => f.rule === criterion.rule);
  if (!finding) return html`<td></td>`;
  const word = finding.outcome === 'not-assessable' ? '–' : t(`report.criterion.${finding.outcome}`);
  return html`<td class="crit c-${finding.outcome}">${word}${finding.override ? '*' : ''}</td>`;
}

/** The grade, marked when a failed rule of level law capped the score. */
function gradeCell(result: ShopResult): Html {
  return html`<td>${result.grade ?? ''}${result.scoreCap ? '†' : ''}</td>`;
}

/** The ranking table; ranks stay those of the whole run in every view. */
export function rankingTable(
  rows: Ranked[],
  root: string,
  shopHref: Map<string, string>,
  lang: Lang,
  caption: string,
  criteria: Criterion[] = [],
): Html {
  const t = translator(lang);
  if (rows.length === 0) return html`<p>${t('report.noShops')}</p>`;
  const body = rows.map(
    ({ rank, result: r }) => html`<tr>
<td class="num">${rank}</td><th scope="row" class="shop"><a href="${root}${shopHref.get(r.target.key) ?? '#'}">${r.target.name}</a></th><td>${r.target.country}</td><td>${r.target.group ?? ''}</td>
<td class="num">${r.score === null ? t('report.notRated') : t.number(r.score)}</td>${gradeCell(r)}
<td>${outcomeBadge(r.verdict.outcome, t.term('outcome', r.verdict.outcome))}</td><td class="num">${clicksCell(r)}</td>${criteria.map((c) => criterionCell(r, c, lang))}</tr>`,
  );
  const marks =
    rows.some((r) => r.result.scoreCap) || rows.some((r) => r.result.findings.some((f) => f.override));
  const table = scrollTable(
    t('report.ranking'),
    html`<table class="ranking"><caption class="muted">${caption}</caption><thead><tr>
<th scope="col" class="num">${t('report.rank')}</th><th scope="col"><a href="${root}ranking/by-name.html">${t('report.shop')}</a></th><th scope="col">${t('report.market')}</th><th scope="col">${t('report.group')}</th>
<th scope="col" class="num"><a href="${root}index.html">${t('report.score')}</a></th><th scope="col">${t('report.grade')}</th><th scope="col">${t('report.verdict')}</th><th scope="col" class="num"><a href="${root}ranking/by-clicks.html">${t('report.clicks')}</a></th>
${criteria.map((c) => html`<th scope="col">${textIn(c.label, lang)}</th>`)}</tr></thead><tbody>${body}</tbody></table>`,
    lang,
  );
  return html`${table}${criteria.length > 0 || marks ? html`<p class="muted">${t('report.rankingMarks')}</p>` : ''}`;
}

/** A page of its own for a view other than the default ranking (which is the index page). */
export function rankingViewPage(
  view: RankingView,
  views: RankingView[],
  summary: RunSummary,
  runLabel: string,
  shopHref: Map<string, string>,
  lang: Lang,
  criteria: Criterion[] = [],
): string {
  const t = translator(lang);
  const rows = view.select(summary.ranked);
  const caption = t('report.viewCaption', { view: view.label, count: rows.length });
  const title = t('report.titleOfRun', { label: runLabel });
  const body = html`<h1>${title}</h1>
<section aria-labelledby="ranking"><h2 id="ranking">${caption}</h2>
${viewNavigation(views, view, '../', lang)}
${rankingTable(rows, '../', shopHref, lang, caption, criteria)}</section>`;
  return layout({ title: `${caption} · ${title}`, lang, root: '../', body });
}
