import { normaliseCountry } from './country-code.js';
import { type ListMessage, listMessage, problemAt } from './list-message.js';
import { credentialsRemoved, normaliseShopUrl, withoutCredentials } from './normalise-url.js';
import { rowShapeProblem } from './row-schema.js';
import type { ListEntry } from './types.js';

/** One row as a list format gives it: its line, its text as written, and its fields (of any type). */
export interface RawShopRow {
  line: number;
  text: string;
  fields: Record<string, unknown>;
}

function optionalText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text === '' ? undefined : text;
}

/** Validates one row of any list format (its shape, then its values) into a shop or a problem. */
export function toListEntry(row: RawShopRow): ListEntry {
  const text = withoutCredentials(row.text);
  const problem = (says: ListMessage): ListEntry => ({
    kind: 'problem',
    problem: problemAt(row.line, text, says),
  });
  const shape = rowShapeProblem(row.fields);
  if (shape) return problem(shape);
  const rawUrl = optionalText(row.fields.url);
  if (!rawUrl) return problem(listMessage('list.noUrl'));
  const url = normaliseShopUrl(rawUrl);
  if (!url.ok) return problem(url);
  const target: ListEntry & { kind: 'shop' } = {
    kind: 'shop',
    target: { key: url.key, url: url.url, line: row.line },
  };
  const name = optionalText(row.fields.name);
  if (name) target.target.name = name;
  const group = optionalText(row.fields.group);
  if (group) target.target.group = group;
  const country = optionalText(row.fields.country);
  if (country) {
    const checked = normaliseCountry(country);
    if (!checked.ok) return problem(checked);
    target.target.country = checked.country;
  }
  if (url.removedCredentials) target.warning = credentialsRemoved();
  return target;
}
