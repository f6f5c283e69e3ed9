import type { ShopResult } from '../report/index.js';
import type { RuleSet } from '../rules/types.js';
import { FAIL_ON_GROUPS, type Thresholds } from './check-config.js';
import { UserError } from './user-error.js';

const LEVELS = new Set<string>(['law', 'interpretation', 'good-practice']);

/** A failOn entry must be a group or a rule of the rule set the site is judged with. */
export function checkFailOnNames(failOn: string[], ruleSet: RuleSet, where: (index: number) => string): void {
  const ids = new Set(ruleSet.rules.map((rule) => rule.id));
  failOn.forEach((name, index) => {
    if (!(FAIL_ON_GROUPS as readonly string[]).includes(name) && !ids.has(name)) {
      throw new UserError(
        `${where(index)}: failOn names "${name}", which is neither ${FAIL_ON_GROUPS.join(', ')} nor a rule of rule set ${ruleSet.id}.`,
      );
    }
  });
}

/** The thresholds a judged shop does not meet, one sentence each; empty when it meets them all. */
export function unmetThresholds(result: ShopResult, thresholds: Thresholds): string[] {
  const unmet: string[] = [];
  const { minScore, failOn = [] } = thresholds;
  if (minScore !== undefined && (result.score === null || result.score < minScore)) {
    unmet.push(
      result.score === null
        ? `Not rated (status ${result.status}): the minimum score ${minScore} is not met.`
        : `Score ${result.score} is below the minimum ${minScore}.`,
    );
  }
  const failed = result.findings.filter((f) => f.outcome === 'fail');
  for (const name of failOn) {
    if (name === 'headline') {
      if (result.verdict.outcome === 'fail') unmet.push('The headline verdict fails (failOn: headline).');
      continue;
    }
    const hits = LEVELS.has(name)
      ? failed.filter((f) => f.level === name)
      : failed.filter((f) => f.rule === name);
    if (hits.length > 0) unmet.push(`Failed ${hits.map((f) => f.rule).join(', ')} (failOn: ${name}).`);
  }
  return unmet;
}
