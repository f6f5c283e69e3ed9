import { createHash } from 'node:crypto';

const shortHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 8);

/**
 * A file name that is safe on every file system and cannot collide between two keys:
 * a readable slug of the key plus a short hash of the whole key.
 */
export function safeFileName(key: string, extension = 'html'): string {
  const slug =
    key
      .replace(/^https?:\/\//i, '')
      .toLowerCase()
      .replace(/[^a-z0-9.-]+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 60) || 'shop';
  return `${slug}-${shortHash(key)}.${extension}`;
}

/**
 * A file or folder name for a name from outside (a run label, a group from the list): readable,
 * safe on every file system, never empty, and distinct for distinct names within a run. A name
 * that is its own slug already (`twinkle100-2026`) stays as it is; any other gets a short hash of
 * the whole name, so "Ärzte" and "Arzte", "Mode" and "mode" (one file on a case-insensitive disk),
 * and names in scripts without Latin letters ("家电", "服装") never share a file. A plain name that
 * looks like slug plus hash is hashed too, so it cannot take another name's file.
 */
export function safeFolderName(name: string, fallback = 'run'): string {
  const slug =
    name
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9.-]+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 60) || fallback;
  if (slug === name && !/-[0-9a-f]{8}$/.test(slug)) return slug;
  return `${slug}-${shortHash(name)}`;
}
