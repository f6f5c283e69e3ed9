import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { EvidencePage } from '../evidence/types.js';

/** The folder of the report that holds the page snapshots, and how shop pages (one level down) reach it. */
export const SNAPSHOT_FOLDER = 'snapshots';
const SHA256_HEX = /^[0-9a-f]{64}$/;
/** The SHA-256 of no bytes: a document page (a PDF) whose body is not kept as HTML. */
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
/** A stored snapshot is at most the crawl's byte limit; anything inflating far beyond is not one. */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

/** What a page row can link: the copied snapshot (and whether its content still hashes to the record), or why not. */
export type SnapshotLink =
  | { state: 'linked'; file: string; verified: boolean }
  | { state: 'missing' }
  | { state: 'no-html' };

/**
 * Copies the stored snapshots (`<sha256>.html.gz`) of the pages a report shows into its own
 * `snapshots/` folder, once each, so the published report carries the pages its findings rest on.
 * Each copy is checked: its inflated content must hash to the page's recorded `contentHash`.
 * A snapshot is hostile HTML: it is only ever linked for download, never embedded or framed.
 */
export class SnapshotCopier {
  private readonly done = new Map<string, SnapshotLink>();
  private readonly available: boolean;

  constructor(
    private readonly artifactsDir: string | null,
    private readonly outDir: string,
  ) {
    this.available = artifactsDir !== null && existsSync(artifactsDir);
  }

  linkFor(page: EvidencePage): SnapshotLink {
    const hash = page.contentHash;
    if (page.kind === 'document' || hash === EMPTY_SHA256) return { state: 'no-html' };
    if (!SHA256_HEX.test(hash)) return { state: 'missing' };
    let link = this.done.get(hash);
    if (!link) {
      link = this.copy(hash);
      this.done.set(hash, link);
    }
    return link;
  }

  private copy(hash: string): SnapshotLink {
    if (!this.available || !this.artifactsDir) return { state: 'missing' };
    const source = join(this.artifactsDir, `${hash}.html.gz`);
    if (!existsSync(source)) return { state: 'missing' };
    const name = `${hash}.html.gz`;
    try {
      mkdirSync(join(this.outDir, SNAPSHOT_FOLDER), { recursive: true });
      copyFileSync(source, join(this.outDir, SNAPSHOT_FOLDER, name));
      return {
        state: 'linked',
        file: `${SNAPSHOT_FOLDER}/${name}`,
        verified: contentHashOf(source) === hash,
      };
    } catch {
      return { state: 'missing' };
    }
  }
}

/** The SHA-256 of a gzipped snapshot's content, or null when it cannot be read. */
function contentHashOf(file: string): string | null {
  try {
    const html = gunzipSync(readFileSync(file), { maxOutputLength: MAX_INFLATED_BYTES });
    return createHash('sha256').update(html).digest('hex');
  } catch {
    return null;
  }
}
