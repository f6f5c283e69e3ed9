import type { CommandModule } from 'yargs';
import { judgeShop } from '../../audit/judge-shop.js';
import { FrozenRuleSetProvider, RuleSetProvider } from '../../audit/rule-set-provider.js';
import { terminalSafe } from '../../shared/terminal-text.js';
import { TOOL_VERSION } from '../../shared/version.js';
import { openStore } from '../../store/index.js';
import { resolveRun } from '../run-ref.js';
import { UserError } from '../user-error.js';
import { readOverrides } from './audit.js';

interface RescoreArgs {
  db: string;
  run: string;
  rules?: string;
  profile?: string;
  label?: string;
  overrides?: string;
}

function freeLabel(existing: (label: string) => boolean, base: string): string {
  for (let n = 1; ; n += 1) {
    const label = n === 1 ? base : `${base}-${n}`;
    if (!existing(label)) return label;
  }
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
        describe: 'a YAML/JSON file of per-shop overrides, each with a reason',
      })
      .example('$0 rescore --run 2026 --rules ./my-rules', '') as never,
  handler: (args) => {
    const store = openStore(args.db);
    try {
      const parent = resolveRun(store, args.run);
      const frozen = store.ruleSets(parent.id);
      const ruleSets =
        args.rules || args.profile
          ? new RuleSetProvider({ profile: args.profile, dir: args.rules })
          : new FrozenRuleSetProvider(
              new Map([parent.ruleSet, ...frozen].map((r) => [r.id, r])),
              parent.ruleSet,
            );
      const defaultRuleSet =
        args.rules || args.profile ? ruleSets.get(args.profile ?? parent.ruleSet.id) : parent.ruleSet;
      const label =
        args.label ?? freeLabel((l) => store.findRunByLabel(l) !== null, `${parent.label}-rescored`);
      if (store.findRunByLabel(label)) throw new UserError(`A run labelled "${label}" exists already.`);
      const overrides = readOverrides(args.overrides);
      const shops = store.shops(parent.id);
      const runId = store.createRun({
        label,
        kind: 'rescore',
        parentRunId: parent.id,
        ruleSet: defaultRuleSet,
        options: {
          ...parent.options,
          rescoredFrom: parent.id,
          rules: args.rules ?? null,
          profile: args.profile ?? null,
          overrides: args.overrides ?? null,
        },
        toolVersion: TOOL_VERSION,
        browserVersion: parent.browserVersion,
        startedAt: new Date().toISOString(),
      });
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
      process.stdout.write(
        `Rescored ${shops.length} shops of run ${parent.id} "${terminalSafe(parent.label)}" into run ${runId} "${terminalSafe(label)}" (rule set hash ${defaultRuleSet.hash.slice(0, 12)}).\n`,
      );
    } finally {
      store.close();
    }
  },
};
