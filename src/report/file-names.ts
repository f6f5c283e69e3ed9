import { createHash } from 'node:crypto';

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
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 8);
  return `${slug}-${hash}.${extension}`;
}

/** A folder name for a run label: readable, file-safe, never empty. */
export function safeFolderName(label: string): string {
  return (
    label
      .normalize('NFKD')
      .replace(/[^\w.-]+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 80) || 'run'
  );
}
