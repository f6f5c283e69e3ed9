import type { Predicate, Where } from './grammar.js';

/** Reads a dotted path ("via.text") from an item; undefined when any step is missing. */
export function readField(item: unknown, path: string): unknown {
  let current: unknown = item;
  for (const step of stepsOf(path)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}

/** Rules read the same few paths for every item of every shop: each is split once. */
const pathSteps = new Map<string, string[]>();
function stepsOf(path: string): string[] {
  let steps = pathSteps.get(path);
  if (!steps) {
    steps = path.split('.');
    pathSteps.set(path, steps);
  }
  return steps;
}

const regexCache = new Map<string, RegExp>();
function regex(pattern: string): RegExp {
  let compiled = regexCache.get(pattern);
  if (!compiled) {
    compiled = new RegExp(pattern, 'i');
    regexCache.set(pattern, compiled);
  }
  return compiled;
}

/** Array-valued fields (crawl.modesUsed) match `equals`/`in` when any element does. */
function anyOfValue(value: unknown, test: (one: unknown) => boolean): boolean {
  return Array.isArray(value) ? value.some(test) : test(value);
}

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** The tests of `exists`, `equals`, `in` and `notIn`: what a value is. */
function valueHolds(value: unknown, predicate: Predicate): boolean {
  if (predicate.exists !== undefined && isPresent(value) !== predicate.exists) return false;
  if ('equals' in predicate && !anyOfValue(value, (one) => one === predicate.equals)) return false;
  const { in: within, notIn } = predicate;
  if (within && !anyOfValue(value, (one) => within.includes(one as never))) return false;
  return !(notIn && anyOfValue(value, (one) => notIn.includes(one as never)));
}

/** The tests of `atMost` and `atLeast`: a number within bounds. */
function boundsHold(value: unknown, predicate: Predicate): boolean {
  const { atMost, atLeast } = predicate;
  if (atMost !== undefined && !(typeof value === 'number' && value <= atMost)) return false;
  return atLeast === undefined || (typeof value === 'number' && value >= atLeast);
}

/** The tests of `matches` and `notMatches`; only `matches` needs a text to hold. */
function patternsHold(value: unknown, predicate: Predicate): boolean {
  const { matches, notMatches } = predicate;
  if (matches !== undefined && !(typeof value === 'string' && regex(matches).test(value))) return false;
  return !(notMatches !== undefined && typeof value === 'string' && regex(notMatches).test(value));
}

/** A missing field compares as null, so `equals: null` also holds when an extractor left it out. */
export function predicateHolds(field: unknown, predicate: Predicate): boolean {
  const value = field === undefined ? null : field;
  return valueHolds(value, predicate) && boundsHold(value, predicate) && patternsHold(value, predicate);
}

/** A `where` as a list of (path, predicate) pairs, made once per rule rather than once per item. */
const whereTests = new WeakMap<object, Array<[string, Predicate]>>();
function testsOf(where: Where | Where[]): Array<[string, Predicate]> {
  let tests = whereTests.get(where);
  if (!tests) {
    const clauses = Array.isArray(where) ? where : [where];
    tests = clauses.flatMap((clause) => Object.entries(clause) as Array<[string, Predicate]>);
    whereTests.set(where, tests);
  }
  return tests;
}

export function whereHolds(item: unknown, where: Where | Where[] | undefined): boolean {
  if (!where) return true;
  return testsOf(where).every(([path, predicate]) => predicateHolds(readField(item, path), predicate));
}
