import { resolve } from 'node:path';
import type { RuleSetProviderOptions } from '../audit/rule-set-provider.js';
import { RULES_DIR } from '../common/paths.js';
import { declaredVersion, ruleSetLoader } from '../rules/index.js';
import type { RuleSet } from '../rules/types.js';
import { cliText } from './cli-language.js';

/**
 * What a provider's rule sets are compared with, and the warning when one changed under the same
 * version: `against` names the baseline in the message ("run 3 \"nl-2026\"", "the shipped rules").
 */
export function baselineOptions(
  baseline: (profile: string) => RuleSet | undefined,
  against: string,
  warn: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Pick<RuleSetProviderOptions, 'baseline' | 'onFlagged'> {
  return {
    baseline,
    onFlagged: (flagged, base) =>
      warn(
        cliText()('cli.versionWarning', {
          profile: flagged.id,
          against,
          before: base.hash.slice(0, 8),
          after: flagged.hash.slice(0, 8),
          version: declaredVersion(flagged.version),
          recorded: flagged.version,
        }),
      ),
  };
}

/** For `--rules DIR`: the shipped profile of the same name, when DIR is another folder. */
export function shippedBaseline(dir: string | undefined): (profile: string) => RuleSet | undefined {
  if (!dir || resolve(dir) === resolve(RULES_DIR)) return () => undefined;
  const load = ruleSetLoader(RULES_DIR);
  return (profile) => {
    try {
      return load(profile);
    } catch {
      return undefined;
    }
  };
}
