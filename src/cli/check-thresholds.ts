import { translator } from '../i18n/index.js';
import type { CheckView } from '../report/check-view.js';
import type { RuleSet } from '../rules/types.js';
import { FAIL_ON_GROUPS, type Thresholds } from './check-config.js';
import { UserError } from './user-error.js';

const LEVELS = new Set<string>(['law', 'interpretation', 'good-practice']);

/** A failOn entry must be a group or a rule of the rule set the site is judged with. */
export function checkFailOnNames(failOn: string[], ruleSet: RuleSet, where: (index: number) => string): void {
  const ids = new Set(ruleSet.rules.map((rule) => rule.id));
  failOn.forEach((name, index) => {
    if (!(FAIL_ON_GROUPS as readonly string[]).includes(name) && !ids.has(name)) {
      throw UserError.say('error.failOnUnknown', {
        where: where(index),
        name,
        groups: FAIL_ON_GROUPS.join(', '),
        ruleSet: ruleSet.id,
      });
    }
  });
}

/**
 * The thresholds a judged shop does not meet, one sentence each in the shop's language; empty
 * when it meets them all. Failed rules are named by their titles.
 */
export function unmetThresholds(view: CheckView, thresholds: Thresholds): string[] {
  const { result } = view;
  const t = translator(view.lang);
  const unmet: string[] = [];
  const { minScore, failOn = [] } = thresholds;
  if (minScore !== undefined && (result.score === null || result.score < minScore)) {
    unmet.push(
      result.score === null
        ? t('check.threshold.notRated', { status: result.status, min: minScore })
        : t('check.threshold.belowMin', { score: result.score, min: minScore }),
    );
  }
  const failed = view.failures;
  for (const name of failOn) {
    if (name === 'headline') {
      if (result.verdict.outcome === 'fail') unmet.push(t('check.threshold.headline'));
      continue;
    }
    const hits = LEVELS.has(name)
      ? failed.filter((item) => item.finding.level === name)
      : failed.filter((item) => item.finding.rule === name);
    if (hits.length > 0) {
      const rules = t.list(hits.map((item) => `“${item.title}”`));
      unmet.push(t('check.threshold.failed', { count: hits.length, name, rules }));
    }
  }
  return unmet;
}
