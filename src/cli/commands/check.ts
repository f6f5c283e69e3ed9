import { resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import type { ObserveOptions } from '../../audit/index.js';
import { RuleSetProvider } from '../../audit/rule-set-provider.js';
import { terminalSafe } from '../../common/terminal-text.js';
import { TOOL_VERSION } from '../../common/version.js';
import type { CrawlMode } from '../../crawl/types.js';
import { commonLanguage, type Lang } from '../../i18n/index.js';
import { buildCheckView, type CheckView } from '../../report/check-view.js';
import { toShopResult } from '../../report/index.js';
import { shopLanguage } from '../../report/shop-result.js';
import { unjudgedLine } from '../../report/terminal.js';
import { openStore } from '../../store/index.js';
import type { Store } from '../../store/types.js';
import { findCheckConfig, readCheckConfig } from '../check-config.js';
import { judgementFor } from '../check-judgement.js';
import {
  OUTPUT_FORMATS,
  type OutputFormat,
  parseOutputFormats,
  siteText,
  writeCheckOutputs,
} from '../check-outputs.js';
import { asList, checkFailOn, planSites, type SiteArgs, type SitePlan } from '../check-sites.js';
import { unmetThresholds } from '../check-thresholds.js';
import { cliText, useCliLanguage } from '../cli-language.js';
import { type CrawlArgs, observeOptionsFrom, withCrawlOptions } from '../crawl-options.js';
import { openFile } from '../open-file.js';
import { baselineOptions, shippedBaseline } from '../rules-baseline.js';
import { overridesForRun } from '../run-overrides.js';
import { UserError } from '../user-error.js';
import { auditOverrideScope, ensureBrowserFor } from './audit.js';

/** Exit codes of `check`: documented in the README and in --help. */
export const EXIT_THRESHOLD_NOT_MET = 2;
export const EXIT_NOT_JUDGED = 3;

interface CheckArgs extends Omit<CrawlArgs, 'mode'>, SiteArgs {
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

/** What the check needs before crawling: its language, sites, crawl options and rules. */
interface CheckSetup {
  /** The language asked for (--lang, else the configuration's); otherwise each site's market's. */
  asked: Lang | undefined;
  profile: string | undefined;
  formats: OutputFormat[];
  sites: SitePlan[];
  crawlArgs: CrawlArgs;
  observe: ObserveOptions;
  ruleSets: RuleSetProvider;
}

function outputFormatsOf(args: CheckArgs): OutputFormat[] {
  const formats = parseOutputFormats(asList(args.output));
  if (args.view && !formats.includes('html')) formats.push('html');
  return formats;
}

async function setUpCheck(args: CheckArgs): Promise<CheckSetup> {
  const configFile = findCheckConfig(args.config);
  const config = configFile ? readCheckConfig(configFile) : null;
  const defaults = config?.defaults ?? {};
  const asked = args.lang ?? defaults.lang;
  if (asked) useCliLanguage(asked);
  const profile = args.profile ?? defaults.profile;
  const formats = outputFormatsOf(args);
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
  return { asked, profile, formats, sites, crawlArgs, observe, ruleSets };
}

/** Crawls, judges and stores every site in a run of its own; the run's id. */
async function auditSites(store: Store, args: CheckArgs, setup: CheckSetup): Promise<number> {
  const { sites, crawlArgs, observe, ruleSets, profile } = setup;
  const targets = [...new Map(sites.map((s) => [s.target.key, s.target])).values()];
  const scopeName = targets.length === 1 ? targets[0].url : 'the sites checked';
  const scope = auditOverrideScope(ruleSets, crawlArgs, scopeName, targets);
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
  const concurrency = Math.min(2, targets.length);
  const audit = { store, runId, targets, observe, ruleSets, overrides, concurrency };
  const summary = await auditInSession({ ...audit, quiet: targets.length === 1 });
  if (summary.interrupted) throw UserError.say('error.checkInterrupted');
  store.finishRun(runId, new Date().toISOString());
  return runId;
}

interface SiteVerdicts {
  views: CheckView[];
  /** Sites that could not be judged (exit code 3). */
  unjudged: number;
  /** Thresholds not met, over all sites (exit code 2). */
  unmet: number;
}

/** Each site's view of the stored run, with its unmet thresholds told on stderr. */
function judgeSites(store: Store, runId: number, setup: CheckSetup, json: boolean): SiteVerdicts {
  const run = store.getRun(runId);
  if (!run) throw new Error('The check run disappeared from its store.');
  const runRuleSets = store.ruleSets(runId);
  const verdicts: SiteVerdicts = { views: [], unjudged: 0, unmet: 0 };
  for (const site of setup.sites) {
    const shop = store.shop(runId, site.target.key);
    if (!shop) throw new Error(`The check of ${site.target.url} was interrupted before it finished.`);
    const ruleSet = runRuleSets.find((r) => r.id === shop.ruleSetId) ?? run.ruleSet;
    const result = toShopResult(shop, run, runRuleSets);
    const lang = setup.asked ?? shopLanguage(result);
    const view = buildCheckView(result, ruleSet, judgementFor(shop, ruleSet, lang), lang);
    verdicts.views.push(view);
    if (view.judged) verdicts.unmet += tellUnmet(view, site, setup.sites.length > 1);
    else {
      verdicts.unjudged += 1;
      if (json) process.stderr.write(`${unjudgedLine(view.result, lang)}\n`);
    }
  }
  return verdicts;
}

/** Writes each threshold the site does not meet to stderr; how many. */
function tellUnmet(view: CheckView, site: SitePlan, named: boolean): number {
  const sentences = unmetThresholds(view, site.thresholds);
  const prefix = named ? `${terminalSafe(site.target.url)}: ` : '';
  for (const sentence of sentences) process.stderr.write(`${prefix}${sentence}\n`);
  return sentences.length;
}

function detailOf(args: CheckArgs): 'quiet' | 'verbose' | 'normal' {
  if (args.quiet) return 'quiet';
  return args.verbose ? 'verbose' : 'normal';
}

function printViews(views: CheckView[], args: CheckArgs): void {
  if (args.json) {
    const results = views.map((view) => view.result);
    process.stdout.write(`${JSON.stringify(results.length === 1 ? results[0] : results, null, 2)}\n`);
    return;
  }
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  process.stdout.write(views.map((view) => siteText(view, { color, detail: detailOf(args) })).join('\n'));
}

function writeOutputs(views: CheckView[], formats: OutputFormat[], args: CheckArgs): void {
  const dir = resolve(args['output-path']);
  const files = writeCheckOutputs(views, formats, dir, { detail: detailOf(args), toolVersion: TOOL_VERSION });
  process.stderr.write(
    `${cliText()('cli.wrote', { files: files.map((f) => terminalSafe(f)).join(', ') })}\n`,
  );
  if (args.view) openFile(files.find((f) => f.endsWith('.html')) ?? files[0]);
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
  handler: async (args) => {
    const setup = await setUpCheck(args);
    const store = openStore(args.db ?? ':memory:');
    try {
      const runId = await auditSites(store, args, setup);
      const verdicts = judgeSites(store, runId, setup, args.json);
      if (!setup.asked) useCliLanguage(commonLanguage(verdicts.views.map((view) => view.lang)));
      printViews(verdicts.views, args);
      if (setup.formats.length > 0) writeOutputs(verdicts.views, setup.formats, args);
      if (verdicts.unjudged > 0) process.exitCode = EXIT_NOT_JUDGED;
      else if (verdicts.unmet > 0) process.exitCode = EXIT_THRESHOLD_NOT_MET;
    } finally {
      store.close();
    }
  },
};
