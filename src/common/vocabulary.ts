import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { VOCABULARY_DIR } from './paths.js';

const cache = new Map<string, unknown>();

/**
 * Reads rules/vocabulary/<name>.yaml once per process. Vocabularies are data that several stages
 * share (link words for the crawler, page-kind words and chat vendors for extraction).
 */
export function loadVocabulary<T>(name: string, dir: string = VOCABULARY_DIR): T {
  const file = join(dir, `${name}.yaml`);
  const hit = cache.get(file);
  if (hit !== undefined) return hit as T;
  let value: T;
  try {
    value = parse(readFileSync(file, 'utf8')) as T;
  } catch (error) {
    throw new Error(`The vocabulary ${file} cannot be read: ${(error as Error).message}`);
  }
  cache.set(file, value);
  return value;
}
