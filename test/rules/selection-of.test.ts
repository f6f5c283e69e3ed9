import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RULES_DIR } from '../../src/common/paths.js';
import { loadRuleSet, selectItems, selectionOf } from '../../src/rules/index.js';
import { buildEvidence } from './evidence-builder.js';

const evidence = buildEvidence({
  pages: [
    { kind: 'home', depth: 0 },
    { kind: 'terms', depth: 1 },
    { kind: 'contact', depth: 3 },
  ],
  sightings: [
    { kind: 'phone', page: 1 },
    { kind: 'phone', page: 2 },
    { kind: 'email', page: 0, afterInteraction: 'clicked "Chat with us"' },
  ],
});

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('selectionOf', () => {
  it('reads a named selection back from a frozen rule set, with only its own filters', () => {
    const ruleSet = loadRuleSet({ profile: 'nl' });
    const phone = selectionOf(ruleSet, 'findable-phone');
    expect(phone?.in).toBe('sightings');
    // A phone only on the terms page or three clicks deep is not findable; an e-mail behind a chat neither.
    expect(selectItems(evidence, phone!)).toEqual([]);
    expect(selectItems(evidence, selectionOf(ruleSet, 'findable-email')!)).toEqual([]);
    expect(selectItems(evidence, selectionOf(ruleSet, 'readable-phone')!).map((s) => s.id)).toEqual([
      's1',
      's2',
    ]);
    expect(selectionOf(ruleSet, 'no-such-selection')).toBeNull();
  });

  it('follows the rules folder, not a definition in code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shopreach-selection-'));
    dirs.push(dir);
    cpSync(RULES_DIR, dir, { recursive: true, filter: (source) => !source.includes('vocabulary') });
    const file = join(dir, 'selections.yaml');
    const text = readFileSync(file, 'utf8');
    const widened = text.replace(
      /(findable-phone:\n {2}in: ungated-phone\n {2}where:\n {4}pageKind: \{ notIn: \[terms, privacy\] \}\n(?: {4}withdrawalSection: .*\n)? {4}pageDepth: \{ atMost: )2/,
      '$13',
    );
    expect(widened).not.toBe(text);
    writeFileSync(file, widened);
    const phone = selectionOf(loadRuleSet({ profile: 'eu', dir }), 'findable-phone');
    expect(selectItems(evidence, phone!).map((s) => s.id)).toEqual(['s2']);
  });
});
