import type { RunRecord } from '../../store/types.js';
import type { RuleChange, RunComparison, ShopRef } from '../compare.js';
import { type Html, html } from '../escape.js';
import { formatNumber, type Lang, reportText } from '../i18n.js';
import { layout, scrollTable } from './layout.js';

export interface ComparePageInput {
  run: RunRecord;
  before: RunRecord;
  comparison: RunComparison;
  lang: Lang;
  shopHref: Map<string, string>;
}

export function comparePage({ run, before, comparison, lang, shopHref }: ComparePageInput): string {
  const t = reportText(lang);
  const link = (s: ShopRef) => {
    const href = shopHref.get(s.key);
    return href ? html`<a href="${href}">${s.name}</a>` : html`${s.name}`;
  };
  const shopList = (id: string, title: string, shops: ShopRef[]) =>
    html`<section aria-labelledby="${id}"><h2 id="${id}">${title} (${shops.length})</h2>${
      shops.length === 0
        ? html`<p>${t.nothing}</p>`
        : html`<ul>${shops.map((s) => html`<li>${link(s)}</li>`)}</ul>`
    }</section>`;
  const ruleTable = (id: string, title: string, changes: RuleChange[]): Html =>
    html`<section aria-labelledby="${id}"><h2 id="${id}">${title} (${changes.length})</h2>${
      changes.length === 0
        ? html`<p>${t.nothing}</p>`
        : scrollTable(
            title,
            html`<table><thead><tr><th scope="col">${t.shop}</th><th scope="col">${t.ruleId}</th><th scope="col">${t.before}</th><th scope="col">${t.after}</th></tr></thead>
<tbody>${changes.map((c) => html`<tr><th scope="row">${link(c)}</th><td>${c.rule}</td><td>${c.before ? t.outcomes[c.before] : '–'}</td><td>${t.outcomes[c.after]}</td></tr>`)}</tbody></table>`,
            lang,
          )
    }</section>`;
  const score = (n: number | null) => (n === null ? t.notRated : formatNumber(n, lang));
  const scores =
    comparison.scoreChanges.length === 0
      ? html`<p>${t.nothing}</p>`
      : scrollTable(
          t.scoreChanges,
          html`<table><thead><tr><th scope="col">${t.shop}</th><th scope="col" class="num">${t.before}</th><th scope="col" class="num">${t.after}</th><th scope="col" class="num">${t.change}</th></tr></thead>
<tbody>${comparison.scoreChanges.map(
            (
              c,
            ) => html`<tr><th scope="row">${link(c)}</th><td class="num">${score(c.before)}</td><td class="num">${score(c.after)}</td>
<td class="num">${c.delta === null ? '–' : `${c.delta > 0 ? '+' : ''}${formatNumber(c.delta, lang)}`}</td></tr>`,
          )}</tbody></table>`,
          lang,
        );
  const body = html`<h1>${t.compareTitle(run.label, before.label)}</h1>
${shopList('now-pass', t.nowPass, comparison.nowPass)}
${shopList('now-fail', t.nowFail, comparison.nowFail)}
${ruleTable('newly-passed', t.rulesNewlyPassed, comparison.rulesNewlyPassed)}
${ruleTable('newly-failed', t.rulesNewlyFailed, comparison.rulesNewlyFailed)}
<section aria-labelledby="scores"><h2 id="scores">${t.scoreChanges} (${comparison.scoreChanges.length})</h2>${scores}</section>
${shopList('added', t.shopsAdded, comparison.added)}
${shopList('gone', t.shopsGone, comparison.gone)}`;
  return layout({ title: `${t.comparison} · ${t.reportTitle}`, lang, root: '', body });
}
