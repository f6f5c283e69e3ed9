import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Page } from 'playwright';
import type { FetchedPage, RevealedView } from '../fetch/page-fetcher.js';
import type { CrawlOptions } from '../types.js';

const gzipAsync = promisify(gzip);

export const SCREENSHOT_QUALITY = 70;
/** Taller pages are cut here: the contact block of a very long page is usually in its header or footer. */
export const SCREENSHOT_MAX_HEIGHT = 6_000;
export const SCREENSHOT_MAX_WIDTH = 1_280;
const SCREENSHOT_TIMEOUT_MS = 5_000;

/** What a page snapshot records of its screenshot. */
export interface ScreenshotRecord {
  screenshotPath: string;
  screenshotSha256: string;
  screenshotCapturedAt: string;
}

/** A fetched page that may carry its screenshot record (browser mode). */
export type FetchedPageWithArtifacts = FetchedPage & Partial<ScreenshotRecord>;

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Writes bytes under their own name; an existing file of that name already holds the same bytes. */
async function writeContentAddressed(dir: string, name: string, bytes: Uint8Array): Promise<string> {
  const path = join(dir, name);
  await mkdir(dir, { recursive: true });
  try {
    await writeFile(path, bytes, { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return path;
}

/** Stores the page's HTML as `<sha256>.html.gz`, the same hash the crawl records as `contentHash`. */
export async function storeHtmlSnapshot(dir: string, html: string): Promise<string> {
  return writeContentAddressed(dir, `${sha256Hex(html)}.html.gz`, await gzipAsync(html));
}

/** Whether the annotated page holds an element boxed as a contact candidate. */
async function hasBoxedCandidate(page: Page): Promise<boolean> {
  return Boolean(await page.evaluate(`document.querySelector('[data-sr-box]') !== null`));
}

/** A full-page JPEG, cut at SCREENSHOT_MAX_HEIGHT, written as `<sha256>.jpg`. */
export async function takeScreenshot(page: Page, dir: string): Promise<ScreenshotRecord> {
  const size = (await page.evaluate(
    `({ w: Math.max(document.documentElement.scrollWidth, window.innerWidth), h: Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0, window.innerHeight) })`,
  )) as { w: number; h: number };
  const capturedAt = new Date().toISOString();
  const bytes = await page.screenshot({
    type: 'jpeg',
    quality: SCREENSHOT_QUALITY,
    fullPage: true,
    clip: {
      x: 0,
      y: 0,
      width: Math.min(size.w, SCREENSHOT_MAX_WIDTH),
      height: Math.min(size.h, SCREENSHOT_MAX_HEIGHT),
    },
    animations: 'disabled',
    caret: 'hide',
    timeout: SCREENSHOT_TIMEOUT_MS,
  });
  const sha = sha256Hex(bytes);
  return {
    screenshotPath: await writeContentAddressed(dir, `${sha}.jpg`, bytes),
    screenshotSha256: sha,
    screenshotCapturedAt: capturedAt,
  };
}

export function screenshotsWanted(options: CrawlOptions): boolean {
  return options.screenshots !== false && Boolean(options.artifactsDir);
}

/**
 * Browser mode, after annotation: stores the page's HTML snapshot and a screenshot when `shoot` is
 * `always` (the home page, a page after a reveal click) or, with `if-boxed`, when the page holds a
 * boxed contact candidate; the screenshot's record is set on `view`. Evidence capture never fails
 * a page: an error here only means no artifact.
 */
export async function recordPageArtifacts(
  page: Page,
  view: { html: string } & Partial<ScreenshotRecord>,
  options: CrawlOptions,
  shoot: 'always' | 'if-boxed',
  storeHtml = true,
): Promise<void> {
  const dir = options.artifactsDir;
  if (!dir) return;
  try {
    if (storeHtml) await storeHtmlSnapshot(dir, view.html);
    if (!screenshotsWanted(options)) return;
    if (shoot === 'if-boxed' && !(await hasBoxedCandidate(page))) return;
    Object.assign(view, await takeScreenshot(page, dir));
  } catch {
    // A page that closed, a screenshot that timed out, a full disk: the page's facts still count.
  }
}

/** The screenshot fields of a fetched page (or a revealed view of it), for its PageSnapshot. */
export function screenshotFieldsOf(
  fetched: FetchedPageWithArtifacts | RevealedView,
): Partial<ScreenshotRecord> & { screenshotRender?: 'crawl' } {
  if (!fetched.screenshotPath || !fetched.screenshotSha256 || !fetched.screenshotCapturedAt) return {};
  return {
    screenshotPath: fetched.screenshotPath,
    screenshotSha256: fetched.screenshotSha256,
    screenshotCapturedAt: fetched.screenshotCapturedAt,
    screenshotRender: 'crawl',
  };
}

/** Resource types the browser must not block: images are needed for a faithful screenshot. */
export function blocksResource(
  options: CrawlOptions,
  resourceType: string,
  blocked: ReadonlySet<string>,
): boolean {
  if (resourceType === 'image' && screenshotsWanted(options)) return false;
  return blocked.has(resourceType);
}
