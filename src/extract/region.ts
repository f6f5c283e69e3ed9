import type { DomElement } from './dom.js';
import type { Region } from './types.js';

const TAG_REGIONS = new Map<string, Region>(
  Object.entries({
    header: 'header',
    nav: 'nav',
    footer: 'footer',
    main: 'main',
    aside: 'aside',
    dialog: 'dialog',
  }) as Array<[string, Region]>,
);

const ROLE_REGIONS = new Map<string, Region>(
  Object.entries({
    banner: 'header',
    navigation: 'nav',
    contentinfo: 'footer',
    main: 'main',
    complementary: 'aside',
    dialog: 'dialog',
    alertdialog: 'dialog',
  }) as Array<[string, Region]>,
);

/** Words in class or id tokens that name a region. Checked as a token, its first or its last part. */
const CLASS_WORDS = new Map<string, Region>(
  Object.entries({
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
  }) as Array<[string, Region]>,
);

/** Regions a class word may set even inside a semantic landmark: overlays sit on top of everything. */
const OVERLAY_REGIONS = new Set<Region>(['dialog', 'chat-widget']);

/** The landmark an element opens by its tag or ARIA role, if any. */
export function semanticRegion(el: DomElement): Region | null {
  const role = el.attribs.role?.trim().toLowerCase();
  const byRole = role ? ROLE_REGIONS.get(role) : undefined;
  if (byRole) return byRole;
  return TAG_REGIONS.get(el.name) ?? null;
}

/** Pages repeat the same class lists thousands of times; remember what each one means. */
const classRegionCache = new Map<string, Region | null>();
const CLASS_CACHE_LIMIT = 20_000;

/** The region suggested by class and id words, if any. */
export function classRegion(el: DomElement): Region | null {
  const names = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
  if (names === ' ') return null;
  const cached = classRegionCache.get(names);
  if (cached !== undefined) return cached;
  const region = regionOfNames(names.toLowerCase());
  if (classRegionCache.size >= CLASS_CACHE_LIMIT) classRegionCache.clear();
  classRegionCache.set(names, region);
  return region;
}

function regionOfNames(names: string): Region | null {
  for (const token of names.split(/\s+/)) {
    if (token === '') continue;
    const direct = CLASS_WORDS.get(token);
    if (direct) return direct;
    const parts = token.split(/[-_]+/).filter((p) => p !== '');
    if (parts.length < 2) continue;
    const first = CLASS_WORDS.get(parts[0]);
    if (first) return first;
    const last = CLASS_WORDS.get(parts[parts.length - 1]);
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
