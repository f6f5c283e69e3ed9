import { createReadStream, statSync } from 'node:fs';
import { type ListMessage, listMessage } from './list-message.js';
import {
  formatFromFileName,
  type SeenShops,
  type ShopListFormat,
  shopListEntries,
} from './parse-shop-list.js';
import type { ListEntry } from './types.js';

/** A list file that cannot be opened or read on: what it is (a catalogue key and values, naming the file). */
export class ShopListError extends Error {
  constructor(readonly says: ListMessage) {
    super(says.message);
  }
}

const unreadable = (file: string, error: unknown) =>
  new ShopListError(listMessage('list.fileUnreadable', { file, detail: (error as Error).message }));

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
    if (statSync(file).isDirectory()) throw new ShopListError(listMessage('list.fileIsFolder', { file }));
  } catch (error) {
    if (error instanceof ShopListError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ShopListError(listMessage('list.fileMissing', { file }));
    throw unreadable(file, error);
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
    throw unreadable(file, error);
  }
}
