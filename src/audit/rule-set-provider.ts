import { flagUnversionedChange, profileForCountry, ruleSetLoader } from '../rules/index.js';
import type { RuleSet } from '../rules/types.js';

/**
 * Picks the rule set a shop is judged with: one fixed profile when asked for (--profile),
 * otherwise the profile of the shop's market. Each profile is loaded and linted once.
 */
export interface RuleSetProviderOptions {
  profile?: string;
  dir?: string;
  /**
   * The rule sets these replace (a rescored run's, or the shipped ones for --rules DIR): a profile
   * whose rules differ from its baseline under the same version gets a flagged version.
   */
  baseline?: (profile: string) => RuleSet | undefined;
  /** Told once per profile whose version had to be flagged. */
  onFlagged?: (flagged: RuleSet, baseline: RuleSet) => void;
}

export class RuleSetProvider {
  private readonly loaded = new Map<string, RuleSet>();
  /** The rules directory is read once, when the first profile is wanted. */
  private readonly load: (profile: string) => RuleSet;

  constructor(private readonly options: RuleSetProviderOptions = {}) {
    const read = ruleSetLoader(options.dir);
    this.load = (profile) => {
      const ruleSet = read(profile);
      const baseline = options.baseline?.(profile);
      const checked = flagUnversionedChange(ruleSet, baseline);
      if (baseline && checked.version !== ruleSet.version && checked.version !== baseline.version)
        options.onFlagged?.(checked, baseline);
      return checked;
    };
  }

  profileFor(country: string): string {
    return this.options.profile ?? profileForCountry(country);
  }

  forCountry(country: string): RuleSet {
    return this.get(this.profileFor(country));
  }

  get(profile: string): RuleSet {
    let ruleSet = this.loaded.get(profile);
    if (!ruleSet) {
      ruleSet = this.load(profile);
      this.loaded.set(profile, ruleSet);
    }
    return ruleSet;
  }

  used(): RuleSet[] {
    return [...this.loaded.values()];
  }
}

/** A provider that always returns the given rule sets by id (a rescore under the run's frozen rules). */
export class FrozenRuleSetProvider extends RuleSetProvider {
  constructor(
    private readonly byId: Map<string, RuleSet>,
    private readonly fallback: RuleSet,
  ) {
    super();
  }

  override forCountry(country: string): RuleSet {
    return this.byId.get(this.profileFor(country)) ?? this.fallback;
  }

  override used(): RuleSet[] {
    return [...this.byId.values()];
  }
}
