import type { Viewport } from './css/media-query.js';
import type { PageStyles, StyleVerdict } from './css/page-styles.js';
import type { DomElement } from './dom.js';
import type { RevealControls } from './reveal-controls.js';

/** Elements whose content a visitor never reads as page text. */
const NEVER_SHOWN = new Set(['template', 'noscript']);

/** How an element and its subtree can be seen, as its parent passes it on. */
export interface Seen {
  hidden: boolean;
  /** Static mode: the page's CSS shows it at this viewport only (an `@media` rule hides it at the other). */
  shownAt?: Viewport;
  /** Static mode: whether it shows depends on what cannot be read without running the page (see PageStyles). */
  uncertain?: boolean;
  /** Hidden by the page's stylesheet until a visitor acts: how (a menu, a toggle, a hover). */
  revealedBy?: string;
  /** Hidden, and nothing on the page (a control, a menu, a rule for hover or focus) can show it. */
  unrevealable?: boolean;
}

/**
 * How an element can be seen, given its parent. `rendered`: the browser annotated the DOM, so its
 * `data-sr-hidden` mark is the truth. Otherwise the page is judged from its markup and its own CSS
 * (`styles`: `<style>` blocks, fetched stylesheets, inline styles, the `hidden` attribute).
 */
export function seenOf(
  el: DomElement,
  parent: Seen,
  rendered: boolean,
  styles: PageStyles | null,
  controls: RevealControls,
): Seen {
  if (parent.hidden) return parent;
  const byMarkup = seenByMarkup(el, parent, rendered, controls);
  if (byMarkup !== undefined) return byMarkup;
  if (!styles) return parent;
  return seenByStyles(el, parent, styles, controls);
}

/** What the markup alone says of an element; undefined when the page's CSS decides. */
function seenByMarkup(
  el: DomElement,
  parent: Seen,
  rendered: boolean,
  controls: RevealControls,
): Seen | undefined {
  if (NEVER_SHOWN.has(el.name)) return HIDDEN;
  const a = el.attribs;
  // Rendered: the browser tried the page's reveal controls already; what they did not show stays hidden.
  if (a['data-sr-hidden'] === '1') return controls.revealerOf(el) ? HIDDEN : HIDDEN_FOR_GOOD;
  if (rendered) return parent;
  if (a['aria-hidden'] === 'true') return HIDDEN;
  if (el.name === 'input' && a.type?.toLowerCase() === 'hidden') return HIDDEN;
  if (inClosedDetails(el))
    return parent.revealedBy ? parent : { ...parent, revealedBy: 'a click on its summary' };
  return undefined;
}

/** What the page's own CSS says of an element, at each viewport its parent is shown at. */
function seenByStyles(el: DomElement, parent: Seen, styles: PageStyles, controls: RevealControls): Seen {
  const verdict = styleVerdictOf(el, styles);
  const desktop = parent.shownAt !== 'phone' && !verdict?.desktop;
  const phone = parent.shownAt !== 'desktop' && !verdict?.phone;
  if (!desktop && !phone) return hiddenByStyle(el, verdict?.bySheet === true, styles, controls, parent);
  const shownAt: Viewport | undefined = desktop && phone ? undefined : desktop ? 'desktop' : 'phone';
  const uncertain =
    parent.uncertain === true || verdict?.uncertain === true || (!verdict && styles.mayBeHiddenUnseen(el));
  if (shownAt === parent.shownAt && uncertain === (parent.uncertain === true)) return parent;
  const seen: Seen = { hidden: false };
  if (shownAt) seen.shownAt = shownAt;
  if (uncertain) seen.uncertain = true;
  if (parent.revealedBy) seen.revealedBy = parent.revealedBy;
  return seen;
}

function styleVerdictOf(el: DomElement, styles: PageStyles): StyleVerdict | null {
  const verdict = styles.judge(el);
  // A page that hides its whole document does so until a later stylesheet or a script shows it (a
  // guard against a flash of unstyled content): no visitor is shown a blank page.
  if (verdict && (el.name === 'html' || el.name === 'body'))
    return { desktop: null, phone: null, uncertain: true };
  return verdict;
}

const HIDDEN: Seen = Object.freeze({ hidden: true });
const HIDDEN_FOR_GOOD: Seen = Object.freeze({ hidden: true, unrevealable: true });

/**
 * An element the page's CSS hides at every viewport. Hidden by a stylesheet rule that a hover,
 * focus or switch undoes, or with a control on the page that opens it, it is behind an interaction
 * (as a reveal click in browser mode), not hidden. Hidden by its own inline style or `hidden`
 * attribute with a control that may open it, it stays hidden for a person to check. With nothing
 * on the page that can show it, it is hidden for good.
 */
function hiddenByStyle(
  el: DomElement,
  bySheet: boolean,
  styles: PageStyles,
  controls: RevealControls,
  parent: Seen,
): Seen {
  const revealer =
    bySheet && styles.shownOnDemand(el) ? 'a hover, focus or switch on the page' : controls.revealerOf(el);
  if (!revealer) return HIDDEN_FOR_GOOD;
  if (!bySheet) return HIDDEN;
  return { ...parent, hidden: false, revealedBy: parent.revealedBy ?? revealer };
}

/** A closed `<details>` shows its `<summary>` only. */
function inClosedDetails(el: DomElement): boolean {
  const parent = el.parent as DomElement | null;
  return parent?.name === 'details' && parent.attribs?.open === undefined && el.name !== 'summary';
}
