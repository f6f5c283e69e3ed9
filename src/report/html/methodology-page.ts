import type { RuleSet } from '../../rules/types.js';
import { GRADE_BANDS, HEADLINE_RULE_ID, LAW_FAILURE_CAP } from '../../score/index.js';
import type { RunRecord } from '../../store/types.js';
import { type Html, html } from '../escape.js';
import { type Lang, localText, reportText } from '../i18n.js';
import { profileText, shortHash } from '../run-rules.js';
import type { ShopResult } from '../shop-result.js';
import { layout, scrollTable } from './layout.js';
import { auditPeriod, crawlFacts, dateInWords, tally } from './methodology-facts.js';
import { rulesTable } from './methodology-rules.js';

/** The grade bands as the scoring stage defines them, so the page can never disagree with the code. */
function gradeTable(lang: Lang): Html {
  const t = reportText(lang);
  const rows = GRADE_BANDS.map((band, i) => {
    const upper = i === 0 ? 100 : GRADE_BANDS[i - 1].from - 1;
    return html`<tr><th scope="row">${band.grade}</th><td class="num">${band.from}–${upper}</td></tr>`;
  });
  return scrollTable(
    t.grade,
    html`<table class="grades"><thead><tr><th scope="col">${t.grade}</th><th scope="col" class="num">${t.score}</th></tr></thead><tbody>${rows}</tbody></table>`,
    lang,
  );
}

function periodText(run: RunRecord, results: ShopResult[], lang: Lang): string {
  const t = reportText(lang);
  const { from, to } = auditPeriod(run, results);
  const first = dateInWords(from, lang);
  const last = dateInWords(to, lang);
  return first === last ? t.periodOneDay(first) : t.periodDays(first, last);
}

function selectionText(results: ShopResult[], lang: Lang): Html {
  const t = reportText(lang);
  const rated = results.filter((r) => r.score !== null).length;
  const groups = results.map((r) => r.target.group).filter((g): g is string => Boolean(g));
  return html`<p>${t.selectionText(results.length, rated, tally(results.map((r) => r.target.country)))}${
    groups.length > 0 ? ` ${t.selectionGroups(tally(groups))}` : ''
  } ${t.selectionChoice}</p>`;
}

/** The browser that rendered pages: the run's, or (auto mode starts one only when needed) a shop's. */
function browserOf(run: RunRecord, results: ShopResult[]): string | null {
  return (
    run.browserVersion ?? results.find((r) => r.provenance.browserVersion)?.provenance.browserVersion ?? null
  );
}

function crawlText(run: RunRecord, results: ShopResult[], lang: Lang): Html {
  const t = reportText(lang);
  const facts = crawlFacts(run);
  const rated = results.filter((r) => r.score !== null);
  const rendered = rated.filter((r) => r.crawl.modesUsed.includes('browser')).length;
  const shot = rated.filter((r) => r.pages.some((p) => p.screenshotPath)).length;
  const lines: string[] = [t.crawlMode[facts.mode](rendered, rated.length, browserOf(run, results))];
  if (facts.maxPages !== null && facts.maxDepth !== null)
    lines.push(t.crawlLimits(facts.maxPages, facts.maxDepth));
  if (facts.pageTimeoutS !== null && facts.shopTimeoutS !== null)
    lines.push(t.crawlTimes(facts.pageTimeoutS, facts.shopTimeoutS, facts.hostDelayMs, facts.maxMegabytes));
  lines.push(facts.obeyRobots ? t.robotsObeyed : t.robotsIgnored);
  lines.push(t.screenshotsTaken(shot, rated.length));
  if (facts.mobilePass !== null && facts.mode !== 'static')
    lines.push(facts.mobilePass ? t.mobileOn : t.mobileOff);
  if (facts.userAgent) lines.push(t.userAgent(facts.userAgent));
  if (facts.rescoredFrom !== null) lines.push(t.rescored(facts.rescoredFrom, facts.otherRules));
  return html`<ul>${lines.map((line) => html`<li>${line}</li>`)}</ul>`;
}

/** The rules the machine left undecided for some shops in this run, most first. */
function undecided(results: ShopResult[], lang: Lang): Html {
  const t = reportText(lang);
  const counts = new Map<string, { review: number; unknown: number }>();
  for (const result of results) {
    if (result.score === null) continue;
    for (const f of result.findings) {
      if (f.override || (f.outcome !== 'needs-review' && f.outcome !== 'not-assessable')) continue;
      const entry = counts.get(f.rule) ?? { review: 0, unknown: 0 };
      if (f.outcome === 'needs-review') entry.review++;
      else entry.unknown++;
      counts.set(f.rule, entry);
    }
  }
  if (counts.size === 0) return html`<p>${t.allDecided}</p>`;
  const rows = [...counts.entries()]
    .sort((a, b) => b[1].review + b[1].unknown - (a[1].review + a[1].unknown) || a[0].localeCompare(b[0]))
    .map(
      ([rule, n]) =>
        html`<li><a href="#rule-${rule}">${rule}</a>: ${t.undecidedCounts(n.review, n.unknown)}</li>`,
    );
  return html`<p>${t.undecidedIntro}</p><ul>${rows}</ul>`;
}

function decisionsText(results: ShopResult[], lang: Lang): string {
  const t = reportText(lang);
  const decided = results.flatMap((r) => r.findings.filter((f) => f.override));
  return t.decisionsMade(decided.length, decided.filter((f) => f.override?.carriedFrom).length);
}

/**
 * The methodology a publisher can print beside the ranking: who was audited and when, how the
 * score and grade follow from the rules (with the law cap), one table of rules with what differs
 * per market, the crawl in words, what the crawler cannot see, and how a shop can dispute. It
 * names no path of the machine that ran the audit.
 */
export function methodologyPage(
  run: RunRecord,
  ruleSets: RuleSet[],
  lang: Lang,
  results: ShopResult[] = [],
): string {
  const t = reportText(lang);
  const usedIds = new Set(run.profiles.map((p) => p.id));
  const used = ruleSets.filter((set) => usedIds.has(set.id));
  const sets = used.length > 0 ? used : [run.ruleSet];
  const headline = sets.flatMap((set) => set.rules).find((rule) => rule.id === HEADLINE_RULE_ID);
  const profiles = html`<ul>${run.profiles.map(
    (p) => html`<li>${profileText(p)} · <code>${p.hash}</code></li>`,
  )}</ul><p>${t.combinedHash}: <code>${run.rulesHash}</code> (${shortHash(run.rulesHash)})</p>`;
  const body = html`<h1>${t.methodology}: ${run.label}</h1>
<nav aria-label="${t.contents}"><ul class="views">${[
    ['period', t.periodTitle],
    ['scoring', t.scoring],
    ['rules', t.rules],
    ['crawl', t.crawlSettings],
    ['limits', t.limitsTitle],
    ['dispute', t.disputeTitle],
  ].map(([id, title]) => html`<li><a href="#${id}">${title}</a></li>`)}</ul></nav>
<section aria-labelledby="period"><h2 id="period">${t.periodTitle}</h2>
<p>${periodText(run, results, lang)}</p>${selectionText(results, lang)}</section>
<section aria-labelledby="scoring"><h2 id="scoring">${t.scoring}</h2>
<p>${t.scoreText}</p><p><strong>${t.capText(LAW_FAILURE_CAP)}</strong></p><p>${t.gradeText}</p>${gradeTable(lang)}
<p>${headline ? t.headlineFrom(localText(headline.description, lang)) : t.verdictText}</p></section>
<section aria-labelledby="rules"><h2 id="rules">${t.rules}</h2><p>${t.rulesIntro}</p>${rulesTable(sets, lang)}
<h3>${t.ruleSetIdentity}</h3>${profiles}</section>
<section aria-labelledby="crawl"><h2 id="crawl">${t.crawlSettings}</h2>${crawlText(run, results, lang)}
<dl class="facts"><dt>${t.toolVersion}</dt><dd>${run.toolVersion}</dd><dt>${t.browserVersion}</dt><dd>${browserOf(run, results) ?? t.none}</dd></dl></section>
<section aria-labelledby="limits"><h2 id="limits">${t.limitsTitle}</h2><ul>${t.limits.map((line) => html`<li>${line}</li>`)}</ul>
${undecided(results, lang)}</section>
<section aria-labelledby="dispute"><h2 id="dispute">${t.disputeTitle}</h2><p>${t.disputeText}</p><p>${decisionsText(results, lang)}</p></section>`;
  return layout({ title: `${t.methodology} · ${t.reportTitle}`, lang, root: '', body });
}
