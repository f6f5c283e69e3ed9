import type { RuleSet } from './types.js';

const FLAG = /\+changed\.[0-9a-f]+$/;

/** The version as the VERSION file (or the profile) gave it, without a flag added here. */
export function declaredVersion(version: string): string {
  return version.replace(FLAG, '');
}

/**
 * A rule set compared with the one of the same profile it replaces (the run being rescored, or the
 * shipped rules): when its rules differ but its version does not, the version is flagged
 * ("2026.1+changed.27a7c4f8") so a run never claims the version of rules it did not use. Returns
 * the set unchanged when nothing differs or the version was raised.
 */
export function flagUnversionedChange(ruleSet: RuleSet, baseline: RuleSet | undefined): RuleSet {
  if (!baseline || baseline.id !== ruleSet.id) return ruleSet;
  if (declaredVersion(baseline.version) !== declaredVersion(ruleSet.version)) return ruleSet;
  if (baseline.hash === ruleSet.hash) return { ...ruleSet, version: baseline.version };
  return { ...ruleSet, version: `${declaredVersion(ruleSet.version)}+changed.${ruleSet.hash.slice(0, 8)}` };
}
