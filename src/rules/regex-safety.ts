import { checkSync } from 'recheck';
import type { LintDiagnostic } from './diagnostics.js';
import type { YamlSource } from './yaml-source.js';

/** A pattern the checker cannot decide within this long is refused too. */
const CHECK_TIMEOUT_MS = 10_000;
const PATTERN_KEYS = new Set(['matches', 'notMatches']);

/** Every `matches`/`notMatches` pattern of a YAML file, with the path to it. */
function patternsIn(
  value: unknown,
  path: Array<string | number> = [],
): Array<{ pattern: string; path: Array<string | number> }> {
  if (Array.isArray(value)) return value.flatMap((item, i) => patternsIn(item, [...path, i]));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) =>
    PATTERN_KEYS.has(key) && typeof item === 'string'
      ? [{ pattern: item, path: [...path, key] }]
      : patternsIn(item, [...path, key]),
  );
}

const verdicts = new Map<string, string | null>();

/**
 * Why a rule pattern may not be used, or null: a pattern that can backtrack super-linearly (the
 * `recheck` analyser finds an attack string) would let one shop's text hang the judging of a run.
 * Patterns are matched case-insensitively, as the rules use them.
 */
export function unsafePatternReason(pattern: string): string | null {
  const known = verdicts.get(pattern);
  if (known !== undefined) return known;
  let reason: string | null = null;
  try {
    const result = checkSync(pattern, 'i', { timeout: CHECK_TIMEOUT_MS });
    if (result.status === 'vulnerable') {
      const attack =
        result.attack.string.length > 40 ? `${result.attack.string.slice(0, 40)}…` : result.attack.string;
      reason = `can backtrack catastrophically (${result.complexity.summary}), e.g. on ${JSON.stringify(attack)}`;
    } else if (result.status === 'unknown') {
      reason = `could not be shown safe from catastrophic backtracking (${result.error.kind})`;
    }
  } catch (error) {
    reason = `could not be checked for catastrophic backtracking: ${(error as Error).message}`;
  }
  verdicts.set(pattern, reason);
  return reason;
}

/** The patterns of a value (a rule set, a rule's conditions) that may not be used, with why. */
export function unsafePatterns(value: unknown): Array<{ pattern: string; reason: string }> {
  return patternsIn(value).flatMap(({ pattern }) => {
    const reason = unsafePatternReason(pattern);
    return reason ? [{ pattern, reason }] : [];
  });
}

/** A diagnostic for every pattern in the rule files that can backtrack catastrophically. */
export function unsafePatternDiagnostics(sources: YamlSource[]): LintDiagnostic[] {
  const diagnostics: LintDiagnostic[] = [];
  for (const source of sources) {
    for (const { pattern, path } of patternsIn(source.value)) {
      const reason = unsafePatternReason(pattern);
      if (reason) {
        diagnostics.push({
          file: source.file,
          line: source.lineOf(path),
          message: `the pattern ${JSON.stringify(pattern)} ${reason}; rewrite it without nested or overlapping repetition`,
        });
      }
    }
  }
  return diagnostics;
}
