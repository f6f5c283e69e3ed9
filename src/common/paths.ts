import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: this file sits two folders down, as src/common/ and as dist/shared/. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The shipped rule packs, profiles and vocabularies. */
export const RULES_DIR = join(PROJECT_ROOT, 'rules');

export const VOCABULARY_DIR = join(RULES_DIR, 'vocabulary');

/**
 * Where a database's evidence files go (screenshots `<sha256>.jpg`, page snapshots
 * `<sha256>.html.gz`): a folder beside the database file, named after it.
 */
export function artifactsDirBeside(db: string): string {
  return `${resolve(db)}.artifacts`;
}
