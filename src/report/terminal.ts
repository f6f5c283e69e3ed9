import type { Outcome } from '../rules/types.js';
import { pageLabel } from '../shared/page-label.js';
import { terminalSafe } from '../shared/terminal-text.js';
import { checkText } from './check-text.js';
import type { ActionItem, CheckView, SightingGroup, SightingVariant, WidgetGroup } from './check-view.js';
import { formatNumber, type Lang, reportText } from './i18n.js';
import type { ShopResult } from './shop-result.js';

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

function variantText(v: SightingVariant, lang: Lang): string {
  const c = checkText(lang);
  const parts = [v.region, v.presentation];
  if (v.hidden) parts.push(c.hidden);
  if (!v.viewports.includes('desktop')) parts.push(c.mobile);
  if (v.afterInteraction) parts.push(`${c.after} ${v.afterInteraction}`);
  return parts.join(', ');
}

/** One detail on one page: what it said, where, how far from home, and each way it was shown. */
function groupLine(
  g: SightingGroup,
  origin: string | null,
  lang: Lang,
  withValue: boolean,
  withText = true,
): string {
  const c = checkText(lang);
  const t = reportText(lang);
  const word = g.kind === 'phone' ? t.phoneWord : t.emailWord;
  const raws = g.raws.filter((raw) => raw !== g.value).map((raw) => `"${raw}"`);
  const what = !withText
    ? ''
    : withValue
      ? [`${word} ${g.value}`, ...raws].join(' ')
      : raws.join(' ') || g.value;
  const where = `${c.on} ${pageLabel(g.pageUrl, origin)} (${g.pageKind}, ${c.clickWord(g.pageDepth)})`;
  return terminalSafe(
    `${what ? `${what} ` : ''}${where} · ${g.variants.map((v) => variantText(v, lang)).join('; ')}`,
  );
}

function widgetLine(w: WidgetGroup, origin: string | null, lang: Lang): string {
  const pages = w.pageUrls.map((url) => pageLabel(url, origin)).join(', ');
  return terminalSafe(checkText(lang).widgetOn(w.kind, w.vendor, pages, w.number));
}

function capped(lines: string[], verbose: boolean, lang: Lang, shown = SHOWN): string[] {
  if (verbose || lines.length <= shown) return lines;
  return [...lines.slice(0, shown - 1), checkText(lang).andMore(lines.length - (shown - 1))];
}

function evidenceLines(item: ActionItem, view: CheckView, verbose: boolean): string[] {
  const { lang } = view;
  const origin = view.result.target.origin;
  const c = checkText(lang);
  const pages = item.pages.map((p) =>
    terminalSafe(`${t(lang).page} ${pageLabel(p.finalUrl, origin)} (${p.kind}, ${c.clickWord(p.depth)})`),
  );
  const widgets = item.widgets.map((w) => widgetLine(w, origin, lang));
  const sightings = item.evidence.map((g) => groupLine(g, origin, lang, true));
  // A rule about pages or widgets names the sightings of its detail too; its own items come first.
  return capped([...widgets, ...pages, ...sightings], verbose, lang);
}

const t = (lang: Lang) => reportText(lang);

/** The readable verdict for `shopreach check`: what to fix first, with its evidence and advice. */
export function formatShopForTerminal(view: CheckView, opts: TerminalOptions = {}): string {
  const { result, lang } = view;
  const detail = opts.detail ?? 'normal';
  const verbose = detail === 'verbose';
  const text = reportText(lang);
  const c = checkText(lang);
  const paint = (outcome: Outcome, s: string) => (opts.color ? `\u001b[${COLORS[outcome]}m${s}\u001b[0m` : s);
  const dim = (s: string) => (opts.color ? `\u001b[90m${s}\u001b[0m` : s);
  const bold = (s: string) => (opts.color ? `\u001b[1m${s}\u001b[0m` : s);
  const lines: string[] = [];

  lines.push(bold(terminalSafe(`${result.target.name} (${result.target.url})`)));
  const verdict = result.verdict.outcome;
  lines.push(paint(verdict, `${MARKS[verdict]} ${text.verdictHeadline[verdict]}`));
  const score =
    result.score === null ? text.notRated : `${formatNumber(result.score, lang)} (${result.grade ?? '–'})`;
  lines.push(
    `  ${text.score}: ${score} · ${text.status.toLowerCase()}: ${result.status} · ${text.ruleSet.toLowerCase()}: ${terminalSafe(`${result.ruleSet.id} ${result.ruleSet.version}`)}`,
  );
  const cap = result.scoreCap;
  if (cap) lines.push(`  ${text.capLine(cap.limit, cap.uncapped, cap.rules.join(', '))}`);
  const clicks = (n: number | null) => (n === null ? c.notFindable : text.clickCount(n));
  lines.push(`  ${c.findableClicks(clicks(view.clicks.phone), clicks(view.clicks.email))}`);

  const item = (entry: ActionItem, withAdvice: boolean) => {
    const f = entry.finding;
    const tag = `[${f.rule} · ${c.level[f.level]} · ${c.weight} ${f.weight}]`;
    lines.push(
      `  ${paint(f.outcome, MARKS[f.outcome])} ${terminalSafe(entry.title)} ${dim(terminalSafe(tag))}`,
    );
    if (f.reason && f.outcome !== 'fail') lines.push(`      ${text.reason}: ${terminalSafe(f.reason)}`);
    if (f.override) lines.push(`      ${text.overrides}: ${terminalSafe(f.override.reason)}`);
    for (const line of evidenceLines(entry, view, verbose)) lines.push(`      ${line}`);
    if (withAdvice)
      for (const line of capped(entry.advice, verbose, lang)) lines.push(`      → ${terminalSafe(line)}`);
  };

  if (view.failures.length > 0) {
    lines.push('', bold(c.failures(view.failures.length)));
    for (const entry of view.failures) item(entry, true);
  }
  if (detail === 'quiet') return `${lines.join('\n')}\n`;

  if (view.reviews.length > 0) {
    lines.push('', bold(c.reviews(view.reviews.length)));
    for (const entry of view.reviews) item(entry, false);
  }
  const rest = c.rest(view.passed.length, view.notApplicable.length, view.notAssessable.length);
  lines.push('', verbose ? rest : `${rest} ${c.listWithVerbose}`);
  if (verbose) {
    for (const [heading, entries] of [
      [c.passedHeading, view.passed],
      [c.notApplicableHeading, view.notApplicable],
      [c.notAssessableHeading, view.notAssessable],
    ] as const) {
      if (entries.length === 0) continue;
      lines.push('', bold(heading));
      for (const entry of entries) item(entry, false);
    }
  }

  lines.push('', bold(c.contactsHeading));
  if (view.contacts.length === 0 && result.widgets.length === 0) lines.push(`  ${text.none}`);
  // One heading line per detail, then where it was seen: one line per page, with its variants.
  const details = new Map<string, SightingGroup[]>();
  for (const g of view.contacts)
    details.set(`${g.kind} ${g.value}`, [...(details.get(`${g.kind} ${g.value}`) ?? []), g]);
  const shownDetails = verbose ? [...details.values()] : [...details.values()].slice(0, SHOWN * 2);
  for (const groups of shownDetails) {
    const first = groups[0];
    const word = first.kind === 'phone' ? text.phoneWord : text.emailWord;
    const raws = [...new Set(groups.flatMap((g) => g.raws))].filter((raw) => raw !== first.value);
    lines.push(`  ${terminalSafe([`${word} ${first.value}`, ...raws.map((raw) => `"${raw}"`)].join(' '))}`);
    const where = groups.map((g) => groupLine(g, result.target.origin, lang, false, false));
    for (const line of capped(where, verbose, lang, 3)) lines.push(`    ${line}`);
  }
  if (shownDetails.length < details.size) lines.push(`  ${c.andMore(details.size - shownDetails.length)}`);
  const widgetLines = view.widgets.map((w) => widgetLine(w, result.target.origin, lang));
  for (const line of capped(widgetLines, verbose, lang)) lines.push(`  ${line}`);

  if (verbose) {
    lines.push('', bold(c.pagesHeading));
    for (const p of result.pages) {
      const via = p.via ? ` ← “${p.via.text}”` : '';
      lines.push(
        `  ${terminalSafe(`${p.id} ${pageLabel(p.finalUrl, result.target.origin)} (${p.kind}, ${c.clickWord(p.depth)})${via}`)}`,
      );
    }
  }
  if ((verbose || result.status === 'partial') && result.crawl.errors.length > 0) {
    lines.push('', bold(text.errors));
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
  const c = checkText(lang);
  const status = c.statuses[result.status];
  const error = mainError(result);
  return terminalSafe(
    `${c.couldNotCheck(result.target.url)} ${status.cause} (${result.status}${error ? `: ${error}` : ''}). ${status.next}`,
  );
}
