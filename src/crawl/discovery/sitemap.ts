import { gunzipSync } from 'node:zlib';

export interface ParsedSitemap {
  /** Page URLs (`<urlset><url><loc>`). */
  pages: string[];
  /** Child sitemaps (`<sitemapindex><sitemap><loc>`). */
  sitemaps: string[];
}

const LOC = /<loc>\s*(?:<!\[CDATA\[)?\s*([^<\]\s]+)\s*(?:\]\]>)?\s*<\/loc>/gi;

/** Reads the <loc> entries of a sitemap or sitemap index; tolerant of namespaces and CDATA. */
export function parseSitemap(xml: string): ParsedSitemap {
  const isIndex = /<sitemapindex[\s>]/i.test(xml);
  const locs = [...xml.matchAll(LOC)].map((m) => decodeXmlEntities(m[1]));
  return isIndex ? { pages: [], sitemaps: locs } : { pages: locs, sitemaps: [] };
}

function decodeXmlEntities(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}

/**
 * The text of a fetched sitemap: a `.xml.gz` served as a file (not as Content-Encoding) is
 * gunzipped here, with the same output limit as any page, so a bomb ends as null.
 */
export function sitemapText(bytes: Buffer, body: string, maxBytes: number): string | null {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return body;
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes }).toString('utf8');
  } catch {
    return null;
  }
}
