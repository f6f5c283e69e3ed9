import { join } from 'node:path';
import type { CommandModule } from 'yargs';
import { RuleSetProvider } from '../../audit/rule-set-provider.js';
import { PROJECT_ROOT } from '../../common/paths.js';
import { TOOL_VERSION } from '../../common/version.js';
import { serveSampleShops } from '../../demo/serve-sample-shops.js';
import type { Lang } from '../../i18n/index.js';
import { normaliseShopUrl } from '../../input/index.js';
import type { ShopTarget } from '../../input/types.js';
import { writeReport } from '../../report/index.js';
import { openStore } from '../../store/index.js';
import { cliText } from '../cli-language.js';
import { type CrawlArgs, observeOptionsFrom, withCrawlOptions } from '../crawl-options.js';
import { ensureBrowserFor } from './audit.js';

interface DemoArgs extends CrawlArgs {
  db: string;
  out?: string;
  lang?: Lang;
  label?: string;
}

function freeDemoLabel(taken: (label: string) => boolean): string {
  for (let n = 1; ; n += 1) {
    const label = n === 1 ? 'demo' : `demo-${n}`;
    if (!taken(label)) return label;
  }
}

export const demoCommand: CommandModule<object, DemoArgs> = {
  command: 'demo',
  describe: 'audit the bundled sample shops (served on this machine) and write the database and the report',
  builder: (yargs) =>
    withCrawlOptions(yargs)
      .option('db', { type: 'string', default: './shopreach.sqlite', describe: 'SQLite database file' })
      .option('out', { type: 'string', describe: 'report folder (default reports/<run label>)' })
      .option('label', { type: 'string', describe: 'run label (default demo, demo-2, …)' }) as never,
  handler: async (args) => {
    const observe = observeOptionsFrom({ ...args, 'allow-private-hosts': true });
    await ensureBrowserFor(observe.mode);
    const served = await serveSampleShops();
    const store = openStore(args.db);
    try {
      const targets: ShopTarget[] = served.shops.map(({ shop, url }, index) => {
        const normalised = normaliseShopUrl(url);
        if (!normalised.ok) throw new Error(`Demo shop URL ${url} is invalid: ${normalised.message}`);
        // The sample shops get new ports every time; a stable key lets two demo runs be compared.
        return {
          key: `demo:${shop.slug}`,
          url: normalised.url,
          name: shop.name,
          country: 'NL',
          group: shop.group,
          line: index + 1,
        };
      });
      const ruleSets = new RuleSetProvider({ profile: args.profile, dir: args.rules });
      const label = args.label ?? freeDemoLabel((l) => store.findRunByLabel(l) !== null);
      const runId = store.createRun({
        label,
        kind: 'audit',
        ruleSet: ruleSets.get(args.profile ?? ruleSets.profileFor('NL')),
        options: {
          list: 'bundled sample shops',
          args: { ...args, 'allow-private-hosts': true, concurrency: 4 },
          crawl: observe.crawl,
        },
        toolVersion: TOOL_VERSION,
        startedAt: new Date().toISOString(),
      });
      store.planShops(runId, targets);
      const t = cliText();
      process.stderr.write(`${t('cli.demo.auditing', { count: targets.length, mode: observe.mode })}\n`);
      const { auditInSession } = await import('../audit-session.js');
      const summary = await auditInSession({ store, runId, targets, observe, ruleSets, concurrency: 4 });
      if (summary.interrupted) {
        process.stderr.write(`${t('cli.demo.interrupted', { id: runId, label, db: args.db })}\n`);
        process.exitCode = 1;
        return;
      }
      store.finishRun(runId, new Date().toISOString());
      const outDir = args.out ?? join(PROJECT_ROOT, 'reports', label);
      // The sample shops are Dutch, but the demo shows itself to whoever reads the README: English unless --lang.
      const { indexPath } = writeReport(store, runId, { outDir, lang: args.lang ?? 'en' });
      const audited = t('cli.demo.audited', {
        count: summary.audited,
        notRated: summary.notRated,
        db: args.db,
        id: runId,
        label,
      });
      process.stdout.write(`${audited}\n${t('cli.reportHint', { command: indexPath })}\n`);
    } finally {
      store.close();
      await served.close();
    }
  },
};
