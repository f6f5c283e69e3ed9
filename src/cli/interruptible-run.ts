import type { ShopTarget } from '../input/types.js';
import type { ShopOutcome } from '../store/types.js';
import { createProgress } from './progress.js';

export interface ShopRunHooks {
  signal: AbortSignal;
  onShopStart: (target: ShopTarget) => void;
  onShopDone: (outcome: ShopOutcome) => void;
}

/**
 * Runs the shops of a run the way the CLI shows them: progress on stderr, and Ctrl-C (or SIGTERM)
 * aborts the signal after printing what happens to the work, so the caller can stop cleanly.
 */
export async function runInterruptibly<T extends object>(
  total: number | (() => number),
  options: { quiet?: boolean; stopMessage: string },
  run: (hooks: ShopRunHooks) => Promise<T>,
): Promise<T & { interrupted: boolean }> {
  const controller = new AbortController();
  const progress = options.quiet ? null : createProgress(total);
  const onSignal = () => {
    process.stderr.write(`\n${options.stopMessage}\n`);
    controller.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const result = await run({
      signal: controller.signal,
      onShopStart: (target) => progress?.started(target),
      onShopDone: (outcome) => progress?.finished(outcome),
    });
    return { ...result, interrupted: controller.signal.aborted };
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    progress?.close();
  }
}
