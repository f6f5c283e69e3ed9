import { expect, it } from 'vitest';
import { flagUnversionedChange } from '../../src/rules/index.js';
import type { RuleSet } from '../../src/rules/types.js';

const set = (hash: string, version = '2026.1', id = 'nl'): RuleSet => ({ id, version, hash, rules: [] });

it('flags the version of rules that changed under the same version, and only then', () => {
  const shipped = set('a'.repeat(64));
  expect(flagUnversionedChange(set('a'.repeat(64)), shipped).version).toBe('2026.1');
  expect(flagUnversionedChange(set('b'.repeat(64)), shipped).version).toBe('2026.1+changed.bbbbbbbb');
  expect(flagUnversionedChange(set('b'.repeat(64), '2027.1'), shipped).version).toBe('2027.1');
  expect(flagUnversionedChange(set('b'.repeat(64), '2026.1', 'de'), shipped).version).toBe('2026.1');
  expect(flagUnversionedChange(set('b'.repeat(64)), undefined).version).toBe('2026.1');
  // A rescore of a flagged run with the same rules keeps its flag; other rules get their own.
  const flagged = set('b'.repeat(64), '2026.1+changed.bbbbbbbb');
  expect(flagUnversionedChange(set('b'.repeat(64)), flagged).version).toBe('2026.1+changed.bbbbbbbb');
  expect(flagUnversionedChange(set('c'.repeat(64)), flagged).version).toBe('2026.1+changed.cccccccc');
});
