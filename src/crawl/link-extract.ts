import * as cheerio from 'cheerio';

export interface FoundLink {
  /** Absolute http(s) URL without fragment. */
  url: string;
  /** The visible label: text, else aria-label, title or image alt. */
  text: string;
}

/** Enough for any real navigation; a page with more links is a trap or a sitemap page. */
const MAX_LINKS_PER_PAGE = 2000;

/**
 * The links of a page a visitor could follow. With `visibleOnly` (rendered pages) links the
 * browser marked `data-sr-hidden` are left out. Same-page fragments and non-http(s) schemes
 * (mailto:, tel:, javascript:) are dropped.
 */
export function extractLinks(html: string, pageUrl: string, visibleOnly: boolean): FoundLink[] {
  const $ = cheerio.load(html);
  const base = resolveBase($('base[href]').first().attr('href'), pageUrl);
  const page = withoutHash(pageUrl);
  const links: FoundLink[] = [];
  for (const element of $('a[href], area[href]').toArray()) {
    if (links.length >= MAX_LINKS_PER_PAGE) break;
    const anchor = $(element);
    if (visibleOnly && anchor.closest('[data-sr-hidden]').length > 0) continue;
    const href = anchor.attr('href')?.trim();
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
    links.push({ url: url.href, text: labelOf(anchor) });
  }
  return links;
}

/** The little of a cheerio selection the label needs (keeps domhandler's types out of this file). */
interface AnchorLike {
  text(): string;
  attr(name: string): string | undefined;
  find(selector: string): { first(): { attr(name: string): string | undefined } };
}

function labelOf(anchor: AnchorLike): string {
  const text = anchor.text().replace(/\s+/g, ' ').trim();
  if (text) return text;
  const fallback =
    anchor.attr('aria-label') ?? anchor.attr('title') ?? anchor.find('img[alt]').first().attr('alt') ?? '';
  return fallback.replace(/\s+/g, ' ').trim();
}

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
