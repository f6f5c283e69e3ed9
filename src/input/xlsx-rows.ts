import type { Readable } from 'node:stream';
import { Unzip, UnzipInflate } from 'fflate';
import { readSheet } from 'read-excel-file/node';
import { fieldsOf, mapHeader, noUrlColumnMessage } from './list-columns.js';
import type { FormatItem } from './list-format.js';

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

const SAVE_AS_CSV = 'save the list as CSV (UTF-8) from Excel instead';

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

function fatal(message: string, line = 1): FormatItem {
  return { problem: { line, text: '', message }, fatal: true };
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
export function unpackedSizeProblem(file: Uint8Array): string | null {
  let entries = 0;
  let total = 0;
  let problem: string | null = null;
  const limit = Math.min(XLSX_LIMITS.unpackedBytes, file.length * XLSX_LIMITS.ratio);
  const unzip = new Unzip((entry) => {
    entries += 1;
    if (problem) return;
    if (entries > XLSX_LIMITS.entries) {
      problem = `it holds more than ${XLSX_LIMITS.entries} files`;
      return;
    }
    const countRows = SHEET_ENTRY.test(entry.name) ? rowCounter() : null;
    entry.ondata = (error, data) => {
      if (problem) return;
      if (error) {
        problem = `it cannot be unpacked (${error.message})`;
        return;
      }
      total += data.length;
      if (total > limit) {
        problem = `it unpacks to more than ${Math.round(limit / 1024 / 1024)} MB`;
        entry.terminate();
      } else if (countRows && countRows(data) > XLSX_LIMITS.rows) {
        problem = `a sheet has more than ${XLSX_LIMITS.rows.toLocaleString('en')} rows`;
        entry.terminate();
      }
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(file, true);
  } catch (error) {
    problem ??= `it cannot be unpacked (${(error as Error).message})`;
  }
  if (!problem && entries === 0)
    problem = 'it is not a zip file, as an .xlsx file is (an old .xls file cannot be read)';
  return problem;
}

function withTimeLimit<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`reading it took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
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
    yield fatal(
      `the Excel file is larger than ${XLSX_LIMITS.fileBytes / 1024 / 1024} MB; ${SAVE_AS_CSV} (CSV lists have no size limit)`,
    );
    return;
  }
  const unsafe = unpackedSizeProblem(file);
  if (unsafe) {
    yield fatal(`the Excel file cannot be read: ${unsafe}; ${SAVE_AS_CSV}`);
    return;
  }
  let rows: unknown[][];
  try {
    rows = (await withTimeLimit(readSheet(file), XLSX_LIMITS.readMs)) as unknown[][];
  } catch (error) {
    yield fatal(`the Excel file cannot be read: ${(error as Error).message}; ${SAVE_AS_CSV}`);
    return;
  }
  const empty = (row: unknown[]) => row.every((cell) => cell === null || cell === undefined || cell === '');
  const texts = (row: unknown[]) => row.map((cell) => cellText(cell) ?? '');
  const filled = rows.flatMap((row, index) => (empty(row) ? [] : [index]));
  if (filled.length === 0) {
    yield fatal(noUrlColumnMessage([], 'the first sheet of the Excel file'));
    return;
  }
  // A sheet often starts with a title or a note above the table: the header is the first of the
  // first rows that names a URL column.
  const headerIndex = filled
    .slice(0, HEADER_SEARCH_ROWS)
    .find((index) => mapHeader(texts(rows[index])).url !== undefined);
  if (headerIndex === undefined) {
    const first = filled[0];
    yield fatal(
      noUrlColumnMessage(texts(rows[first]), `the header row of the Excel file (row ${first + 1})`),
      first + 1,
    );
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
