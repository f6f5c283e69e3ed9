import { Ajv } from 'ajv';
import { type ListMessage, listMessage } from './list-message.js';

/**
 * The shape of one row of a shop list, whatever its format: a CSV row gives text only, a JSON entry
 * may give anything, and a number where a URL belongs must not become an address (5 → 0.0.0.5).
 */
const ROW_SCHEMA = {
  type: 'object',
  required: ['url'],
  properties: {
    url: { type: 'string' },
    name: { type: ['string', 'null'] },
    country: { type: ['string', 'null'] },
    group: { type: ['string', 'null'] },
  },
} as const;

const validate = new Ajv({ allErrors: false, strict: false }).compile(ROW_SCHEMA);

/** What a value is, for a message: a `kind` to select a phrase by, and the value when it is shown. */
export function kindOf(value: unknown): { kind: string; value: string } {
  if (value === null) return { kind: 'null', value: '' };
  if (Array.isArray(value)) return { kind: 'list', value: '' };
  if (typeof value === 'object') return { kind: 'object', value: '' };
  if (typeof value === 'number' || typeof value === 'boolean')
    return { kind: typeof value, value: String(value) };
  return { kind: 'other', value: '' };
}

/** Why a row does not fit the schema; null when it fits. */
export function rowShapeProblem(row: Record<string, unknown>): ListMessage | null {
  if (validate(row)) return null;
  const error = validate.errors?.[0];
  if (!error) return listMessage('list.wrongShape');
  if (error.keyword === 'required') return listMessage('list.noUrl');
  const field = error.instancePath.replace(/^\//, '');
  return listMessage('list.fieldNotText', { field, ...kindOf(row[field]) });
}
