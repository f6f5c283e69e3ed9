import { describe, expect, it } from 'vitest';
import { explainRule, loadRuleSet, profileForCountry } from '../../src/rules/index.js';

describe('explainRule', () => {
  const rules = loadRuleSet({ profile: 'de' }).rules;
  const rule = (id: string) => {
    const found = rules.find((candidate) => candidate.id === id);
    if (!found) throw new Error(id);
    return found;
  };

  it('prints texts, level, sources and the test in English', () => {
    const text = explainRule(rule('contact-within-two-clicks'), 'en');
    expect(text).toContain(
      'contact-within-two-clicks: Phone and e-mail are at most two clicks from the home page',
    );
    expect(text).toContain('Level: law');
    expect(text).toContain('BGH-I-ZR-228-03');
    expect(text).toContain('some sightings [readable-phone] where pageDepth ≤ 2');
    expect(text).toContain('rules/de/contact-within-two-clicks.yaml');
  });

  it('prints Dutch texts', () => {
    const text = explainRule(rule('phone-present'), 'nl');
    expect(text).toContain('Er staat een telefoonnummer op de site');
    expect(text).toContain('Niveau: wet');
  });
});

describe('profileForCountry', () => {
  it('maps markets to profiles', () => {
    expect(['NL', 'de', 'AT', 'BE', 'FR', 'GB', 'IE', 'US'].map(profileForCountry)).toEqual([
      'nl',
      'de',
      'de',
      'be',
      'fr',
      'uk',
      'eu',
      'eu',
    ]);
  });
});
