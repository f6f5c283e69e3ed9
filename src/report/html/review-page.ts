import type { RunRecord } from '../../store/types.js';
import { type Html, html, safeHref } from '../escape.js';
import { type Lang, localText, reportText } from '../i18n.js';
import type { ReviewItem } from '../review.js';
import { layout, scrollTable } from './layout.js';

/** At most this many sightings per finding on the page; the CSV lists them all. */
const MAX_SIGHTINGS = 5;

function evidenceCell(item: ReviewItem, lang: Lang): Html {
  const t = reportText(lang);
  const sightings = item.sightings
    .slice(0, MAX_SIGHTINGS)
    .map(
      (s) =>
        html`<li><span class="raw">${s.raw}</span> · <a href="${safeHref(s.pageUrl)}" rel="noreferrer">${s.pageUrl}</a> · ${s.region}${s.visible === false ? ` · ${t.hidden}` : ''}${s.afterInteraction ? html` · ${s.afterInteraction}` : ''}</li>`,
    );
  const more = item.sightings.length - MAX_SIGHTINGS;
  const widgets = item.widgets.map((w) => html`<li>${w.kind}${w.vendor ? ` (${w.vendor})` : ''}</li>`);
  const pages =
    item.sightings.length === 0
      ? item.pages.map(
          (p) => html`<li><a href="${safeHref(p.finalUrl)}" rel="noreferrer">${p.finalUrl}</a></li>`,
        )
      : [];
  const list = [...sightings, ...widgets, ...pages];
  if (list.length === 0) return html`<td>${t.noEvidence}</td>`;
  return html`<td><ul class="evidence">${list}</ul>${more > 0 ? html`<p class="muted more">${t.andMore(more)}</p>` : ''}</td>`;
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
  const t = reportText(lang);
  const rows = items.map((item) => {
    const question = item.rule ? localText(item.rule.title, lang) : item.finding.rule;
    const href = shopHref.get(item.shop.target.key);
    return html`<tr><th scope="row">${href ? html`<a href="${href}#rule-${item.finding.rule}">${item.shop.target.name}</a>` : item.shop.target.name}</th>
<td>${question}<br><span class="muted">${item.finding.rule}</span></td><td>${item.finding.reason ?? ''}</td>${evidenceCell(item, lang)}<td class="decision"></td></tr>`;
  });
  const body = html`<h1>${t.reviewTitle}: ${run.label}</h1>
<p>${t.reviewIntro(items.length)}</p>
<ol>${t.reviewSteps(run.label).map((step) => html`<li>${step}</li>`)}</ol>
<p><a href="review.csv">review.csv</a></p>
${scrollTable(
  t.reviewTitle,
  html`<table class="review"><thead><tr><th scope="col">${t.shop}</th><th scope="col">${t.reviewQuestion}</th><th scope="col">${t.reason}</th>
<th scope="col">${t.evidence}</th><th scope="col">${t.reviewDecision}</th></tr></thead><tbody>${rows}</tbody></table>`,
  lang,
)}`;
  return layout({ title: `${t.reviewTitle} · ${t.reportTitle}: ${run.label}`, lang, root: '', body });
}
