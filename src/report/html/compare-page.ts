import type { RunRecord } from '../../store/types.js';
import type { Cause, RuleChange, RunComparison, ShopChange, ShopRef } from '../compare.js';
import { type Html, html } from '../escape.js';
import { formatNumber, type Lang, reportText } from '../i18n.js';
import { shortHash } from '../run-rules.js';
import { layout, scrollTable } from './layout.js';

export interface ComparePageInput {
  run: RunRecord;
  before: RunRecord;
  comparison: RunComparison;
  lang: Lang;
  shopHref: Map<string, string>;
}

/** One reason in words; the shop's own changes are worded as such, everything else names its cause. */
export function causeText(cause: Cause, lang: Lang): string {
  const t = reportText(lang);
  switch (cause.kind) {
    case 'override':
      return t.causeOverride(cause.rule, cause.before, cause.after, cause.carried);
    case 'weight':
      return t.causeWeight(cause.rule, cause.before, cause.after);
    case 'level':
      return t.causeLevel(
        cause.rule,
        t.levels[cause.before as keyof typeof t.levels] ?? cause.before,
        t.levels[cause.after as keyof typeof t.levels] ?? cause.after,
      );
    case 'rule-changed':
      return t.causeRuleChanged(cause.rule);
    case 'rule-added':
      return t.causeRuleAdded(cause.rule);
    case 'rule-removed':
      return t.causeRuleRemoved(cause.rule);
    case 'crawl-status':
      return t.causeStatus(cause.before, cause.after);
    case 'profile':
      return t.causeProfile(cause.before, cause.after);
    case 'evidence':
      return t.causeEvidence(cause.rules.join(', '));
  }
}

/** The reasons of a change; with none, the shop itself changed (or, for a rank alone, other shops did). */
function why(causes: Cause[], lang: Lang, rankOnly = false): Html {
  const t = reportText(lang);
  if (causes.length === 0) return html`<td class="muted">${rankOnly ? t.causeOthers : t.causeShop}</td>`;
  return html`<td><ul class="causes">${causes.map(
    (c) => html`<li class="${c.kind === 'evidence' ? 'shop-cause' : 'ext-cause'}">${causeText(c, lang)}</li>`,
  )}</ul></td>`;
}

export function comparePage({ run, before, comparison, lang, shopHref }: ComparePageInput): string {
  const t = reportText(lang);
  const link = (s: ShopRef) => {
    const href = shopHref.get(s.key);
    return href ? html`<a href="${href}">${s.name}</a>` : html`${s.name}`;
  };
  const score = (n: number | null) => (n === null ? t.notRated : formatNumber(n, lang));
  const arrow = (a: string, b: string) => (a === b ? a : `${a} → ${b}`);
  const rank = (c: ShopChange) =>
    c.rank.of.before === c.rank.of.after
      ? t.rankOf(arrow(String(c.rank.before ?? '–'), String(c.rank.after ?? '–')), c.rank.of.after)
      : `${t.rankOf(String(c.rank.before ?? '–'), c.rank.of.before)} → ${t.rankOf(String(c.rank.after ?? '–'), c.rank.of.after)}`;
  const delta = (c: ShopChange) =>
    c.score.delta === null || c.score.delta === 0
      ? ''
      : ` (${c.score.delta > 0 ? '+' : ''}${formatNumber(c.score.delta, lang)})`;
  const section = (id: string, title: string, count: number, content: () => Html) =>
    html`<section aria-labelledby="${id}"><h2 id="${id}">${title} (${count})</h2>${count === 0 ? html`<p>${t.nothing}</p>` : content()}</section>`;

  const shopTable = (id: string, title: string, shops: ShopChange[]) =>
    section(id, title, shops.length, () =>
      scrollTable(
        title,
        html`<table><thead><tr><th scope="col">${t.shop}</th><th scope="col">${t.rank}</th><th scope="col">${t.grade}</th><th scope="col">${t.score}</th><th scope="col">${t.why}</th></tr></thead>
<tbody>${shops.map(
          (
            c,
          ) => html`<tr><th scope="row">${link(c)}</th><td>${rank(c)}</td><td>${arrow(c.grade.before ?? '–', c.grade.after ?? '–')}</td>
<td>${arrow(score(c.score.before), score(c.score.after))}${delta(c)}</td>${why(c.causes, lang, c.score.before === c.score.after && c.grade.before === c.grade.after)}</tr>`,
        )}</tbody></table>`,
        lang,
      ),
    );
  const ruleTable = (id: string, title: string, changes: RuleChange[]) =>
    section(id, title, changes.length, () =>
      scrollTable(
        title,
        html`<table><thead><tr><th scope="col">${t.shop}</th><th scope="col">${t.ruleId}</th><th scope="col">${t.before}</th><th scope="col">${t.after}</th><th scope="col">${t.why}</th></tr></thead>
<tbody>${changes.map(
          (c) =>
            html`<tr><th scope="row">${link(c)}</th><td>${c.rule}</td><td>${c.before ? t.outcomes[c.before] : '–'}</td><td>${t.outcomes[c.after]}</td>${why(c.causes, lang)}</tr>`,
        )}</tbody></table>`,
        lang,
      ),
    );
  const figureRows = comparison.figures.map((f) => {
    const change = f.after.count - f.before.count;
    return html`<tr><th scope="row">${t.figureName[f.figure]}</th><td>${t.countOf(f.before.count, f.before.of)}</td><td>${t.countOf(f.after.count, f.after.of)}</td>
<td class="num">${change === 0 ? '0' : `${change > 0 ? '+' : ''}${change}`}</td></tr>`;
  });
  const figures = scrollTable(
    t.headlineFigures,
    html`<table><thead><tr><th scope="col">${t.figure}</th><th scope="col">${before.label}</th><th scope="col">${run.label}</th><th scope="col" class="num">${t.change}</th></tr></thead><tbody>${figureRows}</tbody></table>`,
    lang,
  );
  const definitions =
    comparison.definitionChanges.length === 0
      ? html`<p>${t.sameRules}</p>`
      : html`<ul>${comparison.definitionChanges.map(
          (d) => html`<li>${causeText(d.change, lang)} (${d.profiles.join(', ')})</li>`,
        )}</ul>`;

  const body = html`<h1>${t.compareTitle(run.label, before.label)}</h1>
<p class="muted">${t.compareHashes(shortHash(before.rulesHash), shortHash(run.rulesHash))}</p>
<p>${t.compareIntro}</p>
<section aria-labelledby="figures"><h2 id="figures">${t.headlineFigures}</h2>${figures}</section>
<section aria-labelledby="rule-definitions"><h2 id="rule-definitions">${t.ruleDefinitionChanges}</h2>${definitions}</section>
${shopTable('now-pass', t.nowPass, comparison.nowPass)}
${shopTable('now-fail', t.nowFail, comparison.nowFail)}
${shopTable('moved', t.shopChangesTitle, comparison.shopChanges)}
${ruleTable('newly-passed', t.rulesNewlyPassed, comparison.rulesNewlyPassed)}
${ruleTable('newly-failed', t.rulesNewlyFailed, comparison.rulesNewlyFailed)}
${section('added', t.shopsAdded, comparison.added.length, () => html`<ul>${comparison.added.map((s) => html`<li>${link(s)}</li>`)}</ul>`)}
${section('gone', t.shopsGone, comparison.gone.length, () => html`<ul>${comparison.gone.map((s) => html`<li>${link(s)}</li>`)}</ul>`)}`;
  return layout({ title: `${t.comparison} · ${t.reportTitle}`, lang, root: '', body });
}
