import { loadVocabulary } from '../../common/vocabulary.js';

interface ShopSystem {
  signs: string[];
  paths: string[];
}

/** rules/vocabulary/well-known-paths.yaml */
export interface WellKnownPaths {
  maxTries: number;
  reservePages: number;
  systems: Record<string, ShopSystem>;
  paths: string[];
}

export function loadWellKnownPaths(): WellKnownPaths {
  return loadVocabulary<WellKnownPaths>('well-known-paths');
}

/**
 * The shop systems the home page's links point to, most signs first: each sign is a piece of path
 * or query a system's links carry (/collections/ for Shopify, /product-category/ for WooCommerce …).
 */
export function recogniseSystems(linkUrls: readonly string[], vocabulary: WellKnownPaths): string[] {
  const addresses = linkUrls.map(pathAndQuery);
  const counts: Array<[string, number]> = [];
  for (const [name, system] of Object.entries(vocabulary.systems)) {
    const signs = system.signs.map((sign) => sign.toLowerCase());
    const seen = signs.filter((sign) => addresses.some((address) => address.includes(sign))).length;
    if (seen > 0) counts.push([name, seen]);
  }
  return counts.sort((a, b) => b[1] - a[1]).map(([name]) => name);
}

/** The paths to try, in order: those of the systems recognised, then those of every shop; each once. */
export function wellKnownPathsFor(systems: readonly string[], vocabulary: WellKnownPaths): string[] {
  const ordered = [...systems.flatMap((name) => vocabulary.systems[name]?.paths ?? []), ...vocabulary.paths];
  return [...new Set(ordered)];
}

function pathAndQuery(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}${parsed.pathname}${parsed.search}`.toLowerCase();
  } catch {
    return url.toLowerCase();
  }
}
