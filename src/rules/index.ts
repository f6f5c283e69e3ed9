export { formatDiagnostic, type LintDiagnostic, RuleSetError } from './diagnostics.js';
export { evaluateRules } from './evaluate-rules.js';
export { conditionText, explainRule } from './explain.js';
export { lintRules, listProfiles, loadRuleSet, ruleSetLoader } from './load-rule-set.js';
export { loadOverrides, type Override, OverrideError } from './overrides.js';
export { profileForCountry } from './profile-for-country.js';
export type { Finding, LocalText, Outcome, Rule, RuleLevel, RuleReference, RuleSet } from './types.js';
export { OUTCOMES } from './types.js';
