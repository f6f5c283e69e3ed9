import type { EvidencePage } from '../evidence/types.js';

/** One click on the way from the home page: the link's text and the page it led to. */
export interface ClickStep {
  text: string;
  url: string;
}

/**
 * The chain of links from the home page to a page, following each page's `via`.
 * [] for the home page itself; null when the page was not reached by links (sitemap, well-known path)
 * or the chain breaks.
 */
export function clickPath(pages: EvidencePage[], pageId: string): ClickStep[] | null {
  const byUrl = new Map<string, EvidencePage>();
  for (const p of pages) {
    if (!byUrl.has(p.finalUrl)) byUrl.set(p.finalUrl, p);
    if (!byUrl.has(p.url)) byUrl.set(p.url, p);
  }
  let page = pages.find((p) => p.id === pageId);
  if (!page || page.depth === null) return null;
  const steps: ClickStep[] = [];
  const seen = new Set<string>();
  while (page.via) {
    if (seen.has(page.id)) return null;
    seen.add(page.id);
    steps.unshift({ text: page.via.text, url: page.finalUrl });
    const from = byUrl.get(page.via.fromUrl);
    if (!from) return null;
    page = from;
  }
  return page.depth === 0 ? steps : null;
}
