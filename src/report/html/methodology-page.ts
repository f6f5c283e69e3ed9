import { type Lang, translator } from '../../i18n/index.js';
import { textIn } from '../../rules/index.js';
import type { RuleSet } from '../../rules/types.js';
import { GRADE_BANDS, HEADLINE_RULE_ID, LAW_FAILURE_CAP } from '../../score/index.js';
import type { RunRecord } from '../../store/types.js';
import { type Html, html } from '../escape.js';
import { profileText, shortHash } from '../run-rules.js';
import type { ShopResult } from '../shop-result.js';
import { layout, scrollTable } from './layout.js';
import { auditPeriod, crawlFacts, tally } from './methodology-facts.js';
import { rulesTable } from './methodology-rules.js';

/** The grade bands as the scoring stage defines them, so the page can never disagree with the code. */
function gradeTable(lang: Lang): Html {
  const t = translator(lang);
  const rows = GRADE_BANDS.map((band, i) => {
    const upper = i === 0 ? 100 : GRADE_BANDS[i - 1].from - 1;
    return html`<tr><th scope="row">${band.grade}</th><td class="num">${band.from}–${upper}</td></tr>`;
  });
  return scrollTable(
    t('report.grade'),
    html`<table class="grades"><thead><tr><th scope="col">${t('report.grade')}</th><th scope="col" class="num">${t('report.score')}</th></tr></thead><tbody>${rows}</tbody></table>`,
    lang,
  );
}

function periodText(run: RunRecord, results: ShopResult[], lang: Lang): string {
  const t = translator(lang);
  const { from, to } = auditPeriod(run, results);
  const first = t.date(from);
  const last = t.date(to);
  return first === last ? t('method.periodOneDay', { day: first }) : t('method.periodDays', { first, last });
}

function selectionText(results: ShopResult[], lang: Lang): Html {
  const t = translator(lang);
  const rated = results.filter((r) => r.score !== null).length;
  const groups = results.map((r) => r.target.group).filter((g): g is string => Boolean(g));
  const markets = tally(results.map((r) => r.target.country));
  return html`<p>${t('method.selectionText', { count: results.length, rated, markets })}${
    groups.length > 0 ? ` ${t('method.selectionGroups', { groups: tally(groups) })}` : ''
  } ${t('method.selectionChoice')}</p>`;
}

/** The browser that rendered pages: the run's, or (auto mode starts one only when needed) a shop's. */
function browserOf(run: RunRecord, results: ShopResult[]): string | null {
  return (
    run.browserVersion ?? results.find((r) => r.provenance.browserVersion)?.provenance.browserVersion ?? null
  );
}

function crawlText(run: RunRecord, results: ShopResult[], lang: Lang): Html {
  const t = translator(lang);
  const facts = crawlFacts(run);
  const rated = results.filter((r) => r.score !== null);
  const rendered = rated.filter((r) => r.crawl.modesUsed.includes('browser')).length;
  const shot = rated.filter((r) => r.pages.some((p) => p.screenshotPath)).length;
  const browser = browserOf(run, results) ?? 'Chromium';
  const lines: string[] = [t(`method.crawlMode.${facts.mode}`, { rendered, rated: rated.length, browser })];
  if (facts.maxPages !== null && facts.maxDepth !== null)
    lines.push(t('method.crawlLimits', { pages: facts.maxPages, depth: facts.maxDepth }));
  if (facts.pageTimeoutS !== null && facts.shopTimeoutS !== null) {
    lines.push(t('method.crawlTimes', { page: facts.pageTimeoutS, shop: facts.shopTimeoutS }));
    if (facts.hostDelayMs !== null) lines.push(t('method.crawlDelay', { ms: facts.hostDelayMs }));
    if (facts.maxMegabytes !== null) lines.push(t('method.crawlMaxSize', { megabytes: facts.maxMegabytes }));
  }
  lines.push(t(facts.obeyRobots ? 'method.robotsObeyed' : 'method.robotsIgnored'));
  lines.push(t('method.screenshotsTaken', { shot, rated: rated.length }));
  if (facts.mobilePass !== null && facts.mode !== 'static')
    lines.push(t(facts.mobilePass ? 'method.mobileOn' : 'method.mobileOff'));
  if (facts.userAgent) lines.push(t('method.userAgent', { agent: facts.userAgent }));
  if (facts.rescoredFrom !== null)
    lines.push(
      t(facts.otherRules ? 'method.rescoredOtherRules' : 'method.rescored', { run: facts.rescoredFrom }),
    );
  return html`<ul>${lines.map((line) => html`<li>${line}</li>`)}</ul>`;
}

/** The rules the machine left undecided for some shops in this run, most first. */
function undecided(results: ShopResult[], ruleSets: RuleSet[], lang: Lang): Html {
  const t = translator(lang);
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
  if (counts.size === 0) return html`<p>${t('method.allDecided')}</p>`;
  const titles = new Map(ruleSets.flatMap((set) => set.rules).map((rule) => [rule.id, rule.title]));
  const rows = [...counts.entries()]
    .sort((a, b) => b[1].review + b[1].unknown - (a[1].review + a[1].unknown) || a[0].localeCompare(b[0]))
    .map(([rule, n]) => {
      const counted = [
        ...(n.review > 0 ? [t('method.undecidedReview', { count: n.review })] : []),
        ...(n.unknown > 0 ? [t('method.undecidedUnknown', { count: n.unknown })] : []),
      ];
      const title = titles.has(rule) ? textIn(titles.get(rule), lang) : rule;
      return html`<li><a href="#rule-${rule}">${title}</a> <code class="muted">${rule}</code>: ${t.list(counted)}</li>`;
    });
  return html`<p>${t('method.undecidedIntro')}</p><ul>${rows}</ul>`;
}

function decisionsText(results: ShopResult[], lang: Lang): string {
  const t = translator(lang);
  const decided = results.flatMap((r) => r.findings.filter((f) => f.override));
  if (decided.length === 0) return t('method.decisionsNone');
  const carried = decided.filter((f) => f.override?.carriedFrom).length;
  return t('method.decisionsMade', { count: decided.length, carried });
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
  const t = translator(lang);
  const usedIds = new Set(run.profiles.map((p) => p.id));
  const used = ruleSets.filter((set) => usedIds.has(set.id));
  const sets = used.length > 0 ? used : [run.ruleSet];
  const headline = sets.flatMap((set) => set.rules).find((rule) => rule.id === HEADLINE_RULE_ID);
  const profiles = html`<ul>${run.profiles.map(
    (p) => html`<li>${profileText(p)} · <code>${p.hash}</code></li>`,
  )}</ul><p>${t('method.combinedHash')}: <code>${run.rulesHash}</code> (${shortHash(run.rulesHash)})</p>`;
  const limits = [
    t('method.limit.images'),
    t('method.limit.login'),
    t('method.limit.depth'),
    t('method.limit.callPrice'),
    t('method.limit.review'),
  ];
  const body = html`<h1>${t('method.titleOfRun', { label: run.label })}</h1>
<nav aria-label="${t('method.contents')}"><ul class="views">${[
    ['period', t('method.periodTitle')],
    ['scoring', t('method.scoring')],
    ['rules', t('report.rules')],
    ['crawl', t('method.crawlSettings')],
    ['limits', t('method.limitsTitle')],
    ['dispute', t('method.disputeTitle')],
  ].map(([id, title]) => html`<li><a href="#${id}">${title}</a></li>`)}</ul></nav>
<section aria-labelledby="period"><h2 id="period">${t('method.periodTitle')}</h2>
<p>${periodText(run, results, lang)}</p>${selectionText(results, lang)}</section>
<section aria-labelledby="scoring"><h2 id="scoring">${t('method.scoring')}</h2>
<p>${t('method.scoreText')}</p><p><strong>${t('method.capText', { limit: LAW_FAILURE_CAP })}</strong></p><p>${t('method.gradeText')}</p>${gradeTable(lang)}
<p>${headline ? t('method.headlineFrom', { description: textIn(headline.description, lang) }) : t('method.noHeadlineRule')} ${t('method.clicksText')}</p></section>
<section aria-labelledby="rules"><h2 id="rules">${t('report.rules')}</h2><p>${t('method.rulesIntro')}</p>${rulesTable(sets, lang)}
<h3>${t('method.ruleSetIdentity')}</h3>${profiles}</section>
<section aria-labelledby="crawl"><h2 id="crawl">${t('method.crawlSettings')}</h2>${crawlText(run, results, lang)}
<dl class="facts"><dt>${t('report.toolVersion')}</dt><dd>${run.toolVersion}</dd><dt>${t('report.browserVersion')}</dt><dd>${browserOf(run, results) ?? t('report.none')}</dd></dl></section>
<section aria-labelledby="limits"><h2 id="limits">${t('method.limitsTitle')}</h2><ul>${limits.map((line) => html`<li>${line}</li>`)}</ul>
${undecided(results, sets, lang)}</section>
<section aria-labelledby="dispute"><h2 id="dispute">${t('method.disputeTitle')}</h2><p>${t('method.disputeText')}</p><p>${decisionsText(results, lang)}</p></section>`;
  return layout({ title: `${t('report.methodology')} · ${t('report.title')}`, lang, root: '', body });
}
