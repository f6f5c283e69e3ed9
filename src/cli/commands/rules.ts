import type { Argv, CommandModule } from 'yargs';
import {
  explainRule,
  formatDiagnostic,
  lintRules,
  listProfiles,
  loadRuleSet,
  RULE_LANGUAGES,
  type RuleLanguage,
  RuleSetError,
} from '../../rules/index.js';
import { RULES_DIR } from '../../shared/paths.js';

interface RulesArgs {
  rules?: string;
  profile?: string;
  lang?: RuleLanguage;
  id?: string;
}

function fail(error: unknown): never {
  if (error instanceof RuleSetError) {
    for (const diagnostic of error.diagnostics) console.error(formatDiagnostic(diagnostic));
  }
  console.error((error as Error).message.split('\n')[0]);
  process.exit(1);
}

const list: CommandModule<object, RulesArgs> = {
  command: 'list',
  describe: 'List the rules of a profile',
  builder: (yargs) =>
    yargs
      .option('profile', {
        type: 'string',
        default: 'eu',
        describe: 'market profile (eu, nl, de, be, fr, uk)',
      })
      .option('rules', {
        type: 'string',
        describe: 'rules directory',
        default: RULES_DIR,
      }) as unknown as Argv<RulesArgs>,
  handler: (args) => {
    try {
      const set = loadRuleSet({ profile: args.profile, dir: args.rules });
      console.log(
        `rule set ${set.id} ${set.version} sha256:${set.hash.slice(0, 12)}, ${set.rules.length} rules`,
      );
      const width = Math.max(...set.rules.map((rule) => rule.id.length));
      for (const rule of set.rules) {
        console.log(
          `${rule.id.padEnd(width)}  ${rule.level.padEnd(14)} w${String(rule.weight).padEnd(3)} ${rule.title.en}`,
        );
      }
    } catch (error) {
      fail(error);
    }
  },
};

const lint: CommandModule<object, RulesArgs> = {
  command: 'lint',
  describe: 'Validate every rule file, selection, reference and profile',
  builder: (yargs) =>
    yargs.option('rules', {
      type: 'string',
      describe: 'rules directory',
      default: RULES_DIR,
    }) as unknown as Argv<RulesArgs>,
  handler: (args) => {
    const dir = args.rules ?? RULES_DIR;
    const diagnostics = lintRules(dir);
    if (diagnostics.length > 0) {
      for (const diagnostic of diagnostics) console.error(formatDiagnostic(diagnostic));
      console.error(`${diagnostics.length} problem(s)`);
      process.exit(1);
    }
    const profiles = listProfiles(dir);
    const count = new Set(
      profiles.flatMap((profile) => loadRuleSet({ profile, dir }).rules.map((rule) => rule.id)),
    ).size;
    console.log(`ok: ${count} rules, ${profiles.length} profiles (${profiles.join(', ')}), no problems`);
  },
};

const explain: CommandModule<object, RulesArgs> = {
  command: 'explain <id>',
  describe: 'Explain one rule: what it checks, its sources and its test',
  builder: (yargs) =>
    yargs
      .positional('id', { type: 'string', demandOption: true })
      .option('lang', { choices: RULE_LANGUAGES, default: 'en' as const })
      .option('profile', { type: 'string', default: 'eu' })
      .option('rules', { type: 'string', default: RULES_DIR }) as unknown as Argv<RulesArgs>,
  handler: (args) => {
    try {
      const set = loadRuleSet({ profile: args.profile, dir: args.rules });
      const rule = set.rules.find((candidate) => candidate.id === args.id);
      if (!rule) {
        console.error(
          `No rule "${args.id}" in profile ${set.id}. Try: shopreach rules list --profile ${set.id}`,
        );
        process.exit(1);
      }
      console.log(explainRule(rule, args.lang ?? 'en'));
    } catch (error) {
      fail(error);
    }
  },
};

export const rulesCommand: CommandModule = {
  command: 'rules <command>',
  describe: 'List, lint and explain the rule packs',
  builder: (yargs) => yargs.command(list).command(lint).command(explain).demandCommand(1),
  handler: () => {},
};
