import { pageLabel } from '../../shared/page-label.js';
import { checkText } from '../check-text.js';
import type { ActionItem, CheckView } from '../check-view.js';

/** A finding as plain lines for CI tools: the evidence it rests on, then what to do. */
export function findingLines(item: ActionItem, view: CheckView): string[] {
  const c = checkText(view.lang);
  const origin = view.result.target.origin;
  const lines: string[] = [];
  if (item.finding.reason && item.finding.outcome !== 'fail') lines.push(item.finding.reason);
  for (const w of item.widgets) lines.push(c.widgetOn(w.kind, w.vendor, w.pageUrls.join(', ')));
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
  if (item.finding.outcome === 'fail') for (const advice of item.advice) lines.push(`→ ${advice}`);
  return lines;
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
