import { loadVocabulary } from '../../common/vocabulary.js';
import { siteOf } from './same-site.js';

interface HelpdeskHosts {
  suffixes: string[];
}

/** Which URLs belong to the shop being crawled. */
export interface ShopScope {
  /** Whether a link found on `fromUrl` leads to a page of the shop. */
  follows(linkUrl: string, fromUrl: string): boolean;
  /** Whether a fetched page (by its final URL) is part of the shop, so its links are followed too. */
  contains(url: string): boolean;
}

export function loadHelpdeskSuffixes(): string[] {
  return loadVocabulary<HelpdeskHosts>('crawl-helpdesk-hosts').suffixes.map((s) => s.toLowerCase());
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

export function isHelpdeskHost(hostname: string, suffixes: string[]): boolean {
  return suffixes.some((suffix) => hostname === suffix || hostname.endsWith(`.${suffix}`));
}

/**
 * The shop is every host of its registrable domains: the one it was listed under and the one its
 * home page redirected to (http→https, apex↔www, shop.nl → shop.com), subdomains included
 * (klantenservice.shop.nl). A help-desk host (shop.zendesk.com) belongs to it when a page of the
 * shop links to it; links between pages of that help-desk host are followed too.
 */
export function createShopScope(
  listedUrl: string,
  homeFinalUrl: string,
  helpdeskSuffixes: string[] = loadHelpdeskSuffixes(),
): ShopScope {
  const sites = new Set([siteOf(listedUrl), siteOf(homeFinalUrl)].filter((s): s is string => s !== null));
  const ownSite = (url: string) => {
    const site = siteOf(url);
    return site !== null && sites.has(site);
  };
  return {
    follows(linkUrl, fromUrl) {
      if (ownSite(linkUrl)) return true;
      const host = hostOf(linkUrl);
      if (!host || !isHelpdeskHost(host, helpdeskSuffixes)) return false;
      return ownSite(fromUrl) || hostOf(fromUrl) === host;
    },
    // Only links the scope followed are fetched, so a help-desk page fetched was reached from the
    // shop (by a link or by a redirect of one of its pages).
    contains(url) {
      if (ownSite(url)) return true;
      const host = hostOf(url);
      return host !== null && isHelpdeskHost(host, helpdeskSuffixes);
    },
  };
}
