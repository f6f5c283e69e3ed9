/**
 * Site benchmark: crawls and judges whole saved shop sites, hand-labelled, as a user would.
 *   npm run bench:sites -- [--realsites DIR] [--site ID]... [--mode static|browser|auto] [--jobs N] [--no-country] [--no-details]
 *
 * Every site of DIR (default ../shared/realsites beside the project) is served on 127.0.0.1 the way
 * its README says, and the built CLI's `check --json` runs from its home page with default settings
 * plus what a shop list would carry: the shop's country (from the labels, as a list's `country`
 * column gives it; none when the labels say "unknown"; --no-country leaves it to the product, as
 * for a bare IP address) and --allow-private-hosts (loopback).
 * It measures and prints; it never fails on a figure.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../src/common/paths.js';
import type { ShopResult } from '../src/report/shop-result.js';
import { listCountry, prf, type SiteLabels, type SiteScore, scoreSite, type Tally } from './sites-score.js';
import { serveSite } from './sites-server.js';

interface Args {
  dir: string;
  sites: string[];
  mode: 'static' | 'browser' | 'auto' | null;
  details: boolean;
  jobs: number;
  /** Give each shop the country a list would carry (default); off: the product guesses, as on a bare IP. */
  country: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    dir: resolve(PROJECT_ROOT, '../shared/realsites'),
    sites: [],
    mode: null,
    details: true,
    jobs: 1,
    country: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--realsites') args.dir = resolve(value());
    else if (flag === '--site') args.sites.push(value());
    else if (flag === '--mode') {
      const mode = value();
      if (mode !== 'static' && mode !== 'browser' && mode !== 'auto')
        throw new Error(`--mode ${mode}: static, browser or auto`);
      args.mode = mode;
    } else if (flag === '--jobs') args.jobs = Math.max(1, Number.parseInt(value(), 10) || 1);
    else if (flag === '--no-details') args.details = false;
    else if (flag === '--no-country') args.country = false;
    else throw new Error(`unknown option ${argv[i]}`);
  }
  return args;
}

const CLI = join(PROJECT_ROOT, 'dist', 'cli', 'main.js');
const SITE_TIMEOUT_MS = 240_000;

function runCheck(
  url: string,
  extra: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, 'check', url, '--json', '--allow-private-hosts', ...extra], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CI: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), SITE_TIMEOUT_MS);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

interface SiteRun {
  id: string;
  score: SiteScore | null;
  seconds: number;
  error?: string;
  mode?: string;
}

async function runSite(dir: string, id: string, labels: SiteLabels, args: Args): Promise<SiteRun> {
  const server = await serveSite(join(dir, id));
  const started = performance.now();
  try {
    const extra: string[] = [];
    const country = args.country ? listCountry(labels.country) : null;
    if (country) extra.push('--country', country);
    if (args.mode) extra.push('--mode', args.mode);
    const out = await runCheck(server.url, extra);
    const seconds = (performance.now() - started) / 1000;
    if (out.code !== 0 && out.code !== 2 && out.code !== 3)
      return { id, score: null, seconds, error: `exit ${out.code}: ${out.stderr.trim().split('\n').pop()}` };
    const result = JSON.parse(out.stdout) as ShopResult;
    return { id, score: scoreSite(result, labels), seconds, mode: result.crawl.modesUsed.join('+') };
  } catch (err) {
    return { id, score: null, seconds: (performance.now() - started) / 1000, error: (err as Error).message };
  } finally {
    await server.close();
  }
}

const f3 = (x: number) => x.toFixed(3);
const clicks = (x: number | null) => (x === null ? '–' : String(x));
const pad = (s: string, n: number) => s.padEnd(n);

function add(into: Tally, t: Tally): void {
  into.tp += t.tp;
  into.fp += t.fp;
  into.fn += t.fn;
}

function row(run: SiteRun): string {
  if (!run.score) return `${pad(run.id, 20)} ERROR ${run.error}`;
  const s = run.score;
  const ok = (pair: [number | null, number | null]) => (pair[0] === pair[1] ? '' : '✗');
  const headline =
    s.headline.label === null
      ? `(${s.headline.got})`
      : `${s.headline.label}→${s.headline.got}${s.headline.label === s.headline.got ? '' : ' ✗'}`;
  return [
    pad(run.id, 20),
    pad(`${s.phones.tp}/${s.phones.fp}/${s.phones.fn}`, 8),
    pad(`${s.emails.tp}/${s.emails.fp}/${s.emails.fn}`, 8),
    pad(`${clicks(s.phoneClicks[0])}→${clicks(s.phoneClicks[1])}${ok(s.phoneClicks)}`, 7),
    pad(`${clicks(s.emailClicks[0])}→${clicks(s.emailClicks[1])}${ok(s.emailClicks)}`, 7),
    pad(headline, 18),
    pad(String(s.pages), 6),
    pad(run.seconds.toFixed(1), 7),
    pad(`${s.needsReview}/${s.findings}`, 7),
    run.mode ?? '',
  ].join(' ');
}

function details(run: SiteRun): string[] {
  const s = run.score;
  if (!s) return [];
  const lines: string[] = [];
  if (s.phones.wrong.length) lines.push(`    wrong phones:   ${s.phones.wrong.join(', ')}`);
  if (s.phones.missed.length) lines.push(`    missed phones:  ${s.phones.missed.join(', ')}`);
  if (s.emails.wrong.length) lines.push(`    wrong e-mails:  ${s.emails.wrong.join(', ')}`);
  if (s.emails.missed.length) lines.push(`    missed e-mails: ${s.emails.missed.join(', ')}`);
  return lines;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first.`);
  const labelsFile = join(args.dir, 'labels.json');
  if (!existsSync(labelsFile))
    throw new Error(`${labelsFile} not found: give the folder with --realsites DIR.`);
  const all = JSON.parse(readFileSync(labelsFile, 'utf8')) as Record<string, SiteLabels>;
  const ids = args.sites.length ? args.sites : Object.keys(all);
  for (const id of ids) if (!all[id]) throw new Error(`no site "${id}" in ${labelsFile}`);

  console.log(
    `bench:sites — ${ids.length} site(s) from ${args.dir}, mode ${args.mode ?? 'default (auto)'}, country ${args.country ? 'from the labels' : 'left to the product'}`,
  );
  console.log(
    'columns: phones and e-mails tp/fp/fn; fewest clicks label→got; headline label→got; pages; seconds; needs-review/findings; modes used',
  );
  console.log(
    [
      pad('site', 20),
      pad('phones', 8),
      pad('e-mails', 8),
      pad('ph.clk', 7),
      pad('em.clk', 7),
      pad('headline', 18),
      pad('pages', 6),
      pad('secs', 7),
      pad('review', 7),
      'modes',
    ].join(' '),
  );
  // Sites run `--jobs` at a time (seconds then include the other jobs' load); rows print in order.
  const runs: SiteRun[] = new Array(ids.length);
  let next = 0;
  let printed = 0;
  const worker = async () => {
    while (next < ids.length) {
      const index = next++;
      runs[index] = await runSite(args.dir, ids[index], all[ids[index]], args);
      while (printed < ids.length && runs[printed]) {
        console.log(row(runs[printed]));
        if (args.details) for (const line of details(runs[printed])) console.log(line);
        printed++;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(args.jobs, ids.length) }, worker));

  const phones: Tally = { tp: 0, fp: 0, fn: 0 };
  const emails: Tally = { tp: 0, fp: 0, fn: 0 };
  let clicksRight = 0;
  let clicksLabelled = 0;
  let absentRight = 0;
  let absentLabelled = 0;
  let headlineRight = 0;
  let headlineLabelled = 0;
  let needsReview = 0;
  let findings = 0;
  let pages = 0;
  let seconds = 0;
  for (const run of runs) {
    seconds += run.seconds;
    const s = run.score;
    if (!s) continue;
    add(phones, s.phones);
    add(emails, s.emails);
    for (const [label, got] of [s.phoneClicks, s.emailClicks]) {
      if (label === null) {
        absentLabelled++;
        if (got === null) absentRight++;
      } else {
        clicksLabelled++;
        if (got === label) clicksRight++;
      }
    }
    if (s.headline.label) {
      headlineLabelled++;
      if (s.headline.label === s.headline.got) headlineRight++;
    }
    needsReview += s.needsReview;
    findings += s.findings;
    pages += s.pages;
  }
  const p = prf(phones);
  const e = prf(emails);
  console.log('');
  console.log(
    `total over ${runs.length} site(s)${runs.some((r) => !r.score) ? `, ${runs.filter((r) => !r.score).length} failed to run` : ''}`,
  );
  console.log(
    `  phones   P ${f3(p.precision)}  R ${f3(p.recall)}  F1 ${f3(p.f1)}   (tp ${phones.tp}, fp ${phones.fp}, fn ${phones.fn})`,
  );
  console.log(
    `  e-mails  P ${f3(e.precision)}  R ${f3(e.recall)}  F1 ${f3(e.f1)}   (tp ${emails.tp}, fp ${emails.fp}, fn ${emails.fn})`,
  );
  console.log(
    `  fewest clicks right: ${clicksRight}/${clicksLabelled} labelled items (${((100 * clicksRight) / Math.max(1, clicksLabelled)).toFixed(1)} %); none found where none is visible: ${absentRight}/${absentLabelled}`,
  );
  console.log(`  headline right: ${headlineRight}/${headlineLabelled} sites with a labelled headline`);
  console.log(
    `  needs-review: ${needsReview}/${findings} findings (${((100 * needsReview) / Math.max(1, findings)).toFixed(1)} %)`,
  );
  console.log(`  pages fetched: ${pages}; wall time ${seconds.toFixed(1)} s`);
}

main().catch((err) => {
  console.error(`bench:sites: ${(err as Error).message}`);
  process.exitCode = 1;
});
