import { existsSync } from 'node:fs';
import type { CommandModule } from 'yargs';
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
    if (!existsSync(args.db)) {
      process.stdout.write(`No runs in ${args.db} (there is no database there).\n`);
      return;
    }
    const store = openStore(args.db, { readOnly: true });
    try {
      const runs = store.listRuns();
      if (runs.length === 0) process.stdout.write(`No runs in ${args.db}.\n`);
      for (const run of runs) {
        const state = run.finishedAt ? 'finished' : 'unfinished';
        process.stdout.write(
          `${run.id}\t${run.label}\t${run.kind}\t${run.shopsDone}/${run.shopsPlanned} shops\t${state}\t${run.startedAt}\trules ${run.ruleSetId} ${run.ruleSetHash.slice(0, 12)}\n`,
        );
      }
    } finally {
      store.close();
    }
  },
};
