export { contactCoverage, type ReadableContacts, readableContacts } from './contact-coverage.js';
export { judgeShop } from './judge-shop.js';
export { type ObserveOptions, observeShop } from './observe-shop.js';
export { FrozenRuleSetProvider, RuleSetProvider } from './rule-set-provider.js';
export { type AuditRunOptions, type AuditRunSummary, runAudit } from './run-audit.js';
