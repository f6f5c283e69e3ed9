import { statSync } from 'node:fs';
import type { CommandModule } from 'yargs';
import { ListPlanner, type ListReport } from '../../audit/list-plan.js';
import { RuleSetProvider } from '../../audit/rule-set-provider.js';
import { RULES_DIR } from '../../common/paths.js';
import { terminalSafe } from '../../common/terminal-text.js';
import { TOOL_VERSION } from '../../common/version.js';
import { INSTALL_ADVICE, locateBrowser } from '../../crawl/index.js';
import { type ListMessage, openShopList } from '../../input/index.js';
import type { InputProblem, ListEntry, ShopTarget } from '../../input/types.js';
import { parseQueueAddress, QueueAddressError } from '../../queue/queue-address.js';
import { profilesText } from '../../report/index.js';
import { listProfiles, type Override, type OverrideScope } from '../../rules/index.js';
import { openStore } from '../../store/index.js';
import type { RunRecord, Store } from '../../store/types.js';
import type { auditInSession } from '../audit-session.js';
import { cliText } from '../cli-language.js';
import { type CrawlArgs, observeOptionsFrom, withCrawlOptions } from '../crawl-options.js';
import { asListUserError, listProblemLine, listWarningLine } from '../list-messages.js';
import { baselineOptions, shippedBaseline } from '../rules-baseline.js';
import { overridesForRun } from '../run-overrides.js';
import { resolveRun } from '../run-ref.js';
import { UserError } from '../user-error.js';

interface AuditArgs extends CrawlArgs {
  list?: string;
  db: string;
  label?: string;
  concurrency: number;
  resume?: string;
  'retry-failed'?: string;
  queue?: string;
  'carry-overrides'?: string;
}

const JUDGEABLE = new Set(['ok', 'partial']);

/** The options a run was started with, so --resume and --retry-failed crawl the same way. */
function storedArgs(run: RunRecord): CrawlArgs & { concurrency: number } {
  const saved = run.options.args as (CrawlArgs & { concurrency: number }) | undefined;
  if (!saved) throw UserError.say('error.noStoredOptions', { id: run.id });
  return saved;
}

/**
 * What an audit's overrides are checked against before anything is crawled: the rules of the
 * profile asked for, or of every profile (a shop's market is known only after its crawl), and the
 * shops of the list or of the run being finished.
 */
export function auditOverrideScope(
  ruleSets: RuleSetProvider,
  args: Pick<CrawlArgs, 'profile' | 'rules'>,
  name: string,
  targets: ShopTarget[],
): OverrideScope {
  const profiles = args.profile ? [args.profile] : listProfiles(args.rules ?? RULES_DIR);
  return {
    name,
    ruleIds: profiles.flatMap((profile) => ruleSets.get(profile).rules.map((rule) => rule.id)),
    shops: targets.map((target) => ({ key: target.key, names: [target.key, target.url] })),
  };
}

export async function ensureBrowserFor(mode: string): Promise<string | null> {
  const browser = await locateBrowser();
  if (!browser && mode === 'browser') throw UserError.of(INSTALL_ADVICE);
  if (!browser && mode === 'auto') {
    process.stderr.write(`${cliText()('cli.noBrowserAuto')}\n`);
  }
  return browser?.path ?? null;
}

function listReport(file: string): ListReport {
  return {
    problem(problem: InputProblem, fatal: boolean) {
      process.stderr.write(`${listProblemLine(file, problem, fatal)}\n`);
    },
    warning(line: number, warning: ListMessage) {
      process.stderr.write(`${listWarningLine(file, line, warning)}\n`);
    },
  };
}

function openList(file: string): AsyncGenerator<ListEntry> {
  try {
    return openShopList(file);
  } catch (error) {
    throw asListUserError(error);
  }
}

/**
 * Reads a list up to its first shop before the database is touched, so that a list without one
 * leaves nothing behind; the rest is read while the run goes on.
 */
async function fromFirstShop(file: string, report: ListReport): Promise<AsyncIterable<ListEntry>> {
  const entries = openList(file);
  for (;;) {
    let next: IteratorResult<ListEntry>;
    try {
      next = await entries.next();
    } catch (error) {
      throw asListUserError(error);
    }
    if (next.done) throw UserError.say('error.listEmpty', { file });
    const entry = next.value;
    if (entry.kind === 'problem') {
      report.problem(entry.problem, entry.fatal === true);
      continue;
    }
    return (async function* () {
      yield entry;
      yield* entries;
    })();
  }
}

/** The run an audit finishes (--resume, --retry-failed), or null for a new one, and how it crawls. */
interface AuditPlan {
  run: RunRecord | null;
  crawlArgs: AuditArgs;
  /** --retry-failed: the shops to audit again; otherwise the run's plan (and list) gives them. */
  retry: ShopTarget[] | null;
  /** --resume of a run whose list was still being read: the list to read on. */
  readOn: string | null;
}

function planRun(store: Store, args: AuditArgs): AuditPlan {
  if (args.resume) {
    const run = resolveRun(store, args.resume);
    const saved = run.options as { list?: string; streamedList?: boolean; listPlanned?: boolean };
    // A run whose list was being read when it stopped reads it on; rows planned before are passed over.
    const readOn =
      saved.streamedList === true && saved.listPlanned !== true && typeof saved.list === 'string'
        ? saved.list
        : null;
    const resuming = cliText()(readOn ? 'cli.resumingWithList' : 'cli.resuming', {
      id: run.id,
      label: terminalSafe(run.label),
      left: run.shopsPlanned - run.shopsDone,
      planned: run.shopsPlanned,
    });
    process.stderr.write(`${resuming}\n`);
    return { run, retry: null, readOn, crawlArgs: { ...args, ...storedArgs(run) } };
  }
  if (args['retry-failed']) {
    const run = resolveRun(store, args['retry-failed']);
    const retry = store.unjudgedTargets(run.id, [...JUDGEABLE]);
    const retrying = cliText()('cli.retrying', {
      count: retry.length,
      id: run.id,
      label: terminalSafe(run.label),
    });
    process.stderr.write(`${retrying}\n`);
    return { run, retry, readOn: null, crawlArgs: { ...args, ...storedArgs(run) } };
  }
  if (!args.list) throw UserError.say('error.giveList');
  return { run: null, retry: null, readOn: null, crawlArgs: args };
}

/** A new run for the list, refused when its label is taken. */
function createRun(store: Store, args: AuditArgs, ruleSets: RuleSetProvider): number {
  const label = args.label ?? `audit-${new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-')}`;
  const existing = store.findRunByLabel(label);
  if (existing) {
    throw UserError.say('error.labelTaken', { label, id: existing.id });
  }
  const observe = observeOptionsFrom(args);
  return store.createRun({
    label,
    kind: 'audit',
    ruleSet: ruleSets.get(args.profile ?? 'eu'),
    options: { list: args.list, streamedList: true, args: pickCrawlArgs(args), crawl: observe.crawl },
    toolVersion: TOOL_VERSION,
    startedAt: new Date().toISOString(),
  });
}

/**
 * Every shop of a list, read once more from its start: overrides must be checked against the
 * whole list before anything is judged, while the audit itself reads the list as it goes. Only
 * done when there are overrides, and only for a list in a file (a pipe cannot be read twice).
 */
async function everyListedShop(file: string): Promise<ShopTarget[]> {
  let isFile = false;
  try {
    isFile = statSync(file).isFile();
  } catch {
    isFile = false;
  }
  if (!isFile) throw UserError.say('error.listNotFile', { file });
  const targets: ShopTarget[] = [];
  for await (const entry of openList(file)) if (entry.kind === 'shop') targets.push(entry.target);
  return targets;
}

/** The run's overrides, checked against its shops before anything is crawled or stored. */
async function runOverrides(store: Store, plan: AuditPlan, ruleSets: RuleSetProvider): Promise<Override[]> {
  const { crawlArgs, run } = plan;
  const sources = { file: crawlArgs.overrides, carryFrom: crawlArgs['carry-overrides'] };
  if (!sources.file && !sources.carryFrom) return [];
  const planned: ShopTarget[] = [];
  if (run) {
    planned.push(...store.shops(run.id).map((shop) => shop.target), ...store.pendingShops(run.id));
    if (plan.readOn) planned.push(...(await everyListedShop(plan.readOn)));
  } else planned.push(...(await everyListedShop(crawlArgs.list as string)));
  const scope = auditOverrideScope(
    ruleSets,
    crawlArgs,
    run ? `run ${run.id} "${run.label}"` : `the shop list ${crawlArgs.list}`,
    planned,
  );
  return overridesForRun(store, sources, scope);
}

/** A distributed run's coordinator keeps its outstanding shops at hand: the list is read whole first. */
async function allPlanned(planner: ListPlanner): Promise<ShopTarget[]> {
  const targets: ShopTarget[] = [];
  for await (const target of planner.pending()) targets.push(target);
  return targets;
}

function queueAddress(text: string) {
  try {
    return parseQueueAddress(text);
  } catch (error) {
    if (error instanceof QueueAddressError) throw UserError.of(error.message);
    throw error;
  }
}

function pickCrawlArgs(args: AuditArgs) {
  const { mode, country, profile, rules, overrides, concurrency } = args;
  const carried = args['carry-overrides'];
  return {
    mode,
    'max-pages': args['max-pages'],
    'max-depth': args['max-depth'],
    country,
    'allow-private-hosts': args['allow-private-hosts'],
    'ignore-robots': args['ignore-robots'],
    'shop-timeout': args['shop-timeout'],
    'page-timeout': args['page-timeout'],
    screenshots: args.screenshots,
    'mobile-pass': args['mobile-pass'],
    profile,
    rules,
    overrides,
    ...(carried ? { 'carry-overrides': carried } : {}),
    concurrency,
  };
}

export const auditCommand: CommandModule<object, AuditArgs> = {
  command: 'audit [list]',
  describe: 'audit a list of shops (txt, csv or json) into the SQLite database',
  builder: (yargs) =>
    withCrawlOptions(yargs)
      .positional('list', {
        type: 'string',
        describe: 'shop list: .txt (one URL per line), .csv (url,name,country,group) or .json',
      })
      .option('db', { type: 'string', default: './shopreach.sqlite', describe: 'SQLite database file' })
      .option('label', { type: 'string', describe: 'a name for the run, e.g. twinkle100-2026' })
      .option('concurrency', { type: 'number', default: 4, describe: 'shops audited at once' })
      .option('resume', { type: 'string', describe: 'finish an interrupted run (number or label)' })
      .option('retry-failed', {
        type: 'string',
        describe: 're-audit only the shops of a run that could not be crawled',
      })
      .option('carry-overrides', {
        type: 'string',
        describe:
          "bring an earlier run's overrides (id or label) into this one, each marked as carried; --overrides entries win",
      })
      .option('queue', {
        type: 'string',
        describe:
          'distribute the shops over workers (shopreach worker) through Redis: redis://HOST:PORT[/DB][?name=QUEUE]',
      })
      .example('$0 audit shops.csv --label twinkle100-2026', '')
      .example('$0 audit --resume twinkle100-2026', '')
      .example(
        '$0 audit shops-2027.csv --label twinkle100-2027 --carry-overrides twinkle100-2026',
        '',
      ) as never,
  handler: async (args) => {
    // Read the list up to its first shop before touching the database, so a bad list leaves nothing behind.
    const listed =
      args.list && !args.resume && !args['retry-failed']
        ? await fromFirstShop(args.list, listReport(args.list))
        : null;
    const store = openStore(args.db);
    let interrupted = false;
    try {
      const plan = planRun(store, args);
      const { crawlArgs } = plan;
      const ruleSets = new RuleSetProvider({
        profile: crawlArgs.profile,
        dir: crawlArgs.rules,
        ...baselineOptions(shippedBaseline(crawlArgs.rules), cliText()('cli.againstShipped')),
      });
      const overrides = await runOverrides(store, plan, ruleSets);
      const runId = plan.run?.id ?? createRun(store, crawlArgs, ruleSets);
      const listFile = plan.readOn ?? crawlArgs.list ?? '';
      const entries = plan.run ? (plan.readOn ? openList(plan.readOn) : null) : listed;
      const planner = plan.retry ? null : new ListPlanner(store, runId, entries, listReport(listFile));
      const targets = plan.retry;
      const observe = observeOptionsFrom(crawlArgs);
      const session = { store, runId, observe, ruleSets, overrides };
      // With --queue the workers crawl (and need the browser); this process judges and stores.
      let summary: Awaited<ReturnType<typeof auditInSession>>;
      try {
        if (args.queue) {
          const { auditViaQueue } = await import('../queue-session.js');
          summary = await auditViaQueue({
            ...session,
            targets: targets ?? (await allPlanned(planner as ListPlanner)),
            address: queueAddress(args.queue),
            rerun: Boolean(args['retry-failed']),
          });
        } else {
          await ensureBrowserFor(observe.mode);
          const { auditInSession } = await import('../audit-session.js');
          summary = await auditInSession({
            ...session,
            targets: targets ?? (planner as ListPlanner).pending(),
            ...(planner ? { total: () => planner.planned } : {}),
            concurrency: crawlArgs.concurrency ?? args.concurrency,
          });
        }
      } finally {
        planner?.stop();
      }
      interrupted = summary.interrupted;
      if (interrupted) {
        const command = `shopreach audit --resume ${runId} --db ${args.db}`;
        process.stderr.write(`${cliText()('cli.interrupted', { command })}\n`);
      } else await finishRun(store, runId, args, summary, planner);
    } finally {
      store.close();
    }
    // A stop does not wait for what the abandoned shops or the list still have open.
    if (interrupted) process.exit(1);
  },
};

async function finishRun(
  store: Store,
  runId: number,
  args: AuditArgs,
  summary: { audited: number; notRated: number },
  planner: ListPlanner | null,
): Promise<void> {
  await planner?.finished.catch((error) => {
    throw asListUserError(error);
  });
  if (planner?.stoppedAt) {
    process.stderr.write(`${cliText()('cli.listStopped', { line: planner.stoppedAt.line })}\n`);
  }
  store.finishRun(runId, new Date().toISOString());
  const run = store.getRun(runId);
  const t = cliText();
  const audited = t('cli.audited', {
    count: summary.audited,
    notRated: summary.notRated,
    db: args.db,
    id: runId,
    label: terminalSafe(run?.label),
    rules: run ? profilesText(run, t.lang) : '',
  });
  const report = t('cli.reportHint', { command: `shopreach report --db ${args.db} --run ${runId}` });
  process.stdout.write(`${audited}\n${report}\n`);
}
