import type { RawShopRow } from './shop-row.js';
import type { InputProblem } from './types.js';

export type ShopListFormat = 'txt' | 'csv' | 'json' | 'xlsx';

/** What a format's reader yields, in file order: a row to validate, or a problem (fatal: the rest cannot be read). */
export type FormatItem = { row: RawShopRow } | { problem: InputProblem; fatal?: boolean };

/** A row (a line, a CSV record, a JSON entry) longer than this is refused, not held in memory. */
export const MAX_ROW_CHARS = 64 * 1024;

export function formatFromFileName(file: string): ShopListFormat | null {
  const match = /\.(txt|csv|json|list|xlsx)$/i.exec(file);
  if (!match) return null;
  const ext = match[1].toLowerCase();
  return ext === 'list' ? 'txt' : (ext as ShopListFormat);
}
