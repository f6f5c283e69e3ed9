import type { Readable } from 'node:stream';
import { type Info, parse } from 'csv-parse';
import { type FormatItem, MAX_ROW_CHARS } from './list-format.js';

interface CsvRecord {
  record: Record<string, string>;
  raw: string;
  info: Info;
}

/** Where a CSV error stands: its line, and the field when csv-parse says which. */
function csvProblem(error: unknown): FormatItem {
  const details = error as { lines?: number; index?: number; message?: string };
  const field = typeof details.index === 'number' ? ` (field ${details.index + 1})` : '';
  return {
    problem: {
      line: details.lines ?? 1,
      text: '',
      message: `the CSV cannot be read${field}: ${details.message ?? String(error)}`,
    },
    fatal: true,
  };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A CSV list, record by record as it streams in: a header row with at least `url`, then one shop
 * per record (quoted fields may hold commas and line breaks). Records are taken as csv-parse meets
 * them, so the rows before a broken one are kept.
 */
export async function* csvRows(input: Readable): AsyncGenerator<FormatItem> {
  let ready: CsvRecord[] = [];
  let failure: unknown = null;
  const parser = parse({
    columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
    bom: true,
    skip_empty_lines: true,
    comment: '#',
    comment_no_infix: true,
    trim: true,
    relax_column_count: true,
    max_record_size: MAX_ROW_CHARS,
    info: true,
    raw: true,
    on_record: (record) => {
      ready.push(record as unknown as CsvRecord);
      return null;
    },
  });
  parser.on('error', (error) => {
    failure ??= error;
  });
  let checkedHeader = false;
  function* take(): Generator<FormatItem, boolean> {
    for (const { record, info, raw } of ready) {
      if (!checkedHeader) {
        checkedHeader = true;
        if (!('url' in record)) {
          yield {
            problem: { line: 1, text: '', message: 'the CSV header has no "url" column' },
            fatal: true,
          };
          return false;
        }
      }
      yield { row: { line: info.lines, text: raw.trim(), fields: record } };
    }
    ready = [];
    return true;
  }
  try {
    for await (const chunk of input) {
      if (failure) break;
      parser.write(chunk);
      if (!(yield* take())) return;
    }
    if (!failure) parser.end();
    await nextTurn();
    if (!(yield* take())) return;
    if (failure) yield csvProblem(failure);
  } finally {
    input.destroy();
    parser.destroy();
  }
}
