import type { AuditRunSummary } from '../audit/index.js';
import { type DistributedAuditOptions, runDistributedAudit } from '../queue/distributed-audit.js';
import { cliText } from './cli-language.js';
import { runInterruptibly } from './interruptible-run.js';

export type QueueSessionOptions = Omit<DistributedAuditOptions, 'signal' | 'onShopStart' | 'onShopDone'> & {
  quiet?: boolean;
};

/**
 * The coordinator as the CLI runs it. Ctrl-C stops collecting; the jobs stay in Redis and the
 * workers go on, and `audit --resume RUN --queue …` collects what they finished.
 */
export function auditViaQueue(
  options: QueueSessionOptions,
): Promise<AuditRunSummary & { interrupted: boolean }> {
  return runInterruptibly(
    options.targets.length,
    {
      quiet: options.quiet,
      stopMessage: cliText()('cli.stoppingCoordinator'),
    },
    (hooks) => runDistributedAudit({ ...options, ...hooks }),
  );
}
