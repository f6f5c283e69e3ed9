import { existsSync, writeFileSync } from 'node:fs';
import type { CommandModule } from 'yargs';
import { type ExportFormat, exportRun } from '../../report/index.js';
import { openStore } from '../../store/index.js';
import { resolveRun } from '../run-ref.js';
import { UserError } from '../user-error.js';

export interface ExportArgs {
  db: string;
  run?: string;
  format: ExportFormat;
  out?: string;
}

export const exportCommand: CommandModule<object, ExportArgs> = {
  command: 'export',
  describe: 'export the shops of a run as CSV, JSON or NDJSON (columns: src/report/CSV.md)',
  builder: (yargs) =>
    yargs
      .option('db', { type: 'string', default: './shopreach.sqlite', describe: 'SQLite database file' })
      .option('run', { type: 'string', describe: 'run id or label (default: the latest run)' })
      .option('format', { choices: ['csv', 'json', 'ndjson'] as const, default: 'csv' as const })
      .option('out', { type: 'string', describe: 'output file (default: standard output)' }) as never,
  handler: (args) => {
    if (!existsSync(args.db)) throw new UserError(`There is no database at ${args.db}; give one with --db.`);
    const store = openStore(args.db, { readOnly: true });
    try {
      const run = resolveRun(store, args.run);
      const text = exportRun(store, run.id, args.format);
      if (args.out) writeFileSync(args.out, text);
      else process.stdout.write(text);
    } finally {
      store.close();
    }
  },
};
