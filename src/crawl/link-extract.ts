import { Parser } from 'htmlparser2';

export interface FoundLink {
  /** Absolute http(s) URL without fragment. */
  url: string;
  /** The visible label: text, else aria-label, title or image alt. */
  text: string;
}

/** A link as found on the page, before resolving: its href and its label (text, else aria-label, title or image alt). */
export interface RawLink {
  href: string;
  text: string;
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
}

/** What the parser's open-element stack needs to know about each element. */
interface OpenElement {
  hidden: boolean;
  raw: boolean;
  link: OpenLink | null;
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
  const found: OpenLink[] = [];
  const stack: OpenElement[] = [];
  const openLinks: OpenLink[] = [];
  let baseHref: string | undefined;

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const parent = stack[stack.length - 1];
        const hidden = (parent?.hidden ?? false) || (visibleOnly && attribs['data-sr-hidden'] !== undefined);
        const raw = (parent?.raw ?? false) || RAW_TEXT.has(name);
        let link: OpenLink | null = null;
        if (name === 'base' && baseHref === undefined && attribs.href !== undefined) baseHref = attribs.href;
        if (!raw && (name === 'a' || name === 'area') && attribs.href !== undefined) {
          link = {
            href: attribs.href,
            text: '',
            ariaLabel: attribs['aria-label'],
            title: attribs.title,
            imgAlt: undefined,
          };
          if (!hidden) found.push(link);
          openLinks.push(link);
        }
        if (name === 'img' && attribs.alt !== undefined)
          for (const open of openLinks) open.imgAlt ??= attribs.alt;
        stack.push({ hidden, raw, link });
      },
      ontext(text) {
        if (stack[stack.length - 1]?.raw) return;
        for (const open of openLinks) open.text += text;
      },
      onclosetag() {
        const closed = stack.pop();
        if (closed?.link) openLinks.splice(openLinks.lastIndexOf(closed.link), 1);
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return resolveLinks(
    found.map((link) => ({ href: link.href, text: labelOf(link) })),
    resolveBase(baseHref, pageUrl),
    pageUrl,
  );
}

/**
 * Absolute http(s) URLs without fragment, resolved against `base`; links back to the page itself
 * and other schemes (mailto:, tel:, javascript:) dropped; at most MAX_LINKS_PER_PAGE.
 */
export function resolveLinks(raw: RawLink[], base: string, pageUrl: string): FoundLink[] {
  const page = withoutHash(pageUrl);
  const links: FoundLink[] = [];
  for (const link of raw) {
    if (links.length >= MAX_LINKS_PER_PAGE) break;
    const href = link.href.trim();
    if (!href) continue;
    let url: URL;
    try {
      url = new URL(href, base);
    } catch {
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
    url.hash = '';
    if (url.href === page) continue;
    links.push({ url: url.href, text: squash(link.text) });
  }
  return links;
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

/**
 * extractLinks over a document htmlparser2 has already parsed (with entities decoded): the same
 * links, labels and order, without a second pass over the HTML. The extraction threads parse
 * every page anyway; they hand the crawl its links from that one parse.
 */
export function linksInDocument(root: LinkDomNode, pageUrl: string, visibleOnly: boolean): FoundLink[] {
  const found: OpenLink[] = [];
  const openLinks: OpenLink[] = [];
  let baseHref: string | undefined;
  const walk = (node: LinkDomNode, hidden: boolean, raw: boolean): void => {
    if (node.type === 'text') {
      if (!raw && node.data) for (const open of openLinks) open.text += node.data;
      return;
    }
    if (!isTag(node)) {
      for (const child of node.children ?? []) walk(child, hidden, raw);
      return;
    }
    const name = node.name as string;
    const attribs = node.attribs ?? {};
    const isHidden = hidden || (visibleOnly && attribs['data-sr-hidden'] !== undefined);
    const isRaw = raw || RAW_TEXT.has(name);
    if (name === 'base' && baseHref === undefined && attribs.href !== undefined) baseHref = attribs.href;
    let link: OpenLink | null = null;
    if (!isRaw && (name === 'a' || name === 'area') && attribs.href !== undefined) {
      link = {
        href: attribs.href,
        text: '',
        ariaLabel: attribs['aria-label'],
        title: attribs.title,
        imgAlt: undefined,
      };
      if (!isHidden) found.push(link);
      openLinks.push(link);
    }
    if (name === 'img' && attribs.alt !== undefined)
      for (const open of openLinks) open.imgAlt ??= attribs.alt;
    for (const child of node.children ?? []) walk(child, isHidden, isRaw);
    if (link) openLinks.splice(openLinks.lastIndexOf(link), 1);
  };
  walk(root, false, false);
  return resolveLinks(
    found.map((link) => ({ href: link.href, text: labelOf(link) })),
    resolveBase(baseHref, pageUrl),
    pageUrl,
  );
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
