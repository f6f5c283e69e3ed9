import { pageLabel } from '../../common/page-label.js';
import { translator } from '../../i18n/index.js';
import { findingReason } from '../../rules/index.js';
import type { ActionItem, CheckView } from '../check-view.js';
import { clicksText, seenOnText, widgetText } from '../terminal.js';

/** Lines of evidence, and of advice, per finding in a CI file before the rest is counted. */
const MAX_LINES = 20;

function capped(lines: string[], more: (n: number) => string): string[] {
  return lines.length <= MAX_LINES
    ? lines
    : [...lines.slice(0, MAX_LINES - 1), more(lines.length - MAX_LINES + 1)];
}

/** A finding as plain lines for CI tools: the evidence it rests on, then what to do. */
export function findingLines(item: ActionItem, view: CheckView): string[] {
  const t = translator(view.lang);
  const origin = view.result.target.origin;
  const lines: string[] = [];
  const reason = findingReason(item.rule, item.finding, t.lang);
  if (reason && item.finding.outcome !== 'fail') lines.push(reason);
  for (const w of item.widgets) lines.push(widgetText(w, w.pageUrls.join(', '), t));
  for (const p of item.pages)
    lines.push(`${p.finalUrl} (${t.term('pageKind', p.kind)}, ${clicksText(p.depth, t)})`);
  for (const g of item.evidence) {
    const raws = g.raws.filter((raw) => raw !== g.value).map((raw) => `"${raw}"`);
    lines.push(
      [g.value, ...raws, seenOnText(pageLabel(g.pageUrl, origin), g.pageKind, g.pageDepth, t)].join(' '),
    );
  }
  const more = (count: number) => t('check.andMore', { count });
  const evidence = capped(lines, more);
  const advice =
    item.finding.outcome === 'fail'
      ? capped(
          item.advice.map((line) => `→ ${line}`),
          more,
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
