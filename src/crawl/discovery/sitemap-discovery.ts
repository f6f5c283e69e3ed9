import { type LinkWords, rankLink } from './link-rank.js';
import { siteOf } from './same-site.js';
import { parseSitemap, sitemapText } from './sitemap.js';

/** Sitemap files read per shop, index files included. */
const MAX_SITEMAP_FILES = 5;
const MAX_RESULTS = 3;
/** Child sitemaps of products and categories rarely list the contact page; read them last. */
const CATALOGUE_SITEMAP = /product|categor|catalog|artikel|collection|image|video/i;

export interface SitemapFile {
  bytes: Buffer;
  body: string;
}

/**
 * Contact-like page URLs listed in the shop's sitemaps (from robots.txt, else /sitemap.xml),
 * best first. `fetchFile` returns null for a sitemap that could not be read.
 */
export async function contactUrlsFromSitemaps(
  homeUrl: string,
  robotsSitemaps: string[],
  fetchFile: (url: string) => Promise<SitemapFile | null>,
  maxBytes: number,
  words: LinkWords,
): Promise<string[]> {
  const site = siteOf(homeUrl);
  const queue = robotsSitemaps.length > 0 ? [...robotsSitemaps] : [new URL('/sitemap.xml', homeUrl).href];
  const seen = new Set<string>();
  const found = new Map<string, number>();
  let files = 0;
  while (queue.length > 0 && files < MAX_SITEMAP_FILES) {
    const url = queue.shift() as string;
    if (seen.has(url) || siteOf(url) !== site) continue;
    seen.add(url);
    files++;
    const file = await fetchFile(url);
    const text = file ? sitemapText(file.bytes, file.body, maxBytes) : null;
    if (!text) continue;
    const parsed = parseSitemap(text);
    const children = parsed.sitemaps.filter((s) => !seen.has(s));
    queue.push(
      ...children.filter((s) => !CATALOGUE_SITEMAP.test(s)),
      ...children.filter((s) => CATALOGUE_SITEMAP.test(s)),
    );
    for (const page of parsed.pages) addIfContactLike(found, page, site, words);
  }
  return [...found]
    .sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)
    .slice(0, MAX_RESULTS)
    .map(([url]) => url);
}

/** Keeps a listed page of the shop's site that the link vocabulary calls contact-like, with its score. */
function addIfContactLike(
  found: Map<string, number>,
  page: string,
  site: string | null,
  words: LinkWords,
): void {
  let pageUrl: URL;
  try {
    pageUrl = new URL(page);
  } catch {
    return;
  }
  if (siteOf(pageUrl.href) !== site) return;
  const rank = rankLink('', pageUrl, words);
  if (rank.contactLike) found.set(pageUrl.href, rank.score);
}
