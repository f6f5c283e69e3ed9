import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { type ExtractJob, runExtractJob } from '../../src/audit/extract-job.js';
import { type ExtractPool, PageLostWithThreadError, startExtractPool } from '../../src/audit/extract-pool.js';
import { decodeBody, decodesToItself } from '../../src/crawl/fetch/charset.js';

const html = (body: string) =>
  `<!doctype html><html lang="nl"><head><title>Contact</title></head><body>${body}</body></html>`;

const PAGES = [
  html('<header><a href="tel:+31201234567">020 123 4567</a></header><main><p>Mail info@winkel.nl</p></main>'),
  html('<footer>Klantenservice: 030 - 765 43 21 (ma-vr 9.00-17.00) · KvK 12345678</footer>'),
  html('<p>info [at] winkel [dot] nl</p><script src="https://code.tidio.co/abc.js"></script>'),
  html('<div id="root"></div><script>document.write(unescape("%3Ca%20href%3D%22mailto%3A"))</script>'),
  html(
    '<form action="/contact"><input name="email" type="email"><textarea name="message"></textarea></form>',
  ),
];

const job = (page: string, i: number): ExtractJob => ({
  page: {
    url: `http://127.0.0.1/p${i}`,
    finalUrl: `http://127.0.0.1/p${i}`,
    html: page,
    fetchedWith: 'static',
  },
  ctx: { country: 'NL', homeUrl: 'http://127.0.0.1/p0' },
  judgeRendering: true,
});

const pools: ExtractPool[] = [];
async function pool(options: Parameters<typeof startExtractPool>[0]): Promise<ExtractPool> {
  const started = await startExtractPool({ readyTimeoutMs: 45_000, ...options });
  pools.push(started);
  return started;
}
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

/** Whether a promise has settled by the time already-queued microtasks have run. */
async function promiseState(promise: Promise<unknown>): Promise<'resolved' | 'pending'> {
  const pending = Symbol('pending');
  const first = await Promise.race([
    promise.then(() => 'resolved' as const),
    new Promise((r) => setImmediate(() => r(pending))),
  ]);
  return first === pending ? 'pending' : 'resolved';
}

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);

describe('extraction pool', () => {
  it('runs jobs on worker threads (TypeScript sources through tsx) with the same results as in-thread', async () => {
    const threaded = await pool({ size: 2 });
    expect(threaded.threads).toBe(2);
    const jobs = [...PAGES, ...PAGES, ...PAGES].map(job);
    const results = await Promise.all(jobs.map((j) => threaded.run(j)));
    expect(results).toEqual(jobs.map(runExtractJob));
    expect(results[0].observations.sightings.map((s) => s.value)).toEqual(
      expect.arrayContaining(['+31201234567', 'info@winkel.nl']),
    );
    expect(results[3].needsRendering).toBe(true);
    expect(results[0].needsRendering).toBe(false);
  });

  it('tells a crawl to hold off while many jobs wait for a thread, and lets it go once they drain', async () => {
    const threaded = await pool({ size: 1 });
    await expect(promiseState(threaded.roomForMore())).resolves.toBe('resolved');
    const jobs = Array.from({ length: 12 }, (_, i) => threaded.run(job(PAGES[i % PAGES.length], i)));
    // One thread: two jobs sent to it, ten waiting, more than the four a thread may have waiting.
    const room = threaded.roomForMore();
    await expect(promiseState(room)).resolves.toBe('pending');
    await Promise.all(jobs);
    await expect(promiseState(room)).resolves.toBe('resolved');
  });

  it('takes waiting jobs lowest rank first, in arrival order within a rank', async () => {
    const threaded = await pool({ size: 1 });
    const finished: number[] = [];
    const ranks = [5, 5, 5, 5, 1, 1, 3];
    // The first two go to the thread at once; the rest wait and are taken by rank.
    await Promise.all(
      ranks.map((rank, i) =>
        threaded.run(job(PAGES[i % PAGES.length], i), rank).then(() => finished.push(i)),
      ),
    );
    expect(finished).toEqual([0, 1, 4, 5, 6, 2, 3]);
  });

  it('holds off a crawl only for the backlog of shops begun before it (or with it)', async () => {
    const threaded = await pool({ size: 1 });
    // Two jobs at the thread, four waiting: the most a thread may have waiting.
    const jobs = Array.from({ length: 6 }, (_, i) => threaded.run(job(PAGES[i % PAGES.length], i), 7));
    const sameShop = threaded.roomForMore(7);
    const laterShop = threaded.roomForMore(9);
    await expect(promiseState(sameShop)).resolves.toBe('pending');
    await expect(promiseState(laterShop)).resolves.toBe('pending');
    await expect(promiseState(threaded.roomForMore(2))).resolves.toBe('resolved');
    await Promise.all(jobs);
    await expect(promiseState(sameShop)).resolves.toBe('resolved');
    await expect(promiseState(laterShop)).resolves.toBe('resolved');
  });

  it('extracts in the calling thread when threads are off or the worker module is missing', async () => {
    for (const options of [{ size: 0 }, { entry: null }]) {
      const local = await pool(options);
      expect(local.threads).toBe(0);
      const jobs = PAGES.map(job);
      expect(await Promise.all(jobs.map((j) => local.run(j)))).toEqual(jobs.map(runExtractJob));
    }
  });

  it('falls back to in-thread extraction when no worker can load its module', async () => {
    const fallback = await pool({ size: 2, entry: fixture('broken-worker.ts') });
    expect(fallback.threads).toBe(0);
    const j = job(PAGES[0], 0);
    expect(await fallback.run(j)).toEqual(runExtractJob(j));
  });

  it('answers every job when its threads die mid-job', async () => {
    const dying = await pool({ size: 2, entry: fixture('dying-worker.ts') });
    expect(dying.threads).toBe(2);
    const jobs = PAGES.map(job);
    expect(await Promise.all(jobs.map((j) => dying.run(j)))).toEqual(jobs.map(runExtractJob));
    expect(dying.threads).toBe(0);
  });

  /** A page as static mode hands it over: undecoded, in a buffer of its own (as Buffer.concat makes for a real page). */
  const handedOver = (page: string, i: number): ExtractJob => {
    const { html: _, ...rest } = job(page, i).page;
    const bytes = new Uint8Array(new ArrayBuffer(Buffer.byteLength(page)));
    bytes.set(Buffer.from(page, 'utf8'));
    return { ...job(page, i), page: { ...rest, html: '', contentType: 'text/html' }, undecoded: bytes };
  };

  it("moves an undecoded body to the thread instead of copying it: the caller's view is left empty", async () => {
    const threaded = await pool({ size: 1 });
    const jobs = PAGES.map(handedOver);
    const expected = PAGES.map(handedOver).map(runExtractJob);
    const results = await Promise.all(jobs.map((j) => threaded.run(j)));
    expect(results).toEqual(expected);
    expect(results[0].observations.sightings.map((s) => s.value)).toContain('+31201234567');
    expect(jobs.map((j) => j.undecoded?.byteLength)).toEqual(PAGES.map(() => 0));
    // A body sharing its buffer with other data cannot move: it is copied, and stays the caller's.
    const shared = Buffer.from(`${PAGES[0]}--trailing`, 'utf8');
    const view = shared.subarray(0, Buffer.byteLength(PAGES[0]));
    const sharedJob = { ...handedOver(PAGES[0], 0), undecoded: view };
    expect(await threaded.run(sharedJob)).toEqual(expected[0]);
    expect(view.byteLength).toBe(Buffer.byteLength(PAGES[0]));
  });

  it('fails a handed-over page whose thread dies, instead of reading it as an empty page', async () => {
    const dying = await pool({ size: 1, entry: fixture('dying-worker.ts') });
    const lost = handedOver(PAGES[0], 0);
    const kept = job(PAGES[1], 1);
    const [lostResult, keptResult] = await Promise.allSettled([dying.run(lost), dying.run(kept)]);
    expect(lostResult.status).toBe('rejected');
    const reason = (lostResult as PromiseRejectedResult).reason;
    expect(reason).toBeInstanceOf(PageLostWithThreadError);
    expect(reason.url).toBe('http://127.0.0.1/p0');
    // The job that still had its HTML runs in the calling thread as before.
    expect(keptResult).toEqual({ status: 'fulfilled', value: runExtractJob(kept) });
  });

  it("extracts the largest page the crawl accepts (5 MB) within a thread's heap limits", async () => {
    const threaded = await pool({ size: 1 });
    const block = PAGES.map((p) => p.slice(p.indexOf('<body>') + 6, p.indexOf('</body>'))).join('');
    const repeats = Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(block));
    const largest = html(block.repeat(repeats));
    expect(Buffer.byteLength(largest)).toBeGreaterThanOrEqual(5 * 1024 * 1024);
    const result = await threaded.run({ ...handedOver(largest, 0), links: { visibleOnly: false } });
    expect(result.observations.sightings.map((s) => s.value)).toContain('+31201234567');
    expect(threaded.threads).toBe(1);
  }, 60_000);

  it('passes an extraction error back to the caller as a rejection', async () => {
    const threaded = await pool({ size: 1 });
    const bad = { ...job(PAGES[0], 0), page: { ...job(PAGES[0], 0).page, html: null as unknown as string } };
    await expect(threaded.run(bad)).rejects.toThrow();
    const j = job(PAGES[1], 1);
    expect(await threaded.run(j)).toEqual(runExtractJob(j));
  });
});

describe('extraction pool lifetime', () => {
  it('lets the process end when its work is done, without close(): idle threads hold nothing open', async () => {
    const { spawn } = await import('node:child_process');
    const script = new URL('./fixtures/pool-exits.ts', import.meta.url).pathname;
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      env: { ...process.env, SHOPREACH_EXTRACT_THREADS: '2' },
      stdio: ['ignore', 'pipe', 'inherit'],
      // A process that hangs is killed here (its exit code is then null): the test fails, not hangs.
      timeout: 50_000,
      killSignal: 'SIGKILL',
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(out.trim()).toBe('2 +31201234567');
    expect(code).toBe(0);
  }, 60_000);
});

describe('the content hash of a page the thread decodes', () => {
  const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
  const undecodedJob = (bytes: Uint8Array, contentType: string): ExtractJob => ({
    page: {
      url: 'http://127.0.0.1/p',
      finalUrl: 'http://127.0.0.1/p',
      html: '',
      fetchedWith: 'static',
      contentType,
    },
    ctx: { country: 'NL', homeUrl: 'http://127.0.0.1/' },
    judgeRendering: false,
    undecoded: bytes,
  });
  const text = html('<p>Bel 020 123 4567 — café € ✓</p>');

  it.each([
    ['UTF-8', Buffer.from(text, 'utf8'), 'text/html; charset=utf-8'],
    ['UTF-8 without a charset', Buffer.from(text, 'utf8'), 'text/html'],
    [
      'UTF-8 with a byte-order mark',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
      'text/html',
    ],
    [
      'invalid UTF-8',
      Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0xff, 0xfe, 0x41])]),
      'text/html',
    ],
    ['windows-1252', Buffer.from(html('<p>café</p>'), 'latin1'), 'text/html; charset=windows-1252'],
  ])('is the SHA-256 of the decoded HTML for %s', (_, bytes, contentType) => {
    const decoded = decodeBody(bytes, contentType);
    const result = runExtractJob(undecodedJob(bytes, contentType));
    expect(result.contentHash).toBe(sha256(decoded));
  });

  it('hashes the body itself only where it is the HTML byte for byte', () => {
    const utf8 = Buffer.from(text, 'utf8');
    expect(decodesToItself(utf8, 'text/html')).toBe(true);
    expect(decodesToItself(utf8, 'text/html; charset=iso-8859-1')).toBe(false);
    expect(decodesToItself(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), 'text/html')).toBe(false);
    expect(decodesToItself(Buffer.from([0x41, 0xc3]), 'text/html')).toBe(false);
  });
});

describe('what a job reads for the crawl besides the extraction', () => {
  const wall = html(
    '<div id="CybotCookiebotDialog"><p>Wij gebruiken cookies. Accepteer om verder te gaan.</p><button>Alle cookies accepteren</button></div>',
  );
  it('says whether the page is only a consent wall, when asked', () => {
    expect(runExtractJob({ ...job(wall, 0), consentWall: true }).consentWall).toMatchObject({
      wall: true,
      platform: 'Cookiebot',
    });
    expect(runExtractJob({ ...job(PAGES[0], 0), consentWall: true }).consentWall).toBeNull();
    expect(runExtractJob(job(wall, 0)).consentWall).toBeUndefined();
  });

  it("decides a home page's setting from its language and extracts it with that country", () => {
    const home = html('<p>Appelez-nous au 01 23 45 67 89</p>').replace('lang="nl"', 'lang="fr"');
    const { ctx: _, ...rest } = job(home, 0);
    const result = runExtractJob({
      ...rest,
      setting: { inputs: { site: 'https://boutique.example', homeUrl: 'https://boutique.example/' } },
    });
    expect(result.setting).toMatchObject({ country: 'FR', countrySource: 'language', language: 'fr' });
    expect(result.observations.sightings.map((s) => s.value)).toContain('+33123456789');
  });
});
