import { type DomNode, forEachElement, textOf } from './dom.js';
import { INLINE_EDGE, type PageModel } from './page-model.js';
import type { Found } from './sighting-factory.js';
import { mentionsWithdrawal } from './withdrawal-info.js';

interface Heading {
  level: number;
  text: string;
  withdrawal: boolean;
}

const HEADING = /^h([1-6])$/;
/** Headings are matched to the page's lines by their text; a page with more is not worth the walk. */
const MAX_HEADINGS = 2_000;

const normalised = (s: string): string =>
  s.replaceAll(INLINE_EDGE, '').replace(/\s+/g, ' ').trim().toLowerCase();

function headingsOf(root: DomNode): Heading[] {
  const out: Heading[] = [];
  forEachElement(root, (el) => {
    const level = HEADING.exec(el.name);
    if (!level || out.length >= MAX_HEADINGS) return;
    const text = normalised(textOf(el));
    out.push({ level: Number(level[1]), text, withdrawal: text !== '' && mentionsWithdrawal(text) });
  });
  return out.filter((h) => h.text !== '');
}

/**
 * Stretches of the page's text that stand under a heading naming the right of withdrawal
 * ("Widerrufsbelehrung", "Herroepingsrecht", "Droit de rétractation", "Right to cancel"), up to
 * the next heading of the same or a higher level: the withdrawal instructions, as a section of a
 * page (a refund policy's "A. Widerrufsbelehrung") or as the page itself (its h1).
 * Headings are found in the parsed page and located by their text, line by line, in order.
 */
export function withdrawalStretches(model: PageModel, root: DomNode): Array<[number, number]> {
  const headings = headingsOf(root);
  if (!headings.some((h) => h.withdrawal)) return [];
  const stretches: Array<[number, number]> = [];
  const open: Heading[] = [];
  let next = 0;
  let lineStart = 0;
  const text = model.text;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = normalised(text.slice(lineStart, lineEnd));
    const k = line === '' ? -1 : headingIndex(headings, next, line);
    if (k !== -1) {
      next = k + 1;
      nest(open, headings[k]);
    } else if (line !== '' && open.some((h) => h.withdrawal)) addStretch(stretches, lineStart, lineEnd);
    lineStart = lineEnd + 1;
  }
  return stretches;
}

/** Headings looked at past the last one found: one the text lacks (inside an svg, say) must not stop the rest. */
const HEADING_LOOKAHEAD = 4;

/** The index of the heading a line is, among the next few not yet found; -1 when it is none. */
function headingIndex(headings: Heading[], next: number, line: string): number {
  for (let k = next; k < Math.min(headings.length, next + HEADING_LOOKAHEAD); k++)
    if (headings[k].text === line) return k;
  return -1;
}

/** A heading closes the open headings of its level and below, and opens its own section. */
function nest(open: Heading[], heading: Heading): void {
  while (open.length > 0 && open[open.length - 1].level >= heading.level) open.pop();
  open.push(heading);
}

/** Adds a line to the stretches, joined to the last one when only a line break lies between them. */
function addStretch(stretches: Array<[number, number]>, lineStart: number, lineEnd: number): void {
  const last = stretches[stretches.length - 1];
  if (last && last[1] >= lineStart - 1) last[1] = lineEnd;
  else stretches.push([lineStart, lineEnd]);
}

/**
 * Marks the numbers and addresses of the page's main content that stand in its withdrawal
 * instructions. Header, menu, footer and sidebars repeat on every page and belong to no section.
 */
export function markWithdrawalSections(model: PageModel, root: DomNode, finds: Found[]): void {
  const placed = finds.filter((f) => f.span && f.sighting.region === 'main');
  if (placed.length === 0) return;
  const stretches = withdrawalStretches(model, root);
  if (stretches.length === 0) return;
  for (const find of placed) {
    const at = find.span?.start ?? -1;
    let lo = 0;
    let hi = stretches.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (at < stretches[mid][0]) hi = mid - 1;
      else if (at >= stretches[mid][1]) lo = mid + 1;
      else {
        find.sighting.withdrawalSection = true;
        break;
      }
    }
  }
}
