import type { CommandModule } from 'yargs';
import { terminalSafe } from '../../common/terminal-text.js';
import { locateBrowser } from '../../crawl/index.js';
import { DEFAULT_LOCK_DURATION_MS } from '../../queue/defaults.js';
import { parseQueueAddress, QueueAddressError } from '../../queue/queue-address.js';
import { cliText } from '../cli-language.js';
import { UserError } from '../user-error.js';

interface WorkerArgs {
  queue: string;
  concurrency: number;
  'lock-duration': number;
}

function address(text: string) {
  try {
    return parseQueueAddress(text);
  } catch (error) {
    if (error instanceof QueueAddressError) throw UserError.of(error.message);
    throw error;
  }
}

export const workerCommand: CommandModule<object, WorkerArgs> = {
  command: 'worker',
  describe: 'gather shop evidence for a distributed audit (jobs from a Redis queue); runs until stopped',
  builder: (yargs) =>
    yargs
      .option('queue', {
        type: 'string',
        demandOption: true,
        describe: 'the Redis queue: redis://HOST:PORT[/DB][?name=QUEUE]',
      })
      .option('concurrency', {
        type: 'number',
        default: 4,
        describe: 'shops gathered at once by this worker',
      })
      .option('lock-duration', {
        type: 'number',
        default: DEFAULT_LOCK_DURATION_MS / 1000,
        describe:
          "seconds a job stays locked without renewal; a dead worker's shops go to another worker after about 1.5× this",
      })
      .example('$0 worker --queue redis://10.0.0.5:6379 --concurrency 4', '') as never,
  handler: async (args) => {
    const queue = address(args.queue);
    if (!Number.isFinite(args.concurrency) || args.concurrency < 1)
      throw UserError.say('error.concurrencyMin');
    if (!Number.isFinite(args['lock-duration']) || args['lock-duration'] < 1)
      throw UserError.say('error.lockDurationMin');
    const t = cliText();
    if (!(await locateBrowser())) process.stderr.write(`${t('cli.worker.noBrowser')}\n`);
    const { startShopWorker } = await import('../../queue/shop-worker.js');
    const worker = startShopWorker({
      address: queue,
      concurrency: Math.floor(args.concurrency),
      lockDurationMs: args['lock-duration'] * 1000,
      onJobStart: (job) =>
        process.stderr.write(
          `${t('cli.worker.start', { url: terminalSafe(job.data.target.url), job: terminalSafe(job.id), attempt: job.attemptsMade + 1 })}\n`,
        ),
      onJobDone: (job, evidence) =>
        process.stderr.write(
          `${t('cli.worker.done', { url: terminalSafe(job.data.target.url), status: evidence.crawl.status })}\n`,
        ),
      onJobError: (job, error) => {
        const message = terminalSafe(error.message);
        const line = job
          ? t('cli.worker.failed', { url: terminalSafe(job.data.target.url), error: message })
          : t('cli.worker.queueError', { error: message });
        process.stderr.write(`${line}\n`);
      },
    });
    process.stderr.write(
      `${t('cli.worker.taking', { queue: queue.display, count: Math.floor(args.concurrency) })}\n`,
    );
    await new Promise<void>((resolve) => {
      let stopping = false;
      const stop = () => {
        if (stopping) {
          process.stderr.write(`${t('cli.worker.stopNow')}\n`);
          process.exit(1);
        }
        stopping = true;
        process.stderr.write(`${t('cli.worker.finishing')}\n`);
        void worker.close().then(resolve, resolve);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
  },
};
