import type { Page } from 'playwright';

/** A text to find in a rendered page: the first of `texts` that occurs, at its `nth` occurrence if it is shown. */
export interface TextNeedle {
  texts: string[];
  /** Which occurrence (0-based) of the text this is, in document order. */
  nth: number;
}

/** A rectangle in document coordinates, CSS px (the same frame as the crawl's screenshots). */
export interface TextBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** At most this many needles per page, and this much of the page's text is searched. */
export const MAX_NEEDLES = 100;
const MAX_TEXT_CHARS = 1_000_000;
const MAX_NEEDLE_CHARS = 200;

/**
 * Runs inside the page (plain JavaScript, see browser-annotate.ts for why). Joins the body's text
 * nodes into one whitespace-collapsed string, remembering where each character came from, finds
 * each needle in it and measures the found text with a DOM Range. An occurrence counts only when
 * its Range has a size and its element is visible; the `nth` one is taken when it is, else the
 * first one that is.
 */
const LOCATE_FUNCTION = `(needles, maxChars, maxNeedleChars) => {
  const body = document.body;
  if (!body) return needles.map(() => null);
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
  const nodes = [];
  const nodeOf = [];
  const offsetOf = [];
  let text = '';
  let lastSpace = true;
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n && text.length < maxChars; n = walker.nextNode()) {
    if (n.parentElement && SKIP.has(n.parentElement.tagName)) continue;
    const value = n.nodeValue || '';
    const index = nodes.length;
    nodes.push(n);
    for (let i = 0; i < value.length && text.length < maxChars; i++) {
      const space = /\\s/.test(value[i]);
      if (space && lastSpace) continue;
      text += space ? ' ' : value[i];
      nodeOf.push(index);
      offsetOf.push(i);
      lastSpace = space;
    }
  }
  const scrollX = window.scrollX || 0;
  const scrollY = window.scrollY || 0;
  const shown = (node) => {
    const el = node.parentElement;
    if (!el) return false;
    return typeof el.checkVisibility === 'function'
      ? el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })
      : getComputedStyle(el).visibility !== 'hidden';
  };
  const boxAt = (start, end) => {
    const range = document.createRange();
    const first = nodes[nodeOf[start]];
    const last = nodes[nodeOf[end - 1]];
    range.setStart(first, offsetOf[start]);
    range.setEnd(last, offsetOf[end - 1] + 1);
    const r = range.getBoundingClientRect();
    if (r.width < 1 || r.height < 1 || !shown(first)) return null;
    return { x: Math.round(r.left + scrollX), y: Math.round(r.top + scrollY), w: Math.round(r.width), h: Math.round(r.height) };
  };
  const find = (needle, nth) => {
    const wanted = needle.replace(/\\s+/g, ' ').trim();
    if (wanted.length < 3 || wanted.length > maxNeedleChars) return null;
    let firstShown = null;
    let seen = 0;
    for (let at = text.indexOf(wanted); at !== -1 && seen <= nth + 50; at = text.indexOf(wanted, at + 1)) {
      const box = boxAt(at, at + wanted.length);
      if (box && seen === nth) return box;
      if (box && !firstShown) firstShown = box;
      seen++;
    }
    return firstShown;
  };
  return needles.map((needle) => {
    for (const candidate of needle.texts) {
      const box = find(candidate, needle.nth);
      if (box) return box;
    }
    return null;
  });
}`;

/**
 * The boxes of texts in the page as it is rendered now, one per needle (null when not found
 * shown). Used by the evidence render after a static crawl, whose sightings carry no boxes.
 */
export async function locateTexts(page: Page, needles: TextNeedle[]): Promise<Array<TextBox | null>> {
  const bounded = needles.slice(0, MAX_NEEDLES);
  const script = `(${LOCATE_FUNCTION})(${JSON.stringify(bounded)}, ${MAX_TEXT_CHARS}, ${MAX_NEEDLE_CHARS})`;
  const boxes = (await page.evaluate(script)) as Array<TextBox | null>;
  return needles.map((_, i) => boxes[i] ?? null);
}
