import {
  COLLECTIONS,
  CONDITION_KEYS,
  type Collection,
  type Condition,
  FIELDS,
  isOutcome,
  PREDICATE_OPS,
  type Quantified,
  type Where,
} from './grammar.js';
import type { SchemaProblem } from './rule-schema.js';

/** A named, reusable filter from rules/selections.yaml, resolved to its base collection. */
export interface Selection {
  name: string;
  in: Collection;
  where: Where[];
}

type Path = Array<string | number>;
const QUANTIFIERS = ['some', 'none', 'all', 'count'] as const;
const QUANTIFIER_KEYS: Record<(typeof QUANTIFIERS)[number], string[]> = {
  some: ['in', 'where'],
  none: ['in', 'where'],
  all: ['in', 'where', 'expect'],
  count: ['in', 'where', 'atLeast', 'atMost', 'distinct'],
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Which base collection a name stands for (a collection, or a selection built on one). */
export function collectionOf(name: unknown, selections: Map<string, Selection>): Collection | undefined {
  if (typeof name !== 'string') return undefined;
  if ((COLLECTIONS as readonly string[]).includes(name)) return name as Collection;
  return selections.get(name)?.in;
}

/** Checks a `where:` map: known fields of the collection, known operators, values of closed sets. */
export function checkWhere(where: unknown, scope: Collection | 'shop', path: Path): SchemaProblem[] {
  if (!isRecord(where)) return [{ path, message: `${path.join('.')} must be a map of field → predicate` }];
  const problems: SchemaProblem[] = [];
  const fields = FIELDS[scope];
  for (const [field, predicate] of Object.entries(where)) {
    const at = [...path, field];
    if (!(field in fields)) {
      problems.push({
        path: at,
        message: `unknown field "${field}" for ${scope} (known: ${Object.keys(fields).join(', ')})`,
      });
      continue;
    }
    if (!isRecord(predicate)) {
      problems.push({ path: at, message: `predicate for "${field}" must be a map such as { equals: … }` });
      continue;
    }
    if (Object.keys(predicate).length === 0)
      problems.push({ path: at, message: `empty predicate for "${field}"` });
    const known = fields[field];
    for (const [op, operand] of Object.entries(predicate)) {
      const opPath = [...at, op];
      if (!(PREDICATE_OPS as readonly string[]).includes(op)) {
        problems.push({
          path: opPath,
          message: `unknown predicate "${op}" (known: ${PREDICATE_OPS.join(', ')})`,
        });
        continue;
      }
      const values = op === 'equals' ? [operand] : op === 'in' || op === 'notIn' ? operand : undefined;
      if ((op === 'in' || op === 'notIn') && !Array.isArray(operand)) {
        problems.push({ path: opPath, message: `"${op}" needs a list` });
        continue;
      }
      if ((op === 'atMost' || op === 'atLeast') && typeof operand !== 'number') {
        problems.push({ path: opPath, message: `"${op}" needs a number` });
      }
      if (op === 'exists' && typeof operand !== 'boolean')
        problems.push({ path: opPath, message: '"exists" needs true or false' });
      if (op === 'matches' || op === 'notMatches') {
        try {
          new RegExp(String(operand), 'i');
        } catch (error) {
          problems.push({ path: opPath, message: `bad regular expression: ${(error as Error).message}` });
        }
      }
      if (known && Array.isArray(values)) {
        for (const value of values) {
          if (value !== null && !known.includes(value as never)) {
            problems.push({
              path: opPath,
              message: `"${String(value)}" is not a value of ${field} (known: ${known.join(', ')})`,
            });
          }
        }
      }
    }
  }
  return problems;
}

/** Checks a condition as written in a rule file. `ruleIds` is checked later, per profile. */
export function checkCondition(
  raw: unknown,
  path: Path,
  selections: Map<string, Selection>,
): SchemaProblem[] {
  if (!isRecord(raw)) return [{ path, message: `${path.join('.')} must be a condition map` }];
  const keys = Object.keys(raw);
  const main = keys.filter((key) => key !== 'is');
  if (main.length !== 1 || !(CONDITION_KEYS as readonly string[]).includes(main[0])) {
    return [
      {
        path,
        message: `a condition needs exactly one of ${CONDITION_KEYS.join(', ')} (found: ${keys.join(', ') || 'nothing'})`,
      },
    ];
  }
  const key = main[0];
  const body = raw[key];
  const at = [...path, key];
  if (keys.includes('is') && key !== 'rule')
    return [{ path: [...path, 'is'], message: '"is" only goes with "rule"' }];
  switch (key) {
    case 'always':
      return typeof body === 'boolean' ? [] : [{ path: at, message: '"always" needs true or false' }];
    case 'not':
      return checkCondition(body, at, selections);
    case 'allOf':
    case 'anyOf':
      if (!Array.isArray(body) || body.length === 0)
        return [{ path: at, message: `"${key}" needs a non-empty list of conditions` }];
      return body.flatMap((child, index) => checkCondition(child, [...at, index], selections));
    case 'rule': {
      const problems: SchemaProblem[] = [];
      if (typeof body !== 'string') problems.push({ path: at, message: '"rule" needs a rule id' });
      const expected = raw.is === undefined ? [] : Array.isArray(raw.is) ? raw.is : [raw.is];
      for (const outcome of expected) {
        if (!isOutcome(outcome)) {
          problems.push({
            path: [...path, 'is'],
            message: `"${String(outcome)}" is not an outcome (pass, fail, needs-review, not-applicable, not-assessable)`,
          });
        }
      }
      return problems;
    }
    case 'shop':
      return checkWhere(body, 'shop', at);
    default:
      return checkQuantified(key as (typeof QUANTIFIERS)[number], body, at, selections);
  }
}

function checkQuantified(
  quantifier: (typeof QUANTIFIERS)[number],
  body: unknown,
  at: Path,
  selections: Map<string, Selection>,
): SchemaProblem[] {
  if (!isRecord(body)) return [{ path: at, message: `"${quantifier}" needs a map with "in"` }];
  const problems: SchemaProblem[] = [];
  for (const field of Object.keys(body)) {
    if (!QUANTIFIER_KEYS[quantifier].includes(field)) {
      problems.push({
        path: [...at, field],
        message: `unknown field "${field}" in "${quantifier}" (allowed: ${QUANTIFIER_KEYS[quantifier].join(', ')})`,
      });
    }
  }
  const collection = collectionOf(body.in, selections);
  if (!collection) {
    problems.push({
      path: [...at, 'in'],
      message: `"${String(body.in)}" is neither a collection (${COLLECTIONS.join(', ')}) nor a selection in selections.yaml`,
    });
    return problems;
  }
  if (body.where !== undefined) problems.push(...checkWhere(body.where, collection, [...at, 'where']));
  if (quantifier === 'all') {
    if (body.expect === undefined)
      problems.push({ path: at, message: '"all" needs "expect": what every selected item must satisfy' });
    else problems.push(...checkWhere(body.expect, collection, [...at, 'expect']));
  }
  if (quantifier === 'count') {
    if (body.atLeast === undefined && body.atMost === undefined)
      problems.push({ path: at, message: '"count" needs atLeast and/or atMost' });
    for (const bound of ['atLeast', 'atMost'] as const) {
      if (body[bound] !== undefined && (typeof body[bound] !== 'number' || (body[bound] as number) < 0)) {
        problems.push({ path: [...at, bound], message: `"${bound}" needs a number ≥ 0` });
      }
    }
    if (body.distinct !== undefined && !(String(body.distinct) in FIELDS[collection])) {
      problems.push({
        path: [...at, 'distinct'],
        message: `unknown field "${String(body.distinct)}" for ${collection}`,
      });
    }
  }
  return problems;
}

/** Checks an `in` + `where` pair outside a condition (a rule's `adviceFor`). */
export function checkQuantifiedBody(
  body: { in: unknown; where: unknown },
  at: Path,
  selections: Map<string, Selection>,
): SchemaProblem[] {
  const present = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
  return checkQuantified('some', present, at, selections);
}

/** The rule ids a condition refers to. */
export function referencedRules(raw: unknown): string[] {
  if (!isRecord(raw)) return [];
  if (typeof raw.rule === 'string') return [raw.rule];
  if (raw.not !== undefined) return referencedRules(raw.not);
  const list = raw.allOf ?? raw.anyOf;
  return Array.isArray(list) ? list.flatMap(referencedRules) : [];
}

/** Replaces selection names by their collection and filters, so the rule set stands on its own. */
export function resolveCondition(raw: unknown, selections: Map<string, Selection>): Condition {
  const node = raw as Record<string, unknown>;
  for (const quantifier of QUANTIFIERS) {
    const body = node[quantifier] as (Quantified & Record<string, unknown>) | undefined;
    if (!body) continue;
    const selection = selections.get(body.in);
    if (!selection) return raw as Condition;
    const own = body.where ? [body.where as Where] : [];
    return {
      [quantifier]: {
        ...body,
        in: selection.in,
        selection: selection.name,
        selectionClauses: selection.where.length,
        where: [...selection.where, ...own],
      },
    } as unknown as Condition;
  }
  if (Array.isArray(node.allOf))
    return { allOf: node.allOf.map((child) => resolveCondition(child, selections)) };
  if (Array.isArray(node.anyOf))
    return { anyOf: node.anyOf.map((child) => resolveCondition(child, selections)) };
  if (node.not !== undefined) return { not: resolveCondition(node.not, selections) };
  return raw as Condition;
}
