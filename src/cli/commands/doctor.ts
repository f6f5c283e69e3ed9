import type { CommandModule } from 'yargs';
import { RULES_DIR } from '../../common/paths.js';
import { TOOL_VERSION } from '../../common/version.js';
import { browserVersion, INSTALL_ADVICE, locateBrowser } from '../../crawl/index.js';
import { lintRules } from '../../rules/index.js';
import { cliText } from '../cli-language.js';

export const doctorCommand: CommandModule = {
  command: 'doctor',
  describe: 'show which browser, Node.js and rules shopreach will use',
  handler: async () => {
    const t = cliText();
    const out: string[] = [`shopreach ${TOOL_VERSION}`, `node ${process.version}`];
    let healthy = true;
    try {
      const browser = await locateBrowser();
      if (browser) {
        const version = browserVersion(browser.path);
        out.push(
          t('cli.doctor.browser', { path: browser.path }),
          t(browser.headlessShell ? 'cli.doctor.foundViaShell' : 'cli.doctor.foundVia', {
            source: browser.source,
          }),
          version ? t('cli.doctor.version', { version }) : t('cli.doctor.versionUnknown'),
        );
      } else {
        healthy = false;
        out.push(t('cli.doctor.noBrowser'), INSTALL_ADVICE);
      }
    } catch (error) {
      healthy = false;
      out.push(t('cli.doctor.browserError', { error: (error as Error).message }));
    }
    const problems = lintRules(RULES_DIR);
    out.push(
      problems.length === 0
        ? t('cli.doctor.rulesOk', { dir: RULES_DIR })
        : t('cli.doctor.rulesProblems', { count: problems.length }),
    );
    if (problems.length > 0) healthy = false;
    process.stdout.write(`${out.join('\n')}\n`);
    if (!healthy) process.exitCode = 1;
  },
};
