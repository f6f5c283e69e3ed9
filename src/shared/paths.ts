import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: this file sits two folders down, as src/shared/ and as dist/shared/. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The shipped rule packs, profiles and vocabularies. */
export const RULES_DIR = join(PROJECT_ROOT, 'rules');

export const VOCABULARY_DIR = join(RULES_DIR, 'vocabulary');
