export { contactCoverage, type ReadableContacts, readableContacts } from './contact-coverage.js';
export {
  type AuditRunSummary,
  countStored,
  createJudgeAndStore,
  type JudgeAndStoreOptions,
} from './judge-and-store.js';
export { judgeShop } from './judge-shop.js';
export { type ObserveOptions, observeShop } from './observe-shop.js';
export { FrozenRuleSetProvider, RuleSetProvider } from './rule-set-provider.js';
export { type AuditRunOptions, runAudit } from './run-audit.js';
