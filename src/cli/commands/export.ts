import { closeSync, existsSync, openSync, renameSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import type { CommandModule } from 'yargs';
import { artifactsDirBeside } from '../../common/paths.js';
import { type ExportFormat, exportRun } from '../../report/index.js';
import { openStore } from '../../store/index.js';
import type { Store } from '../../store/types.js';
import { cliText } from '../cli-language.js';
import { resolveRun } from '../run-ref.js';
import { UserError } from '../user-error.js';

export interface ExportArgs {
  db: string;
  run?: string;
  format: ExportFormat | 'warc';
  out?: string;
  artifacts?: string;
}

/** Writes the WARC file next to its destination first, so a failed export leaves no half file. */
async function writeWarc(store: Store, runId: number, args: ExportArgs): Promise<void> {
  if (!args.out) throw UserError.say('error.warcNeedsOut');
  const artifactsDir = args.artifacts ?? artifactsDirBeside(args.db);
  if (!existsSync(artifactsDir)) throw UserError.say('error.noArtifacts', { dir: artifactsDir, db: args.db });
  const { exportWarc } = await import('../../report/export-warc.js');
  const partial = `${args.out}.partial`;
  const fd = openSync(partial, 'w');
  let summary: Awaited<ReturnType<typeof exportWarc>>;
  try {
    summary = await exportWarc(
      store,
      runId,
      artifactsDir,
      (bytes) => writeSync(fd, bytes),
      basename(args.out),
    );
  } catch (error) {
    closeSync(fd);
    unlinkSync(partial);
    throw error;
  }
  closeSync(fd);
  renameSync(partial, args.out);
  const t = cliText();
  for (const line of summary.skipped) process.stderr.write(`${t('cli.leftOut', { item: line })}\n`);
  const counts = { pages: summary.pages, screenshots: summary.screenshots, file: args.out };
  const wrote =
    summary.skipped.length > 0
      ? t('cli.wroteWarcSkipped', { ...counts, skipped: summary.skipped.length })
      : t('cli.wroteWarc', counts);
  process.stderr.write(`${wrote}\n`);
}

export const exportCommand: CommandModule<object, ExportArgs> = {
  command: 'export',
  describe:
    'export a run: its shops as CSV, JSON or NDJSON (columns: src/report/CSV.md), or its pages and screenshots as a WARC 1.1 file',
  builder: (yargs) =>
    yargs
      .option('db', { type: 'string', default: './shopreach.sqlite', describe: 'SQLite database file' })
      .option('run', { type: 'string', describe: 'run id or label (default: the latest run)' })
      .option('format', { choices: ['csv', 'json', 'ndjson', 'warc'] as const, default: 'csv' as const })
      .option('out', { type: 'string', describe: 'output file (default: standard output; warc needs one)' })
      .option('artifacts', {
        type: 'string',
        describe: "warc: the folder of the run's stored pages and screenshots (default: <db>.artifacts)",
      }) as never,
  handler: async (args) => {
    if (!existsSync(args.db)) throw UserError.say('error.noDatabase', { db: args.db });
    const store = openStore(args.db, { readOnly: true });
    try {
      const run = resolveRun(store, args.run);
      if (args.format === 'warc') return await writeWarc(store, run.id, args);
      const text = exportRun(store, run.id, args.format);
      if (args.out) writeFileSync(args.out, text);
      else process.stdout.write(text);
    } finally {
      store.close();
    }
  },
};
