import type { AuditRunSummary } from '../audit/index.js';
import { createProgress } from '../cli/progress.js';
import { type DistributedAuditOptions, runDistributedAudit } from './distributed-audit.js';

export type QueueSessionOptions = Omit<DistributedAuditOptions, 'signal' | 'onShopStart' | 'onShopDone'> & {
  quiet?: boolean;
};

/**
 * The coordinator as the CLI runs it: progress on stderr, and Ctrl-C stops collecting. The jobs
 * stay in Redis and the workers go on; `audit --resume RUN --queue …` collects what they finished.
 */
export async function auditViaQueue(
  options: QueueSessionOptions,
): Promise<AuditRunSummary & { interrupted: boolean }> {
  const controller = new AbortController();
  const progress = options.quiet ? null : createProgress(options.targets.length);
  const onSignal = () => {
    process.stderr.write(
      '\nStopping the coordinator: stored shops stay stored; workers keep going and their results wait in Redis.\n',
    );
    controller.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const summary = await runDistributedAudit({
      ...options,
      signal: controller.signal,
      onShopStart: (target) => progress?.started(target),
      onShopDone: (outcome) => progress?.finished(outcome),
    });
    return { ...summary, interrupted: controller.signal.aborted };
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    progress?.close();
  }
}
