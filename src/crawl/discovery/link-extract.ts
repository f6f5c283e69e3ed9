import { Parser } from 'htmlparser2';
import { HTML_PARSER_OPTIONS } from '../../common/html-tokenizer.js';
import type { LandmarkState } from '../../common/landmarks.js';
import type { LinkBox } from '../types.js';
import { type LinkRegion, linkRegionOf, nextLinkLandmark } from './link-region.js';

export interface FoundLink {
  /** Absolute http(s) URL without fragment. */
  url: string;
  /** The visible label: text, else aria-label, title or image alt. */
  text: string;
  /** Where the link sat on its page (src/crawl/discovery/link-region.ts): header, nav or footer; absent for the body. */
  region?: LinkRegion;
  /** Browser mode: the link's box in document coordinates. */
  box?: LinkBox;
}

/** A link as found on the page, before resolving: its href and its label (text, else aria-label, title or image alt). */
export interface RawLink {
  href: string;
  text: string;
  region?: LinkRegion;
  box?: LinkBox;
}

/** Enough for any real navigation; a page with more links is a trap or a sitemap page. */
const MAX_LINKS_PER_PAGE = 2000;

/**
 * Elements whose content a browser with scripting on does not render as markup (the HTML parser
 * reads it as raw text), so links written inside them are not links a visitor could follow.
 */
const RAW_TEXT = new Set(['noscript', 'iframe', 'noembed', 'noframes', 'xmp', 'textarea', 'title']);

/** A link being read: its label parts arrive as the parser streams through the anchor. */
interface OpenLink {
  href: string;
  text: string;
  ariaLabel: string | undefined;
  title: string | undefined;
  imgAlt: string | undefined;
  region: LinkRegion;
}

/** What the parser's open-element stack needs to know about each element. */
interface OpenElement {
  hidden: boolean;
  raw: boolean;
  link: OpenLink | null;
  /** The landmark the element is in, for the region of the links inside it. */
  landmark?: LandmarkState;
}

/**
 * The links of a page a visitor could follow. With `visibleOnly` (rendered pages) links the
 * browser marked `data-sr-hidden` are left out. Same-page fragments and non-http(s) schemes
 * (mailto:, tel:, javascript:) are dropped.
 *
 * One streaming pass of htmlparser2's tokenizer, no DOM: link discovery runs on every fetched page,
 * and building a tree only to walk its anchors cost more than the rest of the crawl.
 */
export function extractLinks(html: string, pageUrl: string, visibleOnly: boolean): FoundLink[] {
  const collector = new LinkCollector(visibleOnly);
  const stack: OpenElement[] = [];
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const parent = stack[stack.length - 1];
        stack.push(collector.enter(name, attribs, parent?.hidden ?? false, parent?.raw ?? false));
      },
      ontext(text) {
        if (!stack[stack.length - 1]?.raw) collector.text(text);
      },
      onclosetag() {
        collector.leave(stack.pop());
      },
    },
    HTML_PARSER_OPTIONS,
  );
  parser.end(html);
  return collector.links(pageUrl);
}

/** What both link readers do at an element, a text and an element's end: one set of rules. */
class LinkCollector {
  private readonly found: OpenLink[] = [];
  private readonly openLinks: OpenLink[] = [];
  /** The landmark state of each open element (the walkers enter and leave elements in pairs). */
  private readonly landmarks: LandmarkState[] = [];
  private baseHref: string | undefined;

  constructor(private readonly visibleOnly: boolean) {}

  enter(
    name: string,
    attribs: Record<string, string>,
    parentHidden: boolean,
    parentRaw: boolean,
  ): OpenElement {
    const hidden = parentHidden || (this.visibleOnly && attribs['data-sr-hidden'] !== undefined);
    const raw = parentRaw || RAW_TEXT.has(name);
    const landmark = nextLinkLandmark(name, attribs, this.landmarks[this.landmarks.length - 1]);
    this.landmarks.push(landmark);
    if (name === 'base' && this.baseHref === undefined && attribs.href !== undefined)
      this.baseHref = attribs.href;
    let link: OpenLink | null = null;
    if (!raw && (name === 'a' || name === 'area') && attribs.href !== undefined) {
      link = {
        href: attribs.href,
        text: '',
        ariaLabel: attribs['aria-label'],
        title: attribs.title,
        imgAlt: undefined,
        region: linkRegionOf(landmark.region),
      };
      if (!hidden) this.found.push(link);
      this.openLinks.push(link);
    }
    if (name === 'img' && attribs.alt !== undefined)
      for (const open of this.openLinks) open.imgAlt ??= attribs.alt;
    return { hidden, raw, link, landmark };
  }

  /** Text outside raw-text elements: part of the label of every link it is inside. */
  text(text: string): void {
    for (const open of this.openLinks) open.text += text;
  }

  leave(element: OpenElement | undefined): void {
    if (element?.landmark) this.landmarks.pop();
    if (element?.link) this.openLinks.splice(this.openLinks.lastIndexOf(element.link), 1);
  }

  links(pageUrl: string): FoundLink[] {
    return resolveLinks(
      this.found.map((link) => ({ href: link.href, text: labelOf(link), region: link.region })),
      resolveBase(this.baseHref, pageUrl),
      pageUrl,
    );
  }
}

/**
 * Absolute http(s) URLs without fragment, resolved against `base`; links back to the page itself
 * and other schemes (mailto:, tel:, javascript:) dropped; at most MAX_LINKS_PER_PAGE.
 */
export function resolveLinks(raw: RawLink[], base: string, pageUrl: string): FoundLink[] {
  const page = withoutHash(pageUrl);
  const links: FoundLink[] = [];
  // Menus, logos and footers repeat the same hrefs: each is resolved once.
  const resolved = new Map<string, string | null>();
  for (const link of raw) {
    if (links.length >= MAX_LINKS_PER_PAGE) break;
    const href = link.href.trim();
    if (!href) continue;
    let url = resolved.get(href);
    if (url === undefined) {
      url = followable(href, base);
      resolved.set(href, url);
    }
    if (url === null || url === page) continue;
    const found: FoundLink = { url, text: squash(link.text) };
    if (link.region && link.region !== 'body') found.region = link.region;
    if (link.box) found.box = link.box;
    links.push(found);
  }
  return links;
}

/** The absolute http(s) URL an href leads to, without its fragment; null for anything else. */
function followable(href: string, base: string): string | null {
  let url: URL;
  try {
    // An absolute http(s) href does not depend on the base: parsing it alone saves parsing the base.
    url = href.startsWith('https://') || href.startsWith('http://') ? new URL(href) : new URL(href, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // A serialised URL has no '#' before its fragment, so cutting there equals clearing the hash.
  const full = url.href;
  const fragment = full.indexOf('#');
  return fragment === -1 ? full : full.slice(0, fragment);
}

/** The slice of an htmlparser2 DOM node that link reading needs (the extract stage's parse). */
export interface LinkDomNode {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: LinkDomNode[];
  data?: string;
}

const isTag = (node: LinkDomNode): boolean =>
  (node.type === 'tag' || node.type === 'script' || node.type === 'style') && typeof node.name === 'string';

/** A node still to walk, or (with `leave`) the end of an element already entered. */
interface WalkEntry {
  node: LinkDomNode;
  hidden: boolean;
  raw: boolean;
  leave: OpenElement | null;
}

/**
 * extractLinks over a document htmlparser2 has already parsed (with entities decoded): the same
 * links, labels and order, without a second pass over the HTML. The extraction threads parse
 * every page anyway; they hand the crawl its links from that one parse.
 */
export function linksInDocument(root: LinkDomNode, pageUrl: string, visibleOnly: boolean): FoundLink[] {
  const collector = new LinkCollector(visibleOnly);
  // Depth first with an explicit stack, not recursion: a hostile page may nest elements deeper
  // than the call stack goes. An entry with `leave` closes the element it carries.
  const stack: WalkEntry[] = [{ node: root, hidden: false, raw: false, leave: null }];
  while (stack.length > 0) {
    const { node, hidden, raw, leave } = stack.pop() as WalkEntry;
    if (leave) {
      collector.leave(leave);
      continue;
    }
    if (node.type === 'text') {
      if (!raw && node.data) collector.text(node.data);
      continue;
    }
    let childHidden = hidden;
    let childRaw = raw;
    if (isTag(node)) {
      const element = collector.enter(node.name as string, node.attribs ?? {}, hidden, raw);
      stack.push({ node, hidden, raw, leave: element });
      childHidden = element.hidden;
      childRaw = element.raw;
    }
    const children = node.children;
    if (!children) continue;
    for (let i = children.length - 1; i >= 0; i--)
      stack.push({ node: children[i], hidden: childHidden, raw: childRaw, leave: null });
  }
  return collector.links(pageUrl);
}

function labelOf(link: OpenLink): string {
  const text = squash(link.text);
  if (text) return text;
  return squash(link.ariaLabel ?? link.title ?? link.imgAlt ?? '');
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

function resolveBase(baseHref: string | undefined, pageUrl: string): string {
  if (!baseHref) return pageUrl;
  try {
    return new URL(baseHref, pageUrl).href;
  } catch {
    return pageUrl;
  }
}

function withoutHash(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url;
  }
}
