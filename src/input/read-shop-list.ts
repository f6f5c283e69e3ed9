import { createReadStream, statSync } from 'node:fs';
import {
  formatFromFileName,
  type SeenShops,
  type ShopListFormat,
  shopListEntries,
} from './parse-shop-list.js';
import type { ListEntry } from './types.js';

export class ShopListError extends Error {}

/**
 * Opens a shop list file (duplicates are left to the caller unless `seen` is given) for reading as a stream (a list of a million lines is never held whole).
 * A missing or unreadable file is one clear sentence, thrown here before any row is read.
 */
export function openShopList(
  file: string,
  options: { format?: ShopListFormat; seen?: SeenShops } = {},
): AsyncGenerator<ListEntry> {
  const format = options.format ?? formatFromFileName(file) ?? 'txt';
  try {
    if (statSync(file).isDirectory())
      throw new ShopListError(`The shop list ${file} is a folder, not a file.`);
  } catch (error) {
    if (error instanceof ShopListError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ShopListError(`The shop list ${file} does not exist.`);
    throw new ShopListError(`The shop list ${file} cannot be read: ${(error as Error).message}`);
  }
  const stream = createReadStream(file, { highWaterMark: 64 * 1024 });
  return readingErrorsNamed(file, shopListEntries(stream, format, options.seen ?? null));
}

/** A file that fails while being read (a permission, a disk error) ends the list with one sentence. */
async function* readingErrorsNamed(
  file: string,
  entries: AsyncGenerator<ListEntry>,
): AsyncGenerator<ListEntry> {
  try {
    yield* entries;
  } catch (error) {
    throw new ShopListError(`The shop list ${file} cannot be read: ${(error as Error).message}`);
  }
}
