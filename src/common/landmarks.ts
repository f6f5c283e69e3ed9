/**
 * Where on a page an element sits, from the document's structure: HTML landmarks, ARIA roles and
 * the class and id words themes use for them. The crawl places links with it (src/crawl/discovery/link-region.ts);
 * src/extract/region.ts places sightings by the same tables.
 */
export type Landmark = 'header' | 'nav' | 'footer' | 'main' | 'aside' | 'dialog' | 'chat-widget';

export const LANDMARK_TAGS: Readonly<Record<string, Landmark>> = {
  header: 'header',
  nav: 'nav',
  footer: 'footer',
  main: 'main',
  aside: 'aside',
  dialog: 'dialog',
};

export const LANDMARK_ROLES: Readonly<Record<string, Landmark>> = {
  banner: 'header',
  navigation: 'nav',
  contentinfo: 'footer',
  main: 'main',
  complementary: 'aside',
  dialog: 'dialog',
  alertdialog: 'dialog',
};

/** Words in class or id tokens that name a region; checked as a token, its first or its last part. */
export const LANDMARK_CLASS_WORDS: Readonly<Record<string, Landmark>> = {
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

/** Regions a class word may set even inside a tag or role landmark: overlays sit on top of everything. */
export const OVERLAY_LANDMARKS: readonly Landmark[] = ['dialog', 'chat-widget'];

export interface LandmarkState {
  /** null outside every landmark. */
  region: Landmark | null;
  /** true once a tag or role landmark encloses the element. */
  semantic: boolean;
}

export const OUTSIDE_LANDMARKS: LandmarkState = { region: null, semantic: false };

/** The landmark an element opens by its ARIA role, else its tag. */
function semanticLandmark(name: string, attribs: Record<string, string>): Landmark | null {
  const role = attribs.role?.trim().toLowerCase();
  if (role && Object.hasOwn(LANDMARK_ROLES, role)) return LANDMARK_ROLES[role];
  return Object.hasOwn(LANDMARK_TAGS, name) ? LANDMARK_TAGS[name] : null;
}

/** Pages repeat the same class lists thousands of times; remember what each one means. */
const classCache = new Map<string, Landmark | null>();
const CLASS_CACHE_LIMIT = 20_000;

function classLandmark(attribs: Record<string, string>): Landmark | null {
  const names = `${attribs.class ?? ''} ${attribs.id ?? ''}`;
  if (names === ' ') return null;
  const cached = classCache.get(names);
  if (cached !== undefined) return cached;
  const found = landmarkOfNames(names.toLowerCase());
  if (classCache.size >= CLASS_CACHE_LIMIT) classCache.clear();
  classCache.set(names, found);
  return found;
}

const word = (token: string): Landmark | null =>
  Object.hasOwn(LANDMARK_CLASS_WORDS, token) ? LANDMARK_CLASS_WORDS[token] : null;

function landmarkOfNames(names: string): Landmark | null {
  for (const token of names.split(/\s+/)) {
    if (token === '') continue;
    const direct = word(token);
    if (direct) return direct;
    const parts = token.split(/[-_]+/).filter((p) => p !== '');
    if (parts.length < 2) continue;
    const found = word(parts[0]) ?? word(parts[parts.length - 1]);
    if (found) return found;
  }
  return null;
}

/**
 * The landmark state of an element given its parent's. The nearest tag or role landmark wins over
 * class words (`class="footer-link"` inside `<header>` stays header); class words decide only
 * where no such landmark encloses the element, except overlays (modal, chat), which always count.
 */
export function nextLandmark(
  name: string,
  attribs: Record<string, string>,
  parent: LandmarkState,
): LandmarkState {
  const semantic = semanticLandmark(name, attribs);
  if (semantic) return { region: semantic, semantic: true };
  const byClass = classLandmark(attribs);
  if (byClass && (!parent.semantic || OVERLAY_LANDMARKS.includes(byClass))) {
    return { region: byClass, semantic: parent.semantic };
  }
  return parent;
}
