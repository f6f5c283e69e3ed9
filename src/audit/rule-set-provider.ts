import { profileForCountry, ruleSetLoader } from '../rules/index.js';
import type { RuleSet } from '../rules/types.js';

/**
 * Picks the rule set a shop is judged with: one fixed profile when asked for (--profile),
 * otherwise the profile of the shop's market. Each profile is loaded and linted once.
 */
export class RuleSetProvider {
  private readonly loaded = new Map<string, RuleSet>();
  /** The rules directory is read once, when the first profile is wanted. */
  private readonly load: (profile: string) => RuleSet;

  constructor(private readonly options: { profile?: string; dir?: string } = {}) {
    this.load = ruleSetLoader(options.dir);
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
