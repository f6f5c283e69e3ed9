import type { RuleSet } from '../../rules/types.js';
import { GRADE_BANDS } from '../../score/index.js';
import type { RunRecord } from '../../store/types.js';
import { type Html, html } from '../escape.js';
import { type Lang, localText, reportText } from '../i18n.js';
import { layout, scrollTable } from './layout.js';
import { referenceList } from './shop-page.js';

function optionValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The grade bands as the scoring stage defines them, so the page can never disagree with the code. */
function gradeTable(lang: Lang): Html {
  const t = reportText(lang);
  const rows = GRADE_BANDS.map((band, i) => {
    const upper = i === 0 ? 100 : GRADE_BANDS[i - 1].from - 1;
    return html`<tr><th scope="row">${band.grade}</th><td class="num">${band.from}–${upper}</td></tr>`;
  });
  return scrollTable(
    t.grade,
    html`<table><thead><tr><th scope="col">${t.grade}</th><th scope="col" class="num">${t.score}</th></tr></thead><tbody>${rows}</tbody></table>`,
    lang,
  );
}

function ruleSetSection(ruleSet: RuleSet, lang: Lang): Html {
  const t = reportText(lang);
  return html`<section aria-labelledby="rs-${ruleSet.id}">
<h2 id="rs-${ruleSet.id}">${t.ruleSet} ${ruleSet.id} ${ruleSet.version}</h2>
<p>${t.ruleSetHash}: <code>${ruleSet.hash}</code></p>
${ruleSet.rules.map(
  (rule) => html`<section class="finding" id="rule-${ruleSet.id}-${rule.id}">
<h3>${localText(rule.title, lang)}</h3>
<p class="muted">${rule.id} · ${t.level}: ${t.levels[rule.level]} · ${t.weight}: ${rule.weight} · ${t.tags}: ${rule.tags.join(', ')}</p>
<p>${localText(rule.description, lang)}</p>
${rule.help ? html`<p>${localText(rule.help, lang)}</p>` : ''}
<p><strong>${t.advice}:</strong> ${localText(rule.advice, lang)}</p>
${rule.references.length > 0 ? html`<h4>${t.references}</h4>${referenceList(rule)}` : ''}
</section>`,
)}
</section>`;
}

export function methodologyPage(run: RunRecord, ruleSets: RuleSet[], lang: Lang): string {
  const t = reportText(lang);
  const sets = ruleSets.length > 0 ? ruleSets : [run.ruleSet];
  const options = Object.entries(run.options);
  const settings =
    options.length === 0
      ? html`<p>${t.none}</p>`
      : scrollTable(
          t.crawlSettings,
          html`<table><thead><tr><th scope="col">${t.option}</th><th scope="col">${t.value}</th></tr></thead><tbody>${options.map(
            ([key, value]) => html`<tr><th scope="row">${key}</th><td>${optionValue(value)}</td></tr>`,
          )}</tbody></table>`,
          lang,
        );
  const body = html`<h1>${t.methodology}: ${run.label}</h1>
<section aria-labelledby="scoring"><h2 id="scoring">${t.scoring}</h2>
<p>${t.scoreText}</p><p>${t.gradeText}</p>${gradeTable(lang)}<p>${t.verdictText}</p></section>
<section aria-labelledby="settings"><h2 id="settings">${t.crawlSettings}</h2>${settings}
<dl class="facts"><dt>${t.toolVersion}</dt><dd>${run.toolVersion}</dd><dt>${t.browserVersion}</dt><dd>${run.browserVersion ?? t.none}</dd>
<dt>${t.run}</dt><dd>${run.startedAt} – ${run.finishedAt ?? '…'}</dd></dl></section>
${sets.map((rs) => ruleSetSection(rs, lang))}`;
  return layout({ title: `${t.methodology} · ${t.reportTitle}`, lang, root: '', body });
}
