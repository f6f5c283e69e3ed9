import type { CommandModule } from 'yargs';
import { locateBrowser } from '../../crawl/index.js';
import { DEFAULT_LOCK_DURATION_MS } from '../../queue/defaults.js';
import { parseQueueAddress, QueueAddressError } from '../../queue/queue-address.js';
import { terminalSafe } from '../../shared/terminal-text.js';
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
    if (error instanceof QueueAddressError) throw new UserError(error.message);
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
      throw new UserError('--concurrency must be at least 1.');
    if (!Number.isFinite(args['lock-duration']) || args['lock-duration'] < 1)
      throw new UserError('--lock-duration must be at least 1 second.');
    if (!(await locateBrowser())) {
      process.stderr.write(
        'No browser found on this worker: browser and auto jobs will fail here and be retried elsewhere.\n',
      );
    }
    const { startShopWorker } = await import('../../queue/shop-worker.js');
    const worker = startShopWorker({
      address: queue,
      concurrency: Math.floor(args.concurrency),
      lockDurationMs: args['lock-duration'] * 1000,
      onJobStart: (job) =>
        process.stderr.write(
          `start ${terminalSafe(job.data.target.url)} (job ${terminalSafe(job.id)}, attempt ${job.attemptsMade + 1})\n`,
        ),
      onJobDone: (job, evidence) =>
        process.stderr.write(`done ${terminalSafe(job.data.target.url)} ${evidence.crawl.status}\n`),
      onJobError: (job, error) =>
        process.stderr.write(
          `${job ? `failed ${terminalSafe(job.data.target.url)}` : 'queue error'}: ${terminalSafe(error.message)}\n`,
        ),
    });
    process.stderr.write(
      `Worker taking shop jobs from ${queue.display} (${Math.floor(args.concurrency)} at once). Stop with Ctrl-C.\n`,
    );
    await new Promise<void>((resolve) => {
      let stopping = false;
      const stop = () => {
        if (stopping) {
          process.stderr.write('Stopping now; unfinished shops go to another worker.\n');
          process.exit(1);
        }
        stopping = true;
        process.stderr.write('Finishing the shops in flight (Ctrl-C again to stop at once)…\n');
        void worker.close().then(resolve, resolve);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
  },
};
