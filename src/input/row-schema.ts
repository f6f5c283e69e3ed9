import { Ajv } from 'ajv';

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

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `the value ${value}`;
  return typeof value;
}

/** Why a row does not fit the schema, in one sentence; null when it fits. */
export function rowShapeProblem(row: Record<string, unknown>): string | null {
  if (validate(row)) return null;
  const error = validate.errors?.[0];
  if (!error) return 'the row has the wrong shape';
  if (error.keyword === 'required') return 'no url';
  const field = error.instancePath.replace(/^\//, '');
  return `"${field}" must be text, not ${kindOf(row[field])}`;
}
