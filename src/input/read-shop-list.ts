import { readFileSync } from 'node:fs';
import { formatFromFileName, parseShopList, type ShopListFormat } from './parse-shop-list.js';
import type { ParsedShopList } from './types.js';

export class ShopListError extends Error {}

/** Reads a shop list file; a missing or unreadable file is one clear sentence. */
export function readShopList(file: string, format?: ShopListFormat): ParsedShopList {
  const chosen = format ?? formatFromFileName(file) ?? 'txt';
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ShopListError(`The shop list ${file} does not exist.`);
    if (code === 'EISDIR') throw new ShopListError(`The shop list ${file} is a folder, not a file.`);
    throw new ShopListError(`The shop list ${file} cannot be read: ${(error as Error).message}`);
  }
  return parseShopList(content, chosen);
}
