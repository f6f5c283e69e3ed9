import { Readable } from 'node:stream';
import { csvRows } from './csv-rows.js';
import { jsonRows } from './json-rows.js';
import type { FormatItem, ShopListFormat } from './list-format.js';
import { listMessage, problemAt } from './list-message.js';
import { toListEntry } from './shop-row.js';
import { txtRows } from './txt-rows.js';
import type { InputProblem, ListEntry, ParsedShopList } from './types.js';
import { xlsxRows } from './xlsx-rows.js';

export { formatFromFileName, type ShopListFormat } from './list-format.js';

/**
 * Remembers the shops a list has given so far, so that a later duplicate is a problem. In memory
 * for a list read whole; an audit asks its database, so a million-line list costs no memory here.
 */
export interface SeenShops {
  /** The line the key was first seen on, or undefined (and the key is remembered with `line`). */
  firstLine(key: string, line: number): number | undefined;
}

export function seenInMemory(): SeenShops {
  const seen = new Map<string, number>();
  return {
    firstLine(key, line) {
      const earlier = seen.get(key);
      if (earlier === undefined) seen.set(key, line);
      return earlier;
    },
  };
}

/** A row whose shop an earlier line of the list already gave. */
export function duplicateProblem(line: number, url: string, earlier: number): InputProblem {
  return problemAt(line, url, listMessage('list.duplicate', { line: earlier }));
}

function rowsOf(input: Readable, format: ShopListFormat): AsyncGenerator<FormatItem> {
  if (format === 'csv') return csvRows(input);
  if (format === 'json') return jsonRows(input);
  if (format === 'xlsx') return xlsxRows(input);
  return txtRows(input);
}

/**
 * Reads a shop list as it streams in, row by row, in order: shops, and problems that name their
 * line (a bad row is skipped, the others are kept). A duplicate of an earlier shop is a problem too.
 */
export async function* shopListEntries(
  input: Readable,
  format: ShopListFormat,
  /** null: the caller finds duplicates itself (an audit asks its database). */
  seen: SeenShops | null,
): AsyncGenerator<ListEntry> {
  for await (const item of rowsOf(input, format)) {
    if ('problem' in item) {
      yield { kind: 'problem', problem: item.problem, ...(item.fatal ? { fatal: true } : {}) };
      if (item.fatal) return;
      continue;
    }
    const entry = toListEntry(item.row);
    if (entry.kind === 'shop' && seen) {
      const earlier = seen.firstLine(entry.target.key, item.row.line);
      if (earlier !== undefined) {
        yield { kind: 'problem', problem: duplicateProblem(item.row.line, entry.target.url, earlier) };
        continue;
      }
    }
    yield entry;
  }
}

/** A whole list given as text, read the same way (tests, small lists). */
export async function parseShopList(content: string, format: ShopListFormat): Promise<ParsedShopList> {
  const parsed: ParsedShopList = { targets: [], problems: [], warnings: [] };
  for await (const entry of shopListEntries(Readable.from([Buffer.from(content)]), format, seenInMemory())) {
    if (entry.kind === 'problem') parsed.problems.push(entry.problem);
    else {
      parsed.targets.push(entry.target);
      if (entry.warning) {
        parsed.warnings.push(problemAt(entry.target.line ?? 0, entry.target.url, entry.warning));
      }
    }
  }
  return parsed;
}
