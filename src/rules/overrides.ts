import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import type { ShopEvidence } from '../evidence/types.js';
import { isOutcome } from './grammar.js';
import type { Finding, Outcome } from './types.js';

/** A person's decision about one rule for one shop, with the written reason that justifies it. */
export interface Override {
  /** The shop's key or origin (as in the evidence's target). */
  shop: string;
  rule: string;
  outcome: Outcome | 'off';
  reason: string;
  by?: string;
  at?: string;
}

export class OverrideError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'OverrideError';
  }
}

/** Lower-case scheme and host, no trailing slash: how shop keys are compared. */
export function normaliseShop(value: string): string {
  const trimmed = value.trim().replace(/\/+$/, '');
  try {
    const url = new URL(trimmed);
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`.toLowerCase();
  } catch {
    return trimmed.toLowerCase();
  }
}

export function overrideFor(
  overrides: Override[],
  evidence: ShopEvidence,
  ruleId: string,
): Override | undefined {
  if (overrides.length === 0) return undefined;
  const names = [evidence.target.key, evidence.target.origin, evidence.target.input]
    .filter((name): name is string => typeof name === 'string' && name.length > 0)
    .map(normaliseShop);
  // The last matching entry wins, so a later line in the file can correct an earlier one.
  for (let i = overrides.length - 1; i >= 0; i--) {
    const entry = overrides[i];
    if (entry.rule === ruleId && names.includes(normaliseShop(entry.shop))) return entry;
  }
  return undefined;
}

export function applyOverride(computed: Finding, override: Override): Finding {
  return {
    ...computed,
    outcome: override.outcome === 'off' ? computed.outcome : override.outcome,
    reason: override.reason,
    override: {
      outcome: override.outcome,
      computed: computed.outcome,
      reason: override.reason,
      ...(override.by ? { by: override.by } : {}),
      ...(override.at ? { at: override.at } : {}),
    },
  };
}

const FIELDS = new Set(['shop', 'rule', 'outcome', 'reason', 'by', 'at']);

/**
 * Reads overrides from YAML or JSON: either a list of entries or `{ overrides: [...] }`.
 * Every problem names the file, the entry (1-based) and its line.
 */
export function loadOverrides(file: string): Override[] {
  const text = readFileSync(file, 'utf8');
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const fail = (message: string, offset?: number): never => {
    const line = offset === undefined ? undefined : lines.linePos(offset).line;
    throw new OverrideError(`${file}${line ? `:${line}` : ''}: ${message}`, file, line);
  };
  if (doc.errors.length > 0)
    fail(
      `not valid ${extname(file) === '.json' ? 'JSON' : 'YAML'}: ${doc.errors[0].message}`,
      doc.errors[0].pos[0],
    );
  // The whole document once, under the yaml library's alias limit: an alias bomb is refused here.
  let whole: unknown;
  try {
    whole = doc.toJS();
  } catch (error) {
    const alias = /(^|[\s[{,:-])\*[^\s,\]}]+/m.exec(text);
    fail(`cannot be read: ${(error as Error).message}`, alias ? alias.index + alias[1].length : 0);
  }
  let list: unknown = doc.contents;
  let values = whole as unknown[];
  if (isMap(list)) {
    list = list.get('overrides', true);
    values = (whole as { overrides?: unknown[] }).overrides ?? [];
  }
  if (list === null || list === undefined) return [];
  if (!isSeq(list))
    return fail('expected a list of overrides (or an `overrides:` list)', doc.contents?.range?.[0]);

  return list.items.map((node, index) => {
    const where = `override ${index + 1}`;
    const offset = (node as { range?: [number, number, number] }).range?.[0];
    if (!isMap(node)) return fail(`${where}: expected a mapping with shop, rule, outcome and reason`, offset);
    const entry = values[index] as Record<string, unknown>;
    const label = `${where} (shop ${String(entry.shop ?? '?')}, rule ${String(entry.rule ?? '?')})`;
    for (const key of Object.keys(entry)) {
      if (!FIELDS.has(key)) fail(`${label}: unknown field "${key}"`, offset);
    }
    for (const key of ['shop', 'rule', 'reason'] as const) {
      if (typeof entry[key] !== 'string' || (entry[key] as string).trim() === '') {
        fail(
          `${label}: "${key}" is missing or empty${key === 'reason' ? ' (every override needs a written reason)' : ''}`,
          offset,
        );
      }
    }
    if (entry.outcome !== 'off' && !isOutcome(entry.outcome)) {
      fail(
        `${label}: outcome must be pass, fail, needs-review, not-applicable, not-assessable or off, not "${String(entry.outcome)}"`,
        offset,
      );
    }
    for (const key of ['by', 'at'] as const) {
      if (entry[key] !== undefined && typeof entry[key] !== 'string') {
        // YAML reads an unquoted date as a string here, but a number or list is a mistake.
        fail(`${label}: "${key}" must be text`, offset);
      }
    }
    return {
      shop: entry.shop as string,
      rule: entry.rule as string,
      outcome: entry.outcome as Outcome | 'off',
      reason: (entry.reason as string).trim(),
      ...(entry.by ? { by: entry.by as string } : {}),
      ...(entry.at ? { at: entry.at as string } : {}),
    };
  });
}
