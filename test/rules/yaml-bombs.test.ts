import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { RULES_DIR } from '../../src/common/paths.js';
import { lintRules, loadOverrides, loadRuleSet, RuleSetError } from '../../src/rules/index.js';

// A YAML alias bomb ("billion laughs") is refused by the yaml library; the refusal must name the file
// (and the line of the first alias), as every other parse error does.

const BOMB = [
  'a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
  'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
  'f: [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
  '',
].join('\n');

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'shopreach-bomb-'));
  temps.push(dir);
  return dir;
};

it('names the rule file of an alias bomb, in lint and when loading', () => {
  const dir = tempDir();
  cpSync(RULES_DIR, dir, { recursive: true, filter: (source) => !source.includes('vocabulary') });
  const file = join(dir, 'eu', 'zz-bomb.yaml');
  writeFileSync(file, BOMB);
  const diagnostics = lintRules(dir);
  expect(diagnostics).toEqual([
    { file, line: 2, column: 8, message: expect.stringMatching(/cannot be read/) },
  ]);
  expect(() => loadRuleSet({ dir, profile: 'eu' })).toThrow(RuleSetError);
  expect(() => loadRuleSet({ dir, profile: 'eu' })).toThrow(/1 problem/);
});

it('names the overrides file and the line of an alias bomb', () => {
  const file = join(tempDir(), 'overrides.yaml');
  writeFileSync(
    file,
    `${BOMB.replace(/^f: /m, 'f: &f ')}overrides:\n  - shop: https://a.example\n    rule: phone-present\n    outcome: pass\n    reason: *f\n`,
  );
  expect(() => loadOverrides(file)).toThrow(new RegExp(`^${file}:2: cannot be read`));
});
