import { normaliseCountry } from './country-code.js';
import { normaliseShopUrl } from './normalise-url.js';
import type { InputProblem, ShopTarget } from './types.js';

export interface RawShopRow {
  line: number;
  text: string;
  url?: unknown;
  name?: unknown;
  country?: unknown;
  group?: unknown;
}

function optionalString(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

/** Validates one row of any list format; the caller collects the problems with their line numbers. */
export function toShopTarget(row: RawShopRow): ShopTarget | InputProblem {
  const rawUrl = optionalString(row.url);
  if (!rawUrl) return { line: row.line, text: row.text, message: 'no url' };
  const url = normaliseShopUrl(rawUrl);
  if (!url.ok) return { line: row.line, text: row.text, message: url.message };
  const target: ShopTarget = { key: url.key, url: url.url, line: row.line };
  const name = optionalString(row.name);
  if (name) target.name = name;
  const group = optionalString(row.group);
  if (group) target.group = group;
  const country = optionalString(row.country);
  if (country) {
    const checked = normaliseCountry(country);
    if (!checked.ok) return { line: row.line, text: row.text, message: checked.message };
    target.country = checked.country;
  }
  return target;
}

export function isProblem(value: ShopTarget | InputProblem): value is InputProblem {
  return 'message' in value;
}
