import { type AuditRunSummary, type ObserveOptions, type RuleSetProvider, runAudit } from '../audit/index.js';
import { createCrawlEnvironment } from '../crawl/index.js';
import type { ShopTarget } from '../input/types.js';
import type { Override } from '../rules/index.js';
import type { Store } from '../store/types.js';
import { createProgress } from './progress.js';

export interface AuditSessionOptions {
  store: Store;
  runId: number;
  targets: ShopTarget[];
  observe: ObserveOptions;
  ruleSets: RuleSetProvider;
  overrides?: Override[];
  concurrency: number;
  quiet?: boolean;
}

/**
 * Runs the shops of one run with a crawl environment that lives exactly as long as the run, shows
 * progress, and turns Ctrl-C into a clean stop: finished shops are stored, the rest can be resumed.
 */
export async function auditInSession(
  options: AuditSessionOptions,
): Promise<AuditRunSummary & { interrupted: boolean }> {
  const env = createCrawlEnvironment();
  const controller = new AbortController();
  const progress = options.quiet ? null : createProgress(options.targets.length);
  const onSignal = () => {
    process.stderr.write('\nStopping: shops in flight are abandoned, finished shops are stored.\n');
    controller.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const summary = await runAudit({
      store: options.store,
      runId: options.runId,
      targets: options.targets,
      concurrency: options.concurrency,
      observe: options.observe,
      ruleSets: options.ruleSets,
      overrides: options.overrides,
      env,
      signal: controller.signal,
      onShopStart: (target) => progress?.started(target),
      onShopDone: (outcome) => progress?.finished(outcome),
    });
    return { ...summary, interrupted: controller.signal.aborted };
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    progress?.close();
    await env.close();
  }
}
