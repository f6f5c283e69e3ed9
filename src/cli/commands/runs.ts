import { existsSync } from 'node:fs';
import type { CommandModule } from 'yargs';
import { terminalSafe } from '../../common/terminal-text.js';
import { profilesText } from '../../report/index.js';
import { openStore } from '../../store/index.js';
import { cliText } from '../cli-language.js';

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
    const t = cliText();
    if (!existsSync(args.db)) {
      process.stdout.write(`${t('cli.noRunsNoDb', { db: terminalSafe(args.db) })}\n`);
      return;
    }
    const store = openStore(args.db, { readOnly: true });
    try {
      const runs = store.listRuns();
      if (runs.length === 0) {
        process.stdout.write(`${t('cli.noRuns', { db: terminalSafe(args.db) })}\n`);
        return;
      }
      const header = [
        t('cli.runs.id'),
        t('cli.runs.label'),
        t('cli.runs.kind'),
        t('cli.runs.shops'),
        t('cli.runs.state'),
        t('cli.runs.started'),
        t('cli.runs.rules'),
      ];
      process.stdout.write(`${header.join('\t')}\n`);
      for (const run of runs) {
        const state = t(run.finishedAt ? 'cli.runs.finished' : 'cli.runs.unfinished');
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
        process.stdout.write(`${line}\t${terminalSafe(profilesText(run, t.lang))}\n`);
      }
    } finally {
      store.close();
    }
  },
};
