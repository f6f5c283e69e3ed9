import type { CDPSession, Page } from 'playwright';
import { ANNOTATE_FUNCTION } from './browser-annotate.js';
import type { RawLink } from './link-extract.js';
import { LINK_REGION_FUNCTION, roundBox } from './link-region.js';
import { REVEAL_CONTROLS, REVEAL_LABEL } from './reveal.js';
import { LINK_REGIONS, type LinkRegion } from './types.js';

export interface RenderedRead {
  /** The annotated document, serialised the way `page.content()` does. */
  html: string;
  /** Whether some control's text says it reveals a phone number or e-mail address. */
  revealable: boolean;
  /**
   * The links not marked hidden, resolved by the page itself, with the label extractLinks would
   * give, the region it would give (header, nav, footer, body) and the link's box on the page.
   */
  links: RawLink[];
}

/**
 * One round trip per page: annotate visibility, collect the visible links, look for "show number"
 * controls and serialise.
 * Playwright's `page.content()` and a locator count would each install its injected helper script
 * in the page first, which costs the renderer more than the work itself; only pages that do have
 * a reveal control pay for Playwright's locators.
 */
const READ_SCRIPT = `(() => {
  (${ANNOTATE_FUNCTION})();
  const label = new RegExp(${JSON.stringify(REVEAL_LABEL.source)}, 'i');
  let revealable = false;
  for (const el of document.querySelectorAll(${JSON.stringify(REVEAL_CONTROLS)})) {
    if (label.test((el.textContent || '').replace(/\\s+/g, ' '))) { revealable = true; break; }
  }
  const regionOf = ${LINK_REGION_FUNCTION};
  const scrollX = window.scrollX || 0;
  const scrollY = window.scrollY || 0;
  const links = [];
  for (const a of document.querySelectorAll('a[href], area[href]')) {
    if (links.length >= 4000) break;
    if (a.closest('[data-sr-hidden]')) continue;
    const href = typeof a.href === 'string' ? a.href : a.getAttribute('href');
    let text = (a.textContent || '').replace(/\\s+/g, ' ').trim();
    if (!text) {
      const img = a.querySelector('img[alt]');
      text = a.getAttribute('aria-label') ?? a.getAttribute('title') ?? (img ? img.getAttribute('alt') : null) ?? '';
    }
    // A page's own scripts may have replaced what these call: a link is then placed in the body, unboxed.
    let region = 'body';
    let box = null;
    try {
      region = regionOf(a);
      const rect = a.getBoundingClientRect();
      box = { x: rect.left + scrollX, y: rect.top + scrollY, width: rect.width, height: rect.height };
    } catch {}
    links.push({ href, text, region, box });
  }
  let html = '';
  if (document.doctype) html = new XMLSerializer().serializeToString(document.doctype);
  if (document.documentElement) html += document.documentElement.outerHTML;
  return { html, revealable, links: JSON.stringify(links) };
})()`;

/**
 * Reads the page in one round trip. With a DevTools session the script runs through
 * `Runtime.evaluate` and its value comes back as JSON: Playwright's `evaluate` first installs its
 * own helper script in every new document (a renderer compiles it for each page) and converts the
 * returned value field by field. The links cross as one JSON string either way.
 */
export async function readRenderedPage(page: Page, cdp?: CDPSession | null): Promise<RenderedRead> {
  const read = cdp ? await evaluateOverCdp(cdp) : ((await page.evaluate(READ_SCRIPT)) as ReadValue);
  const links = (JSON.parse(read.links) as RawLink[]).map((link) => {
    const box = roundBox(link.box);
    const region = LINK_REGIONS.includes(link.region as LinkRegion) ? link.region : 'body';
    const placed: RawLink = { href: link.href, text: link.text, region };
    if (box) placed.box = box;
    return placed;
  });
  return { html: read.html, revealable: read.revealable, links };
}

interface ReadValue {
  html: string;
  revealable: boolean;
  links: string;
}

async function evaluateOverCdp(cdp: CDPSession): Promise<ReadValue> {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression: READ_SCRIPT,
    returnByValue: true,
  });
  if (exceptionDetails) {
    const reason = exceptionDetails.exception?.description ?? exceptionDetails.text;
    throw new Error(`reading the rendered page failed: ${reason}`);
  }
  return result.value as ReadValue;
}
