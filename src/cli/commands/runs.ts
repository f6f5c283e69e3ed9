import type { CommandModule } from 'yargs';
import { terminalSafe } from '../../shared/terminal-text.js';
import { openStore } from '../../store/index.js';

export const runsCommand: CommandModule<object, { db: string }> = {
  command: 'runs',
  describe: 'list the runs in the database',
  builder: (yargs) =>
    yargs.option('db', {
      type: 'string',
      default: './shopreach.sqlite',
      describe: 'SQLite database file',
    }) as never,
  handler: (args) => {
    const store = openStore(args.db);
    try {
      const runs = store.listRuns();
      if (runs.length === 0) process.stdout.write(`No runs in ${terminalSafe(args.db)}.\n`);
      for (const run of runs) {
        const state = run.finishedAt ? 'finished' : 'unfinished';
        process.stdout.write(
          `${run.id}\t${terminalSafe(run.label)}\t${run.kind}\t${run.shopsDone}/${run.shopsPlanned} shops\t${state}\t${run.startedAt}\trules ${terminalSafe(run.ruleSetId)} ${run.ruleSetHash.slice(0, 12)}\n`,
        );
      }
    } finally {
      store.close();
    }
  },
};
