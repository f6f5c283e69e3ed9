import { parse as parseCsv } from 'csv-parse/sync';
import { isProblem, type RawShopRow, toShopTarget } from './shop-row.js';
import type { InputProblem, ParsedShopList, ShopTarget } from './types.js';

export type ShopListFormat = 'txt' | 'csv' | 'json';

function txtRows(content: string): RawShopRow[] {
  const rows: RawShopRow[] = [];
  content.split(/\r?\n/).forEach((text, index) => {
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    rows.push({ line: index + 1, text, url: trimmed.split(/\s+#/)[0] });
  });
  return rows;
}

function csvRows(content: string): RawShopRow[] | InputProblem {
  let records: Array<{ record: Record<string, string>; info: { lines: number }; raw: string }>;
  try {
    records = parseCsv(content.replace(/^\uFEFF/, ''), {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      comment: '#',
      comment_no_infix: true,
      trim: true,
      relax_column_count: true,
      info: true,
      raw: true,
    }) as never;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { line, text: '', message: `the CSV cannot be read: ${(error as Error).message}` };
  }
  if (records.length > 0 && !('url' in records[0].record)) {
    return { line: 1, text: content.split(/\r?\n/)[0] ?? '', message: 'the CSV header has no "url" column' };
  }
  return records.map(({ record, info, raw }) => ({ line: info.lines, text: raw.trim(), ...record }));
}

function jsonRows(content: string): RawShopRow[] | InputProblem {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (error) {
    return { line: 1, text: '', message: `the JSON cannot be read: ${(error as Error).message}` };
  }
  const list = Array.isArray(data) ? data : (data as { shops?: unknown })?.shops;
  if (!Array.isArray(list)) {
    return {
      line: 1,
      text: '',
      message: 'the JSON must be an array of shops, or an object with a "shops" array',
    };
  }
  // JSON has no line numbers per entry; number entries from 1 and say "entry" in messages.
  return list.map((entry, index) => {
    const item = typeof entry === 'string' ? { url: entry } : (entry as Record<string, unknown>);
    return { line: index + 1, text: JSON.stringify(entry), ...(item ?? {}) };
  });
}

/**
 * Parses a shop list. Bad rows become problems with their line number; good rows are kept, so one
 * typo never stops an audit. A later duplicate of the same shop is a problem too.
 */
export function parseShopList(content: string, format: ShopListFormat): ParsedShopList {
  const rows = format === 'txt' ? txtRows(content) : format === 'csv' ? csvRows(content) : jsonRows(content);
  if (!Array.isArray(rows)) return { targets: [], problems: [rows] };
  const targets: ShopTarget[] = [];
  const problems: InputProblem[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const result = toShopTarget(row);
    if (isProblem(result)) {
      problems.push(result);
      continue;
    }
    const earlier = seen.get(result.key);
    if (earlier !== undefined) {
      problems.push({ line: row.line, text: row.text, message: `duplicate of line ${earlier}` });
      continue;
    }
    seen.set(result.key, row.line);
    targets.push(result);
  }
  return { targets, problems };
}

export function formatFromFileName(file: string): ShopListFormat | null {
  const match = /\.(txt|csv|json|list)$/i.exec(file);
  if (!match) return null;
  const ext = match[1].toLowerCase();
  return ext === 'list' ? 'txt' : (ext as ShopListFormat);
}
