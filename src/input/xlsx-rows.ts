import type { Readable } from 'node:stream';
import { Unzip, UnzipInflate } from 'fflate';
import { readSheet } from 'read-excel-file/node';
import { fieldsOf, mapHeader, noUrlColumn } from './list-columns.js';
import type { FormatItem } from './list-format.js';
import { type ListMessage, listMessage, problemAt } from './list-message.js';

/**
 * Limits of an Excel list. An .xlsx file is a zip of XML files, and read-excel-file unpacks all of
 * them in memory: the unpacked size and the rows of each sheet are counted first, by inflating every
 * entry (a zip may lie about its sizes), so a zip bomb or a giant sheet is refused before the
 * library sees it. These sizes also bound the time the sheet takes to read (100,000 rows of URL,
 * name and country: 21 MB unpacked, under 2 s).
 */
export const XLSX_LIMITS = {
  fileBytes: 20 * 1024 * 1024,
  entries: 2_000,
  unpackedBytes: 100 * 1024 * 1024,
  /** Rows of one sheet; a longer list is a CSV list, which is streamed and has no limit. */
  rows: 100_000,
  /** Unpacked bytes per packed byte of the whole file; an ordinary sheet stays well under 20. */
  ratio: 200,
  /** Time for read-excel-file to read the sheet once the sizes are checked. */
  readMs: 30_000,
};

/** Rows with content looked at for the header row. */
const HEADER_SEARCH_ROWS = 10;

/** A sheet's XML, whose `<row>` elements are counted (with or without a namespace prefix). */
const SHEET_ENTRY = /^xl\/worksheets\/[^/]+\.xml$/i;
const ROW_START = /<(?:[A-Za-z_][\w.-]*:)?row[\s>/]/g;
/** Characters of one chunk kept for the next, so a tag split between chunks is still seen. */
const CARRY = 64;

/** Counts row elements in a sheet's XML as it is inflated, chunk by chunk. */
export function rowCounter(): (data: Uint8Array) => number {
  let carry = '';
  let rows = 0;
  return (data) => {
    const text = carry + Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
    ROW_START.lastIndex = 0;
    for (let match = ROW_START.exec(text); match; match = ROW_START.exec(text)) {
      // A tag wholly inside the carried characters was counted with the chunk before.
      if (match.index + match[0].length > carry.length) rows += 1;
    }
    carry = text.slice(-CARRY);
    return rows;
  };
}

function fatal(says: ListMessage, line = 1): FormatItem {
  return { problem: problemAt(line, '', says), fatal: true };
}

async function wholeFile(input: Readable): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += bytes.length;
    if (size > XLSX_LIMITS.fileBytes) return null;
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

/** Why the zip inside an .xlsx must not be unpacked, or null when its real unpacked size and its sheets' rows are within the limits. */
export function unpackedSizeProblem(file: Uint8Array): ListMessage | null {
  let entries = 0;
  let total = 0;
  let problem: ListMessage | null = null;
  const limit = Math.min(XLSX_LIMITS.unpackedBytes, file.length * XLSX_LIMITS.ratio);
  const unzip = new Unzip((entry) => {
    entries += 1;
    if (problem) return;
    if (entries > XLSX_LIMITS.entries) {
      problem = listMessage('list.xlsxTooManyFiles', { count: XLSX_LIMITS.entries });
      return;
    }
    const countRows = SHEET_ENTRY.test(entry.name) ? rowCounter() : null;
    entry.ondata = (error, data) => {
      if (problem) return;
      if (error) {
        problem = listMessage('list.xlsxNotUnpackable', { detail: error.message });
        return;
      }
      total += data.length;
      if (total > limit) {
        problem = listMessage('list.xlsxUnpacksTooLarge', { mb: Math.round(limit / 1024 / 1024) });
        entry.terminate();
      } else if (countRows && countRows(data) > XLSX_LIMITS.rows) {
        problem = listMessage('list.xlsxTooManyRows', { rows: XLSX_LIMITS.rows });
        entry.terminate();
      }
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(file, true);
  } catch (error) {
    problem ??= listMessage('list.xlsxNotUnpackable', { detail: (error as Error).message });
  }
  if (!problem && entries === 0) problem = listMessage('list.xlsxNotZip');
  return problem;
}

const TOO_SLOW = Symbol('too slow');

function withTimeLimit<T>(work: Promise<T>, ms: number): Promise<T | typeof TOO_SLOW> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof TOO_SLOW>((resolve) => {
    timer = setTimeout(() => resolve(TOO_SLOW), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** The rows of the first sheet, or why they cannot be read. */
async function sheetRows(file: Buffer): Promise<unknown[][] | ListMessage> {
  try {
    const rows = await withTimeLimit(readSheet(file), XLSX_LIMITS.readMs);
    if (rows === TOO_SLOW) return listMessage('list.xlsxTooSlow', { seconds: XLSX_LIMITS.readMs / 1000 });
    return rows as unknown[][];
  } catch (error) {
    return listMessage('list.xlsxUnreadable', { detail: (error as Error).message });
  }
}

/** A cell as the row schema wants it: a URL stays what the sheet holds (a number is refused), other fields become text. */
function cellText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/**
 * An Excel (.xlsx) list: its first sheet, a header row naming at least the URL column (the names of
 * CSV lists, in four languages; it may stand below a title), then one shop a row, each with its row number. Read whole, within
 * XLSX_LIMITS; a file past them is refused with one sentence.
 */
export async function* xlsxRows(input: Readable): AsyncGenerator<FormatItem> {
  let file: Buffer | null;
  try {
    file = await wholeFile(input);
  } finally {
    input.destroy();
  }
  if (!file) {
    yield fatal(listMessage('list.xlsxTooLarge', { mb: XLSX_LIMITS.fileBytes / 1024 / 1024 }));
    return;
  }
  const unsafe = unpackedSizeProblem(file);
  if (unsafe) {
    yield fatal(unsafe);
    return;
  }
  const rows = await sheetRows(file);
  if (!Array.isArray(rows)) {
    yield fatal(rows);
    return;
  }
  const empty = (row: unknown[]) => row.every((cell) => cell === null || cell === undefined || cell === '');
  const texts = (row: unknown[]) => row.map((cell) => cellText(cell) ?? '');
  const filled = rows.flatMap((row, index) => (empty(row) ? [] : [index]));
  if (filled.length === 0) {
    yield fatal(noUrlColumn([], 'xlsxSheet'));
    return;
  }
  // A sheet often starts with a title or a note above the table: the header is the first of the
  // first rows that names a URL column.
  const headerIndex = filled
    .slice(0, HEADER_SEARCH_ROWS)
    .find((index) => mapHeader(texts(rows[index])).url !== undefined);
  if (headerIndex === undefined) {
    const first = filled[0];
    yield fatal(noUrlColumn(texts(rows[first]), 'xlsxHeader', first + 1), first + 1);
    return;
  }
  const columns = mapHeader(texts(rows[headerIndex]));
  for (let index = headerIndex + 1; index < rows.length; index++) {
    const cells = rows[index];
    if (empty(cells)) continue;
    const fields = fieldsOf(
      cells.map((cell, column) => (column === columns.url ? (cell ?? undefined) : cellText(cell))),
      columns,
    );
    const text = cells.map((cell) => cellText(cell) ?? '').join(';');
    yield { row: { line: index + 1, text, fields } };
  }
}
