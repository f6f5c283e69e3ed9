import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { HEAP_GROWING_PERCENT } from '../../src/cli/heap-growth.js';

const probe = new URL('./fixtures/heap-growth-probe.ts', import.meta.url).pathname;

/** The growing factors V8 applied to the old generation's limit after each full collection. */
function factorsOf(nodeArgs: string[], probeArg = ''): { set: string | null; factors: string[] } {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--expose-gc', '--trace-gc-verbose', ...nodeArgs, probe, probeArg],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  expect(run.status).toBe(0);
  const probed = run.stdout.slice(run.stdout.indexOf('set: '));
  const factors = [...probed.matchAll(/\[HeapController\] Limit: .*\(([\d.]+)\)/g)].map((m) => m[1]);
  return { set: /set: (\w+)/.exec(probed)?.[1] ?? null, factors };
}

describe('limitHeapGrowth', () => {
  const limited = (1 + HEAP_GROWING_PERCENT / 100).toFixed(1);

  it("sets V8's growing factor for the running process", () => {
    const { set, factors } = factorsOf([]);
    expect(set).toBe('true');
    expect(factors.length).toBeGreaterThan(0);
    expect(new Set(factors)).toEqual(new Set([limited]));
  }, 30_000);

  it('leaves the factor to V8 when not called', () => {
    const { factors } = factorsOf([], 'untouched');
    expect(factors.length).toBeGreaterThan(0);
    // V8 picks its own factor from the collector's speed, which on a busy machine can happen to
    // equal ours once; left to V8 the factors are not ours every time.
    expect(factors.some((factor) => factor !== limited)).toBe(true);
  }, 30_000);

  it('keeps a growing factor given on the command line', () => {
    const { set, factors } = factorsOf(['--heap-growing-percent=20']);
    expect(set).toBe('false');
    expect(new Set(factors)).toEqual(new Set(['1.2']));
  }, 30_000);
});
