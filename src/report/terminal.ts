import type { Outcome, RuleSet } from '../rules/types.js';
import { terminalSafe } from '../shared/terminal-text.js';
import { formatNumber, type Lang, localText, reportText } from './i18n.js';
import type { ResultSighting, ShopResult } from './shop-result.js';

export interface TerminalOptions {
  color?: boolean;
  lang?: Lang;
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

function sightingLine(s: ResultSighting, lang: Lang): string {
  const t = reportText(lang);
  const depth = s.pageDepth === null ? t.unlinked : `${t.depth.toLowerCase()} ${s.pageDepth}`;
  const parts = [s.pageUrl, s.region, depth, s.presentation];
  if (s.visible === false) parts.push('hidden');
  if (s.afterInteraction) parts.push(`after: ${s.afterInteraction}`);
  return terminalSafe(`${parts.join(' · ')} · "${s.raw}"`);
}

/** The readable verdict for `shopreach check`: headline first, then rules, evidence and advice. */
export function formatShopForTerminal(
  result: ShopResult,
  ruleSet: RuleSet,
  opts: TerminalOptions = {},
): string {
  const lang = opts.lang ?? 'en';
  const t = reportText(lang);
  const paint = (outcome: Outcome, text: string) =>
    opts.color ? `\u001b[${COLORS[outcome]}m${text}\u001b[0m` : text;
  const bold = (text: string) => (opts.color ? `\u001b[1m${text}\u001b[0m` : text);
  const clicks = (n: number | null) => (n === null ? t.notFound : t.clickCount(n));
  const rules = new Map(ruleSet.rules.map((r) => [r.id, r]));
  const lines: string[] = [];

  lines.push(bold(terminalSafe(`${result.target.name} (${result.target.url})`)));
  const verdict = result.verdict.outcome;
  lines.push(paint(verdict, `${MARKS[verdict]} ${t.verdictHeadline[verdict]}`));
  lines.push(`  ${t.clicksLine(clicks(result.verdict.phoneClicks), clicks(result.verdict.emailClicks))}`);
  const score =
    result.score === null ? t.notRated : `${formatNumber(result.score, lang)} (${result.grade ?? '–'})`;
  lines.push(
    `  ${t.score}: ${score} · ${t.status.toLowerCase()}: ${result.status} · ${t.ruleSet.toLowerCase()}: ${result.ruleSet.id} ${result.ruleSet.version}`,
  );

  lines.push('', bold(t.rules));
  for (const f of result.findings) {
    const rule = rules.get(f.rule);
    const title = rule ? localText(f.outcome === 'fail' ? rule.failTitle : rule.title, lang) : f.rule;
    const tag = `[${f.rule}: ${t.outcomes[f.outcome]}]`;
    lines.push(
      `  ${paint(f.outcome, MARKS[f.outcome])} ${title} ${opts.color ? `\u001b[90m${tag}\u001b[0m` : tag}`,
    );
    if (f.reason) lines.push(`      ${t.reason}: ${terminalSafe(f.reason)}`);
    if (f.override) lines.push(`      ${t.overrides}: ${terminalSafe(f.override.reason)}`);
    if (f.outcome === 'fail' && rule) lines.push(`      ${t.advice}: ${localText(rule.advice, lang)}`);
  }

  lines.push('', bold(t.evidence));
  if (result.contacts.phones.length + result.contacts.emails.length === 0) lines.push(`  ${t.none}`);
  for (const phone of result.contacts.phones) {
    const about = [phone.type, phone.label].filter(Boolean).join(', ');
    lines.push(`  ${t.phoneWord} ${phone.e164}${about ? ` (${about})` : ''}`);
    for (const s of phone.sightings) lines.push(`    ${sightingLine(s, lang)}`);
  }
  for (const email of result.contacts.emails) {
    lines.push(`  ${t.emailWord} ${terminalSafe(email.address)}`);
    for (const s of email.sightings) lines.push(`    ${sightingLine(s, lang)}`);
  }
  for (const w of result.widgets) {
    lines.push(`  ${w.kind}${w.vendor ? ` (${terminalSafe(w.vendor)})` : ''} · ${w.pageId}`);
  }

  if (result.crawl.errors.length > 0) {
    lines.push('', bold(t.errors));
    for (const e of result.crawl.errors)
      lines.push(terminalSafe(`  ${e.stage} ${e.code ?? ''} ${e.url}: ${e.message}`));
  }
  return `${lines.join('\n')}\n`;
}
