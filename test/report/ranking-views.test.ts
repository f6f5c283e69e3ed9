import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { writeReport } from '../../src/report/index.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { makeOutcome, makeRun } from './fixtures.js';

let dir: string;
let store: Store;
let runId: number;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shopreach-views-'));
  store = openStore(':memory:');
  runId = store.createRun(makeRun('views-2026'));
  const shops = [
    {
      key: 'https://zeta.example',
      name: 'Zeta',
      group: 'fashion',
      score: 90,
      grade: 'A' as const,
      phoneClicks: 2,
      emailClicks: 2,
    },
    {
      key: 'https://alpha.example',
      name: 'Alpha',
      group: 'books',
      score: 40,
      grade: 'E' as const,
      phoneClicks: 0,
      emailClicks: 0,
    },
    {
      key: 'https://mid.example',
      name: 'Mid',
      group: 'fashion',
      score: 70,
      grade: 'C' as const,
      phoneClicks: 1,
      emailClicks: 1,
    },
  ];
  for (const shop of shops) store.saveShop(runId, makeOutcome(shop));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Shop names in the order the view's ranking table lists them. */
function namesIn(file: string): string[] {
  const table = readFileSync(file, 'utf8').split('<tbody>')[1].split('</tbody>')[0];
  return [...table.matchAll(/<th scope="row"[^>]*><a [^>]*>([^<]+)<\/a>/g)].map((m) => m[1]);
}

it('pre-renders sort orders and market and group filters, linked from the ranking, without scripts', () => {
  const out = join(dir, 'r');
  writeReport(store, runId, { lang: 'en', outDir: out });
  expect(namesIn(join(out, 'index.html'))).toEqual(['Zeta', 'Mid', 'Alpha']);
  expect(namesIn(join(out, 'ranking', 'by-name.html'))).toEqual(['Alpha', 'Mid', 'Zeta']);
  expect(namesIn(join(out, 'ranking', 'by-clicks.html'))).toEqual(['Alpha', 'Mid', 'Zeta']);
  expect(namesIn(join(out, 'ranking', 'group-fashion.html'))).toEqual(['Zeta', 'Mid']);
  expect(namesIn(join(out, 'ranking', 'market-nl.html'))).toEqual(['Zeta', 'Mid', 'Alpha']);

  const index = readFileSync(join(out, 'index.html'), 'utf8');
  for (const link of [
    'ranking/by-name.html',
    'ranking/group-fashion.html',
    'ranking/group-books.html',
    'ranking/market-nl.html',
  ]) {
    expect(index).toContain(`href="${link}"`);
  }
  const view = readFileSync(join(out, 'ranking', 'group-books.html'), 'utf8');
  // Ranks are those of the whole run; links lead back to the report root.
  expect(view).toMatch(/<td class="num">3<\/td><th scope="row" class="shop"><a href="\.\.\/shops\//);
  expect(view).toContain('<strong aria-current="page">books</strong>');
  expect(view).not.toMatch(/<script/i);
});

it('writes one group file per group when names share a slug (Ä and A, CJK, case)', () => {
  const groups = ['Ärzte', 'Arzte', '家电', '服装', 'Mode', 'mode'];
  groups.forEach((group, i) => {
    store.saveShop(
      runId,
      makeOutcome({
        key: `https://collide${i}.example`,
        name: `Shop ${i}`,
        group,
        score: 50 + i,
        grade: 'D' as const,
        phoneClicks: 1,
        emailClicks: 1,
      }),
    );
  });
  const out = join(dir, 'r');
  const { files } = writeReport(store, runId, { lang: 'en', outDir: out });
  const groupFiles = files.filter((f) => /ranking[/\\]group-/.test(f) && !/fashion|books/.test(f));
  expect(groupFiles).toHaveLength(groups.length);
  expect(new Set(groupFiles.map((f) => f.toLowerCase())).size).toBe(groups.length);
  groups.forEach((group, i) => {
    const file = groupFiles.find((f) => readFileSync(f, 'utf8').includes(`>Shop ${i}<`));
    expect(file, group).toBeDefined();
    expect(namesIn(file as string)).toEqual([`Shop ${i}`]);
  });
});
