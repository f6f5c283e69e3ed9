import { extractPage, readableContacts } from '../../src/extract/index.js';
import type { ExtractContext, PageObservations } from '../../src/extract/types.js';

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
  return readableContacts(extract(body, ctx));
}
