import { type AuditRunSummary, type ObserveOptions, type RuleSetProvider, runAudit } from '../audit/index.js';
import { createCrawlEnvironment } from '../crawl/index.js';
import type { ShopTarget } from '../input/types.js';
import type { Override } from '../rules/index.js';
import type { Store } from '../store/types.js';
import { cliText } from './cli-language.js';
import { runInterruptibly } from './interruptible-run.js';

export interface AuditSessionOptions {
  store: Store;
  runId: number;
  targets: ShopTarget[] | AsyncIterable<ShopTarget>;
  /** The number of shops, when `targets` is a list still being read (it may grow). */
  total?: () => number;
  observe: ObserveOptions;
  ruleSets: RuleSetProvider;
  overrides?: Override[];
  concurrency: number;
  quiet?: boolean;
}

/**
 * Runs the shops of one run on this machine, with a crawl environment that lives exactly as long as
 * the run. Ctrl-C is a clean stop: finished shops are stored, the rest can be resumed.
 */
export async function auditInSession(
  options: AuditSessionOptions,
): Promise<AuditRunSummary & { interrupted: boolean }> {
  const env = createCrawlEnvironment();
  try {
    return await runInterruptibly(
      options.total ?? (Array.isArray(options.targets) ? options.targets.length : 0),
      {
        quiet: options.quiet,
        stopMessage: cliText()('cli.stopping'),
      },
      (hooks) =>
        runAudit({
          store: options.store,
          runId: options.runId,
          targets: options.targets,
          concurrency: options.concurrency,
          observe: options.observe,
          ruleSets: options.ruleSets,
          overrides: options.overrides,
          env,
          ...hooks,
        }),
    );
  } finally {
    await env.close();
  }
}
