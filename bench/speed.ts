/**
 * npm run bench:speed [-- --shops 200 --browser-shops 48 --variants tiny,real --runners …]
 *
 * Serves N loopback shops × 5 pages (tiny and real-world-sized) from a separate process, then runs
 * shopreach (static, browser, auto) and Crawlee (CheerioCrawler, PlaywrightCrawler) over them, each
 * in its own process, with the same Chromium and the same extraction. Prints shops per minute, CPU ms
 * per page of the contender's whole process tree (from /proc; the fixture server excluded; counted
 * from the runner's "start" line, so process start-up and module loading are left out), peak RSS and
 * the browser's PSS (all of it, and the renderers' share per open context), and shopreach's ratio to
 * each peer. The browser runners use --browser-shops shops (default 48: six rounds of the eight
 * contexts, so the last, half-empty round weighs little) to keep the run near ten minutes on two
 * cores; rates are per minute anyway.
 * SPEED_CPU_PROF=DIR writes a V8 CPU profile per contender; SPEED_NODE_ARGS="--flag …" passes Node or
 * V8 flags to every contender; --shops 1000 shows memory after the heaps have settled.
 */
import { execSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import type { FixtureVariant } from './fixtures-pages.js';
import { startFixtureProcess } from './fixtures-process.js';
import { type TreeMeasure, watchTree } from './speed-proc.js';
import type { RunnerName, RunnerResult } from './speed-runner.js';

const ALL_RUNNERS: RunnerName[] = [
  'shopreach-static',
  'crawlee-cheerio',
  'shopreach-auto',
  'shopreach-browser',
  'crawlee-playwright',
];
const PEERS: Partial<Record<RunnerName, RunnerName>> = {
  'shopreach-static': 'crawlee-cheerio',
  'shopreach-auto': 'crawlee-cheerio',
  'shopreach-browser': 'crawlee-playwright',
};

const args = yargs(hideBin(process.argv))
  .option('shops', { type: 'number', default: 200, describe: 'shops per fixture (static runners)' })
  .option('browser-shops', {
    type: 'number',
    default: 48,
    describe: 'shops for the browser runners (CPU-bound; keeps the default run under ~10 minutes)',
  })
  .option('variants', { type: 'string', default: 'tiny,real' })
  .option('runners', { type: 'string', default: ALL_RUNNERS.join(',') })
  .option('static-concurrency', {
    type: 'number',
    default: 64,
    describe: 'shops in flight for static runners',
  })
  .option('browser-concurrency', {
    type: 'number',
    default: 8,
    describe: 'shops (contexts) in flight for browser runners',
  })
  .strict()
  .parseSync();

interface Row {
  variant: FixtureVariant;
  runner: RunnerName;
  result: RunnerResult;
  measure: TreeMeasure;
  concurrency: number;
}

/**
 * The runner as plain JavaScript, started by plain `node` as the built CLI is. Under `--import tsx`
 * every contender would also carry tsx's module hooks and the thread they run on (some 40–60 MB of
 * RSS, measured): a cost of the harness, not of the contender. It is written beside the source
 * (git ignores it) so that its imports resolve as the source's do. SPEED_FROM_SOURCES=1 keeps tsx,
 * which the runner then needs to load src/.
 */
function compileRunner(): string {
  const source = new URL('./speed-runner.ts', import.meta.url);
  const compiled = new URL('./.speed-runner.mjs', import.meta.url);
  const { outputText } = ts.transpileModule(readFileSync(source, 'utf8'), {
    fileName: fileURLToPath(source),
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  // Written aside and renamed, so that another bench run starting now never loads half a file.
  const partial = `${fileURLToPath(compiled)}.${process.pid}.tmp`;
  writeFileSync(partial, outputText);
  renameSync(partial, compiled);
  return fileURLToPath(compiled);
}
const plainRunner = process.env.SPEED_FROM_SOURCES ? '' : compileRunner();

const isBrowserRunner = (name: RunnerName) => name === 'shopreach-browser' || name === 'crawlee-playwright';

function runContender(
  name: RunnerName,
  concurrency: number,
  urls: string[],
): Promise<{ result: RunnerResult; measure: TreeMeasure }> {
  const file = join(mkdtempSync(join(tmpdir(), 'speed-urls-')), 'urls.json');
  writeFileSync(file, JSON.stringify(urls));
  // SPEED_CPU_PROF=DIR writes a V8 CPU profile of each contender's Node process into DIR;
  // SPEED_NODE_ARGS adds Node or V8 flags to every contender (to compare a setting, say).
  const profile = [
    ...(process.env.SPEED_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SPEED_CPU_PROF}`] : []),
    ...(process.env.SPEED_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
  ];
  const runner = process.env.SPEED_FROM_SOURCES
    ? [...profile, '--import', 'tsx', new URL('./speed-runner.ts', import.meta.url).pathname]
    : [...profile, plainRunner];
  const child = spawn(process.execPath, [...runner, name, String(concurrency), file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const watch = watchTree(child.pid!);
  let out = '';
  child.stdout.on('data', (chunk) => {
    const before = out;
    out += chunk;
    if (!before.includes('start\n') && out.includes('start\n')) watch.mark();
  });
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      const measure = watch.stop();
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{'))
        return reject(new Error(`${name} failed (exit ${code}): ${out}`));
      resolve({ result: JSON.parse(line) as RunnerResult, measure });
    });
  });
}

const perMinute = (r: RunnerResult) => (r.shops / r.elapsedMs) * 60_000;
const cpuPerPage = (row: Row) => row.measure.cpuMs / Math.max(1, row.result.pages);
const fixed = (n: number, digits = 0) => n.toFixed(digits);

function table(rows: Row[]): string {
  const header = [
    'variant',
    'runner',
    'shops',
    'pages',
    'with contact',
    'in flight',
    'seconds',
    'shops/min',
    'CPU ms/page',
    'peak RSS tree MB',
    'node RSS MB',
    'browser PSS MB',
    'PSS/context MB',
    'renderer PSS/context MB',
  ];
  const lines = rows.map((row) => [
    row.variant,
    row.runner,
    String(row.result.shops),
    String(row.result.pages),
    String(row.result.withContact),
    String(row.concurrency),
    fixed(row.result.elapsedMs / 1000, 1),
    fixed(perMinute(row.result)),
    fixed(cpuPerPage(row), 1),
    fixed(row.measure.peakTreeRssMb),
    fixed(row.measure.peakNodeRssMb),
    row.measure.peakBrowserPssMb ? fixed(row.measure.peakBrowserPssMb) : '–',
    row.measure.peakBrowserPssMb && isBrowserRunner(row.runner)
      ? fixed(row.measure.peakBrowserPssMb / row.concurrency, 1)
      : '–',
    row.measure.peakRendererPssMb && isBrowserRunner(row.runner)
      ? fixed(row.measure.peakRendererPssMb / row.concurrency, 1)
      : '–',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [format(header), ...lines.map(format)].join('\n');
}

function ratios(rows: Row[]): string[] {
  const out: string[] = [];
  for (const row of rows) {
    const peerName = PEERS[row.runner];
    const peer = rows.find((r) => r.variant === row.variant && r.runner === peerName);
    if (!peer) continue;
    // Browser contenders may run on fewer shops: compare rates, not totals.
    const speed = perMinute(row.result) / perMinute(peer.result);
    const cpu = cpuPerPage(peer) / cpuPerPage(row);
    out.push(
      `${row.variant}: ${row.runner} vs ${peer.runner}: ${fixed(speed, 2)}× shops/min, ${fixed(cpu, 2)}× less CPU per page`,
    );
  }
  return out;
}

const variants = args.variants.split(',') as FixtureVariant[];
const runners = args.runners.split(',') as RunnerName[];
const rows: Row[] = [];
const load = () =>
  `load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`;
process.stderr.write(`bench:speed on ${execSync('nproc').toString().trim()} cores, ${load()}\n`);
for (const variant of variants) {
  const fixture = await startFixtureProcess(variant, Math.max(args.shops, args['browser-shops']));
  process.stderr.write(
    `${variant}: ${fixture.urls.length} shops × 5 pages, home page ${Math.round(fixture.homeBytes / 1024)} KB (fixture server pid ${fixture.pid})\n`,
  );
  try {
    for (const runner of runners) {
      const browser = isBrowserRunner(runner);
      const urls = fixture.urls.slice(0, browser ? args['browser-shops'] : args.shops);
      const concurrency = browser ? args['browser-concurrency'] : args['static-concurrency'];
      process.stderr.write(`  ${runner}: ${urls.length} shops, ${concurrency} in flight … `);
      const { result, measure } = await runContender(runner, concurrency, urls);
      rows.push({ variant, runner, result, measure, concurrency });
      process.stderr.write(
        `${fixed(perMinute(result))} shops/min, ${fixed(measure.cpuMs / Math.max(1, result.pages), 1)} CPU ms/page (${load()})\n`,
      );
    }
  } finally {
    await fixture.stop();
  }
}
/** Where the CPU went, per process kind, per page: tells Node's share from Chromium's. */
function cpuSplit(rows: Row[]): string[] {
  return rows.map((row) => {
    const parts = Object.entries(row.measure.cpuMsByKind)
      .filter(([, ms]) => ms > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([kind, ms]) => `${kind} ${fixed(ms / Math.max(1, row.result.pages), 1)}`);
    return `${row.variant}: ${row.runner}: CPU ms/page by process: ${parts.join(', ')}`;
  });
}

process.stdout.write(
  `\n${table(rows)}\n\n${ratios(rows).join('\n')}\n\n${cpuSplit(rows).join('\n')}\n\n${load()}\n`,
);
