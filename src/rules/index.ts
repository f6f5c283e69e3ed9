export { type AdviceTemplate, adviceFor, adviceItems } from './advice.js';
export { referencedRules } from './condition-check.js';
export { formatDiagnostic, type LintDiagnostic, RuleSetError } from './diagnostics.js';
export { selectItems } from './evaluate-condition.js';
export { evaluateRules } from './evaluate-rules.js';
export { conditionText, explainRule } from './explain.js';
export { findingReason } from './finding-reason.js';
export { RULE_LANGUAGES, type RuleLanguage, textIn } from './languages.js';
export { lintRules, listProfiles, loadRuleSet, ruleSetLoader } from './load-rule-set.js';
export { closest, type OverrideProblem, type OverrideScope, overrideProblems } from './override-check.js';
export { loadOverrides } from './override-file.js';
export { type CarriedFrom, normaliseShop, type Override, OverrideError } from './overrides.js';
export { profileForCountry } from './profile-for-country.js';
export { unsafePatterns } from './regex-safety.js';
export { selectionOf } from './selection-of.js';
export { TimeLimitError, withinTimeLimit } from './time-limit.js';
export type {
  Finding,
  LocalText,
  Outcome,
  ReasonText,
  Rule,
  RuleLevel,
  RuleReference,
  RuleSet,
} from './types.js';
export { OUTCOMES } from './types.js';
export { declaredVersion, flagUnversionedChange } from './version-flag.js';
