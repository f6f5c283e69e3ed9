import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { TOOL_VERSION } from '../common/version.js';
import type { EvidencePage } from '../evidence/types.js';
import type { RunRecord, Store, StoredShop } from '../store/types.js';
import { requireRun } from './export-run.js';

/** The WARC version written: 1.1 keeps the capture times' milliseconds. */
const WARC_VERSION = 'WARC/1.1';
const SHA256_HEX = /^[0-9a-f]{64}$/;
/** A stored snapshot is at most the crawl's byte limit; anything inflating far beyond is not one. */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;
const IMAGE_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
};

export interface WarcExportSummary {
  pages: number;
  screenshots: number;
  /** What could not be written, one line each (a snapshot not stored, a file whose hash changed). */
  skipped: string[];
}

/** The mandatory fields first, in the order archives write them; warcio fills in the digests and length. */
function recordFields(type: 'resource', targetUri: string, date: string): Record<string, string> {
  return {
    'WARC-Type': type,
    'WARC-Record-ID': `<urn:uuid:${randomUUID()}>`,
    'WARC-Date': date,
    'WARC-Target-URI': targetUri,
  };
}

/** A header value as WARC allows it: one line, no control characters (page text can hold anything). */
function headerValue(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').slice(0, 500);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The page's HTML as stored, when its file is there and still hashes to the recorded contentHash. */
function storedHtml(page: EvidencePage, artifactsDir: string): { bytes: Uint8Array } | { problem: string } {
  if (!SHA256_HEX.test(page.contentHash)) return { problem: 'it has no content hash' };
  const file = join(artifactsDir, `${page.contentHash}.html.gz`);
  if (!existsSync(file)) return { problem: `its snapshot ${file} is not there` };
  let bytes: Uint8Array;
  try {
    bytes = gunzipSync(readFileSync(file), { maxOutputLength: MAX_INFLATED_BYTES });
  } catch (error) {
    return { problem: `its snapshot ${file} cannot be read: ${(error as Error).message}` };
  }
  if (sha256(bytes) !== page.contentHash)
    return { problem: `its snapshot ${file} no longer hashes to the recorded SHA-256` };
  return { bytes };
}

function storedScreenshot(page: EvidencePage): { bytes: Uint8Array; type: string } | { problem: string } {
  const path = page.screenshotPath as string;
  const type = IMAGE_TYPES[extname(path).toLowerCase()];
  if (!type) return { problem: `its screenshot ${path} is not a JPEG or PNG` };
  if (!existsSync(path)) return { problem: `its screenshot ${path} is not there` };
  const bytes = readFileSync(path);
  if (page.screenshotSha256 && sha256(bytes) !== page.screenshotSha256)
    return { problem: `its screenshot ${path} no longer hashes to the recorded SHA-256` };
  return { bytes, type };
}

type Warcio = typeof import('warcio');
type WarcRecord = InstanceType<Warcio['WARCRecord']>;

/** What writing one archive shares: the record maker, the writer, the warcinfo record's id and the tally. */
interface Archive {
  warcio: Warcio;
  emit(record: WarcRecord): Promise<void>;
  infoId: string;
  artifactsDir: string;
  summary: WarcExportSummary;
}

function infoRecord(warcio: Warcio, run: RunRecord, shops: StoredShop[], fileName: string): WarcRecord {
  const userAgent = shops[0]?.evidence.crawl.userAgent;
  return warcio.WARCRecord.createWARCInfo(
    { filename: fileName, warcVersion: WARC_VERSION },
    {
      software: `shopreach/${TOOL_VERSION}`,
      format: 'WARC File Format 1.1',
      conformsTo: 'https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/',
      isPartOf: headerValue(run.label),
      description: headerValue(
        `Pages and screenshots of shopreach run ${run.id} "${run.label}" (${shops.length} shops), ` +
          `started ${run.startedAt}${run.finishedAt ? `, finished ${run.finishedAt}` : ''}`,
      ),
      ...(userAgent ? { 'http-header-user-agent': headerValue(userAgent) } : {}),
    },
  );
}

function resourceRecord(
  warcio: Warcio,
  url: string,
  date: string,
  fields: Record<string, string>,
  bytes: Uint8Array,
): WarcRecord {
  return warcio.WARCRecord.create(
    { url, date, type: 'resource', warcVersion: WARC_VERSION, warcHeaders: fields },
    [bytes],
  );
}

function pageFields(shop: StoredShop, page: EvidencePage, infoId: string): Record<string, string> {
  return {
    ...recordFields('resource', page.finalUrl, page.fetchedAt),
    'Content-Type': 'text/html; charset=utf-8',
    'WARC-Warcinfo-ID': infoId,
    'Shopreach-Shop': headerValue(shop.key),
    'Shopreach-Page': page.id,
    'Shopreach-Fetched-With': page.fetchedWith,
    ...(page.url !== page.finalUrl ? { 'Shopreach-Requested-URI': headerValue(page.url) } : {}),
    ...(page.viewport ? { 'Shopreach-Viewport': page.viewport } : {}),
    ...(page.afterInteraction ? { 'Shopreach-After-Interaction': headerValue(page.afterInteraction) } : {}),
  };
}

/** Writes a page's stored HTML; the record's id, or null when it was skipped. */
async function writePage(archive: Archive, shop: StoredShop, page: EvidencePage): Promise<string | null> {
  const html = storedHtml(page, archive.artifactsDir);
  if ('problem' in html) {
    archive.summary.skipped.push(`${shop.key} ${page.id} (${page.finalUrl}): ${html.problem}`);
    return null;
  }
  const fields = pageFields(shop, page, archive.infoId);
  const record = resourceRecord(archive.warcio, page.finalUrl, page.fetchedAt, fields, html.bytes);
  await archive.emit(record);
  archive.summary.pages += 1;
  return record.warcHeaders.headers.get('WARC-Record-ID') as string;
}

/** Writes a page's screenshot, referring to the page's record. */
async function writeScreenshot(
  archive: Archive,
  shop: StoredShop,
  page: EvidencePage,
  pageRecordId: string,
): Promise<void> {
  const shot = storedScreenshot(page);
  if ('problem' in shot) {
    archive.summary.skipped.push(`${shop.key} ${page.id} (${page.finalUrl}): ${shot.problem}`);
    return;
  }
  const shotUri = `urn:screenshot:${page.finalUrl}`;
  const shotDate = page.screenshotCapturedAt ?? page.fetchedAt;
  const fields: Record<string, string> = {
    ...recordFields('resource', shotUri, shotDate),
    'Content-Type': shot.type,
    'WARC-Warcinfo-ID': archive.infoId,
    'WARC-Refers-To': pageRecordId,
    'Shopreach-Shop': headerValue(shop.key),
    'Shopreach-Page': page.id,
    ...(page.screenshotRender ? { 'Shopreach-Screenshot-Render': page.screenshotRender } : {}),
  };
  await archive.emit(resourceRecord(archive.warcio, shotUri, shotDate, fields, shot.bytes));
  archive.summary.screenshots += 1;
}

/**
 * Writes a run's fetched pages and screenshots as a WARC 1.1 file (gzip per record, as web archives
 * keep them): a `warcinfo` record, then per page a `resource` record of its stored HTML (target URI
 * its final URL, WARC-Date its capture time, SHA-256 block and payload digests that equal its
 * recorded `contentHash`), and per screenshot a `resource` record (`urn:screenshot:<url>`, dated when
 * it was taken) that refers to its page's record. `resource`, not `response`: what shopreach keeps
 * is the decoded (or rendered) document, not the HTTP exchange, whose headers it does not store.
 * Each page's shop and id are in `Shopreach-*` fields. Files that are missing or whose bytes no
 * longer match their recorded hash are left out and listed in the summary.
 */
export async function exportWarc(
  store: Store,
  runId: number,
  artifactsDir: string,
  write: (bytes: Uint8Array) => void,
  fileName = 'shopreach.warc.gz',
): Promise<WarcExportSummary> {
  const warcio = await import('warcio');
  const run = requireRun(store, runId);
  const shops = store.shops(run.id);
  const emit = async (record: WarcRecord) =>
    write(await warcio.WARCSerializer.serialize(record, { gzip: true }));
  const info = infoRecord(warcio, run, shops, fileName);
  const infoId = info.warcHeaders.headers.get('WARC-Record-ID') as string;
  await emit(info);
  const archive: Archive = {
    warcio,
    emit,
    infoId,
    artifactsDir,
    summary: { pages: 0, screenshots: 0, skipped: [] },
  };
  for (const shop of shops) {
    // A PDF's bytes are not kept, only that it was there.
    for (const page of shop.evidence.pages.filter((p) => p.kind !== 'document')) {
      const pageRecordId = await writePage(archive, shop, page);
      if (pageRecordId && page.screenshotPath) await writeScreenshot(archive, shop, page, pageRecordId);
    }
  }
  return archive.summary;
}
