import { describe, expect, it } from 'vitest';
import { listProfiles, loadRuleSet } from '../../src/rules/index.js';

/** The rule ids of the design's rule catalogue (RULES.md), checked in so the test needs no file outside the repository. */
const CATALOGUE_IDS = [
  'phone-present',
  'email-present',
  'second-direct-channel',
  'geographic-address-present',
  'trader-identity-present',
  'registry-and-vat-present',
  'contact-within-two-clicks',
  'contact-link-in-global-chrome',
  'contact-link-label-recognisable',
  'contact-link-visible',
  'contact-not-only-in-terms',
  'contact-not-only-in-pdf',
  'contact-as-text',
  'contact-without-login',
  'contact-not-blocked-by-consent',
  'contact-without-chat-gate',
  'contact-form-not-sole-channel',
  'contact-mobile-parity',
  'contact-reveal-not-required',
  'phone-not-premium-rate',
  'phone-cost-disclosed',
  'phone-number-valid',
  'email-not-noreply',
  'other-channels-additional',
  'human-contact-available',
  'contact-details-consistent',
  'phone-in-withdrawal-info',
  'consumer-contact-findable',
];

describe('the rule catalogue', () => {
  it('every profile has every catalogue rule', () => {
    for (const profile of listProfiles()) {
      const ids = loadRuleSet({ profile }).rules.map((rule) => rule.id);
      expect(ids, profile).toEqual(expect.arrayContaining(CATALOGUE_IDS));
    }
  });

  it('every rule has English and Dutch texts, a level, a weight and cited sources', () => {
    for (const profile of listProfiles()) {
      for (const rule of loadRuleSet({ profile }).rules) {
        for (const text of [rule.title, rule.failTitle, rule.description, rule.advice]) {
          expect(text.en.length, `${profile}/${rule.id}`).toBeGreaterThan(5);
          expect(text.nl?.length ?? 0, `${profile}/${rule.id}`).toBeGreaterThan(5);
        }
        expect(rule.references.length).toBeGreaterThan(0);
        for (const reference of rule.references)
          expect(reference.instrument, `${rule.id} ${reference.key}`).toBeTruthy();
        expect(rule.weight).toBeGreaterThanOrEqual(0);
        expect(rule.weight).toBeLessThanOrEqual(10);
      }
    }
  });

  it('the UK profile treats a missing phone as good practice, the EU profile as law', () => {
    const level = (profile: string) =>
      loadRuleSet({ profile }).rules.find((rule) => rule.id === 'phone-present')?.level;
    expect(level('uk')).toBe('good-practice');
    expect(level('eu')).toBe('law');
    const ukRefs = loadRuleSet({ profile: 'uk' })
      .rules.find((rule) => rule.id === 'phone-present')
      ?.references.map((r) => r.key);
    expect(ukRefs).toContain('UK-CCR-SCH2');
  });

  it('rule sets carry a version and a content hash that differs between profiles', () => {
    const eu = loadRuleSet({ profile: 'eu' });
    const nl = loadRuleSet({ profile: 'nl' });
    expect(eu.version).toMatch(/\S/);
    expect(eu.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(nl.hash).not.toBe(eu.hash);
    expect(loadRuleSet({ profile: 'eu' }).hash).toBe(eu.hash);
  });

  it('a rule set survives a JSON round trip (it is frozen with a run)', () => {
    const set = loadRuleSet({ profile: 'nl' });
    expect(JSON.parse(JSON.stringify(set))).toEqual(set);
  });
});
