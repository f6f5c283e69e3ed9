import type { Viewport } from './css/media-query.js';
import type { PageStyles } from './css/page-styles.js';
import type { DomElement } from './dom.js';

/** Elements whose content a visitor never reads as page text. */
const NEVER_SHOWN = new Set(['template', 'noscript']);

/** How an element and its subtree can be seen, as its parent passes it on. */
export interface Seen {
  hidden: boolean;
  /** Static mode: the page's CSS shows it at this viewport only (an `@media` rule hides it at the other). */
  shownAt?: Viewport;
  /** Static mode: whether it shows depends on what cannot be read without running the page (see PageStyles). */
  uncertain?: boolean;
}

/**
 * How an element can be seen, given its parent. `rendered`: the browser annotated the DOM, so its
 * `data-sr-hidden` mark is the truth. Otherwise the page is judged from its markup and its own CSS
 * (`styles`: `<style>` blocks, fetched stylesheets, inline styles, the `hidden` attribute).
 */
export function seenOf(el: DomElement, parent: Seen, rendered: boolean, styles: PageStyles | null): Seen {
  if (parent.hidden) return parent;
  if (NEVER_SHOWN.has(el.name)) return HIDDEN;
  const a = el.attribs;
  if (a['data-sr-hidden'] === '1') return HIDDEN;
  if (rendered) return parent;
  if (a['aria-hidden'] === 'true') return HIDDEN;
  if (el.name === 'input' && a.type?.toLowerCase() === 'hidden') return HIDDEN;
  if (inClosedDetails(el)) return HIDDEN;
  if (!styles) return parent;
  let verdict = styles.judge(el);
  // A page that hides its whole document does so until a later stylesheet or a script shows it (a
  // guard against a flash of unstyled content): no visitor is shown a blank page.
  if (verdict && (el.name === 'html' || el.name === 'body'))
    verdict = { desktop: null, phone: null, uncertain: true };
  const desktop = parent.shownAt !== 'phone' && !verdict?.desktop;
  const phone = parent.shownAt !== 'desktop' && !verdict?.phone;
  if (!desktop && !phone) return HIDDEN;
  const shownAt: Viewport | undefined = desktop && phone ? undefined : desktop ? 'desktop' : 'phone';
  const uncertain =
    parent.uncertain === true || verdict?.uncertain === true || (!verdict && styles.mayBeHiddenUnseen(el));
  if (shownAt === parent.shownAt && uncertain === (parent.uncertain === true)) return parent;
  const seen: Seen = { hidden: false };
  if (shownAt) seen.shownAt = shownAt;
  if (uncertain) seen.uncertain = true;
  return seen;
}

const HIDDEN: Seen = Object.freeze({ hidden: true });

/** A closed `<details>` shows its `<summary>` only. */
function inClosedDetails(el: DomElement): boolean {
  const parent = el.parent as DomElement | null;
  return parent?.name === 'details' && parent.attribs?.open === undefined && el.name !== 'summary';
}
