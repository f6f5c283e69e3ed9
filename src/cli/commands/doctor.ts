import type { CommandModule } from 'yargs';
import { browserVersion, INSTALL_ADVICE, locateBrowser } from '../../crawl/index.js';
import { lintRules } from '../../rules/index.js';
import { RULES_DIR } from '../../shared/paths.js';
import { TOOL_VERSION } from '../../shared/version.js';

export const doctorCommand: CommandModule = {
  command: 'doctor',
  describe: 'show which browser, Node.js and rules shopreach will use',
  handler: async () => {
    const out: string[] = [`shopreach ${TOOL_VERSION}`, `node ${process.version}`];
    let healthy = true;
    try {
      const browser = await locateBrowser();
      if (browser) {
        out.push(
          `browser: ${browser.path}`,
          `  found via: ${browser.source}${browser.headlessShell ? ' (headless shell)' : ''}`,
        );
        out.push(
          `  version: ${browserVersion(browser.path) ?? 'unknown (the binary did not answer --version)'}`,
        );
      } else {
        healthy = false;
        out.push('browser: none found', INSTALL_ADVICE);
      }
    } catch (error) {
      healthy = false;
      out.push(`browser: ${(error as Error).message}`);
    }
    const problems = lintRules(RULES_DIR);
    out.push(
      problems.length === 0
        ? `rules: ${RULES_DIR} (no problems)`
        : `rules: ${problems.length} problems; run "shopreach rules lint"`,
    );
    if (problems.length > 0) healthy = false;
    process.stdout.write(`${out.join('\n')}\n`);
    if (!healthy) process.exitCode = 1;
  },
};
