import type { CommandModule } from 'yargs';
import { RuleSetProvider } from '../../audit/rule-set-provider.js';
import { CREDENTIALS_REMOVED, normaliseShopUrl, withoutCredentials } from '../../input/index.js';
import type { ShopTarget } from '../../input/types.js';
import { formatShopForTerminal, toShopResult } from '../../report/index.js';
import { TOOL_VERSION } from '../../shared/version.js';
import { openStore } from '../../store/index.js';
import { type CrawlArgs, observeOptionsFrom, withCrawlOptions } from '../crawl-options.js';
import { baselineOptions, shippedBaseline } from '../rules-baseline.js';
import { overridesForRun } from '../run-overrides.js';
import { UserError } from '../user-error.js';
import { auditOverrideScope, ensureBrowserFor } from './audit.js';

interface CheckArgs extends CrawlArgs {
  url: string;
  json: boolean;
  'min-score'?: number;
  db?: string;
  lang: 'en' | 'nl';
  name?: string;
}

export const checkCommand: CommandModule<object, CheckArgs> = {
  command: 'check <url>',
  describe: 'check one shop and print its verdict, evidence and advice',
  builder: (yargs) =>
    withCrawlOptions(yargs)
      .positional('url', { type: 'string', demandOption: true, describe: "the shop's home page" })
      .option('json', { type: 'boolean', default: false, describe: 'print the result as JSON' })
      .option('min-score', {
        type: 'number',
        describe: 'exit with code 2 when the score is below this (or the shop is not rated)',
      })
      .option('db', { type: 'string', describe: 'also store the result in this SQLite file' })
      .option('lang', {
        choices: ['en', 'nl'] as const,
        default: 'en' as const,
        describe: 'language of the verdict',
      })
      .option('name', { type: 'string', describe: "the shop's name in the output" })
      .example('$0 check https://myshop.nl --min-score 80', '') as never,
  handler: async (args) => {
    const url = normaliseShopUrl(args.url);
    if (!url.ok) throw new UserError(`Cannot check ${withoutCredentials(args.url)}: ${url.message}.`);
    if (url.removedCredentials) process.stderr.write(`${url.url}: ${CREDENTIALS_REMOVED}\n`);
    const observe = observeOptionsFrom(args);
    await ensureBrowserFor(observe.mode);
    const target: ShopTarget = { key: url.key, url: url.url, ...(args.name ? { name: args.name } : {}) };
    const ruleSets = new RuleSetProvider({
      profile: args.profile,
      dir: args.rules,
      ...baselineOptions(shippedBaseline(args.rules), 'the shipped rules'),
    });
    const store = openStore(args.db ?? ':memory:');
    try {
      const scope = auditOverrideScope(ruleSets, args, target.url, [target]);
      const overrides = overridesForRun(store, { file: args.overrides }, scope);
      const runId = store.createRun({
        label: `check-${new Date().toISOString()}`,
        kind: 'check',
        ruleSet: ruleSets.get(args.profile ?? ruleSets.profileFor(observe.country ?? 'EU')),
        options: { crawl: observe.crawl, mode: observe.mode },
        toolVersion: TOOL_VERSION,
        startedAt: new Date().toISOString(),
      });
      store.planShops(runId, [target]);
      const { auditInSession } = await import('../audit-session.js');
      await auditInSession({
        store,
        runId,
        targets: [target],
        observe,
        ruleSets,
        overrides,
        concurrency: 1,
        quiet: true,
      });
      store.finishRun(runId, new Date().toISOString());
      const run = store.getRun(runId);
      const shop = store.shop(runId, target.key);
      if (!run || !shop) throw new Error(`The check of ${target.url} was interrupted before it finished.`);
      const result = toShopResult(shop, run);
      const ruleSet = store.ruleSets(runId).find((r) => r.id === shop.ruleSetId) ?? run.ruleSet;
      if (args.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else
        process.stdout.write(
          `${formatShopForTerminal(result, ruleSet, { color: Boolean(process.stdout.isTTY), lang: args.lang })}\n`,
        );
      const minScore = args['min-score'];
      if (minScore !== undefined && (result.score === null || result.score < minScore)) {
        process.stderr.write(
          result.score === null
            ? `Not rated (status ${result.status}): the minimum score ${minScore} is not met.\n`
            : `Score ${result.score} is below the minimum ${minScore}.\n`,
        );
        process.exitCode = 2;
      }
    } finally {
      store.close();
    }
  },
};
