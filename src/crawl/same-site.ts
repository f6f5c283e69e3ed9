import { getDomain } from 'tldts';
import { ipLiteral } from './address-guard.js';

/**
 * The site a URL belongs to: its registrable domain (shop.nl for www.shop.nl and
 * klantenservice.shop.nl), or the bare host for IP addresses and single-label names.
 */
export function siteOf(url: string): string | null {
  let hostname: string;
  try {
    hostname = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  if (ipLiteral(hostname)) return hostname;
  return getDomain(hostname, { allowPrivateDomains: true }) ?? hostname;
}

export function isSameSite(url: string, site: string): boolean {
  return siteOf(url) === site;
}
