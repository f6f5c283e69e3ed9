import { existsSync } from 'node:fs';
import type { CommandModule } from 'yargs';
import { profilesText } from '../../report/index.js';
import { terminalSafe } from '../../shared/terminal-text.js';
import { openStore } from '../../store/index.js';

const HEADER = ['id', 'label', 'kind', 'shops', 'state', 'started', 'rules (profile version hash (markets))'];

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
      process.stdout.write(`No runs in ${terminalSafe(args.db)} (there is no database there).\n`);
      return;
    }
    const store = openStore(args.db, { readOnly: true });
    try {
      const runs = store.listRuns();
      if (runs.length === 0) {
        process.stdout.write(`No runs in ${terminalSafe(args.db)}.\n`);
        return;
      }
      process.stdout.write(`${HEADER.join('\t')}\n`);
      for (const run of runs) {
        const state = run.finishedAt ? 'finished' : 'unfinished';
        const cells = [
          run.id,
          run.label,
          run.kind,
          `${run.shopsDone}/${run.shopsPlanned}`,
          state,
          run.startedAt,
        ];
        // A label is the user's own text: a tab or newline in it must not shift the columns.
        const line = cells.map((cell) => terminalSafe(String(cell)).replace(/\t/g, ' ')).join('\t');
        process.stdout.write(`${line}\t${terminalSafe(profilesText(run))}\n`);
      }
    } finally {
      store.close();
    }
  },
};
