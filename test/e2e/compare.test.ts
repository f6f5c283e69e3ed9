import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from './run-cli.js';

function section(html: string, id: string): string {
  const start = html.indexOf(`<section aria-labelledby="${id}">`);
  expect(start, id).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf('</section>', start));
}

it('a second demo run and report --compare produce the comparison page, with the shops matched', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'shopreach-compare-'));
  const db = join(dir, 'demo.sqlite');
  const first = await runCli(['demo', '--mode', 'static', '--db', db, '--out', join(dir, 'first')], {
    timeoutMs: 120_000,
  });
  expect(first.code).toBe(0);
  const second = await runCli(['demo', '--mode', 'browser', '--db', db, '--out', join(dir, 'second')], {
    timeoutMs: 180_000,
  });
  expect(second.code).toBe(0);
  expect(second.stdout).toContain('"demo-2"');

  const out = join(dir, 'compared');
  const report = await runCli(['report', '--db', db, '--run', 'demo-2', '--compare', 'demo', '--out', out]);
  expect(report.code).toBe(0);
  expect(existsSync(join(out, 'comparison.html'))).toBe(true);
  const comparison = readFileSync(join(out, 'comparison.html'), 'utf8');
  // Rendering the script-written shop in a browser is the one designed difference between the runs.
  expect(section(comparison, 'now-pass')).toContain('Scriptwinkel');
  expect(section(comparison, 'now-pass')).not.toContain('Voorbeeldwinkel');
  expect(section(comparison, 'newly-passed')).toContain('phone-present');
  expect(section(comparison, 'added')).toContain('(0)');
  expect(section(comparison, 'gone')).toContain('(0)');
  expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('comparison.html');
}, 300_000);
