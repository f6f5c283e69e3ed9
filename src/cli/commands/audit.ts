import type { CommandModule } from 'yargs';
import { RuleSetProvider } from '../../audit/rule-set-provider.js';
import { INSTALL_ADVICE, locateBrowser } from '../../crawl/browser-locate.js';
import { readShopList, ShopListError } from '../../input/index.js';
import type { ShopTarget } from '../../input/types.js';
import { parseQueueAddress, QueueAddressError } from '../../queue/queue-address.js';
import { loadOverrides, type Override } from '../../rules/index.js';
import { terminalSafe } from '../../shared/terminal-text.js';
import { TOOL_VERSION } from '../../shared/version.js';
import { openStore } from '../../store/index.js';
import type { RunRecord, Store } from '../../store/types.js';
import type { auditInSession } from '../audit-session.js';
import { type CrawlArgs, observeOptionsFrom, withCrawlOptions } from '../crawl-options.js';
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
}

const JUDGEABLE = new Set(['ok', 'partial']);

/** The options a run was started with, so --resume and --retry-failed crawl the same way. */
function storedArgs(run: RunRecord): CrawlArgs & { concurrency: number } {
  const saved = run.options.args as (CrawlArgs & { concurrency: number }) | undefined;
  if (!saved) throw new UserError(`Run ${run.id} has no stored crawl options and cannot be resumed.`);
  return saved;
}

export function readOverrides(file: string | undefined): Override[] {
  if (!file) return [];
  try {
    return loadOverrides(file);
  } catch (error) {
    throw new UserError((error as Error).message);
  }
}

export async function ensureBrowserFor(mode: string): Promise<string | null> {
  const browser = await locateBrowser();
  if (!browser && mode === 'browser') throw new UserError(INSTALL_ADVICE);
  if (!browser && mode === 'auto') {
    process.stderr.write('No browser found: auto mode will judge with static fetching only.\n');
  }
  return browser?.path ?? null;
}

function targetsFromList(file: string): ShopTarget[] {
  let parsed: ReturnType<typeof readShopList>;
  try {
    parsed = readShopList(file);
  } catch (error) {
    if (error instanceof ShopListError) throw new UserError(error.message);
    throw error;
  }
  for (const problem of parsed.problems) {
    process.stderr.write(`${terminalSafe(`${file}:${problem.line}: skipped, ${problem.message}`)}\n`);
  }
  if (parsed.targets.length === 0)
    throw new UserError(`The shop list ${file} has no shop that can be audited.`);
  return parsed.targets;
}

function planRun(
  store: Store,
  args: AuditArgs,
  listed: ShopTarget[] | null,
): { runId: number; targets: ShopTarget[]; crawlArgs: AuditArgs } {
  if (args.resume) {
    const run = resolveRun(store, args.resume);
    const targets = store.pendingShops(run.id);
    process.stderr.write(
      `Resuming run ${run.id} "${terminalSafe(run.label)}": ${targets.length} of ${run.shopsPlanned} shops left.\n`,
    );
    return { runId: run.id, targets, crawlArgs: { ...args, ...storedArgs(run) } };
  }
  if (args['retry-failed']) {
    const run = resolveRun(store, args['retry-failed']);
    const targets = store
      .shops(run.id)
      .filter((shop) => !JUDGEABLE.has(shop.status))
      .map((shop) => shop.target);
    process.stderr.write(
      `Retrying ${targets.length} failed shops of run ${run.id} "${terminalSafe(run.label)}".\n`,
    );
    return { runId: run.id, targets, crawlArgs: { ...args, ...storedArgs(run) } };
  }
  if (!args.list || !listed) throw new UserError('Give a shop list (txt, csv or json), or --resume RUN.');
  const targets = listed;
  const label = args.label ?? `audit-${new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-')}`;
  const existing = store.findRunByLabel(label);
  if (existing) {
    throw new UserError(
      `A run labelled "${label}" exists already (run ${existing.id}); resume it with --resume ${existing.id} or choose another --label.`,
    );
  }
  const observe = observeOptionsFrom(args);
  const ruleSets = new RuleSetProvider({ profile: args.profile, dir: args.rules });
  const runId = store.createRun({
    label,
    kind: 'audit',
    ruleSet: ruleSets.get(args.profile ?? 'eu'),
    options: { list: args.list, args: pickCrawlArgs(args), crawl: observe.crawl },
    toolVersion: TOOL_VERSION,
    startedAt: new Date().toISOString(),
  });
  store.planShops(runId, targets);
  return { runId, targets, crawlArgs: args };
}

function queueAddress(text: string) {
  try {
    return parseQueueAddress(text);
  } catch (error) {
    if (error instanceof QueueAddressError) throw new UserError(error.message);
    throw error;
  }
}

function pickCrawlArgs(args: AuditArgs) {
  const { mode, country, profile, rules, overrides, concurrency } = args;
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
      .option('queue', {
        type: 'string',
        describe:
          'distribute the shops over workers (shopreach worker) through Redis: redis://HOST:PORT[/DB][?name=QUEUE]',
      })
      .example('$0 audit shops.csv --label twinkle100-2026', '')
      .example('$0 audit --resume twinkle100-2026', '') as never,
  handler: async (args) => {
    // Read the list before touching the database, so a bad list leaves nothing behind.
    const listed = args.list && !args.resume && !args['retry-failed'] ? targetsFromList(args.list) : null;
    const store = openStore(args.db);
    try {
      const { runId, targets, crawlArgs } = planRun(store, args, listed);
      const observe = observeOptionsFrom(crawlArgs);
      const ruleSets = new RuleSetProvider({ profile: crawlArgs.profile, dir: crawlArgs.rules });
      const session = {
        store,
        runId,
        targets,
        observe,
        ruleSets,
        overrides: readOverrides(crawlArgs.overrides),
      };
      // With --queue the workers crawl (and need the browser); this process judges and stores.
      let summary: Awaited<ReturnType<typeof auditInSession>>;
      if (args.queue) {
        const { auditViaQueue } = await import('../queue-session.js');
        summary = await auditViaQueue({
          ...session,
          address: queueAddress(args.queue),
          rerun: Boolean(args['retry-failed']),
        });
      } else {
        await ensureBrowserFor(observe.mode);
        const { auditInSession } = await import('../audit-session.js');
        summary = await auditInSession({
          ...session,
          concurrency: crawlArgs.concurrency ?? args.concurrency,
        });
      }
      if (summary.interrupted) {
        process.stderr.write(
          `Interrupted. Finish it with: shopreach audit --resume ${runId} --db ${args.db}\n`,
        );
        process.exitCode = 1;
        return;
      }
      store.finishRun(runId, new Date().toISOString());
      const run = store.getRun(runId);
      process.stdout.write(
        `Audited ${summary.audited} shops (${summary.notRated} not rated) into ${args.db}, run ${runId} "${terminalSafe(run?.label)}".\n` +
          `Report: shopreach report --db ${args.db} --run ${runId}\n`,
      );
    } finally {
      store.close();
    }
  },
};
