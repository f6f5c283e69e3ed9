import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { EvidencePage } from '../evidence/types.js';
import type { EmbeddedScreenshot } from './html/shop-page.js';
import { imageSize } from './image-size.js';

const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
};

/**
 * Reads the screenshots the crawl recorded and turns them into data URIs, with the SHA-256 of the bytes
 * so a reader can check them against the originals (and the report against the recorded hash).
 * Missing files and unknown types are skipped.
 */
export function embedScreenshots(pages: EvidencePage[], baseDir = process.cwd()): EmbeddedScreenshot[] {
  const shots: EmbeddedScreenshot[] = [];
  for (const page of pages) {
    if (!page.screenshotPath) continue;
    const type = IMAGE_TYPES[extname(page.screenshotPath).toLowerCase()];
    const file = resolve(baseDir, page.screenshotPath);
    if (!type || !existsSync(file)) continue;
    const bytes = readFileSync(file);
    const size = imageSize(bytes);
    const shot: EmbeddedScreenshot = {
      pageId: page.id,
      dataUri: `data:${type};base64,${bytes.toString('base64')}`,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
    if (size) {
      shot.width = size.width;
      shot.height = size.height;
    }
    if (page.screenshotSha256) shot.recordedSha256 = page.screenshotSha256;
    if (page.screenshotCapturedAt) shot.capturedAt = page.screenshotCapturedAt;
    shots.push(shot);
  }
  return shots;
}
