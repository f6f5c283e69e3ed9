import { readableContacts } from '../../src/audit/contact-coverage.js';
import { extractPage } from '../../src/extract/index.js';
import type { ExtractContext, PageObservations } from '../../src/extract/types.js';
import { SHIPPED_READABLE } from '../shipped-readable.js';

export function extract(
  body: string,
  ctx: Partial<ExtractContext> = {},
  url = 'https://shop.test/contact',
): PageObservations {
  const html = body.includes('<html')
    ? body
    : `<!doctype html><html lang="nl"><head><title>T</title></head><body>${body}</body></html>`;
  return extractPage({ url, finalUrl: url, html, fetchedWith: 'static' }, { country: 'NL', ...ctx });
}

export function readable(
  body: string,
  ctx: Partial<ExtractContext> = {},
): { phones: string[]; emails: string[] } {
  return readableOn(extract(body, ctx));
}

/** The page's phones and e-mails the shipped rules' readable-phone / readable-email take. */
export function readableOn(observations: Pick<PageObservations, 'sightings' | 'kind'>): {
  phones: string[];
  emails: string[];
} {
  const placed = observations.sightings.map((s) => ({ ...s, pageKind: observations.kind }));
  return readableContacts(placed, SHIPPED_READABLE);
}
