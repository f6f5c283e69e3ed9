import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Argv } from 'yargs';
import type { ObserveOptions } from '../audit/index.js';
import { artifactsDirBeside, RULES_DIR } from '../common/paths.js';
import { TOOL_VERSION } from '../common/version.js';
import { DEFAULT_CRAWL_OPTIONS } from '../crawl/options.js';
import type { CrawlMode } from '../crawl/types.js';
import { makeUserAgent } from '../crawl/user-agent.js';
import { normaliseCountry } from '../input/index.js';
import { loadSelections, readableSelectionsIn } from '../rules/index.js';
import { listMessageText } from './list-messages.js';
import { UserError } from './user-error.js';

export interface CrawlArgs {
  mode: CrawlMode;
  'max-pages': number;
  'max-depth': number;
  country?: string;
  'allow-private-hosts': boolean;
  'ignore-robots': boolean;
  'shop-timeout': number;
  'page-timeout': number;
  profile?: string;
  rules?: string;
  overrides?: string;
  /** Browser and auto mode: screenshot pages with contact details (default on; absent in runs stored before it existed). */
  screenshots?: boolean;
  'mobile-pass'?: boolean;
}

/** The crawl and judging options shared by audit, check and demo. */
export function withCrawlOptions<T>(yargs: Argv<T>) {
  return yargs
    .option('mode', {
      choices: ['static', 'browser', 'auto'] as const,
      default: 'auto' as CrawlMode,
      describe: 'static HTTP, a real browser, or static first and the browser where static cannot judge',
    })
    .option('max-pages', {
      type: 'number',
      default: DEFAULT_CRAWL_OPTIONS.maxPages,
      describe: 'pages per shop at most',
    })
    .option('max-depth', {
      type: 'number',
      default: DEFAULT_CRAWL_OPTIONS.maxDepth,
      describe: 'clicks from the home page at most',
    })
    .option('country', {
      type: 'string',
      describe: 'target market (ISO 3166 code: NL, DE, BE, FR, GB …) when the list has none',
    })
    .option('allow-private-hosts', {
      type: 'boolean',
      default: false,
      describe: 'allow hosts on private, loopback or link-local addresses (for local test sites)',
    })
    .option('ignore-robots', {
      type: 'boolean',
      default: false,
      describe: 'do not obey robots.txt (recorded in the evidence)',
    })
    .option('shop-timeout', {
      type: 'number',
      default: DEFAULT_CRAWL_OPTIONS.shopTimeoutMs / 1000,
      describe: 'seconds before the watchdog ends a shop with what it has',
    })
    .option('page-timeout', {
      type: 'number',
      default: DEFAULT_CRAWL_OPTIONS.pageTimeoutMs / 1000,
      describe: 'seconds per page',
    })
    .option('profile', {
      type: 'string',
      describe: "judge every shop with this rule profile instead of its market's (eu, nl, de, be, fr, uk)",
    })
    .option('rules', { type: 'string', describe: 'a rules folder to use instead of the shipped one' })
    .option('overrides', {
      type: 'string',
      describe: 'a YAML, JSON or CSV file of per-shop rule overrides, each with a reason',
    })
    .option('screenshots', {
      type: 'boolean',
      default: true,
      describe:
        'browser/auto mode: screenshot the home page and pages with contact details, as evidence (--no-screenshots to skip)',
    })
    .option('mobile-pass', {
      type: 'boolean',
      default: true,
      describe:
        'browser/auto mode: render the pages with contact details again at a phone-sized viewport (--no-mobile-pass to skip)',
    });
}

function positive(value: number, flag: string): number {
  if (!Number.isFinite(value) || value <= 0)
    throw UserError.say('error.positiveNumber', { flag, value: String(value) });
  return value;
}

/**
 * Where a database's screenshots and page snapshots go: `<db file>.artifacts/` beside it, or a fresh
 * temporary folder for an in-memory database.
 */
export function artifactsDirFor(db: string | undefined): string {
  if (!db || db === ':memory:')
    return join(tmpdir(), `shopreach-artifacts-${process.pid}-${Date.now().toString(36)}`);
  return artifactsDirBeside(db);
}

/**
 * `artifactsDir` defaults to the one of `args.db` when the arguments carry a database. What counts
 * as a readable contact while crawling comes from the selections of the run's rules folder.
 */
export function observeOptionsFrom(
  args: CrawlArgs & { db?: string },
  artifactsDir: string = artifactsDirFor(args.db),
): ObserveOptions {
  let country: string | undefined;
  if (args.country) {
    const checked = normaliseCountry(args.country);
    if (!checked.ok) throw UserError.of(`--country: ${listMessageText(checked)}.`);
    country = checked.country;
  }
  return {
    mode: args.mode,
    country,
    readable: readableSelectionsIn(loadSelections(args.rules ?? RULES_DIR)),
    crawl: {
      ...DEFAULT_CRAWL_OPTIONS,
      maxPages: Math.floor(positive(args['max-pages'], 'max-pages')),
      maxDepth: Math.floor(
        args['max-depth'] >= 0 ? args['max-depth'] : positive(args['max-depth'], 'max-depth'),
      ),
      allowPrivateHosts: args['allow-private-hosts'],
      obeyRobots: !args['ignore-robots'],
      shopTimeoutMs: positive(args['shop-timeout'], 'shop-timeout') * 1000,
      pageTimeoutMs: positive(args['page-timeout'], 'page-timeout') * 1000,
      userAgent: makeUserAgent(TOOL_VERSION),
      screenshots: args.screenshots !== false,
      mobilePass: args['mobile-pass'] !== false,
      artifactsDir,
    },
  };
}
