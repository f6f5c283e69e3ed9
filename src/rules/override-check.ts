import { distance } from 'fastest-levenshtein';
import { normaliseShop, type Override } from './overrides.js';

/** What an overrides file is checked against: the rules and the shops of the run it is applied to. */
export interface OverrideScope {
  /** How messages name it: `run 3 "nl-2026"`, `the shop list`. */
  name: string;
  ruleIds: Iterable<string>;
  /** Each shop by every name an override may use for it (key, origin, the URL as listed). */
  shops: Array<{ key: string; names: Array<string | null | undefined> }>;
}

const SUGGESTIONS = 3;

/** The known values nearest to a misspelt one, nearest first. */
export function closest(value: string, known: Iterable<string>, count = SUGGESTIONS): string[] {
  return [...new Set(known)]
    .map((candidate) => ({ candidate, d: distance(value.toLowerCase(), candidate.toLowerCase()) }))
    .sort((a, b) => a.d - b.d || a.candidate.localeCompare(b.candidate))
    .slice(0, count)
    .map((entry) => entry.candidate);
}

export interface OverrideProblem {
  /** The entry's index in the list checked. */
  index: number;
  message: string;
}

/**
 * Every override that would silently do nothing: a rule id no rule set of the run has, or a shop
 * that is not in the run. Each problem is one line: file:line, the entry, and the closest ids or
 * shop URLs the run does know.
 */
export function overrideProblems(
  overrides: Override[],
  scope: OverrideScope,
  file: string,
): OverrideProblem[] {
  const ruleIds = new Set(scope.ruleIds);
  const shopNames = new Set(
    scope.shops.flatMap((shop) =>
      shop.names.filter((n): n is string => typeof n === 'string' && n !== '').map(normaliseShop),
    ),
  );
  const problems: OverrideProblem[] = [];
  overrides.forEach((entry, index) => {
    const where = `${file}${entry.line ? `:${entry.line}` : ''}: override ${index + 1} (shop ${entry.shop}, rule ${entry.rule})`;
    if (!ruleIds.has(entry.rule)) {
      problems.push({
        index,
        message: `${where}: no rule "${entry.rule}" in the rule sets of ${scope.name}; closest: ${closest(entry.rule, ruleIds).join(', ')}`,
      });
    }
    if (!shopNames.has(normaliseShop(entry.shop))) {
      const keys = scope.shops.map((shop) => shop.key);
      problems.push({
        index,
        message: `${where}: the shop is not in ${scope.name}; closest: ${closest(normaliseShop(entry.shop), keys).join(', ') || 'none (no shops)'}`,
      });
    }
  });
  return problems;
}
