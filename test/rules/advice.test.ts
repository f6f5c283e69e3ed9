import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RULES_DIR } from '../../src/common/paths.js';
import { adviceFor, evaluateRules, lintRules, loadRuleSet } from '../../src/rules/index.js';
import { buildEvidence } from './evidence-builder.js';

const ruleSet = loadRuleSet({ profile: 'eu' });

function adviceOf(ruleId: string, evidence: ReturnType<typeof buildEvidence>, lang: 'en' | 'nl' = 'en') {
  const finding = evaluateRules(ruleSet, evidence).find((f) => f.rule === ruleId)!;
  const rule = ruleSet.rules.find((r) => r.id === ruleId)!;
  return { outcome: finding.outcome, lines: adviceFor(rule, finding, evidence, lang) };
}

describe('advice written for the shop', () => {
  it('names the page and the click behind a phone that needs a reveal', () => {
    const evidence = buildEvidence({
      pages: [
        { kind: 'home', depth: 0 },
        { kind: 'customer-service', depth: 1 },
      ],
      sightings: [
        { kind: 'phone', page: 1, afterInteraction: 'clicked "Toon telefoonnummer"' },
        { kind: 'email', page: 0 },
      ],
    });
    const { outcome, lines } = adviceOf('contact-reveal-not-required', evidence);
    expect(outcome).toBe('fail');
    expect(lines).toEqual([
      'The number 020 123 4567 on /customer-service-1 appears only after the visitor clicked “Toon telefoonnummer”: show it as text, without the click.',
    ]);
    expect(adviceOf('contact-reveal-not-required', evidence, 'nl').lines[0]).toMatch(
      /^Het nummer 020 123 4567 op \/customer-service-1 verschijnt pas na een klik \(klikte op “Toon telefoonnummer”\)/,
    );
  });

  it('names only the detail that is confined to the terms, once per value and page', () => {
    const evidence = buildEvidence({
      pages: [
        { kind: 'home', depth: 0 },
        { kind: 'terms', depth: 1 },
      ],
      sightings: [
        { kind: 'phone', page: 1 },
        { kind: 'phone', page: 1, region: 'main' },
        { kind: 'email', page: 0 },
        { kind: 'email', page: 1 },
      ],
    });
    const { outcome, lines } = adviceOf('contact-not-only-in-terms', evidence);
    expect(outcome).toBe('fail');
    expect(lines).toEqual([
      '+31201234567 appears only in the terms, privacy statement or withdrawal instructions (/terms-1, the terms and conditions page): repeat it on the contact or customer-service page and in the footer.',
    ]);
  });

  it('is empty when the rule passes, has no template, or nothing matches', () => {
    const passing = buildEvidence({ sightings: [{ kind: 'phone' }, { kind: 'email' }] });
    expect(adviceOf('contact-reveal-not-required', passing).lines).toEqual([]);
    const nothing = buildEvidence({});
    expect(adviceOf('phone-present', nothing)).toEqual({ outcome: 'fail', lines: [] });
  });
});

describe('rules lint of adviceFor', () => {
  const temps: string[] = [];
  afterEach(() => {
    for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  function copyWith(file: string, from: string, to: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'shopreach-advice-'));
    temps.push(dir);
    cpSync(RULES_DIR, dir, { recursive: true, filter: (source) => !source.includes('vocabulary') });
    const path = join(dir, 'eu', file);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain(from);
    writeFileSync(path, text.replace(from, to));
    return path;
  }

  it('rejects a placeholder that is not a field of the collection, at its line', () => {
    const path = copyWith('phone-in-withdrawal-info.yaml', "en: '{page} gives", "en: '{raw} on {page} gives");
    const diagnostics = lintRules(join(path, '..', '..'));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0].message).toMatch(/\{raw\} is not a field of pages/);
    const line =
      readFileSync(path, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('{raw} on {page}')) + 1;
    expect(diagnostics[0].line).toBe(line);
  });

  it('rejects an unknown placeholder name and an unknown filter field', () => {
    const path = copyWith('email-not-noreply.yaml', 'on {page} is a no-reply', 'on {pagina} is a no-reply');
    expect(lintRules(join(path, '..', '..'))[0].message).toMatch(/unknown \{placeholder\}/);
    const other = copyWith(
      'contact-reveal-not-required.yaml',
      'where: { afterInteraction: { exists: true } }',
      'where: { clicked: { exists: true } }',
    );
    expect(lintRules(join(other, '..', '..'))[0].message).toMatch(/unknown field "clicked"/);
  });
});
