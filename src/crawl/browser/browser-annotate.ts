import type { Page } from 'playwright';

/**
 * Runs inside the page. Kept as plain JavaScript in a string: a function literal would be
 * serialised with whatever helpers the TypeScript loader injected (esbuild's `__name`), which
 * do not exist in the page.
 *
 * Reads all layout first and writes the attributes afterwards, so that the writes do not force
 * a style recalculation per element. Only elements that can carry contact evidence are judged:
 * elements with their own text, links, buttons, images and iframes. A hidden element also marks
 * its hidden ancestors, so `closest('[data-sr-hidden]')` finds the element that hides it.
 *
 * Visible elements that may carry a contact detail (tel:/mailto: links, own text with a phone-like
 * digit run or an e-mail / "[at]" pattern, a Cloudflare-protected `data-cfemail` address) get
 * `data-sr-box="x,y,w,h"`, the document rectangle of the matched text itself (a DOM Range around
 * it), so a screenshot crop shows the number and not the empty half of a full-width paragraph. A
 * link's box is that of its text; an element whose text cannot be measured keeps its own
 * rectangle. A number split over inline children is boxed on the parent.
 */
export const ANNOTATE_FUNCTION = `() => {
  const SKIP = new Set(['SCRIPT','STYLE','NOSCRIPT','TEMPLATE','HEAD','META','LINK','TITLE','BR','WBR']);
  const ALWAYS = new Set(['A','BUTTON','IMG','IFRAME','INPUT','SELECT','TEXTAREA','SVG','svg']);
  const root = document.documentElement;
  if (!root) return { judged: 0, hidden: 0, belowFold: 0, boxed: 0 };
  for (const el of document.querySelectorAll('[data-sr-hidden],[data-sr-below-fold],[data-sr-box]')) {
    el.removeAttribute('data-sr-hidden');
    el.removeAttribute('data-sr-below-fold');
    el.removeAttribute('data-sr-box');
  }
  const EMAILISH = /[^\\s@<>]@[^\\s@<>]+\\.[a-z]{2,}|[\\[(]\\s*(?:at|@)\\s*[\\])]/i;
  const DIGIT_RUN = /\\+?\\d[\\d\\s().\\/-]{5,}\\d/g;
  const phoneLike = (text) => {
    const runs = text.match(DIGIT_RUN);
    if (!runs) return false;
    for (const run of runs) if (run.replace(/\\D/g, '').length >= 7) return true;
    return false;
  };
  const ownText = (el) => {
    let s = '';
    for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3 && n.nodeValue) s += n.nodeValue;
    return s;
  };
  const candidateOf = (el) => {
    if (el.tagName === 'A') {
      const href = (el.getAttribute('href') || '').trim().toLowerCase();
      if (href.startsWith('tel:') || href.startsWith('mailto:')) return el;
    }
    // A Cloudflare-protected address: its text says "[email protected]", the address is in the attribute.
    if (el.hasAttribute('data-cfemail')) return el;
    const text = ownText(el);
    if (text.length > 400 || !/[\\d@\\[(]/.test(text)) return null;
    if (EMAILISH.test(text) || phoneLike(text)) return el;
    // "<span>020</span> <span>123 45 67</span>": judge the parent's whole text once.
    const parent = el.parentElement;
    if (parent && parent !== document.body && /\\d/.test(text)) {
      const whole = parent.textContent || '';
      if (whole.length <= 200 && phoneLike(whole)) return parent;
    }
    return null;
  };
  // The matched text's own box. Spans: e-mail-like runs (around "@" or "[at]") and digit runs of
  // seven digits or more; the Range runs from the first span's start to the last one's end.
  const EMAIL_SPAN = /[^\\s@<>]+(?:@|\\s*[\\[(]\\s*(?:at|@)\\s*[\\])]\\s*)[^\\s@<>]+/gi;
  const MAX_SPANS = 8;
  const textNodesOf = (el, own) => {
    const nodes = [];
    if (own) {
      for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3 && n.nodeValue) nodes.push(n);
      return nodes;
    }
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n && nodes.length < 200; n = walker.nextNode()) {
      const parentTag = n.parentElement ? n.parentElement.tagName : '';
      if (parentTag !== 'SCRIPT' && parentTag !== 'STYLE' && n.nodeValue) nodes.push(n);
    }
    return nodes;
  };
  const spansIn = (text) => {
    const spans = [];
    for (const m of text.matchAll(EMAIL_SPAN)) {
      if (spans.length >= MAX_SPANS) break;
      spans.push([m.index, m.index + m[0].length]);
    }
    for (const m of text.matchAll(DIGIT_RUN)) {
      if (spans.length >= MAX_SPANS * 2) break;
      if (m[0].replace(/\\D/g, '').length >= 7) spans.push([m.index, m.index + m[0].length]);
    }
    return spans;
  };
  // A start lies in the node holding its character; an end may close the node before it.
  const pointAt = (nodes, ends, offset, isEnd) => {
    for (let i = 0; i < nodes.length; i++) {
      if (isEnd ? offset <= ends[i] : offset < ends[i]) return [nodes[i], offset - (i === 0 ? 0 : ends[i - 1])];
    }
    return null;
  };
  const measured = (range) => {
    const r = range.getBoundingClientRect();
    return r.width >= 1 && r.height >= 1 ? r : null;
  };
  const textBox = (el, own) => {
    if (el.tagName === 'A') {
      const range = document.createRange();
      range.selectNodeContents(el);
      return measured(range);
    }
    const nodes = textNodesOf(el, own);
    const ends = [];
    let text = '';
    for (const n of nodes) { text += n.nodeValue; ends.push(text.length); }
    if (text.length === 0 || text.length > 2000) return null;
    const spans = spansIn(text);
    if (spans.length === 0) return null;
    let start = Infinity;
    let end = 0;
    for (const [s, e] of spans) { if (s < start) start = s; if (e > end) end = e; }
    const from = pointAt(nodes, ends, start, false);
    const to = pointAt(nodes, ends, end, true);
    if (!from || !to) return null;
    const range = document.createRange();
    range.setStart(from[0], from[1]);
    range.setEnd(to[0], to[1]);
    return measured(range);
  };
  const toBox = new Map();
  const viewportHeight = window.innerHeight || 800;
  const scrollX = window.scrollX || 0;
  const scrollY = window.scrollY || 0;
  const hasCheck = typeof root.checkVisibility === 'function';

  const hasOwnText = (el) => {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3 && n.nodeValue && n.nodeValue.trim() !== '') return true;
    }
    return false;
  };
  const matters = (el) => {
    if (SKIP.has(el.tagName)) return false;
    if (ALWAYS.has(el.tagName)) return true;
    return hasOwnText(el);
  };
  const styleHides = (el) => {
    const cs = getComputedStyle(el);
    if (cs.display === 'contents') return false;
    if (hasCheck) {
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return true;
    } else if (cs.display === 'none' || cs.visibility === 'hidden' || cs.opacity === '0') {
      return true;
    }
    return false;
  };
  // Ancestors that clip their content to nothing (collapsed accordions: height 0, overflow hidden).
  const clipMemo = new Map();
  const clippedAway = (el) => {
    const chain = [];
    let result = false;
    for (let a = el.parentElement; a && a !== document.body && a !== root; a = a.parentElement) {
      if (clipMemo.has(a)) { result = clipMemo.get(a); break; }
      chain.push(a);
      const cs = getComputedStyle(a);
      if (cs.overflow !== 'visible' || cs.clipPath !== 'none' || cs.clip.startsWith('rect')) {
        const r = a.getBoundingClientRect();
        if (r.width < 2 || r.height < 2) { result = true; break; }
      }
    }
    for (const a of chain) clipMemo.set(a, result);
    return result;
  };
  const geometryHides = (el) => {
    if (getComputedStyle(el).display === 'contents') return false;
    const r = el.getBoundingClientRect();
    if (r.width < 2 && r.height < 2) return true; // zero size and the 1px "visually hidden" pattern
    if (r.right + scrollX <= 0 || r.bottom + scrollY <= 0) return true; // pushed off-screen
    return clippedAway(el);
  };

  const toHide = new Set();
  const toBelow = [];
  const styleMemo = new Map();
  const styleHiddenCached = (el) => {
    if (!styleMemo.has(el)) styleMemo.set(el, styleHides(el));
    return styleMemo.get(el);
  };
  let judged = 0;
  const all = document.body ? document.body.getElementsByTagName('*') : [];
  for (let i = 0; i < all.length; i++) {
    const el = all[i];
    if (!matters(el)) continue;
    judged++;
    if (styleHiddenCached(el)) {
      toHide.add(el);
      for (let a = el.parentElement; a && a !== root; a = a.parentElement) {
        if (toHide.has(a) || !styleHiddenCached(a)) break;
        toHide.add(a);
      }
      continue;
    }
    if (geometryHides(el)) { toHide.add(el); continue; }
    const r = el.getBoundingClientRect();
    if (r.top + scrollY >= viewportHeight) toBelow.push(el);
    const candidate = candidateOf(el);
    if (candidate && !toBox.has(candidate)) {
      const b = textBox(candidate, candidate === el) || (candidate === el ? r : candidate.getBoundingClientRect());
      toBox.set(candidate, [b.left + scrollX, b.top + scrollY, b.width, b.height].map(Math.round).join(','));
    }
  }
  root.setAttribute('data-sr-rendered', '1');
  for (const el of toHide) el.setAttribute('data-sr-hidden', '1');
  for (const el of toBelow) el.setAttribute('data-sr-below-fold', '1');
  for (const [el, box] of toBox) el.setAttribute('data-sr-box', box);
  return { judged, hidden: toHide.size, belowFold: toBelow.length, boxed: toBox.size };
}`;
const ANNOTATE_SCRIPT = `(${ANNOTATE_FUNCTION})()`;

export interface AnnotationCounts {
  judged: number;
  hidden: number;
  belowFold: number;
  /** Elements given a `data-sr-box`. */
  boxed: number;
}

/**
 * Marks the rendered DOM for the extract stage: `<html data-sr-rendered="1">`, invisible elements
 * `data-sr-hidden="1"`, elements whose top is below the first viewport `data-sr-below-fold="1"`.
 * Safe to call again after an interaction: earlier marks are replaced.
 */
export async function annotateVisibility(page: Page): Promise<void> {
  await annotateVisibilityCounted(page);
}

/** Same as annotateVisibility, returning how many elements were judged and marked. */
export async function annotateVisibilityCounted(page: Page): Promise<AnnotationCounts> {
  return (await page.evaluate(ANNOTATE_SCRIPT)) as AnnotationCounts;
}
