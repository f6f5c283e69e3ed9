import { pageLabel } from '../common/page-label.js';
import { terminalSafe } from '../common/terminal-text.js';
import { interactionText, type Lang, type Translate, translator } from '../i18n/index.js';
import { findingReason } from '../rules/index.js';
import type { Outcome } from '../rules/types.js';
import type { ActionItem, CheckView, SightingGroup, SightingVariant, WidgetGroup } from './check-view.js';
import { capText } from './html/shop-page.js';
import type { ShopResult } from './shop-result.js';
import { widgetName } from './words.js';

export interface TerminalOptions {
  color?: boolean;
  /** quiet: the verdict and the failures only; verbose: every rule, sighting and crawl error too. */
  detail?: 'quiet' | 'normal' | 'verbose';
}

const MARKS: Record<Outcome, string> = {
  pass: '✓',
  fail: '✗',
  'needs-review': '?',
  'not-applicable': '–',
  'not-assessable': '?',
};

const COLORS: Record<Outcome, number> = {
  pass: 32,
  fail: 31,
  'needs-review': 33,
  'not-applicable': 90,
  'not-assessable': 33,
};

/** Lines shown per finding before "… and N more" (--verbose shows all). */
const SHOWN = 5;

/** "1 click", "unlinked": how far a page is from the home page. */
export function clicksText(depth: number | null, t: Translate): string {
  return depth === null ? t('report.unlinked') : t('report.clickCount', { count: depth });
}

/** "on /contact (contact page, 1 click)": where a detail or widget was seen. */
export function seenOnText(page: string, kind: string, depth: number | null, t: Translate): string {
  return t('check.seenOn', { page, kind: t.term('pageKind', kind), clicks: clicksText(depth, t) });
}

/** How a detail was shown on one page: region, presentation, and what else was special. */
export function variantText(v: SightingVariant, t: Translate): string {
  const parts = [t.term('region', v.region), t.term('presentation', v.presentation)];
  if (v.hidden) parts.push(t('report.hidden'));
  if (!v.viewports.includes('desktop')) parts.push(t('check.mobileOnly'));
  if (v.afterInteraction) parts.push(interactionText(v.afterInteraction, t));
  return parts.join(', ');
}

/** A widget kind, its vendor when known, and the pages it was seen on. */
export function widgetText(w: WidgetGroup, pages: string, t: Translate): string {
  return t('check.widgetOn', { widget: widgetName(w, t), pages });
}

/** One detail on one page: what it said, where, how far from home, and each way it was shown. */
function groupLine(
  g: SightingGroup,
  origin: string | null,
  t: Translate,
  withValue: boolean,
  withText = true,
): string {
  const word = t(g.kind === 'phone' ? 'report.phoneWord' : 'report.emailWord');
  const raws = g.raws.filter((raw) => raw !== g.value).map((raw) => `"${raw}"`);
  const what = !withText
    ? ''
    : withValue
      ? [`${word} ${g.value}`, ...raws].join(' ')
      : raws.join(' ') || g.value;
  const where = seenOnText(pageLabel(g.pageUrl, origin), g.pageKind, g.pageDepth, t);
  return terminalSafe(
    `${what ? `${what} ` : ''}${where} · ${g.variants.map((v) => variantText(v, t)).join('; ')}`,
  );
}

function widgetLine(w: WidgetGroup, origin: string | null, t: Translate): string {
  const pages = w.pageUrls.map((url) => pageLabel(url, origin)).join(', ');
  return terminalSafe(widgetText(w, pages, t));
}

function capped(lines: string[], verbose: boolean, t: Translate, shown = SHOWN): string[] {
  if (verbose || lines.length <= shown) return lines;
  return [...lines.slice(0, shown - 1), t('check.andMore', { count: lines.length - (shown - 1) })];
}

function evidenceLines(item: ActionItem, view: CheckView, t: Translate, verbose: boolean): string[] {
  const origin = view.result.target.origin;
  const pages = item.pages.map((p) =>
    terminalSafe(
      t('check.pageLine', {
        page: pageLabel(p.finalUrl, origin),
        kind: t.term('pageKind', p.kind),
        clicks: clicksText(p.depth, t),
      }),
    ),
  );
  const widgets = item.widgets.map((w) => widgetLine(w, origin, t));
  const sightings = item.evidence.map((g) => groupLine(g, origin, t, true));
  // A rule about pages or widgets names the sightings of its detail too; its own items come first.
  return capped([...widgets, ...pages, ...sightings], verbose, t);
}

/** The readable verdict for `shopreach check`: what to fix first, with its evidence and advice. */
// Over 80 lines: one shop's terminal block, line by line; to be split once the parallel work on report texts is merged (issue 18).
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: complexity 45 predates the limit; split once the parallel work on this folder is merged (issue 18)
export function formatShopForTerminal(view: CheckView, opts: TerminalOptions = {}): string {
  const { result } = view;
  const t = translator(view.lang);
  const detail = opts.detail ?? 'normal';
  const verbose = detail === 'verbose';
  const paint = (outcome: Outcome, s: string) => (opts.color ? `\u001b[${COLORS[outcome]}m${s}\u001b[0m` : s);
  const dim = (s: string) => (opts.color ? `\u001b[90m${s}\u001b[0m` : s);
  const bold = (s: string) => (opts.color ? `\u001b[1m${s}\u001b[0m` : s);
  const lines: string[] = [];

  lines.push(bold(terminalSafe(`${result.target.name} (${result.target.url})`)));
  const verdict = result.verdict.outcome;
  lines.push(paint(verdict, `${MARKS[verdict]} ${t(`report.verdict.${verdict}`)}`));
  const score =
    result.score === null
      ? t('report.notRated')
      : t('check.scoreAndGrade', { score: t.number(result.score), grade: result.grade ?? '–' });
  lines.push(
    `  ${t('check.scoreLine', { score, status: result.status, ruleSet: terminalSafe(`${result.ruleSet.id} ${result.ruleSet.version}`) })}`,
  );
  const rules = new Map(
    [...view.failures, ...view.reviews, ...view.passed, ...view.notApplicable, ...view.notAssessable]
      .filter((item) => item.rule)
      .map((item) => [item.finding.rule, item.rule as NonNullable<ActionItem['rule']>]),
  );
  const cap = capText(result, rules, t);
  if (cap) lines.push(`  ${terminalSafe(cap)}`);
  const clicks = (n: number | null) =>
    n === null ? t('check.notFindable') : t('report.clickCount', { count: n });
  lines.push(
    `  ${t('check.findableClicks', { phone: clicks(view.clicks.phone), email: clicks(view.clicks.email) })}`,
  );

  const item = (entry: ActionItem, withAdvice: boolean) => {
    const f = entry.finding;
    const tag = `[${t('check.ruleTag', { rule: f.rule, level: t.term('level', f.level), weight: f.weight })}]`;
    lines.push(
      `  ${paint(f.outcome, MARKS[f.outcome])} ${terminalSafe(entry.title)} ${dim(terminalSafe(tag))}`,
    );
    const reason = f.override ? null : findingReason(entry.rule, f, t.lang);
    if (reason && f.outcome !== 'fail')
      lines.push(`      ${terminalSafe(t('check.reasonLine', { reason }))}`);
    if (f.override)
      lines.push(`      ${terminalSafe(t('check.overrideLine', { reason: f.override.reason }))}`);
    for (const line of evidenceLines(entry, view, t, verbose)) lines.push(`      ${line}`);
    if (withAdvice)
      for (const line of capped(entry.advice, verbose, t)) lines.push(`      → ${terminalSafe(line)}`);
  };

  if (view.failures.length > 0) {
    lines.push('', bold(t('check.failures', { count: view.failures.length })));
    for (const entry of view.failures) item(entry, true);
  }
  if (detail === 'quiet') return `${lines.join('\n')}\n`;

  if (view.reviews.length > 0) {
    lines.push('', bold(t('check.reviews', { count: view.reviews.length })));
    for (const entry of view.reviews) item(entry, false);
  }
  const rest = t('check.rest', {
    pass: view.passed.length,
    na: view.notApplicable.length,
    nj: view.notAssessable.length,
  });
  lines.push('', verbose ? rest : t('check.listWithVerbose', { rest }));
  if (verbose) {
    for (const [heading, entries] of [
      [t('check.passedHeading'), view.passed],
      [t('check.notApplicableHeading'), view.notApplicable],
      [t('check.notAssessableHeading'), view.notAssessable],
    ] as const) {
      if (entries.length === 0) continue;
      lines.push('', bold(heading));
      for (const entry of entries) item(entry, false);
    }
  }

  lines.push('', bold(t('report.contactSummary')));
  if (view.contacts.length === 0 && result.widgets.length === 0) lines.push(`  ${t('report.none')}`);
  // One heading line per detail, then where it was seen: one line per page, with its variants.
  const details = new Map<string, SightingGroup[]>();
  for (const g of view.contacts)
    details.set(`${g.kind} ${g.value}`, [...(details.get(`${g.kind} ${g.value}`) ?? []), g]);
  const shownDetails = verbose ? [...details.values()] : [...details.values()].slice(0, SHOWN * 2);
  for (const groups of shownDetails) {
    const first = groups[0];
    const word = t(first.kind === 'phone' ? 'report.phoneWord' : 'report.emailWord');
    const raws = [...new Set(groups.flatMap((g) => g.raws))].filter((raw) => raw !== first.value);
    lines.push(`  ${terminalSafe([`${word} ${first.value}`, ...raws.map((raw) => `"${raw}"`)].join(' '))}`);
    const where = groups.map((g) => groupLine(g, result.target.origin, t, false, false));
    for (const line of capped(where, verbose, t, 3)) lines.push(`    ${line}`);
  }
  if (shownDetails.length < details.size)
    lines.push(`  ${t('check.andMore', { count: details.size - shownDetails.length })}`);
  const widgetLines = view.widgets.map((w) => widgetLine(w, result.target.origin, t));
  for (const line of capped(widgetLines, verbose, t)) lines.push(`  ${line}`);

  if (verbose) {
    lines.push('', bold(t('check.pagesHeading')));
    for (const p of result.pages) {
      const via = p.via ? ` ← “${p.via.text}”` : '';
      const where = `(${t.term('pageKind', p.kind)}, ${clicksText(p.depth, t)})`;
      lines.push(
        `  ${terminalSafe(`${p.id} ${pageLabel(p.finalUrl, result.target.origin)} ${where}${via}`)}`,
      );
    }
  }
  if ((verbose || result.status === 'partial') && result.crawl.errors.length > 0) {
    lines.push('', bold(t('report.errors')));
    for (const e of result.crawl.errors)
      lines.push(`  ${terminalSafe(`${e.stage} ${e.code ?? ''} ${e.url}: ${e.message}`)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The recorded error that best explains why the shop could not be judged (robots.txt errors last). */
function mainError(result: ShopResult): string | null {
  const errors = result.crawl.errors;
  const chosen = [...errors].reverse().find((e) => e.stage !== 'robots') ?? errors.at(-1);
  if (!chosen) return null;
  const message = chosen.message.length > 160 ? `${chosen.message.slice(0, 159)}…` : chosen.message;
  return chosen.code && !message.includes(chosen.code) ? `${chosen.code} ${message}` : message;
}

/** One line for a shop that could not be judged: the cause, then what to do about it. */
export function unjudgedLine(result: ShopResult, lang: Lang = 'en'): string {
  const t = translator(lang);
  const error = mainError(result);
  const status = result.status;
  return terminalSafe(
    t('check.couldNotCheck', {
      url: result.target.url,
      cause: status === 'ok' || status === 'partial' ? status : t(`statusCause.${status}`),
      detail: error ? t('check.statusDetail', { status, error }) : status,
      next: status === 'ok' || status === 'partial' ? '' : t(`statusNext.${status}`),
    }),
  ).trimEnd();
}
