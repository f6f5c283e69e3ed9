import type { ElementBox } from './types.js';

/**
 * Parses the browser's `data-sr-box="x,y,w,h"` mark (document coordinates, CSS px).
 * Anything malformed, negative in size or absurdly large yields undefined: a crop is only
 * drawn from a box we can trust.
 */
export function parseElementBox(value: string | undefined): ElementBox | undefined {
  if (!value) return undefined;
  const parts = value.split(',');
  if (parts.length !== 4) return undefined;
  const numbers = parts.map((p) => (/^\s*-?\d{1,7}\s*$/.test(p) ? Number(p) : Number.NaN));
  if (numbers.some((n) => !Number.isFinite(n))) return undefined;
  const [x, y, w, h] = numbers;
  if (w <= 0 || h <= 0) return undefined;
  return { x, y, w, h };
}
