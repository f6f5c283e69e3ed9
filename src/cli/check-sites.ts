import type { RuleSetProvider } from '../audit/rule-set-provider.js';
import { terminalSafe } from '../common/terminal-text.js';
import { credentialsRemoved, normaliseShopUrl, openShopList, withoutCredentials } from '../input/index.js';
import type { ShopTarget } from '../input/types.js';
import { listProfiles } from '../rules/index.js';
import type { CheckConfig, Thresholds } from './check-config.js';
import { checkFailOnNames } from './check-thresholds.js';
import { asListUserError, listMessageText, listProblemLine, listWarningLine } from './list-messages.js';
import { UserError } from './user-error.js';

/** The flags of `check` that say which sites to check and with which thresholds. */
export interface SiteArgs {
  url?: string;
  list?: string;
  name?: string;
  'min-score'?: number;
  'fail-on'?: string | string[];
}

/** One site to check, with the thresholds it must meet and where they were written. */
export interface SitePlan {
  target: ShopTarget;
  thresholds: Thresholds;
  failOnWhere: (index: number) => string;
}

export const asList = (value: string | string[] | undefined): string[] | undefined =>
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
export async function planSites(args: SiteArgs, config: CheckConfig | null): Promise<SitePlan[]> {
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
export function checkFailOn(
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
