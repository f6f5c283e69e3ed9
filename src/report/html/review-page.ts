import { interactionText, type Lang, translator } from '../../i18n/index.js';
import { findingReason, textIn } from '../../rules/index.js';
import type { RunRecord } from '../../store/types.js';
import { type Html, html, safeHref } from '../escape.js';
import type { ReviewItem } from '../review.js';
import { layout, scrollTable } from './layout.js';

/** At most this many sightings per finding on the page; the CSV lists them all. */
const MAX_SIGHTINGS = 5;

function evidenceCell(item: ReviewItem, lang: Lang): Html {
  const t = translator(lang);
  const sightings = item.sightings
    .slice(0, MAX_SIGHTINGS)
    .map(
      (s) =>
        html`<li><span class="raw">${s.raw}</span> · <a href="${safeHref(s.pageUrl)}" rel="noreferrer">${s.pageUrl}</a> · ${t.term('region', s.region)}${s.visible === false ? ` · ${t('report.hidden')}` : ''}${s.afterInteraction ? html` · ${interactionText(s.afterInteraction, t)}` : ''}</li>`,
    );
  const more = item.sightings.length - MAX_SIGHTINGS;
  const widgets = item.widgets.map(
    (w) => html`<li>${t.term('widgetKind', w.kind)}${w.vendor ? ` (${w.vendor})` : ''}</li>`,
  );
  const pages =
    item.sightings.length === 0
      ? item.pages.map(
          (p) => html`<li><a href="${safeHref(p.finalUrl)}" rel="noreferrer">${p.finalUrl}</a></li>`,
        )
      : [];
  const list = [...sightings, ...widgets, ...pages];
  if (list.length === 0) return html`<td>${t('report.noEvidence')}</td>`;
  return html`<td><ul class="evidence">${list}</ul>${more > 0 ? html`<p class="muted more">${t('report.andMore', { count: more })}</p>` : ''}</td>`;
}

/**
 * The reviewer's worklist: every needs-review finding with its evidence and an empty decision
 * column. The decisions go into review.csv beside it, which `rescore --overrides` reads back.
 */
export function reviewPage(
  run: RunRecord,
  items: ReviewItem[],
  shopHref: Map<string, string>,
  lang: Lang,
): string {
  const t = translator(lang);
  const rows = items.map((item) => {
    const question = item.rule ? textIn(item.rule.title, lang) : item.finding.rule;
    const href = shopHref.get(item.shop.target.key);
    return html`<tr><th scope="row">${href ? html`<a href="${href}#rule-${item.finding.rule}">${item.shop.target.name}</a>` : item.shop.target.name}</th>
<td>${question}<br><code class="muted">${item.finding.rule}</code></td><td>${findingReason(item.rule, item.finding, t.lang) ?? ''}</td>${evidenceCell(item, lang)}<td class="decision"></td></tr>`;
  });
  const command = `shopreach rescore --run ${run.label} --overrides review.csv`;
  const title = t('review.titleOfRun', { label: run.label });
  const body = html`<h1>${title}</h1>
<p>${t('review.intro', { count: items.length })}</p>
<ol>${[t('review.step1'), t('review.step2'), t('review.step3', { command })].map((step) => html`<li>${step}</li>`)}</ol>
<p><a href="review.csv">review.csv</a></p>
${scrollTable(
  t('review.title'),
  html`<table class="review"><thead><tr><th scope="col">${t('report.shop')}</th><th scope="col">${t('review.question')}</th><th scope="col">${t('report.reason')}</th>
<th scope="col">${t('report.evidence')}</th><th scope="col">${t('review.decision')}</th></tr></thead><tbody>${rows}</tbody></table>`,
  lang,
)}`;
  return layout({ title: `${title} · ${t('report.title')}`, lang, root: '', body });
}
