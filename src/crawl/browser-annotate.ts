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
 */
const ANNOTATE_SCRIPT = `(() => {
  const SKIP = new Set(['SCRIPT','STYLE','NOSCRIPT','TEMPLATE','HEAD','META','LINK','TITLE','BR','WBR']);
  const ALWAYS = new Set(['A','BUTTON','IMG','IFRAME','INPUT','SELECT','TEXTAREA','SVG','svg']);
  const root = document.documentElement;
  if (!root) return { judged: 0, hidden: 0, belowFold: 0 };
  for (const el of document.querySelectorAll('[data-sr-hidden],[data-sr-below-fold]')) {
    el.removeAttribute('data-sr-hidden');
    el.removeAttribute('data-sr-below-fold');
  }
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
  }
  root.setAttribute('data-sr-rendered', '1');
  for (const el of toHide) el.setAttribute('data-sr-hidden', '1');
  for (const el of toBelow) el.setAttribute('data-sr-below-fold', '1');
  return { judged, hidden: toHide.size, belowFold: toBelow.length };
})()`;

export interface AnnotationCounts {
  judged: number;
  hidden: number;
  belowFold: number;
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
