#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { terminalSafeLines } from '../common/terminal-text.js';
import { TOOL_VERSION } from '../common/version.js';
import { LANGUAGES } from '../i18n/index.js';
import { cliLanguage, cliText } from './cli-language.js';
import { auditCommand } from './commands/audit.js';
import { checkCommand } from './commands/check.js';
import { demoCommand } from './commands/demo.js';
import { doctorCommand } from './commands/doctor.js';
import { exportCommand } from './commands/export.js';
import { reportCommand } from './commands/report.js';
import { rescoreCommand } from './commands/rescore.js';
import { rulesCommand } from './commands/rules.js';
import { runsCommand } from './commands/runs.js';
import { workerCommand } from './commands/worker.js';
import { limitHeapGrowth } from './heap-growth.js';
import { UserError } from './user-error.js';

function fail(message: string, error?: unknown): never {
  process.stderr.write(`shopreach: ${terminalSafeLines(message)}\n`);
  if (process.env.SHOPREACH_DEBUG && error instanceof Error && error.stack)
    process.stderr.write(`${terminalSafeLines(error.stack)}\n`);
  process.exit(1);
}

limitHeapGrowth();

try {
  await yargs(hideBin(process.argv))
    .scriptName('shopreach')
    // yargs' own words (Options:, Show help) stay English, whatever the machine's locale.
    .locale('en')
    .version(TOOL_VERSION)
    .option('lang', {
      choices: LANGUAGES,
      global: true,
      describe:
        "language of the output (default: the shop's market: nl Dutch, de and at German, fr French, be by the shop's page, others English)",
    })
    .command(auditCommand)
    .command(checkCommand)
    .command(reportCommand)
    .command(exportCommand)
    .command(rescoreCommand)
    .command(rulesCommand)
    .command(runsCommand)
    .command(demoCommand)
    .command(doctorCommand)
    .command(workerCommand)
    .demandCommand(1, cliText()('cli.nameCommand'))
    .strict()
    .recommendCommands()
    .fail((message, error) => {
      if (error) throw error;
      fail(message);
    })
    .epilog(
      'Exit codes: 0 done; 1 the tool failed or was called wrongly; 2 a threshold asked for (--min-score, --fail-on) was not met; ' +
        '3 check: a site could not be judged (unreachable, DNS, robots.txt, HTTP error, private host refused).',
    )
    .parseAsync();
} catch (error) {
  if (error instanceof UserError) fail(error.in(cliLanguage()));
  fail((error as Error)?.message ?? String(error), error);
}
