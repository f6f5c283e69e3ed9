import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandModule } from 'yargs';
import type { Lang } from '../../i18n/index.js';
import { safeFolderName } from '../../report/file-names.js';
import { writeReport } from '../../report/index.js';
import { openStore } from '../../store/index.js';
import { resolveRun } from '../run-ref.js';
import { UserError } from '../user-error.js';

export interface ReportArgs {
  db: string;
  run?: string;
  out?: string;
  lang?: Lang;
  compare?: string;
}

export const reportCommand: CommandModule<object, ReportArgs> = {
  command: 'report',
  describe:
    "write the HTML report of a run (ranking, one page per shop, methodology); in its markets' language when they share one, else English (--lang)",
  builder: (yargs) =>
    yargs
      .option('db', { type: 'string', default: './shopreach.sqlite', describe: 'SQLite database file' })
      .option('run', { type: 'string', describe: 'run id or label (default: the latest run)' })
      .option('out', { type: 'string', describe: 'output folder (default: reports/<run label>/)' })
      .option('compare', {
        type: 'string',
        describe: 'an earlier run (id or label) to compare with',
      }) as never,
  handler: (args) => {
    if (!existsSync(args.db)) throw UserError.say('error.noDatabase', { db: args.db });
    const store = openStore(args.db, { readOnly: true });
    try {
      const run = resolveRun(store, args.run);
      const before = args.compare === undefined ? undefined : resolveRun(store, args.compare);
      const outDir = args.out ?? join('reports', safeFolderName(run.label));
      const { indexPath } = writeReport(store, run.id, { outDir, lang: args.lang, compareRunId: before?.id });
      process.stdout.write(`${indexPath}\n`);
    } finally {
      store.close();
    }
  },
};
