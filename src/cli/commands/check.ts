import { resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { RuleSetProvider } from '../../audit/rule-set-provider.js';
import { terminalSafe } from '../../common/terminal-text.js';
import { TOOL_VERSION } from '../../common/version.js';
import type { CrawlMode } from '../../crawl/types.js';
import { commonLanguage, type Lang } from '../../i18n/index.js';
import { credentialsRemoved, normaliseShopUrl, openShopList, withoutCredentials } from '../../input/index.js';
import type { ShopTarget } from '../../input/types.js';
import { buildCheckView, type CheckView } from '../../report/check-view.js';
import { toShopResult } from '../../report/index.js';
import { shopLanguage } from '../../report/shop-result.js';
import { unjudgedLine } from '../../report/terminal.js';
import { listProfiles } from '../../rules/index.js';
import { openStore } from '../../store/index.js';
import { type CheckConfig, findCheckConfig, readCheckConfig, type Thresholds } from '../check-config.js';
import { judgementFor } from '../check-judgement.js';
import { OUTPUT_FORMATS, parseOutputFormats, siteText, writeCheckOutputs } from '../check-outputs.js';
import { checkFailOnNames, unmetThresholds } from '../check-thresholds.js';
import { cliText, useCliLanguage } from '../cli-language.js';
import { type CrawlArgs, observeOptionsFrom, withCrawlOptions } from '../crawl-options.js';
import { asListUserError, listMessageText, listProblemLine, listWarningLine } from '../list-messages.js';
import { openFile } from '../open-file.js';
import { baselineOptions, shippedBaseline } from '../rules-baseline.js';
import { overridesForRun } from '../run-overrides.js';
import { UserError } from '../user-error.js';
import { auditOverrideScope, ensureBrowserFor } from './audit.js';

/** Exit codes of `check`: documented in the README and in --help. */
export const EXIT_THRESHOLD_NOT_MET = 2;
export const EXIT_NOT_JUDGED = 3;

interface CheckArgs extends Omit<CrawlArgs, 'mode'> {
  url?: string;
  list?: string;
  config?: string;
  mode?: CrawlMode;
  json: boolean;
  'min-score'?: number;
  'fail-on'?: string | string[];
  output?: string | string[];
  'output-path': string;
  view: boolean;
  quiet?: boolean;
  verbose?: boolean;
  db?: string;
  lang?: Lang;
  name?: string;
}

/** One site to check, with the thresholds it must meet and where they were written. */
interface SitePlan {
  target: ShopTarget;
  thresholds: Thresholds;
  failOnWhere: (index: number) => string;
}

const asList = (value: string | string[] | undefined): string[] | undefined =>
  value === undefined ? undefined : (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(','));

function targetOf(url: string, extra: Partial<ShopTarget> = {}): ShopTarget {
  const checked = normaliseShopUrl(url);
  if (!checked.ok)
    throw UserError.say('error.cannotCheck', {
      url: withoutCredentials(url),
      problem: listMessageText(checked),
    });
  if (checked.removedCredentials)
    process.stderr.write(
      `${terminalSafe(checked.url)}: ${terminalSafe(listMessageText(credentialsRemoved()))}\n`,
    );
  return { key: checked.key, url: checked.url, ...extra };
}

/** A list of a shop's own sites is short: it is read whole (streamed, but collected). */
async function targetsFromList(file: string): Promise<ShopTarget[]> {
  const targets: ShopTarget[] = [];
  try {
    for await (const entry of openShopList(file)) {
      if (entry.kind === 'problem') {
        process.stderr.write(`${listProblemLine(file, entry.problem, entry.fatal === true)}\n`);
        continue;
      }
      if (entry.warning)
        process.stderr.write(`${listWarningLine(file, entry.target.line ?? 0, entry.warning)}\n`);
      targets.push(entry.target);
    }
  } catch (error) {
    throw asListUserError(error);
  }
  if (targets.length === 0) throw UserError.say('error.listNoSite', { file });
  return targets;
}

/** The sites to check and their thresholds: a URL, else --list, else the configuration's urls. */
async function planSites(args: CheckArgs, config: CheckConfig | null): Promise<SitePlan[]> {
  const cliFailOn = asList(args['fail-on']);
  const cliWhere = () => '--fail-on';
  const fromDefaults = (): SitePlan['thresholds'] => ({
    minScore: args['min-score'] ?? config?.defaults.minScore,
    failOn: cliFailOn ?? config?.defaults.failOn,
  });
  const defaultsWhere = (index: number) =>
    cliFailOn ? '--fail-on' : (config?.where(['defaults', 'failOn', index]) ?? '--fail-on');
  if (args.url && args.list) throw UserError.say('error.urlOrList');
  if (args.url) {
    const target = targetOf(args.url, args.name ? { name: args.name } : {});
    return [{ target, thresholds: fromDefaults(), failOnWhere: defaultsWhere }];
  }
  if (args.list) {
    return (await targetsFromList(args.list)).map((target) => ({
      target,
      thresholds: fromDefaults(),
      failOnWhere: defaultsWhere,
    }));
  }
  if (config && config.urls.length > 0) {
    return config.urls.map((site, index) => ({
      target: {
        key: site.key,
        url: site.url,
        line: site.line,
        ...(site.name ? { name: site.name } : {}),
        ...(site.country ? { country: site.country } : {}),
      },
      thresholds: {
        minScore: args['min-score'] ?? site.minScore ?? config.defaults.minScore,
        failOn: cliFailOn ?? site.failOn ?? config.defaults.failOn,
      },
      failOnWhere: cliFailOn
        ? cliWhere
        : site.failOn
          ? (i: number) => config.where(['urls', index, 'failOn', i])
          : defaultsWhere,
    }));
  }
  throw config ? UserError.say('error.configNoUrls', { file: config.file }) : UserError.say('error.giveUrl');
}

/** Every site's failOn must name groups or rules that exist, before anything is crawled. */
function checkFailOn(
  sites: SitePlan[],
  ruleSets: RuleSetProvider,
  profile: string | undefined,
  dir?: string,
) {
  const profiles = profile ? [profile] : listProfiles(dir);
  for (const site of sites) {
    const failOn = site.thresholds.failOn ?? [];
    if (failOn.length === 0) continue;
    // Without --profile a site's market (and so its profile) is known only after the crawl: a rule
    // id is accepted when any profile has it.
    const known = profiles.map((id) => ruleSets.get(id));
    const union = { ...known[0], rules: known.flatMap((set) => set.rules) };
    checkFailOnNames(failOn, union, site.failOnWhere);
  }
}

export const checkCommand: CommandModule<object, CheckArgs> = {
  command: 'check [url]',
  describe: 'check your own shop: what to fix first, with evidence and advice; CI outputs and thresholds',
  builder: (yargs) =>
    withCrawlOptions(yargs)
      .positional('url', { type: 'string', describe: "the shop's home page" })
      // The configuration file may set these; an explicit flag wins, so they have no yargs default.
      .option('mode', {
        choices: ['static', 'browser', 'auto'] as const,
        default: undefined,
        describe:
          'static HTTP, a real browser, or static first and the browser where static cannot judge (default: auto)',
      })
      .option('list', { type: 'string', describe: 'check every site of a list (txt, csv or json)' })
      .option('config', {
        type: 'string',
        describe: `a configuration file (default: ${'shopreach.config.{yaml,yml,json}'} in this folder when present)`,
      })
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'print the result as JSON instead of text',
      })
      .option('min-score', {
        type: 'number',
        describe: 'exit with code 2 when the score is below this (or the shop is not rated)',
      })
      .option('fail-on', {
        type: 'string',
        describe:
          'exit with code 2 when any of these fails: law, interpretation, good-practice, headline, or rule ids',
      })
      .option('output', {
        type: 'string',
        describe: `also write these files, comma-separated: ${OUTPUT_FORMATS.join(', ')}`,
      })
      .option('output-path', {
        type: 'string',
        default: 'shopreach-report',
        describe: 'folder for --output files',
      })
      .option('view', { type: 'boolean', default: false, describe: 'open the HTML report when done' })
      .option('quiet', { type: 'boolean', describe: 'print only the verdict and the failures' })
      .option('verbose', {
        type: 'boolean',
        describe: 'also list passed rules, every sighting, the pages visited and crawl errors',
      })
      .conflicts('quiet', 'verbose')
      .option('db', { type: 'string', describe: 'also store the result in this SQLite file' })
      .option('name', { type: 'string', describe: "the shop's name in the output" })
      .example('$0 check https://myshop.nl', 'what to fix first')
      .example('$0 check https://myshop.nl --fail-on law --output junit,sarif', 'in CI')
      .example(
        '$0 check --config shopreach.config.yaml --output html --view',
        'every site of the configuration',
      )
      .epilog(
        'Exit codes: 0 checked (thresholds met); 1 the tool failed or was called wrongly (also an invalid configuration); ' +
          '2 a threshold was not met (--min-score, --fail-on, minScore, failOn); 3 a site could not be judged ' +
          '(unreachable, DNS, robots.txt, HTTP error, private host refused), which takes precedence over 2.\n' +
          `Files of --output in --output-path: shopreach.txt, .json, .html, .junit.xml, .sarif for one site; ` +
          'with several sites one .txt, .json and .html per site (named after the site) and one .junit.xml and .sarif for all.',
      ) as never,
  // Over 80 lines: the check command's whole flow (config, crawl, judge, outputs, exit code); to be split once the parallel work on the CLI's texts is merged (issue 18).
  // biome-ignore lint/complexity/noExcessiveCognitiveComplexity: complexity 50 predates the limit; split once the parallel work on this folder is merged (issue 18)
  handler: async (args) => {
    const configFile = findCheckConfig(args.config);
    const config = configFile ? readCheckConfig(configFile) : null;
    const defaults = config?.defaults ?? {};
    // Asked for: --lang, else the configuration's; otherwise each site is spoken to in its market's language.
    const asked = args.lang ?? defaults.lang;
    if (asked) useCliLanguage(asked);
    const profile = args.profile ?? defaults.profile;
    const formats = parseOutputFormats(asList(args.output));
    if (args.view && !formats.includes('html')) formats.push('html');
    const sites = await planSites(args, config);
    const crawlArgs = {
      ...args,
      mode: args.mode ?? defaults.mode ?? 'auto',
      country: args.country ?? defaults.country,
      profile,
    };
    const observe = observeOptionsFrom(crawlArgs);
    const ruleSets = new RuleSetProvider({
      profile,
      dir: args.rules,
      ...baselineOptions(shippedBaseline(args.rules), cliText()('cli.againstShipped')),
    });
    checkFailOn(sites, ruleSets, profile, args.rules);
    await ensureBrowserFor(observe.mode);

    const targets = [...new Map(sites.map((s) => [s.target.key, s.target])).values()];
    const store = openStore(args.db ?? ':memory:');
    try {
      const scope = auditOverrideScope(
        ruleSets,
        crawlArgs,
        targets.length === 1 ? targets[0].url : 'the sites checked',
        targets,
      );
      const overrides = overridesForRun(store, { file: args.overrides }, scope);
      const runId = store.createRun({
        label: `check-${new Date().toISOString()}`,
        kind: 'check',
        ruleSet: ruleSets.get(profile ?? ruleSets.profileFor(observe.country ?? 'EU')),
        options: { crawl: observe.crawl, mode: observe.mode },
        toolVersion: TOOL_VERSION,
        startedAt: new Date().toISOString(),
      });
      store.planShops(runId, targets);
      const { auditInSession } = await import('../audit-session.js');
      const summary = await auditInSession({
        store,
        runId,
        targets,
        observe,
        ruleSets,
        overrides,
        concurrency: Math.min(2, targets.length),
        quiet: targets.length === 1,
      });
      if (summary.interrupted) throw UserError.say('error.checkInterrupted');
      store.finishRun(runId, new Date().toISOString());
      const run = store.getRun(runId);
      if (!run) throw new Error('The check run disappeared from its store.');
      const runRuleSets = store.ruleSets(runId);

      const views: CheckView[] = [];
      let unjudged = 0;
      let unmet = 0;
      for (const site of sites) {
        const shop = store.shop(runId, site.target.key);
        if (!shop) throw new Error(`The check of ${site.target.url} was interrupted before it finished.`);
        const ruleSet = runRuleSets.find((r) => r.id === shop.ruleSetId) ?? run.ruleSet;
        const result = toShopResult(shop, run, runRuleSets);
        const lang = asked ?? shopLanguage(result);
        const view = buildCheckView(result, ruleSet, judgementFor(shop, ruleSet, lang), lang);
        views.push(view);
        if (!view.judged) {
          unjudged += 1;
          if (args.json) process.stderr.write(`${unjudgedLine(view.result, lang)}\n`);
          continue;
        }
        for (const sentence of unmetThresholds(view, site.thresholds)) {
          unmet += 1;
          const prefix = sites.length > 1 ? `${terminalSafe(site.target.url)}: ` : '';
          process.stderr.write(`${prefix}${sentence}\n`);
        }
      }
      if (!asked) useCliLanguage(commonLanguage(views.map((view) => view.lang)));
      if (args.json) {
        const results = views.map((view) => view.result);
        process.stdout.write(`${JSON.stringify(results.length === 1 ? results[0] : results, null, 2)}\n`);
      } else {
        const detail = args.quiet ? 'quiet' : args.verbose ? 'verbose' : 'normal';
        const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
        process.stdout.write(views.map((view) => siteText(view, { color, detail })).join('\n'));
      }
      if (formats.length > 0) {
        const dir = resolve(args['output-path']);
        const files = writeCheckOutputs(views, formats, dir, {
          detail: args.quiet ? 'quiet' : args.verbose ? 'verbose' : 'normal',
          toolVersion: TOOL_VERSION,
        });
        process.stderr.write(
          `${cliText()('cli.wrote', { files: files.map((f) => terminalSafe(f)).join(', ') })}\n`,
        );
        if (args.view) openFile(files.find((f) => f.endsWith('.html')) ?? files[0]);
      }
      if (unjudged > 0) process.exitCode = EXIT_NOT_JUDGED;
      else if (unmet > 0) process.exitCode = EXIT_THRESHOLD_NOT_MET;
    } finally {
      store.close();
    }
  },
};
