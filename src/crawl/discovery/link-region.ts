import {
  LANDMARK_CLASS_WORDS,
  LANDMARK_ROLES,
  LANDMARK_TAGS,
  type Landmark,
  type LandmarkState,
  nextLandmark,
  OUTSIDE_LANDMARKS,
  OVERLAY_LANDMARKS,
} from '../../common/landmarks.js';
import type { LinkBox, LinkRegion, LinkVia } from '../types.js';

export type { LinkRegion };

const CHROME: ReadonlySet<string> = new Set(['header', 'nav', 'footer']);

export function linkRegionOf(landmark: Landmark | null): LinkRegion {
  return landmark !== null && CHROME.has(landmark) ? (landmark as LinkRegion) : 'body';
}

/**
 * The landmark state of an element for link placement, given its parent's (static mode, as the
 * HTML parser streams). Classes on <html> and <body> describe the page's state ("has-sidebar"),
 * not a region.
 */
export function nextLinkLandmark(
  name: string,
  attribs: Record<string, string>,
  parent: LandmarkState | undefined,
): LandmarkState {
  const state = parent ?? OUTSIDE_LANDMARKS;
  if (name === 'html' || name === 'body') return state;
  return nextLandmark(name, attribs, state);
}

/** The preference of a way to a page: a link in the chrome, then one in the body, then one of unknown place. */
function viaClass(via: LinkVia): number {
  if (via.region === undefined) return 0;
  return CHROME.has(via.region) ? 2 : 1;
}

/**
 * Whether `candidate` is a better record of the way to a page than `current`, both found at the
 * same click depth: a link in the header, navigation or footer beats one in the body, which beats
 * one whose place is unknown. Equal places keep the current one.
 */
export function betterVia(candidate: LinkVia, current: LinkVia): boolean {
  return viaClass(candidate) > viaClass(current);
}

/** Box of a link in document coordinates (CSS pixels), rounded; null for a link without layout. */
export function roundBox(box: LinkBox | null | undefined): LinkBox | null {
  if (!box) return null;
  const values = [box.x, box.y, box.width, box.height];
  if (!values.every((v) => typeof v === 'number' && Number.isFinite(v))) return null;
  if (box.width <= 0 || box.height <= 0) return null;
  return {
    x: Math.round(box.x),
    y: Math.round(box.y),
    width: Math.round(box.width),
    height: Math.round(box.height),
  };
}

/**
 * The same placement inside a rendered page: a function (as JavaScript source) from an element to
 * its link region, with the landmark tables of src/common/landmarks.ts. Ancestors' states are
 * remembered, so the links of one menu share the walk up their common ancestors. Plain JavaScript
 * in a string, like the visibility annotation: a function literal would carry the TypeScript
 * loader's helpers into the page.
 */
export const LINK_REGION_FUNCTION = `(() => {
  const TAGS = ${JSON.stringify(LANDMARK_TAGS)};
  const ROLES = ${JSON.stringify(LANDMARK_ROLES)};
  const WORDS = ${JSON.stringify(LANDMARK_CLASS_WORDS)};
  const OVERLAYS = new Set(${JSON.stringify(OVERLAY_LANDMARKS)});
  const CHROME = new Set(['header', 'nav', 'footer']);
  const own = (table, key) => Object.prototype.hasOwnProperty.call(table, key) ? table[key] : null;
  const classWord = (names) => {
    for (const token of names.toLowerCase().split(/\\s+/)) {
      if (token === '') continue;
      const direct = own(WORDS, token);
      if (direct) return direct;
      const parts = token.split(/[-_]+/).filter((p) => p !== '');
      if (parts.length < 2) continue;
      const found = own(WORDS, parts[0]) || own(WORDS, parts[parts.length - 1]);
      if (found) return found;
    }
    return null;
  };
  const OUTSIDE = { region: null, semantic: false };
  const states = new Map();
  const stateOf = (el) => {
    const chain = [];
    let node = el;
    while (node && node.nodeType === 1 && !states.has(node)) { chain.push(node); node = node.parentElement; }
    let state = node && states.has(node) ? states.get(node) : OUTSIDE;
    for (let i = chain.length - 1; i >= 0; i--) {
      const element = chain[i];
      const name = element.localName;
      if (name !== 'html' && name !== 'body') {
        const role = (element.getAttribute('role') || '').trim().toLowerCase();
        const semantic = (role && own(ROLES, role)) || own(TAGS, name);
        if (semantic) state = { region: semantic, semantic: true };
        else {
          const cls = typeof element.className === 'string' ? element.className : (element.getAttribute('class') || '');
          const byClass = classWord(cls + ' ' + (element.id || ''));
          if (byClass && (!state.semantic || OVERLAYS.has(byClass))) state = { region: byClass, semantic: state.semantic };
        }
      }
      states.set(element, state);
    }
    return state;
  };
  return (el) => {
    const region = stateOf(el).region;
    return region !== null && CHROME.has(region) ? region : 'body';
  };
})()`;
