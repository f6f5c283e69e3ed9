import { terminalSafe } from '../common/terminal-text.js';
import type { ShopTarget } from '../input/types.js';
import type { ShopOutcome } from '../store/types.js';
import { cliText } from './cli-language.js';

export interface Progress {
  started(target: ShopTarget): void;
  finished(outcome: ShopOutcome): void;
  close(): void;
}

export function describeOutcome(outcome: ShopOutcome): string {
  const { score, evidence } = outcome;
  const t = cliText();
  const values = {
    name: terminalSafe(evidence.target.name),
    status: evidence.crawl.status,
    verdict: t.term('outcome', score.verdict.outcome),
  };
  return score.score === null
    ? t('cli.outcomeUnrated', values)
    : t('cli.outcomeRated', { ...values, score: t.number(score.score), grade: score.grade ?? '–' });
}

/**
 * A one-line bar on a terminal; one line per finished shop otherwise (logs, CI), so a long run
 * always shows where it is.
 */
export function createProgress(
  /** The shops of the run; a function while a list is still being read (the total grows). */
  totalShops: number | (() => number),
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  const planned = typeof totalShops === 'function' ? totalShops : () => totalShops;
  let done = 0;
  const running = new Set<string>();
  const interactive = Boolean(stream.isTTY) && !process.env.CI;
  const startedAt = Date.now();

  const draw = (last?: string) => {
    const total = planned();
    const width = 24;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    const elapsed = Math.round((Date.now() - startedAt) / 1000);
    const counts = cliText()('cli.progress', { done, total, running: running.size, seconds: elapsed });
    const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${counts}${last ? ` · ${last}` : ''}`;
    stream.write(`\r\x1b[K${line.slice(0, (stream.columns ?? 120) - 1)}`);
  };

  return {
    started(target) {
      running.add(target.key);
      if (interactive) draw();
    },
    finished(outcome) {
      running.delete(outcome.target.key);
      done += 1;
      if (interactive) draw(describeOutcome(outcome));
      else
        stream.write(
          `[${done}/${planned()}] ${terminalSafe(outcome.target.url)} ${describeOutcome(outcome)}\n`,
        );
    },
    close() {
      if (interactive) stream.write('\n');
    },
  };
}
