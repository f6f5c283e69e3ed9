import type { DomElement } from './dom.js';
import type { Region } from './types.js';

const TAG_REGIONS: Record<string, Region> = {
  header: 'header',
  nav: 'nav',
  footer: 'footer',
  main: 'main',
  aside: 'aside',
  dialog: 'dialog',
};

const ROLE_REGIONS: Record<string, Region> = {
  banner: 'header',
  navigation: 'nav',
  contentinfo: 'footer',
  main: 'main',
  complementary: 'aside',
  dialog: 'dialog',
  alertdialog: 'dialog',
};

/** Words in class or id tokens that name a region. Checked as a token, its first or its last part. */
const CLASS_WORDS: Record<string, Region> = {
  header: 'header',
  masthead: 'header',
  topbar: 'header',
  banner: 'header',
  nav: 'nav',
  navbar: 'nav',
  navigation: 'nav',
  menu: 'nav',
  mainmenu: 'nav',
  footer: 'footer',
  colophon: 'footer',
  sidebar: 'aside',
  aside: 'aside',
  modal: 'dialog',
  dialog: 'dialog',
  popup: 'dialog',
  lightbox: 'dialog',
  flyout: 'dialog',
  chat: 'chat-widget',
  livechat: 'chat-widget',
};

/** Regions a class word may set even inside a semantic landmark: overlays sit on top of everything. */
const OVERLAY_REGIONS = new Set<Region>(['dialog', 'chat-widget']);

/** The landmark an element opens by its tag or ARIA role, if any. */
export function semanticRegion(el: DomElement): Region | null {
  const role = el.attribs.role?.trim().toLowerCase();
  if (role && ROLE_REGIONS[role]) return ROLE_REGIONS[role];
  return TAG_REGIONS[el.name] ?? null;
}

/** The region suggested by class and id words, if any. */
export function classRegion(el: DomElement): Region | null {
  const names = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`.toLowerCase();
  if (names.trim() === '') return null;
  for (const token of names.split(/\s+/)) {
    if (token === '') continue;
    const direct = CLASS_WORDS[token];
    if (direct) return direct;
    const parts = token.split(/[-_]+/).filter((p) => p !== '');
    if (parts.length < 2) continue;
    const first = CLASS_WORDS[parts[0]];
    if (first) return first;
    const last = CLASS_WORDS[parts[parts.length - 1]];
    if (last) return last;
  }
  return null;
}

export interface RegionState {
  region: Region;
  /** true once a tag or role landmark encloses the node. */
  semantic: boolean;
}

/**
 * The region of an element given its parent's. The nearest tag/role landmark wins over class words
 * (`class="footer--phone-link"` inside `<header>` stays header); class words only decide where no
 * landmark encloses the element, except overlays (modal, chat) which always count.
 */
export function nextRegion(el: DomElement, parent: RegionState): RegionState {
  const semantic = semanticRegion(el);
  if (semantic) return { region: semantic, semantic: true };
  const byClass = classRegion(el);
  if (byClass && (!parent.semantic || OVERLAY_REGIONS.has(byClass))) {
    return { region: byClass, semantic: parent.semantic };
  }
  return parent;
}
