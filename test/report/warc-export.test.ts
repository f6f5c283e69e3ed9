import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WARCParser } from 'warcio';
import { exportWarc } from '../../src/report/export-warc.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { makeOutcome, makeRun } from './fixtures.js';
import { solidPng } from './solid-png.js';

const sha256 = (bytes: string | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let dir: string;
let artifactsDir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shopreach-warc-'));
  artifactsDir = join(dir, 'shop.sqlite.artifacts');
  mkdirSync(artifactsDir);
  store = openStore(':memory:');
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Stores `html` as the crawl does (`<sha256>.html.gz`) and returns its hash. */
function storeSnapshot(html: string): string {
  const hash = sha256(html);
  writeFileSync(join(artifactsDir, `${hash}.html.gz`), gzipSync(html));
  return hash;
}

interface ReadRecord {
  type: string;
  uri: string | null | undefined;
  date: string | null | undefined;
  id: string | null | undefined;
  payloadDigest: string | null | undefined;
  refersTo: string | null | undefined;
  page: string | null | undefined;
  content: Uint8Array;
}

async function readBack(file: string): Promise<ReadRecord[]> {
  const records: ReadRecord[] = [];
  for await (const record of new WARCParser([readFileSync(file)])) {
    records.push({
      type: record.warcType,
      uri: record.warcTargetURI,
      date: record.warcDate,
      id: record.warcHeader('WARC-Record-ID'),
      payloadDigest: record.warcPayloadDigest,
      refersTo: record.warcHeader('WARC-Refers-To'),
      page: record.warcHeader('Shopreach-Page'),
      content: await record.readFully(),
    });
  }
  return records;
}

describe('export --format warc', () => {
  it('writes every stored page and screenshot as WARC 1.1 records a WARC reader reads back', async () => {
    const runId = store.createRun(makeRun('warc-2026'));
    const shop = makeOutcome({ key: 'https://warc.example', name: 'Warc Shop' });
    const [home, contact] = shop.evidence.pages;
    home.contentHash = storeSnapshot('<html><body><h1>Welkom</h1></body></html>');
    contact.contentHash = storeSnapshot('<html><body><p>Bel 020 123 4567 — één nummer</p></body></html>');
    const png = solidPng(40, 30);
    const shotPath = join(artifactsDir, `${sha256(png)}.png`);
    writeFileSync(shotPath, png);
    contact.screenshotPath = shotPath;
    contact.screenshotSha256 = sha256(png);
    contact.screenshotCapturedAt = '2026-03-01T10:00:09.123Z';
    contact.screenshotRender = 'after-crawl';
    // A reveal view whose label tries to smuggle a header in, and a page whose snapshot is gone.
    const reveal = {
      ...contact,
      id: 'p3',
      afterInteraction: 'clicked "Toon\r\nWARC-Type: revisit"',
      contentHash: storeSnapshot('<p>020 123 4567</p>'),
      fetchedAt: '2026-03-01T10:00:02.456Z',
    };
    delete reveal.screenshotPath;
    const lost = { ...home, id: 'p4', contentHash: 'e'.repeat(64) };
    shop.evidence.pages.push(reveal, lost);
    store.saveShop(runId, shop);

    const file = join(dir, 'run.warc.gz');
    const chunks: Uint8Array[] = [];
    const summary = await exportWarc(
      store,
      runId,
      artifactsDir,
      (bytes) => chunks.push(bytes),
      'run.warc.gz',
    );
    writeFileSync(file, Buffer.concat(chunks));
    expect(summary.pages).toBe(3);
    expect(summary.screenshots).toBe(1);
    expect(summary.skipped).toEqual([expect.stringContaining('https://warc.example p4')]);

    // Gzipped per record: the file starts with a gzip member.
    expect(readFileSync(file).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    const records = await readBack(file);
    expect(records[0].type).toBe('warcinfo');
    expect(new TextDecoder().decode(records[0].content)).toContain('isPartOf: warc-2026');
    const pages = records.filter((r) => r.type === 'resource' && r.uri?.startsWith('https:'));
    expect(pages.map((r) => r.page)).toEqual(['p1', 'p2', 'p3']);
    for (const page of shop.evidence.pages.slice(0, 3)) {
      const record = pages.find((r) => r.page === page.id);
      expect(record?.uri, page.id).toBe(page.finalUrl);
      expect(record?.date, page.id).toBe(page.fetchedAt);
      expect(record?.payloadDigest, page.id).toBe(`sha256:${page.contentHash}`);
      expect(sha256(record?.content as Uint8Array), page.id).toBe(page.contentHash);
    }
    const shot = records.find((r) => r.uri === `urn:screenshot:${contact.finalUrl}`);
    expect(shot?.date).toBe('2026-03-01T10:00:09.123Z');
    expect(shot?.payloadDigest).toBe(`sha256:${sha256(png)}`);
    expect(shot?.refersTo).toBe(pages.find((r) => r.page === 'p2')?.id);
    // The smuggled line stayed inside one header value: no record changed type.
    expect(records.filter((r) => r.type !== 'resource' && r.type !== 'warcinfo')).toEqual([]);
    expect(records).toHaveLength(1 + 3 + 1);
  });
});
