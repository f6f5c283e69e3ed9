import { getDomain } from 'tldts';
import { ipLiteral } from '../address-guard.js';

/**
 * The site a URL belongs to: its registrable domain (shop.nl for www.shop.nl and
 * klantenservice.shop.nl), or the bare host for IP addresses and single-label names.
 */
export function siteOf(url: string): string | null {
  // The crawl asks for every link of every page; the answer depends only on the part before the path.
  const authority = authorityOf(url);
  const known = authority === null ? undefined : siteByAuthority.get(authority);
  if (known !== undefined) return known;
  let hostname: string;
  try {
    hostname = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  const site = ipLiteral(hostname)
    ? hostname
    : (getDomain(hostname, { allowPrivateDomains: true }) ?? hostname);
  if (authority !== null) {
    if (siteByAuthority.size >= SITE_CACHE_LIMIT) siteByAuthority.clear();
    siteByAuthority.set(authority, site);
  }
  return site;
}

const siteByAuthority = new Map<string, string>();
const SITE_CACHE_LIMIT = 10_000;

/** `scheme://authority` of an absolute http(s) URL as written, or null for anything else. */
function authorityOf(url: string): string | null {
  const start = url.startsWith('https://') ? 8 : url.startsWith('http://') ? 7 : -1;
  if (start === -1) return null;
  const end = url.slice(start).search(/[/?#\\]/);
  return end === -1 ? url : url.slice(0, start + end);
}

export function isSameSite(url: string, site: string): boolean {
  return siteOf(url) === site;
}
