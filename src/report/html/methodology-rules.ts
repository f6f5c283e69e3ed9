import { type Lang, translator } from '../../i18n/index.js';
import { textIn } from '../../rules/index.js';
import type { Rule, RuleSet } from '../../rules/types.js';
import { type Html, html } from '../escape.js';
import { scrollTable } from './layout.js';
import { referenceList } from './shop-page.js';

const conditions = (rule: Rule): string =>
  JSON.stringify([rule.test, rule.appliesWhen, rule.needsReviewWhen, rule.notAssessableWhen]);
const sources = (rule: Rule): string => rule.references.map((r) => r.key).join(' ');

/** How a profile's version of a rule differs from the most common one, in a few words. */
function difference(rule: Rule | undefined, base: Rule, lang: Lang): string[] {
  const t = translator(lang);
  if (!rule) return [t('method.notInProfile')];
  const parts: string[] = [];
  if (rule.level !== base.level) parts.push(t.term('level', rule.level));
  if (rule.weight !== base.weight) parts.push(t('report.weightIs', { weight: rule.weight }));
  if (conditions(rule) !== conditions(base)) parts.push(t('method.ownCondition'));
  if (sources(rule) !== sources(base)) parts.push(t('method.ownSources'));
  return parts;
}

/** The version of a rule most profiles share (the first profile's on a tie), which the table shows. */
function baseOf(variants: Array<Rule | undefined>): Rule {
  const present = variants.filter((v): v is Rule => v !== undefined);
  const key = (r: Rule) => `${r.level}|${r.weight}|${conditions(r)}|${sources(r)}`;
  const counts = new Map<string, number>();
  for (const rule of present) counts.set(key(rule), (counts.get(key(rule)) ?? 0) + 1);
  return present.reduce((best, rule) =>
    (counts.get(key(rule)) ?? 0) > (counts.get(key(best)) ?? 0) ? rule : best,
  );
}

/**
 * Every rule of the run once, with the level and weight most of its profiles give it and, per
 * market profile, only what differs ("de: law"): the rules are not repeated per profile.
 */
export function rulesTable(sets: RuleSet[], lang: Lang): Html {
  const t = translator(lang);
  const ids: string[] = [];
  for (const set of sets) for (const rule of set.rules) if (!ids.includes(rule.id)) ids.push(rule.id);
  const byProfile = sets.map((set) => ({ id: set.id, rules: new Map(set.rules.map((r) => [r.id, r])) }));
  const several = sets.length > 1;
  const rows = ids.map((id) => {
    const variants = byProfile.map((p) => p.rules.get(id));
    const base = baseOf(variants);
    const differences = byProfile.flatMap((profile, i) => {
      const parts = difference(variants[i], base, lang);
      return parts.length > 0
        ? [t('method.profileDifferences', { profile: profile.id, differences: parts.join(', ') })]
        : [];
    });
    return html`<tr id="rule-${id}"><th scope="row"><details><summary>${textIn(base.title, lang)}</summary>
<p>${textIn(base.description, lang)}</p><p><strong>${t('report.advice')}:</strong> ${textIn(base.advice, lang)}</p>
${base.references.length > 0 ? html`<p><strong>${t('report.references')}:</strong></p>${referenceList(base, lang)}` : ''}</details>
<code class="muted">${id}</code></th><td>${t.term('level', base.level)}</td><td class="num">${base.weight}</td>${
      several ? html`<td>${differences.length > 0 ? differences.join('; ') : '–'}</td>` : ''
    }</tr>`;
  });
  return scrollTable(
    t('report.rules'),
    html`<table class="rules"><thead><tr><th scope="col">${t('report.rule')}</th><th scope="col">${t('report.level')}</th><th scope="col" class="num">${t('report.weight')}</th>${
      several ? html`<th scope="col">${t('method.marketDifferences')}</th>` : ''
    }</tr></thead><tbody>${rows}</tbody></table>`,
    lang,
  );
}
