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

/** One shop's terminal block being written: its view, language, detail and colours. */
interface Block {
  view: CheckView;
  t: Translate;
  verbose: boolean;
  paint(outcome: Outcome, s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

function blockOf(view: CheckView, opts: TerminalOptions): Block {
  const ansi = (code: number | string, s: string) => (opts.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  return {
    view,
    t: translator(view.lang),
    verbose: opts.detail === 'verbose',
    paint: (outcome, s) => ansi(COLORS[outcome], s),
    dim: (s) => ansi(90, s),
    bold: (s) => ansi(1, s),
  };
}

/** Each rule of the view by its id, for the cap line. */
function rulesOf(view: CheckView): Map<string, NonNullable<ActionItem['rule']>> {
  return new Map(
    [...view.failures, ...view.reviews, ...view.passed, ...view.notApplicable, ...view.notAssessable]
      .filter((item) => item.rule)
      .map((item) => [item.finding.rule, item.rule as NonNullable<ActionItem['rule']>]),
  );
}

/** The shop's name, verdict, score, cap and clicks. */
function headerLines({ view, t, paint, bold }: Block): string[] {
  const { result } = view;
  const verdict = result.verdict.outcome;
  const score =
    result.score === null
      ? t('report.notRated')
      : t('check.scoreAndGrade', { score: t.number(result.score), grade: result.grade ?? '–' });
  const cap = capText(result, rulesOf(view), t);
  const clicks = (n: number | null) =>
    n === null ? t('check.notFindable') : t('report.clickCount', { count: n });
  return [
    bold(terminalSafe(`${result.target.name} (${result.target.url})`)),
    paint(verdict, `${MARKS[verdict]} ${t(`report.verdict.${verdict}`)}`),
    `  ${t('check.scoreLine', { score, status: result.status, ruleSet: terminalSafe(`${result.ruleSet.id} ${result.ruleSet.version}`) })}`,
    ...(cap ? [`  ${terminalSafe(cap)}`] : []),
    `  ${t('check.findableClicks', { phone: clicks(view.clicks.phone), email: clicks(view.clicks.email) })}`,
  ];
}

/** Why the finding came out as it did: an override's reason, else the rule's reason unless it failed. */
function reasonLines(entry: ActionItem, t: Translate): string[] {
  const f = entry.finding;
  if (f.override) return [`      ${terminalSafe(t('check.overrideLine', { reason: f.override.reason }))}`];
  const reason = findingReason(entry.rule, f, t.lang);
  return reason && f.outcome !== 'fail' ? [`      ${terminalSafe(t('check.reasonLine', { reason }))}`] : [];
}

/** One finding: its mark, title and tag, its reason, its evidence and (for a failure) the advice. */
function itemLines(block: Block, entry: ActionItem, withAdvice: boolean): string[] {
  const { view, t, verbose, paint, dim } = block;
  const f = entry.finding;
  const tag = `[${t('check.ruleTag', { rule: f.rule, level: t.term('level', f.level), weight: f.weight })}]`;
  const advice = withAdvice
    ? capped(entry.advice, verbose, t).map((line) => `      → ${terminalSafe(line)}`)
    : [];
  return [
    `  ${paint(f.outcome, MARKS[f.outcome])} ${terminalSafe(entry.title)} ${dim(terminalSafe(tag))}`,
    ...reasonLines(entry, t),
    ...evidenceLines(entry, view, t, verbose).map((line) => `      ${line}`),
    ...advice,
  ];
}

/** A heading and its findings; nothing when there are none. */
function sectionLines(block: Block, heading: string, entries: ActionItem[], withAdvice: boolean): string[] {
  if (entries.length === 0) return [];
  return ['', block.bold(heading), ...entries.flatMap((entry) => itemLines(block, entry, withAdvice))];
}

/** The count of the other outcomes; with --verbose, their findings too. */
function restLines(block: Block): string[] {
  const { view, t, verbose } = block;
  const rest = t('check.rest', {
    pass: view.passed.length,
    na: view.notApplicable.length,
    nj: view.notAssessable.length,
  });
  if (!verbose) return ['', t('check.listWithVerbose', { rest })];
  return [
    '',
    rest,
    ...sectionLines(block, t('check.passedHeading'), view.passed, false),
    ...sectionLines(block, t('check.notApplicableHeading'), view.notApplicable, false),
    ...sectionLines(block, t('check.notAssessableHeading'), view.notAssessable, false),
  ];
}

/** One contact detail: its value and spellings, then one line per page it was seen on. */
function detailLines({ view, t, verbose }: Block, groups: SightingGroup[]): string[] {
  const first = groups[0];
  const word = t(first.kind === 'phone' ? 'report.phoneWord' : 'report.emailWord');
  const raws = [...new Set(groups.flatMap((g) => g.raws))].filter((raw) => raw !== first.value);
  const where = groups.map((g) => groupLine(g, view.result.target.origin, t, false, false));
  return [
    `  ${terminalSafe([`${word} ${first.value}`, ...raws.map((raw) => `"${raw}"`)].join(' '))}`,
    ...capped(where, verbose, t, 3).map((line) => `    ${line}`),
  ];
}

/** Every contact detail and widget found, one heading line per detail. */
function contactLines(block: Block): string[] {
  const { view, t, verbose, bold } = block;
  const lines = ['', bold(t('report.contactSummary'))];
  if (view.contacts.length === 0 && view.result.widgets.length === 0) lines.push(`  ${t('report.none')}`);
  const details = new Map<string, SightingGroup[]>();
  for (const g of view.contacts)
    details.set(`${g.kind} ${g.value}`, [...(details.get(`${g.kind} ${g.value}`) ?? []), g]);
  const shownDetails = verbose ? [...details.values()] : [...details.values()].slice(0, SHOWN * 2);
  for (const groups of shownDetails) lines.push(...detailLines(block, groups));
  if (shownDetails.length < details.size)
    lines.push(`  ${t('check.andMore', { count: details.size - shownDetails.length })}`);
  const widgetLines = view.widgets.map((w) => widgetLine(w, view.result.target.origin, t));
  for (const line of capped(widgetLines, verbose, t)) lines.push(`  ${line}`);
  return lines;
}

/** With --verbose: every page visited, how it was reached. */
function pageListLines({ view, t, verbose, bold }: Block): string[] {
  if (!verbose) return [];
  const { result } = view;
  return [
    '',
    bold(t('check.pagesHeading')),
    ...result.pages.map((p) => {
      const via = p.via ? ` ← “${p.via.text}”` : '';
      const where = `(${t.term('pageKind', p.kind)}, ${clicksText(p.depth, t)})`;
      return `  ${terminalSafe(`${p.id} ${pageLabel(p.finalUrl, result.target.origin)} ${where}${via}`)}`;
    }),
  ];
}

/** The crawl's errors, with --verbose or when the crawl was partial. */
function errorLines({ view, t, verbose, bold }: Block): string[] {
  const { result } = view;
  if (!(verbose || result.status === 'partial') || result.crawl.errors.length === 0) return [];
  return [
    '',
    bold(t('report.errors')),
    ...result.crawl.errors.map(
      (e) => `  ${terminalSafe(`${e.stage} ${e.code ?? ''} ${e.url}: ${e.message}`)}`,
    ),
  ];
}

/** The readable verdict for `shopreach check`: what to fix first, with its evidence and advice. */
export function formatShopForTerminal(view: CheckView, opts: TerminalOptions = {}): string {
  const block = blockOf(view, opts);
  const { t } = block;
  const failures = t('check.failures', { count: view.failures.length });
  const lines = [...headerLines(block), ...sectionLines(block, failures, view.failures, true)];
  if (opts.detail === 'quiet') return `${lines.join('\n')}\n`;
  lines.push(
    ...sectionLines(block, t('check.reviews', { count: view.reviews.length }), view.reviews, false),
    ...restLines(block),
    ...contactLines(block),
    ...pageListLines(block),
    ...errorLines(block),
  );
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
