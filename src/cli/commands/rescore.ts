import type { CommandModule } from 'yargs';
import { judgeShop } from '../../audit/judge-shop.js';
import { FrozenRuleSetProvider, RuleSetProvider } from '../../audit/rule-set-provider.js';
import { terminalSafe } from '../../common/terminal-text.js';
import { TOOL_VERSION } from '../../common/version.js';
import { profilesText } from '../../report/index.js';
import type { Override, RuleSet } from '../../rules/index.js';
import { openStore } from '../../store/index.js';
import type { RunRecord, Store, StoredShop } from '../../store/types.js';
import { cliText } from '../cli-language.js';
import { baselineOptions } from '../rules-baseline.js';
import { overridesForRun } from '../run-overrides.js';
import { resolveRun } from '../run-ref.js';
import { UserError } from '../user-error.js';

interface RescoreArgs {
  db: string;
  run: string;
  rules?: string;
  profile?: string;
  label?: string;
  overrides?: string;
  'carry-overrides'?: string;
}

function freeLabel(existing: (label: string) => boolean, base: string): string {
  for (let n = 1; ; n += 1) {
    const label = n === 1 ? base : `${base}-${n}`;
    if (!existing(label)) return label;
  }
}

/** The rules to judge with: a rules folder or profile when given, else the run's frozen rule sets. */
function rescoreRuleSets(store: Store, args: RescoreArgs, parent: RunRecord) {
  const before = new Map([parent.ruleSet, ...store.ruleSets(parent.id)].map((r) => [r.id, r]));
  if (!args.rules && !args.profile) {
    return { ruleSets: new FrozenRuleSetProvider(before, parent.ruleSet), defaultRuleSet: parent.ruleSet };
  }
  const ruleSets = new RuleSetProvider({
    profile: args.profile,
    dir: args.rules,
    ...baselineOptions(
      (profile) => before.get(profile),
      cliText()('cli.againstRun', { id: parent.id, label: parent.label }),
    ),
  });
  return { ruleSets, defaultRuleSet: ruleSets.get(args.profile ?? parent.ruleSet.id) };
}

function newRunLabel(store: Store, args: RescoreArgs, parent: RunRecord): string {
  const label = args.label ?? freeLabel((l) => store.findRunByLabel(l) !== null, `${parent.label}-rescored`);
  if (store.findRunByLabel(label)) throw UserError.say('error.labelExists', { label });
  return label;
}

function rescoreOverrides(
  store: Store,
  args: RescoreArgs,
  parent: RunRecord,
  shops: StoredShop[],
  ruleSets: RuleSetProvider,
): Override[] {
  const ruleIds = new Set(
    shops.flatMap((shop) => ruleSets.forCountry(shop.evidence.target.country).rules.map((r) => r.id)),
  );
  return overridesForRun(
    store,
    { file: args.overrides, carryFrom: args['carry-overrides'] },
    {
      name: `run ${parent.id} "${parent.label}"`,
      ruleIds,
      shops: shops.map((shop) => ({
        key: shop.key,
        names: [shop.key, shop.target.url, shop.evidence.target.origin, shop.evidence.target.input],
      })),
    },
  );
}

function createRescoreRun(
  store: Store,
  args: RescoreArgs,
  parent: RunRecord,
  label: string,
  ruleSet: RuleSet,
): number {
  return store.createRun({
    label,
    kind: 'rescore',
    parentRunId: parent.id,
    ruleSet,
    options: {
      ...parent.options,
      rescoredFrom: parent.id,
      rules: args.rules ?? null,
      profile: args.profile ?? null,
      overrides: args.overrides ?? null,
      carryOverrides: args['carry-overrides'] ?? null,
    },
    toolVersion: TOOL_VERSION,
    browserVersion: parent.browserVersion,
    startedAt: new Date().toISOString(),
  });
}

/** Judges every stored shop again into the new run, storing each rule set the first time it is used. */
function judgeAgain(
  store: Store,
  runId: number,
  shops: StoredShop[],
  ruleSets: RuleSetProvider,
  defaultRuleSet: RuleSet,
  overrides: Override[],
): void {
  store.planShops(
    runId,
    shops.map((shop) => shop.target),
  );
  const added = new Set<string>([defaultRuleSet.id]);
  for (const shop of shops) {
    const ruleSet = ruleSets.forCountry(shop.evidence.target.country);
    if (!added.has(ruleSet.id)) {
      added.add(ruleSet.id);
      store.addRuleSet(runId, ruleSet);
    }
    store.saveShop(runId, judgeShop(shop.target, shop.evidence, ruleSet, overrides));
  }
  store.finishRun(runId, new Date().toISOString());
}

export const rescoreCommand: CommandModule<object, RescoreArgs> = {
  command: 'rescore',
  describe: 'judge a stored run again under other rules or overrides, without any network access',
  builder: (yargs) =>
    yargs
      .option('db', { type: 'string', default: './shopreach.sqlite', describe: 'SQLite database file' })
      .option('run', {
        type: 'string',
        demandOption: true,
        describe: 'the run whose evidence is judged again (number or label)',
      })
      .option('rules', {
        type: 'string',
        describe: "a rules folder (default: the run's own frozen rule set)",
      })
      .option('profile', { type: 'string', describe: 'judge every shop with this profile' })
      .option('label', { type: 'string', describe: 'label of the new run' })
      .option('overrides', {
        type: 'string',
        describe: 'a YAML, JSON or CSV file of per-shop overrides, each with a reason',
      })
      .option('carry-overrides', {
        type: 'string',
        describe: "bring an earlier run's overrides (id or label) into the new run, each marked as carried",
      })
      .example('$0 rescore --run 2026 --rules ./my-rules', '') as never,
  handler: (args) => {
    const store = openStore(args.db);
    try {
      const parent = resolveRun(store, args.run);
      const { ruleSets, defaultRuleSet } = rescoreRuleSets(store, args, parent);
      const label = newRunLabel(store, args, parent);
      const shops = store.shops(parent.id);
      const overrides = rescoreOverrides(store, args, parent, shops, ruleSets);
      const runId = createRescoreRun(store, args, parent, label, defaultRuleSet);
      judgeAgain(store, runId, shops, ruleSets, defaultRuleSet, overrides);
      const run = store.getRun(runId);
      const t = cliText();
      const rescored = t('cli.rescored', {
        count: shops.length,
        parent: parent.id,
        parentLabel: terminalSafe(parent.label),
        id: runId,
        label: terminalSafe(label),
        rules: run ? profilesText(run, t.lang) : defaultRuleSet.id,
      });
      process.stdout.write(`${rescored}\n`);
    } finally {
      store.close();
    }
  },
};
