import { Parser } from 'htmlparser2';
import { isStylesheetLink } from '../../common/stylesheet-link.js';
import { failureFromNodeError } from '../crawl-failure.js';
import { siteOf } from '../discovery/same-site.js';
import type { HostScheduler } from '../host-scheduler.js';
import type { CrawlError, CrawlOptions, FetchedStylesheet } from '../types.js';
import { fetchStatic } from './static-fetch.js';

/** Stylesheets fetched per shop; the rest of a shop's sheets are unread ("limit"). */
export const MAX_STYLESHEETS_PER_SHOP = 8;
/** Bytes of one stylesheet; a longer one is unread ("too-large"). */
export const MAX_STYLESHEET_BYTES = 1_000_000;
/** Bytes of all of a shop's stylesheets together. */
export const MAX_STYLESHEET_BYTES_PER_SHOP = 3_000_000;
/** `<link>` tags read per page, and how far into one a tag may run. */
const MAX_LINK_TAGS = 200;
const MAX_TAG_BYTES = 2_048;

export interface StylesheetDeps {
  options: CrawlOptions;
  scheduler: HostScheduler;
  signal: AbortSignal;
  hostDelayMs: (host: string) => number;
  /** robots.txt's answer for the URL (recording a refusal is the caller's). */
  robotsAllow: (url: string) => Promise<boolean>;
  /** The shop's site (registrable domain, or the host for an IP address). */
  site: () => string | null;
  recordError: (error: CrawlError) => void;
}

/**
 * A shop's own stylesheets, for static mode to judge visibility with (extraction applies them):
 * fetched through the crawl's guarded static fetcher with the shop's politeness, robots.txt, size
 * and time limits, each URL once per shop. Only sheets on the shop's own site (the same registrable
 * domain) are fetched, and not past a redirect; a sheet that is not fetched comes back with the
 * reason, so extraction knows what it could not read.
 */
export class ShopStylesheets {
  private readonly byUrl = new Map<string, Promise<FetchedStylesheet>>();
  private bytes = 0;
  private attempts = 0;

  constructor(private readonly deps: StylesheetDeps) {}

  /** The page's stylesheets; the body is only scanned here (synchronously), never kept. */
  forPage(body: string | Uint8Array, pageUrl: string): Promise<FetchedStylesheet[]> {
    const urls = stylesheetUrls(body, pageUrl);
    return Promise.all(urls.map((url) => this.sheet(url)));
  }

  private sheet(url: string): Promise<FetchedStylesheet> {
    let known = this.byUrl.get(url);
    if (!known) {
      known = this.fetchSheet(url);
      this.byUrl.set(url, known);
    }
    return known;
  }

  private async fetchSheet(url: string): Promise<FetchedStylesheet> {
    const { deps } = this;
    if (siteOf(url) !== deps.site()) return { url, unread: 'cross-site' };
    if (++this.attempts > MAX_STYLESHEETS_PER_SHOP) return { url, unread: 'limit' };
    if (!(await deps.robotsAllow(url))) return { url, unread: 'robots' };
    const maxBytes = Math.min(deps.options.maxBytes, MAX_STYLESHEET_BYTES);
    try {
      const response = await fetchStatic(url, {
        // Not past a redirect: it could lead to another site.
        options: { ...deps.options, maxRedirects: 0 },
        scheduler: deps.scheduler,
        signal: deps.signal,
        accept: 'text',
        maxBytes,
        hostDelayMs: deps.hostDelayMs,
      });
      if (response.contentType && /^text\/html\b/i.test(response.contentType))
        return { url, unread: 'not-css' };
      if (this.bytes + response.bytes.byteLength > MAX_STYLESHEET_BYTES_PER_SHOP) {
        this.recordCap(url, `the shop's stylesheets passed ${MAX_STYLESHEET_BYTES_PER_SHOP} bytes`);
        return { url, unread: 'limit' };
      }
      this.bytes += response.bytes.byteLength;
      return { url, css: response.body };
    } catch (err) {
      const failure = failureFromNodeError(err);
      if (failure.status === 'too-large') {
        this.recordCap(url, `stylesheet larger than ${maxBytes} bytes`);
        return { url, unread: 'too-large' };
      }
      if (failure.httpStatus === 404 || failure.httpStatus === 410) return { url, unread: 'not-found' };
      return { url, unread: failure.code ? failure.code.toLowerCase() : 'failed' };
    }
  }

  private recordCap(url: string, message: string): void {
    this.deps.recordError({ url, stage: 'fetch', code: 'STYLESHEET_LIMIT', message: `${message}: not read` });
  }
}

/**
 * The stylesheet URLs a page links, in document order, found by a byte search for `<link` (and
 * `<base`) and each tag read by htmlparser2. Cheap, and it never decodes the page: extraction
 * parses the page properly and applies only the links that are real elements.
 */
export function stylesheetUrls(body: string | Uint8Array, pageUrl: string): string[] {
  const buffer =
    typeof body === 'string' ? Buffer.from(body) : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const tags = linkAndBaseTags(buffer);
  const base = baseUrlOf(tags, pageUrl);
  const urls: string[] = [];
  for (const tag of tags) {
    if (tag.name !== 'link' || !isStylesheetLink(tag.attribs)) continue;
    const url = resolve(tag.attribs.href, base);
    if (url && !urls.includes(url)) urls.push(url);
  }
  return urls;
}

interface FoundTag {
  /** Byte offset in the page. */
  at: number;
  name: string;
  attribs: Record<string, string>;
}

const TAG_NEEDLES = ['<link', '<LINK', '<Link', '<base', '<BASE'];

/** The page's `<link>` and `<base>` tags in document order, at most MAX_LINK_TAGS of them. */
function linkAndBaseTags(buffer: Buffer): FoundTag[] {
  const tags: FoundTag[] = [];
  for (const needle of TAG_NEEDLES) {
    for (
      let at = buffer.indexOf(needle);
      at !== -1 && tags.length < MAX_LINK_TAGS;
      at = buffer.indexOf(needle, at + 1)
    ) {
      const end = buffer.indexOf('>', at);
      if (end === -1 || end - at > MAX_TAG_BYTES) continue;
      const tag = readTag(buffer.toString('utf8', at, end + 1));
      if (tag) tags.push({ at, ...tag });
    }
  }
  return tags.sort((a, b) => a.at - b.at);
}

/** What the page's links resolve against: its first `<base href>`, else the page's URL. */
function baseUrlOf(tags: FoundTag[], pageUrl: string): string {
  const baseTag = tags.find((t) => t.name === 'base' && t.attribs.href);
  return baseTag ? (resolve(baseTag.attribs.href, pageUrl) ?? pageUrl) : pageUrl;
}

function readTag(markup: string): { name: string; attribs: Record<string, string> } | null {
  let found: { name: string; attribs: Record<string, string> } | null = null;
  new Parser(
    {
      onopentag(name, attribs) {
        found ??= { name, attribs };
      },
    },
    { decodeEntities: true },
  ).end(markup);
  return found;
}

function resolve(href: string, base: string): string | null {
  try {
    const url = new URL(href.trim(), base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}
