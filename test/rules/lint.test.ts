import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RULES_DIR } from '../../src/common/paths.js';
import { lintRules, loadRuleSet, RuleSetError, ruleSetLoader } from '../../src/rules/index.js';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the shipped rules (without vocabularies) to break on purpose. */
function copyRules(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shopreach-rules-'));
  temps.push(dir);
  cpSync(RULES_DIR, dir, { recursive: true, filter: (source) => !source.includes('vocabulary') });
  return dir;
}

function lineOf(file: string, needle: string): number {
  return (
    readFileSync(file, 'utf8')
      .split('\n')
      .findIndex((line) => line.includes(needle)) + 1
  );
}

function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit found nothing to replace in ${file}`);
  writeFileSync(file, next);
}

describe('rules lint', () => {
  it('the shipped rules are clean', () => {
    expect(lintRules()).toEqual([]);
  });

  it('reports an unknown predicate field with its file and line', () => {
    const dir = copyRules();
    const file = join(dir, 'eu', 'contact-within-two-clicks.yaml');
    edit(
      file,
      'where: { pageDepth: { atMost: 2 } } }\n    - anyOf',
      'where: { clicks: { atMost: 2 } } }\n    - anyOf',
    );
    const diagnostics = lintRules(dir);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      file,
      line: lineOf(file, '{ clicks:'),
      ruleId: 'contact-within-two-clicks',
    });
    expect(diagnostics[0].message).toMatch(/unknown field "clicks"/);
  });

  it('reports unknown rule fields, weights out of range and bad outcome names at their lines', () => {
    const dir = copyRules();
    const phone = join(dir, 'eu', 'phone-present.yaml');
    edit(phone, 'weight: 5', 'weight: 50\nseverity: high');
    const headline = join(dir, 'eu', 'consumer-contact-findable.yaml');
    edit(
      headline,
      'is: needs-review\n    - rule: email-present',
      'is: needs_review\n    - rule: email-present',
    );
    const diagnostics = lintRules(dir);
    const byMessage = (pattern: RegExp) => diagnostics.find((d) => pattern.test(d.message));
    expect(byMessage(/weight/)).toMatchObject({ file: phone, line: lineOf(phone, 'weight: 50') });
    expect(byMessage(/unknown field "severity"/)).toMatchObject({
      file: phone,
      line: lineOf(phone, 'severity'),
    });
    expect(byMessage(/"needs_review" is not an outcome/)).toMatchObject({
      file: headline,
      line: lineOf(headline, 'needs_review'),
    });
    expect(() => loadRuleSet({ dir })).toThrow(RuleSetError);
  });

  it('reports duplicate ids, missing rule references and unknown selections', () => {
    const dir = copyRules();
    const copy = join(dir, 'nl', 'phone-present.yaml');
    writeFileSync(copy, readFileSync(join(dir, 'eu', 'phone-present.yaml'), 'utf8'));
    rmSync(join(dir, 'eu', 'contact-without-chat-gate.yaml'));
    const text = join(dir, 'eu', 'contact-as-text.yaml');
    edit(text, 'some: { in: any-phone }\n', 'some: { in: any-fone }\n');
    const diagnostics = lintRules(dir);
    const duplicate = diagnostics.find((d) => /duplicate rule id "phone-present"/.test(d.message));
    expect(duplicate).toMatchObject({ file: copy, line: 1 });
    const missing = diagnostics.find((d) => /refers to rule "contact-without-chat-gate"/.test(d.message));
    expect(missing?.file).toBe(join(dir, 'eu', 'consumer-contact-findable.yaml'));
    const selection = diagnostics.find((d) => /"any-fone" is neither/.test(d.message));
    expect(selection).toMatchObject({ file: text, line: lineOf(text, 'any-fone') });
  });

  it('reports YAML syntax errors, unknown enum values and circular references', () => {
    const dir = copyRules();
    const email = join(dir, 'eu', 'email-present.yaml');
    edit(email, 'level: law', 'level: law\n  bad: [indent');
    const selections = join(dir, 'selections.yaml');
    edit(selections, /region: \{ notIn: \[chat-widget\] \}/, 'region: { notIn: [chatwidget] }');
    const phone = join(dir, 'eu', 'phone-present.yaml');
    edit(phone, 'test:\n  some: { in: readable-phone }', 'test:\n  rule: consumer-contact-findable');
    const diagnostics = lintRules(dir);
    expect(diagnostics.some((d) => d.file === email && d.line > 0)).toBe(true);
    const enumValue = diagnostics.find((d) => /"chatwidget" is not a value of region/.test(d.message));
    expect(enumValue).toMatchObject({ file: selections, line: lineOf(selections, 'chatwidget') });
    expect(diagnostics.some((d) => /circular rule references/.test(d.message))).toBe(true);
  });

  it('reports a refinement of a rule no earlier pack defines, and an unknown pack in a profile', () => {
    const dir = copyRules();
    writeFileSync(join(dir, 'uk', 'phone-absent.yaml'), 'refines: phone-absent\nweight: 2\n');
    edit(join(dir, 'profiles', 'fr.yaml'), 'packs: [eu, fr]', 'packs: [eu, fr, lu]');
    const messages = lintRules(dir).map((d) => d.message);
    expect(messages.some((m) => /refines "phone-absent"/.test(m))).toBe(true);
    expect(messages.some((m) => /unknown pack "lu"/.test(m))).toBe(true);
  });
});

describe("a run's rule set loader", () => {
  it('assembles every profile as loadRuleSet does, from one reading of the directory', () => {
    const dir = copyRules();
    const load = ruleSetLoader(dir);
    expect(load('eu')).toEqual(loadRuleSet({ dir, profile: 'eu' }));
    const nlBefore = loadRuleSet({ dir, profile: 'nl' });
    // Broken after the first reading: the loader still assembles from what it read.
    edit(join(dir, 'eu', 'phone-present.yaml'), /^id: .*$/m, 'id: [broken');
    expect(() => loadRuleSet({ dir, profile: 'nl' })).toThrow(RuleSetError);
    expect(load('nl')).toEqual(nlBefore);
  });

  it('reports a broken directory when the first profile is wanted', () => {
    const dir = copyRules();
    edit(join(dir, 'eu', 'phone-present.yaml'), /^id: .*$/m, 'id: [broken');
    expect(() => ruleSetLoader(dir)('eu')).toThrow(RuleSetError);
  });
});
