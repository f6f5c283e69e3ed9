import type { Argv, CommandModule } from 'yargs';
import { RULES_DIR } from '../../common/paths.js';
import { type Lang, profileLanguage } from '../../i18n/index.js';
import {
  explainRule,
  formatDiagnostic,
  lintRules,
  listProfiles,
  loadRuleSet,
  RuleSetError,
  textIn,
} from '../../rules/index.js';
import { cliText, useCliLanguage } from '../cli-language.js';

interface RulesArgs {
  rules?: string;
  profile?: string;
  lang?: Lang;
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
      const t = cliText();
      console.log(
        t('cli.rules.listHeader', {
          id: set.id,
          version: set.version,
          hash: set.hash.slice(0, 12),
          count: set.rules.length,
        }),
      );
      const width = Math.max(...set.rules.map((rule) => rule.id.length));
      for (const rule of set.rules) {
        console.log(
          `${rule.id.padEnd(width)}  ${rule.level.padEnd(14)} w${String(rule.weight).padEnd(3)} ${textIn(rule.title, t.lang)}`,
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
      console.error(cliText()('cli.rules.problems', { count: diagnostics.length }));
      process.exit(1);
    }
    const profiles = listProfiles(dir);
    const count = new Set(
      profiles.flatMap((profile) => loadRuleSet({ profile, dir }).rules.map((rule) => rule.id)),
    ).size;
    console.log(
      cliText()('cli.rules.ok', {
        rules: count,
        profileCount: profiles.length,
        profiles: profiles.join(', '),
      }),
    );
  },
};

const explain: CommandModule<object, RulesArgs> = {
  command: 'explain <id>',
  describe: 'Explain one rule: what it checks, its sources and its test',
  builder: (yargs) =>
    yargs
      .positional('id', { type: 'string', demandOption: true })
      .option('profile', { type: 'string', default: 'eu' })
      .option('rules', { type: 'string', default: RULES_DIR }) as unknown as Argv<RulesArgs>,
  handler: (args) => {
    try {
      // A market's profile is explained in its language (`--profile de` in German) unless --lang says otherwise.
      const lang = args.lang ?? profileLanguage(args.profile);
      useCliLanguage(lang);
      const set = loadRuleSet({ profile: args.profile, dir: args.rules });
      const rule = set.rules.find((candidate) => candidate.id === args.id);
      if (!rule) {
        console.error(cliText()('cli.rules.noRule', { id: String(args.id), profile: set.id }));
        process.exit(1);
      }
      console.log(explainRule(rule, lang));
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
