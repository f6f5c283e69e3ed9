import { loadVocabulary } from '../common/vocabulary.js';
import { type ListMessage, listMessage } from './list-message.js';

/** The fields a shop list row has; its columns are found by the names in rules/vocabulary/list-columns.yaml. */
export const LIST_FIELDS = ['url', 'name', 'country', 'group'] as const;
export type ListField = (typeof LIST_FIELDS)[number];

type ColumnWords = Record<ListField, string[]>;

/**
 * A header name as it is compared: lower case, without accents, with any run of spaces, hyphens,
 * underscores, dots, slashes and other non-letters between words made one space.
 */
export function headerKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

let words: Map<string, { field: ListField; rank: number }> | undefined;

function columnWords(): Map<string, { field: ListField; rank: number }> {
  if (words) return words;
  const raw = loadVocabulary<ColumnWords>('list-columns');
  words = new Map();
  for (const field of LIST_FIELDS) {
    (raw[field] ?? []).forEach((name, rank) => {
      const key = headerKey(String(name));
      if (!words?.has(key)) words?.set(key, { field, rank });
    });
  }
  return words;
}

/** The names each field accepts, as the vocabulary writes them, for a message. */
export function acceptedNames(field: ListField): string[] {
  return loadVocabulary<ColumnWords>('list-columns')[field] ?? [];
}

/** Which column (by index) holds each field; a column no field claims is ignored. */
export type ColumnMap = Partial<Record<ListField, number>>;

/**
 * Maps a header row to the fields it holds. When two columns name the same field, the name listed
 * first in the vocabulary wins, then the column further left.
 */
export function mapHeader(header: readonly string[]): ColumnMap {
  const known = columnWords();
  const best: Partial<Record<ListField, { index: number; rank: number }>> = {};
  header.forEach((name, index) => {
    const hit = known.get(headerKey(name));
    if (!hit) return;
    const current = best[hit.field];
    if (!current || hit.rank < current.rank) best[hit.field] = { index, rank: hit.rank };
  });
  const map: ColumnMap = {};
  for (const field of LIST_FIELDS) {
    const found = best[field];
    if (found) map[field] = found.index;
  }
  return map;
}

/** Where a header without a URL column was looked for: a `select` of the message list.noUrlColumn. */
export type HeaderPlace = 'csvHeader' | 'csvFile' | 'xlsxSheet' | 'xlsxHeader';

const quoted = (names: readonly string[]) => names.map((name) => `"${name}"`).join(', ');

/** Says that a header has no URL column: the columns it has, and the names a URL column may have. */
export function noUrlColumn(header: readonly string[], where: HeaderPlace, row = 0): ListMessage {
  const seen = header.map((name) => name.trim()).filter((name) => name !== '');
  return listMessage('list.noUrlColumn', {
    where,
    row,
    count: seen.length,
    columns: quoted(seen),
    names: quoted(acceptedNames('url').slice(0, 7)),
  });
}

/** A row's fields by name, from its cells and the header's column map. */
export function fieldsOf(cells: readonly unknown[], columns: ColumnMap): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const field of LIST_FIELDS) {
    const index = columns[field];
    if (index !== undefined && index < cells.length && cells[index] !== undefined)
      fields[field] = cells[index];
  }
  return fields;
}
