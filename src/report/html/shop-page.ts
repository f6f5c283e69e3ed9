import type { Rule, RuleSet } from '../../rules/types.js';
import { type Html, html, safeHref } from '../escape.js';
import { formatNumber, type Lang, localText, reportText } from '../i18n.js';
import type { ResultFinding, ResultSighting, ShopResult } from '../shop-result.js';
import { layout, outcomeBadge, scrollTable } from './layout.js';

/** A screenshot ready to embed: a data URI and the SHA-256 of the file's bytes. */
export interface EmbeddedScreenshot {
  pageId: string;
  dataUri: string;
  sha256: string;
}

export interface ShopPageInput {
  result: ShopResult;
  ruleSet: RuleSet;
  lang: Lang;
  screenshots?: EmbeddedScreenshot[];
}

export function referenceList(rule: Rule): Html {
  if (rule.references.length === 0) return html``;
  return html`<ul>${rule.references.map((ref) => {
    const text = [ref.key, ref.instrument, ref.article, ref.caseNumber].filter(Boolean).join(' · ');
    return html`<li>${ref.url ? html`<a href="${safeHref(ref.url)}" rel="noreferrer">${text}</a>` : text}</li>`;
  })}</ul>`;
}

function sightingTable(sightings: ResultSighting[], lang: Lang, label: string): Html {
  const t = reportText(lang);
  const rows = sightings.map(
    (
      s,
    ) => html`<tr><td class="url"><a href="${safeHref(s.pageUrl)}" rel="noreferrer">${s.pageUrl}</a></td><td>${s.region}</td>
<td class="num">${s.pageDepth === null ? t.unlinked : s.pageDepth}</td><td>${s.presentation}${s.visible === false ? ' (hidden)' : ''}${s.afterInteraction ? html` · ${s.afterInteraction}` : ''}</td>
<td class="raw">${s.raw}</td></tr>`,
  );
  return scrollTable(
    label,
    html`<table><thead><tr><th scope="col">${t.page}</th><th scope="col">${t.region}</th><th scope="col" class="num">${t.depth}</th>
<th scope="col">${t.presentation}</th><th scope="col">${t.rawText}</th></tr></thead><tbody>${rows}</tbody></table>`,
    lang,
  );
}

function findingSection(f: ResultFinding, rule: Rule | undefined, result: ShopResult, lang: Lang): Html {
  const t = reportText(lang);
  const title = rule ? localText(f.outcome === 'fail' ? rule.failTitle : rule.title, lang) : f.rule;
  const sightings = [...result.contacts.phones, ...result.contacts.emails]
    .flatMap((c) => c.sightings)
    .filter((s) => f.sightingIds.includes(s.id));
  const pages = result.pages.filter((p) => f.pageIds.includes(p.id));
  const widgets = result.widgets.filter((w) => f.widgetIds.includes(w.id));
  return html`<section class="finding" id="rule-${f.rule}">
<h3>${outcomeBadge(f.outcome, t.outcomes[f.outcome])} ${title}</h3>
<p class="muted">${f.rule} · ${t.level}: ${t.levels[f.level]} · ${t.weight}: ${f.weight}</p>
${rule ? html`<p>${localText(rule.description, lang)}</p>` : ''}
${f.reason ? html`<p><strong>${t.reason}:</strong> ${f.reason}</p>` : ''}
${f.override ? html`<p><strong>${t.overrides}:</strong> ${t.overrideLine(f.override.computed, f.override.outcome)} — ${f.override.reason}</p>` : ''}
${f.outcome === 'fail' && rule ? html`<p><strong>${t.advice}:</strong> ${localText(rule.advice, lang)}</p>` : ''}
${rule && rule.references.length > 0 ? html`<details><summary>${t.references}</summary>${referenceList(rule)}</details>` : ''}
${sightings.length > 0 ? sightingTable(sightings, lang, `${t.evidence}: ${title}`) : ''}
${pages.length > 0 ? html`<p>${t.page}: ${pages.map((p, i) => html`${i > 0 ? ', ' : ''}<a href="#page-${p.id}">${p.id}</a>`)}</p>` : ''}
${widgets.length > 0 ? html`<p>${t.widgets}: ${widgets.map((w, i) => html`${i > 0 ? ', ' : ''}${w.kind}${w.vendor ? ` (${w.vendor})` : ''} · <a href="#page-${w.pageId}">${w.pageId}</a>`)}</p>` : ''}
${sightings.length === 0 && pages.length === 0 && widgets.length === 0 ? html`<p class="muted">${t.noEvidence}</p>` : ''}
</section>`;
}

const CONCERN_ORDER = ['fail', 'needs-review', 'not-assessable', 'pass', 'not-applicable'];

/** Failed rules first: what the shop has to fix leads, passes follow. */
function byConcern(findings: ResultFinding[]): ResultFinding[] {
  return [...findings].sort((a, b) => CONCERN_ORDER.indexOf(a.outcome) - CONCERN_ORDER.indexOf(b.outcome));
}

export function shopPage({ result, ruleSet, lang, screenshots = [] }: ShopPageInput): string {
  const t = reportText(lang);
  const rules = new Map(ruleSet.rules.map((r) => [r.id, r]));
  const clicks = (n: number | null) => (n === null ? t.notFound : t.clickCount(n));
  const v = result.verdict;

  const contacts = html`${result.contacts.phones.map(
    (
      p,
    ) => html`<h3>${t.phoneWord} ${p.e164}${p.type || p.label ? html` <span class="muted">(${[p.type, p.label].filter(Boolean).join(', ')})</span>` : ''}</h3>
${sightingTable(p.sightings, lang, `${t.phoneWord} ${p.e164}`)}`,
  )}${result.contacts.emails.map(
    (e) =>
      html`<h3>${t.emailWord} ${e.address}</h3>${sightingTable(e.sightings, lang, `${t.emailWord} ${e.address}`)}`,
  )}${result.contacts.phones.length + result.contacts.emails.length === 0 ? html`<p>${t.none}</p>` : ''}`;

  const widgets =
    result.widgets.length === 0
      ? html`<p>${t.none}</p>`
      : html`<ul>${result.widgets.map(
          (w) =>
            html`<li>${w.kind}${w.vendor ? html` (${w.vendor})` : ''} · <a href="#page-${w.pageId}">${w.pageId}</a>${w.detail ? html` · <code>${w.detail}</code>` : ''}</li>`,
        )}</ul>`;

  const pageRows = result.pages.map(
    (
      p,
    ) => html`<tr id="page-${p.id}"><td>${p.id}</td><td class="url"><a href="${safeHref(p.finalUrl)}" rel="noreferrer">${p.finalUrl}</a></td>
<td>${p.kind}</td><td class="num">${p.depth === null ? t.unlinked : p.depth}</td><td class="num">${p.httpStatus ?? ''}</td>
<td>${p.via ? html`“${p.via.text}” · <a href="${safeHref(p.via.fromUrl)}" rel="noreferrer">${p.via.fromUrl}</a>` : ''}</td><td>${p.fetchedWith}</td></tr>`,
  );
  const pages =
    result.pages.length === 0
      ? html`<p>${t.none}</p>`
      : scrollTable(
          t.pagesVisited,
          html`<table><thead><tr><th scope="col">Id</th><th scope="col">URL</th><th scope="col">${t.kind}</th>
<th scope="col" class="num">${t.depth}</th><th scope="col" class="num">HTTP</th><th scope="col">${t.linkFrom}</th><th scope="col">${t.mode}</th></tr></thead>
<tbody>${pageRows}</tbody></table>`,
          lang,
        );

  const overrides = result.findings.filter((f) => f.override);
  const errors =
    result.crawl.errors.length === 0
      ? html`<p>${t.noErrors}</p>`
      : html`<ul>${result.crawl.errors.map(
          (e) => html`<li><code>${e.stage}${e.code ? ` ${e.code}` : ''}</code> ${e.url}: ${e.message}</li>`,
        )}</ul>`;

  const shots =
    screenshots.length === 0
      ? ''
      : html`<section aria-labelledby="shots"><h2 id="shots">${t.screenshots}</h2>${screenshots.map(
          (
            s,
          ) => html`<figure><img class="shot" src="${s.dataUri}" alt="${t.screenshots}: ${s.pageId} ${result.pages.find((p) => p.id === s.pageId)?.finalUrl ?? ''}">
<figcaption>${s.pageId} · ${t.sha256} <code>${s.sha256}</code></figcaption></figure>`,
        )}</section>`;

  const body = html`<p><a href="../index.html">${t.back}</a></p>
<h1>${result.target.name}</h1>
<p><a href="${safeHref(result.target.url)}" rel="noreferrer">${result.target.url}</a> · ${t.market}: ${result.target.country}${result.target.group ? html` · ${t.group}: ${result.target.group}` : ''}</p>
<div class="verdict v-${v.outcome}">
<p class="headline">${outcomeBadge(v.outcome, t.outcomes[v.outcome])} ${t.verdictHeadline[v.outcome]}</p>
<p>${t.clicksLine(clicks(v.phoneClicks), clicks(v.emailClicks))}</p>
<p>${t.score}: ${result.score === null ? t.notRated : formatNumber(result.score, lang)}${result.grade ? html` · ${t.grade}: ${result.grade}` : ''} · ${t.status}: ${result.status}</p>
</div>
<section aria-labelledby="rules"><h2 id="rules">${t.rules}</h2>${byConcern(result.findings).map((f) => findingSection(f, rules.get(f.rule), result, lang))}</section>
<section aria-labelledby="contacts"><h2 id="contacts">${t.contacts}</h2>${contacts}</section>
<section aria-labelledby="widgets"><h2 id="widgets">${t.widgets}</h2>${widgets}</section>
<section aria-labelledby="pages"><h2 id="pages">${t.pagesVisited}</h2>${pages}</section>
${shots}
<section aria-labelledby="overrides"><h2 id="overrides">${t.overrides}</h2>${
    overrides.length === 0
      ? html`<p>${t.none}</p>`
      : html`<ul>${overrides.map((f) => html`<li><a href="#rule-${f.rule}">${f.rule}</a>: ${f.override?.reason}${f.override?.by ? html` (${f.override.by})` : ''}</li>`)}</ul>`
  }</section>
<section aria-labelledby="crawl"><h2 id="crawl">${t.crawl}</h2>
<dl class="facts"><dt>${t.status}</dt><dd>${result.status}</dd><dt>${t.mode}</dt><dd>${result.crawl.mode} (${result.crawl.modesUsed.join(', ')})</dd>
<dt>${t.crawledAt}</dt><dd>${result.crawl.startedAt} – ${result.crawl.finishedAt}</dd>
${result.crawl.consent ? html`<dt>Consent</dt><dd>${result.crawl.consent.platform ?? '?'} · ${result.crawl.consent.action}</dd>` : ''}</dl>
<h3>${t.errors}</h3>${errors}</section>
<section aria-labelledby="provenance"><h2 id="provenance">${t.provenance}</h2>
<dl class="facts"><dt>${t.run}</dt><dd>${result.provenance.runLabel} (${result.provenance.runId})</dd>
<dt>${t.toolVersion}</dt><dd>${result.provenance.toolVersion}</dd>
<dt>${t.browserVersion}</dt><dd>${result.provenance.browserVersion ?? t.none}</dd>
<dt>${t.ruleSet}</dt><dd>${result.ruleSet.id} ${result.ruleSet.version}</dd>
<dt>${t.ruleSetHash}</dt><dd><code>${result.ruleSet.hash}</code></dd>
<dt>${t.crawledAt}</dt><dd>${result.provenance.crawledAt}</dd></dl></section>`;
  return layout({ title: `${result.target.name} · ${t.reportTitle}`, lang, root: '../', body });
}
