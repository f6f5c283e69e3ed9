import type { Readable } from 'node:stream';
import { type Info, parse } from 'csv-parse';
import { type ColumnMap, fieldsOf, mapHeader, noUrlColumn } from './list-columns.js';
import { type FormatItem, MAX_ROW_CHARS } from './list-format.js';
import { listMessage, problemAt } from './list-message.js';
import { listText } from './list-text.js';

interface CsvRecord {
  record: string[];
  raw: string;
  info: Info;
}

/** Where a CSV error stands: its line, and the field when csv-parse says which. */
function csvProblem(error: unknown): FormatItem {
  const details = error as { lines?: number; index?: number; message?: string };
  const detail = details.message ?? String(error);
  const says =
    typeof details.index === 'number'
      ? listMessage('list.csvUnreadableField', { field: details.index + 1, detail })
      : listMessage('list.csvUnreadable', { detail });
  return { problem: problemAt(details.lines ?? 1, '', says), fatal: true };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const DELIMITERS = [',', ';', '\t'] as const;
type Delimiter = (typeof DELIMITERS)[number];

/** The header row: the first line that is neither empty nor a `#` comment; null until it has ended. */
function headerLine(text: string): string | null {
  const breaks = /\r\n|\n|\r/g;
  let start = 0;
  for (let found = breaks.exec(text); found; found = breaks.exec(text)) {
    const line = text.slice(start, found.index);
    if (line.trim() !== '' && !line.trimStart().startsWith('#')) return line;
    start = found.index + found[0].length;
  }
  return null;
}

/**
 * The delimiter a header row uses: the one of `,` `;` and tab it has most of outside quotes (Excel
 * writes `;` where the decimal separator is a comma, as in the Netherlands, Germany and France).
 * A header of one column has none of them: a comma, which then never occurs.
 */
export function detectDelimiter(header: string): Delimiter {
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of header) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char as Delimiter))
      counts.set(char as Delimiter, (counts.get(char as Delimiter) ?? 0) + 1);
  }
  let best: Delimiter = ',';
  for (const delimiter of DELIMITERS)
    if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

/**
 * A CSV list, record by record as it streams in: a header row naming at least the URL column (in
 * English, Dutch, German or French: rules/vocabulary/list-columns.yaml), then one shop per record
 * (quoted fields may hold delimiters and line breaks). The delimiter (`,` `;` tab) is read from the
 * header row, the encoding and byte-order mark from the first bytes, and lines may end in CRLF, LF
 * or CR. Records are taken as csv-parse meets them, so the rows before a broken one are kept.
 */
export async function* csvRows(input: Readable): AsyncGenerator<FormatItem> {
  let ready: CsvRecord[] = [];
  let failure: unknown = null;
  let parser: ReturnType<typeof parse> | null = null;
  const start = (delimiter: Delimiter) => {
    const created = parse({
      delimiter,
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
    created.on('error', (error) => {
      failure ??= error;
    });
    return created;
  };
  let columns: ColumnMap | null = null;
  function* take(): Generator<FormatItem, boolean> {
    for (const { record, info, raw } of ready) {
      if (!columns) {
        columns = mapHeader(record);
        if (columns.url === undefined) {
          yield { problem: problemAt(info.lines, '', noUrlColumn(record, 'csvHeader')), fatal: true };
          return false;
        }
        continue;
      }
      yield { row: { line: info.lines, text: raw.trim(), fields: fieldsOf(record, columns) } };
    }
    ready = [];
    return true;
  }
  let head = '';
  try {
    for await (const text of listText(input)) {
      if (failure) break;
      if (!parser) {
        head += text;
        const line = headerLine(head);
        if (line === null && head.length <= MAX_ROW_CHARS) continue;
        parser = start(detectDelimiter(line ?? head));
        parser.write(head);
        head = '';
      } else parser.write(text);
      if (!(yield* take())) return;
    }
    if (!failure) {
      parser ??= start(detectDelimiter(head));
      if (head !== '') parser.write(head);
      parser.end();
    }
    await nextTurn();
    if (!(yield* take())) return;
    if (failure) yield csvProblem(failure);
    else if (!columns) yield { problem: problemAt(1, '', noUrlColumn([], 'csvFile')), fatal: true };
  } finally {
    input.destroy();
    parser?.destroy();
  }
}
