import { pageLabel } from '../../shared/page-label.js';
import { checkText } from '../check-text.js';
import type { ActionItem, CheckView } from '../check-view.js';

/** Lines of evidence, and of advice, per finding in a CI file before the rest is counted. */
const MAX_LINES = 20;

function capped(lines: string[], more: (n: number) => string): string[] {
  return lines.length <= MAX_LINES
    ? lines
    : [...lines.slice(0, MAX_LINES - 1), more(lines.length - MAX_LINES + 1)];
}

/** A finding as plain lines for CI tools: the evidence it rests on, then what to do. */
export function findingLines(item: ActionItem, view: CheckView): string[] {
  const c = checkText(view.lang);
  const origin = view.result.target.origin;
  const lines: string[] = [];
  if (item.finding.reason && item.finding.outcome !== 'fail') lines.push(item.finding.reason);
  for (const w of item.widgets) lines.push(c.widgetOn(w.kind, w.vendor, w.pageUrls.join(', '), w.number));
  for (const p of item.pages) lines.push(`${p.finalUrl} (${p.kind}, ${c.clickWord(p.depth)})`);
  for (const g of item.evidence) {
    const raws = g.raws.filter((raw) => raw !== g.value).map((raw) => `"${raw}"`);
    lines.push(
      [
        g.value,
        ...raws,
        c.on,
        pageLabel(g.pageUrl, origin),
        `(${g.pageKind}, ${c.clickWord(g.pageDepth)})`,
      ].join(' '),
    );
  }
  const evidence = capped(lines, c.andMore);
  const advice =
    item.finding.outcome === 'fail'
      ? capped(
          item.advice.map((line) => `→ ${line}`),
          c.andMore,
        )
      : [];
  return [...evidence, ...advice];
}

/** The page a finding is best shown at: its first sighting's page, else its first page, else the shop. */
export function findingPage(item: ActionItem, view: CheckView): string {
  return (
    item.evidence[0]?.pageUrl ??
    item.pages[0]?.finalUrl ??
    item.widgets[0]?.pageUrls[0] ??
    view.result.target.url
  );
}
