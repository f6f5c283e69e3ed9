import type { DomElement } from './dom.js';

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

/** Elements whose content a visitor never reads as page text. */
const NEVER_SHOWN = new Set(['template', 'noscript']);

/**
 * Whether an element hides its subtree. `rendered`: the browser annotated the DOM, so its
 * `data-sr-hidden` mark is the truth; otherwise we judge from attributes a static page carries.
 */
export function hidesContent(el: DomElement, rendered: boolean): boolean {
  if (NEVER_SHOWN.has(el.name)) return true;
  const a = el.attribs;
  if (a['data-sr-hidden'] === '1') return true;
  if (rendered) return false;
  if (a.hidden !== undefined) return true;
  if (a['aria-hidden'] === 'true') return true;
  if (el.name === 'input' && a.type?.toLowerCase() === 'hidden') return true;
  const style = a.style;
  return style !== undefined && HIDDEN_STYLE.test(style);
}
