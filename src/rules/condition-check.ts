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
  const fields = FIELDS[scope];
  return Object.entries(where).flatMap(([field, predicate]) => {
    const at = [...path, field];
    if (!(field in fields)) {
      return [
        {
          path: at,
          message: `unknown field "${field}" for ${scope} (known: ${Object.keys(fields).join(', ')})`,
        },
      ];
    }
    return checkPredicate(field, predicate, fields[field], at);
  });
}

/** One field's predicate map, e.g. `{ in: [footer, header] }`. */
function checkPredicate(
  field: string,
  predicate: unknown,
  known: readonly unknown[] | null | undefined,
  at: Path,
): SchemaProblem[] {
  if (!isRecord(predicate)) {
    return [{ path: at, message: `predicate for "${field}" must be a map such as { equals: … }` }];
  }
  const problems: SchemaProblem[] =
    Object.keys(predicate).length === 0 ? [{ path: at, message: `empty predicate for "${field}"` }] : [];
  for (const [op, operand] of Object.entries(predicate)) {
    problems.push(...checkOperator(field, op, operand, known, [...at, op]));
  }
  return problems;
}

/** One operator and its operand: the operator exists, the operand has its type and closed values. */
function checkOperator(
  field: string,
  op: string,
  operand: unknown,
  known: readonly unknown[] | null | undefined,
  at: Path,
): SchemaProblem[] {
  if (!(PREDICATE_OPS as readonly string[]).includes(op)) {
    return [{ path: at, message: `unknown predicate "${op}" (known: ${PREDICATE_OPS.join(', ')})` }];
  }
  if ((op === 'in' || op === 'notIn') && !Array.isArray(operand)) {
    return [{ path: at, message: `"${op}" needs a list` }];
  }
  const typeProblem = operandTypeProblem(op, operand);
  if (typeProblem) return [{ path: at, message: typeProblem }];
  const values = op === 'equals' ? [operand] : op === 'in' || op === 'notIn' ? (operand as unknown[]) : [];
  if (!known) return [];
  return values
    .filter((value) => value !== null && !known.includes(value))
    .map((value) => ({
      path: at,
      message: `"${String(value)}" is not a value of ${field} (known: ${known.join(', ')})`,
    }));
}

function operandTypeProblem(op: string, operand: unknown): string | null {
  if ((op === 'atMost' || op === 'atLeast') && typeof operand !== 'number') return `"${op}" needs a number`;
  if (op === 'exists' && typeof operand !== 'boolean') return '"exists" needs true or false';
  if (op === 'matches' || op === 'notMatches') {
    try {
      new RegExp(String(operand), 'i');
    } catch (error) {
      return `bad regular expression: ${(error as Error).message}`;
    }
  }
  return null;
}

/** Checks a condition as written in a rule file. `ruleIds` is checked later, per profile. */
export function checkCondition(
  raw: unknown,
  path: Path,
  selections: Map<string, Selection>,
): SchemaProblem[] {
  if (!isRecord(raw)) return [{ path, message: `${path.join('.')} must be a condition map` }];
  const key = conditionKey(raw);
  if (typeof key !== 'string') return [{ path, message: key.problem }];
  const body = raw[key];
  if ('is' in raw && key !== 'rule')
    return [{ path: [...path, 'is'], message: '"is" only goes with "rule"' }];
  return checkConditionBody(key, body, raw, path, selections);
}

/** The one key that says what kind of condition a map is (`is` goes beside `rule`). */
function conditionKey(raw: Record<string, unknown>): string | { problem: string } {
  const keys = Object.keys(raw);
  const main = keys.filter((key) => key !== 'is');
  if (main.length === 1 && (CONDITION_KEYS as readonly string[]).includes(main[0])) return main[0];
  return {
    problem: `a condition needs exactly one of ${CONDITION_KEYS.join(', ')} (found: ${keys.join(', ') || 'nothing'})`,
  };
}

function checkConditionBody(
  key: string,
  body: unknown,
  raw: Record<string, unknown>,
  path: Path,
  selections: Map<string, Selection>,
): SchemaProblem[] {
  const at = [...path, key];
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
    case 'rule':
      return checkRuleReference(body, raw.is, at, [...path, 'is']);
    case 'shop':
      return checkWhere(body, 'shop', at);
    default:
      return checkQuantified(key as (typeof QUANTIFIERS)[number], body, at, selections);
  }
}

/** `rule: id` with an optional `is:` outcome or list of outcomes. */
function checkRuleReference(body: unknown, is: unknown, at: Path, isPath: Path): SchemaProblem[] {
  const problems: SchemaProblem[] =
    typeof body === 'string' ? [] : [{ path: at, message: '"rule" needs a rule id' }];
  const expected = is === undefined ? [] : Array.isArray(is) ? is : [is];
  for (const outcome of expected.filter((value) => !isOutcome(value))) {
    problems.push({
      path: isPath,
      message: `"${String(outcome)}" is not an outcome (pass, fail, needs-review, not-applicable, not-assessable)`,
    });
  }
  return problems;
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
  if (quantifier === 'count') problems.push(...checkCountBounds(body, collection, at));
  return problems;
}

/** `count:`'s bounds and its `distinct` field. */
function checkCountBounds(body: Record<string, unknown>, collection: Collection, at: Path): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
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
