import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright';

type Annotate = (page: Page) => Promise<void>;

/** The crawl stage's visibility marker, when that file exists in this tree. */
async function loadAnnotate(): Promise<Annotate | null> {
  const file = new URL('../src/crawl/browser/browser-annotate.ts', import.meta.url);
  if (!existsSync(file)) return null;
  try {
    // A computed specifier: the file may not exist yet, and then the type check must not fail.
    const spec = new URL('../src/crawl/browser/browser-annotate.js', import.meta.url).href;
    const mod = (await import(spec)) as { annotateVisibility?: Annotate };
    return mod.annotateVisibility ?? null;
  } catch {
    return null;
  }
}

/**
 * Renders saved HTML with its own scripts in Chromium, served from loopback; every request that
 * leaves 127.0.0.1 is aborted. Returns the serialised DOM (annotated when the crawl stage's
 * annotateVisibility is available) and whether it was annotated.
 */
export async function renderSaved(
  browser: Browser,
  html: string,
): Promise<{ html: string; annotated: boolean }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const context = await browser.newContext({
    javaScriptEnabled: true,
    viewport: { width: 1280, height: 900 },
  });
  try {
    const page = await context.newPage();
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      return url.hostname === '127.0.0.1' ? route.continue() : route.abort();
    });
    await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'load', timeout: 20_000 });
    await page.waitForTimeout(300);
    const annotate = await loadAnnotate();
    if (annotate) await annotate(page);
    return { html: await page.content(), annotated: annotate !== null };
  } finally {
    await context.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
