import { type Lang, type Translate, translator } from '../../i18n/index.js';
import { textIn } from '../../rules/index.js';
import type { RuleSet } from '../../rules/types.js';
import type { RunRecord } from '../../store/types.js';
import type { Cause, RuleChange, RunComparison, ShopChange, ShopRef } from '../compare.js';
import { type Html, html } from '../escape.js';
import { shortHash } from '../run-rules.js';
import { layout, scrollTable } from './layout.js';

export interface ComparePageInput {
  run: RunRecord;
  before: RunRecord;
  comparison: RunComparison;
  lang: Lang;
  shopHref: Map<string, string>;
  /** The rule sets of both runs, to name rules by their titles (the later run's first). */
  ruleSets?: RuleSet[];
}

/** A rule's title in the reader's language, from the first rule set that has it; the id otherwise. */
export function ruleTitles(ruleSets: RuleSet[], lang: Lang): (id: string) => string {
  const titles = new Map<string, string>();
  for (const set of ruleSets)
    for (const rule of set.rules) if (!titles.has(rule.id)) titles.set(rule.id, textIn(rule.title, lang));
  return (id) => titles.get(id) ?? id;
}

/** One reason in words; the shop's own changes are worded as such, everything else names its cause. */
export function causeText(cause: Cause, lang: Lang, title: (id: string) => string = (id) => id): string {
  const t = translator(lang);
  switch (cause.kind) {
    case 'override': {
      const rule = title(cause.rule);
      if (!cause.after) return t('compare.causeOverrideDropped', { rule });
      if (cause.carried) return t('compare.causeOverrideCarried', { rule });
      return t(cause.before ? 'compare.causeOverrideKept' : 'compare.causeOverrideNew', { rule });
    }
    case 'weight':
      return t('compare.causeWeight', { rule: title(cause.rule), before: cause.before, after: cause.after });
    case 'level':
      return t('compare.causeLevel', {
        rule: title(cause.rule),
        before: t.term('level', cause.before),
        after: t.term('level', cause.after),
      });
    case 'rule-changed':
      return t('compare.causeRuleChanged', { rule: title(cause.rule) });
    case 'rule-added':
      return t('compare.causeRuleAdded', { rule: title(cause.rule) });
    case 'rule-removed':
      return t('compare.causeRuleRemoved', { rule: title(cause.rule) });
    case 'crawl-status':
      return t('compare.causeStatus', { before: cause.before, after: cause.after });
    case 'profile':
      return t('compare.causeProfile', { before: cause.before, after: cause.after });
    case 'evidence':
      return t('compare.causeEvidence', { rules: t.list(cause.rules.map((id) => `“${title(id)}”`)) });
  }
}

/** The reasons of a change; with none, the shop itself changed (or, for a rank alone, other shops did). */
function why(causes: Cause[], lang: Lang, title: (id: string) => string, rankOnly = false): Html {
  const t = translator(lang);
  if (causes.length === 0)
    return html`<td class="muted">${t(rankOnly ? 'compare.causeOthers' : 'compare.causeShop')}</td>`;
  return html`<td><ul class="causes">${causes.map(
    (c) =>
      html`<li class="${c.kind === 'evidence' ? 'shop-cause' : 'ext-cause'}">${causeText(c, lang, title)}</li>`,
  )}</ul></td>`;
}

/** What every part of the page needs: the reader's language, rule titles and links to shop pages. */
interface PageContext {
  t: Translate;
  lang: Lang;
  title: (id: string) => string;
  link: (shop: ShopRef) => Html;
}

const arrow = (a: string, b: string) => (a === b ? a : `${a} → ${b}`);

function rankText(c: ShopChange, t: Translate): string {
  const rankOf = (rank: number | null, total: number) =>
    t('compare.rankOf', { rank: String(rank ?? '–'), total });
  if (c.rank.of.before !== c.rank.of.after)
    return `${rankOf(c.rank.before, c.rank.of.before)} → ${rankOf(c.rank.after, c.rank.of.after)}`;
  return t('compare.rankOf', {
    rank: arrow(String(c.rank.before ?? '–'), String(c.rank.after ?? '–')),
    total: c.rank.of.after,
  });
}

function deltaText(c: ShopChange, t: Translate): string {
  if (c.score.delta === null || c.score.delta === 0) return '';
  return ` (${c.score.delta > 0 ? '+' : ''}${t.number(c.score.delta)})`;
}

function section({ t }: PageContext, id: string, heading: string, count: number, content: () => Html): Html {
  return html`<section aria-labelledby="${id}"><h2 id="${id}">${t('compare.sectionTitle', { title: heading, count })}</h2>${count === 0 ? html`<p>${t('report.nothing')}</p>` : content()}</section>`;
}

function shopRow(page: PageContext, c: ShopChange): Html {
  const { t, lang, title, link } = page;
  const score = (n: number | null) => (n === null ? t('report.notRated') : t.number(n));
  const rankOnly = c.score.before === c.score.after && c.grade.before === c.grade.after;
  return html`<tr><th scope="row">${link(c)}</th><td>${rankText(c, t)}</td><td>${arrow(c.grade.before ?? '–', c.grade.after ?? '–')}</td>
<td>${arrow(score(c.score.before), score(c.score.after))}${deltaText(c, t)}</td>${why(c.causes, lang, title, rankOnly)}</tr>`;
}

function shopTable(page: PageContext, id: string, heading: string, shops: ShopChange[]): Html {
  const { t, lang } = page;
  return section(page, id, heading, shops.length, () =>
    scrollTable(
      heading,
      html`<table><thead><tr><th scope="col">${t('report.shop')}</th><th scope="col">${t('report.rank')}</th><th scope="col">${t('report.grade')}</th><th scope="col">${t('report.score')}</th><th scope="col">${t('compare.why')}</th></tr></thead>
<tbody>${shops.map((c) => shopRow(page, c))}</tbody></table>`,
      lang,
    ),
  );
}

function ruleTable(page: PageContext, id: string, heading: string, changes: RuleChange[]): Html {
  const { t, lang, title, link } = page;
  return section(page, id, heading, changes.length, () =>
    scrollTable(
      heading,
      html`<table><thead><tr><th scope="col">${t('report.shop')}</th><th scope="col">${t('report.rule')}</th><th scope="col">${t('compare.before')}</th><th scope="col">${t('compare.after')}</th><th scope="col">${t('compare.why')}</th></tr></thead>
<tbody>${changes.map(
        (c) =>
          html`<tr><th scope="row">${link(c)}</th><td>${title(c.rule)} <code class="muted">${c.rule}</code></td><td>${c.before ? t.term('outcome', c.before) : '–'}</td><td>${t.term('outcome', c.after)}</td>${why(c.causes, lang, title)}</tr>`,
      )}</tbody></table>`,
      lang,
    ),
  );
}

function shopList(page: PageContext, id: string, heading: string, shops: ShopRef[]): Html {
  return section(
    page,
    id,
    heading,
    shops.length,
    () => html`<ul>${shops.map((s) => html`<li>${page.link(s)}</li>`)}</ul>`,
  );
}

function figuresTable(
  { t, lang }: PageContext,
  comparison: RunComparison,
  run: RunRecord,
  before: RunRecord,
): Html {
  const figureRows = comparison.figures.map((f) => {
    const change = f.after.count - f.before.count;
    return html`<tr><th scope="row">${t(`compare.figure.${f.figure}`)}</th><td>${t('compare.countOf', { count: f.before.count, total: f.before.of })}</td><td>${t('compare.countOf', { count: f.after.count, total: f.after.of })}</td>
<td class="num">${change === 0 ? '0' : `${change > 0 ? '+' : ''}${t.number(change)}`}</td></tr>`;
  });
  return scrollTable(
    t('report.headlineFigures'),
    html`<table><thead><tr><th scope="col">${t('compare.figure')}</th><th scope="col">${before.label}</th><th scope="col">${run.label}</th><th scope="col" class="num">${t('compare.change')}</th></tr></thead><tbody>${figureRows}</tbody></table>`,
    lang,
  );
}

function definitionList({ t, lang, title }: PageContext, comparison: RunComparison): Html {
  if (comparison.definitionChanges.length === 0) return html`<p>${t('compare.sameRules')}</p>`;
  return html`<ul>${comparison.definitionChanges.map(
    (d) =>
      html`<li>${t('compare.definitionIn', { change: causeText(d.change, lang, title), profiles: d.profiles.join(', ') })}</li>`,
  )}</ul>`;
}

function hashesText(t: Translate, run: RunRecord, before: RunRecord): string {
  if (before.rulesHash === run.rulesHash) return t('compare.hashesSame', { hash: shortHash(run.rulesHash) });
  return t('compare.hashesChanged', { before: shortHash(before.rulesHash), after: shortHash(run.rulesHash) });
}

export function comparePage({
  run,
  before,
  comparison,
  lang,
  shopHref,
  ruleSets = [],
}: ComparePageInput): string {
  const t = translator(lang);
  const link = (s: ShopRef) => {
    const href = shopHref.get(s.key);
    return href ? html`<a href="${href}">${s.name}</a>` : html`${s.name}`;
  };
  const page: PageContext = { t, lang, title: ruleTitles(ruleSets, lang), link };
  const body = html`<h1>${t('compare.title', { now: run.label, before: before.label })}</h1>
<p class="muted">${hashesText(t, run, before)}</p>
<p>${t('compare.intro')}</p>
<section aria-labelledby="figures"><h2 id="figures">${t('report.headlineFigures')}</h2>${figuresTable(page, comparison, run, before)}</section>
<section aria-labelledby="rule-definitions"><h2 id="rule-definitions">${t('compare.ruleDefinitionChanges')}</h2>${definitionList(page, comparison)}</section>
${shopTable(page, 'now-pass', t('compare.nowPass'), comparison.nowPass)}
${shopTable(page, 'now-fail', t('compare.nowFail'), comparison.nowFail)}
${shopTable(page, 'moved', t('compare.shopChangesTitle'), comparison.shopChanges)}
${ruleTable(page, 'newly-passed', t('compare.rulesNewlyPassed'), comparison.rulesNewlyPassed)}
${ruleTable(page, 'newly-failed', t('compare.rulesNewlyFailed'), comparison.rulesNewlyFailed)}
${shopList(page, 'added', t('compare.shopsAdded'), comparison.added)}
${shopList(page, 'gone', t('compare.shopsGone'), comparison.gone)}`;
  return layout({ title: `${t('report.comparison')} · ${t('report.title')}`, lang, root: '', body });
}
