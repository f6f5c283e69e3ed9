import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeReport } from '../../src/report/index.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { HOSTILE, makeOutcome, makeRun, sampleShops } from './fixtures.js';
import { solidPng } from './solid-png.js';

let dir: string;
let store: Store;
let runId: number;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shopreach-report-'));
  store = openStore(':memory:');
  runId = store.createRun(makeRun('html-2026'));
  for (const s of sampleShops()) store.saveShop(runId, s);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const read = (path: string) => readFileSync(path, 'utf8');

describe('writeReport', () => {
  it('writes an index, a methodology page, one page per shop and the ranking views', () => {
    const out = join(dir, 'r');
    const { indexPath, files } = writeReport(store, runId, { outDir: out });
    expect(indexPath).toBe(join(out, 'index.html'));
    expect(files.map((f) => basename(f)).sort()).toEqual(
      [
        'index.html',
        'methodology.html',
        'results.csv',
        'results.json',
        'review.csv',
        'review.html',
        ...files.filter((f) => f.includes(`${join(out, 'shops')}`)).map((f) => basename(f)),
        ...files.filter((f) => f.includes(`${join(out, 'ranking')}`)).map((f) => basename(f)),
      ].sort(),
    );
    expect(files.filter((f) => f.includes('/ranking/')).map((f) => basename(f))).toContain('by-name.html');
    expect(files.filter((f) => f.includes('/shops/'))).toHaveLength(4);
  });

  it('never lets a hostile crawled value through unescaped, on any page', () => {
    const { files } = writeReport(store, runId, { outDir: join(dir, 'r') });
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      const text = read(file);
      expect(text, file).not.toContain('<script');
      expect(text, file).not.toContain('<img src=x');
      expect(text, file).not.toMatch(/onerror=alert\(2\)>(?!<)/);
    }
    const evilPage = files.find((f) => f.includes('evil.example'));
    expect(evilPage).toBeDefined();
    const evil = read(evilPage as string);
    expect(evil).toContain(
      '<h1>&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;</h1>',
    );
    expect(evil).toContain('<td class="raw">&lt;script&gt;');
  });

  it('leads the index with the headline figures, ranks by score, and lists unrated shops as not rated', () => {
    const { indexPath } = writeReport(store, runId, { outDir: join(dir, 'r') });
    const index = read(indexPath);
    expect(index).toContain('2 of 3 shops show a phone number.');
    expect(index).toContain('3 of 3 shops show an e-mail address.');
    expect(index).toContain(
      '1 of 3 shops have phone and e-mail findable within two clicks (consumer-contact-findable).',
    );
    // phone clicks 1 and 3 (the shop without a phone has none): mean 2
    expect(index).toContain('Average clicks to the phone number: 2.');
    expect(index).toContain('1 shop could not be assessed');
    const ranking = index.slice(index.indexOf('<tbody>'), index.indexOf('</tbody>'));
    expect(ranking.indexOf('Good Shop')).toBeLessThan(ranking.indexOf('&lt;script'));
    expect(ranking.indexOf('&lt;script')).toBeLessThan(ranking.indexOf('No Phone BV'));
    expect(ranking).not.toContain('Down Shop');
    const ledger = index.slice(index.indexOf('id="ledger"'));
    expect(ledger).toContain('Down Shop');
    expect(ledger).toContain('<td>unreachable</td><td>not rated</td>');
    expect(index).toContain('<svg');
    expect(index).not.toMatch(/<(link|script)\b/);
    expect(index).not.toMatch(/(src|href)="https?:\/\/(?!good|evil|nophone|down)/);
  });

  it('shows, per shop, the verdict, rule outcomes with advice, evidence, pages, overrides and provenance', () => {
    const overridden = makeOutcome({ key: 'https://override.example', name: 'Override Shop' });
    overridden.findings = [
      {
        rule: 'phone-present',
        outcome: 'pass',
        sightingIds: ['s1'],
        pageIds: ['p2'],
        widgetIds: [],
        weight: 3,
        level: 'law',
        override: { outcome: 'pass', computed: 'fail', reason: 'Number shown in an image, checked by hand.' },
      },
    ];
    store.saveShop(runId, overridden);
    const { files } = writeReport(store, runId, { outDir: join(dir, 'r') });
    const evil = read(files.find((f) => f.includes('evil.example')) as string);
    expect(evil).toContain('Phone: 3 clicks · e-mail: 3 clicks');
    expect(evil).toContain('Within two clicks: no');
    expect(evil).toContain('<strong>Advice:</strong> Fix within two clicks.');
    expect(evil).toContain('https://eur-lex.europa.eu/eli/dir/2011/83/oj');
    expect(evil).toContain('“Contact”');
    expect(evil).toContain('Chromium 140-test');
    expect(evil).toContain('a'.repeat(64));
    const over = read(files.find((f) => f.includes('override.example')) as string);
    expect(over).toContain('computed fail, set to pass — Number shown in an image, checked by hand.');
    const down = read(files.find((f) => f.includes('down.example')) as string);
    expect(down).toContain('ECONNREFUSED');
    expect(down).toContain('Score: not rated');
  });

  it('says which link led to each page, where it sat, how unlinked pages were found and the page budget', () => {
    const shop = makeOutcome({ key: 'https://budget.example', name: 'Budget Shop' });
    const contact = shop.evidence.pages[1];
    if (contact.via) contact.via.region = 'footer';
    shop.evidence.pages.push({
      ...contact,
      id: 'p3',
      url: 'https://budget.example/policies/contact-information',
      finalUrl: 'https://budget.example/policies/contact-information',
      depth: null,
      linked: false,
      via: null,
      foundBy: 'well-known-path',
    });
    shop.evidence.crawl.budget = { maxPages: 15, pagesUsed: 3, attempts: 6 };
    store.saveShop(runId, shop);
    const { files } = writeReport(store, runId, { outDir: join(dir, 'r') });
    const text = read(files.find((f) => f.includes('budget.example')) as string);
    expect(text).toContain('3 of the 15 pages the budget allowed were fetched.');
    expect(text).toContain('“Contact” (footer) · <a href="https://budget.example/"');
    expect(text).toContain('not linked: well-known path');
    const { files: nlFiles } = writeReport(store, runId, { outDir: join(dir, 'nl'), lang: 'nl' });
    const nl = read(nlFiles.find((f) => f.includes('budget.example')) as string);
    expect(nl).toContain('3 van de 15 pagina’s die het budget toeliet zijn opgehaald.');
    expect(nl).toContain('niet gelinkt: bekend pad');
    // A shop stored before the budget was recorded says nothing about it.
    const good = read(files.find((f) => f.includes('good.example')) as string);
    expect(good).not.toContain('the budget allowed');
  });

  it('writes the methodology with every rule, its references, the hash and the crawl settings', () => {
    writeReport(store, runId, { outDir: join(dir, 'r') });
    const page = read(join(dir, 'r', 'methodology.html'));
    for (const id of [
      'phone-present',
      'email-present',
      'contact-within-two-clicks',
      'phone-not-premium-rate',
    ]) {
      expect(page).toContain(id);
    }
    expect(page).toContain('<a href="https://eur-lex.europa.eu/eli/dir/2011/83/oj" rel="noreferrer">');
    expect(page).toContain('a'.repeat(64));
    expect(page).toContain('At most 12 pages per shop, at most 3 clicks from the home page');
    expect(page).toContain('Pages were fetched over plain HTTP without running their scripts (static mode)');
    expect(page).toContain('scores at most 74, the top of grade C');
    for (const section of ['period', 'scoring', 'rules', 'crawl', 'limits', 'dispute'])
      expect(page).toContain(`<section aria-labelledby="${section}">`);
    expect(page).not.toContain('{"');
    expect(page).toContain('Score = 100 ×');
    expect(page).toContain('<th scope="row">A</th><td class="num">90–100</td>');
    expect(page).toContain('<th scope="row">F</th><td class="num">0–29</td>');
  });

  it('writes the report text in Dutch with --lang nl', () => {
    const { indexPath } = writeReport(store, runId, { outDir: join(dir, 'nl'), lang: 'nl' });
    const index = read(indexPath);
    expect(index).toContain('<html lang="nl">');
    expect(index).toContain('2 van 3 winkels tonen een telefoonnummer.');
    expect(index).toContain('geen score');
    expect(read(join(dir, 'nl', 'methodology.html'))).toContain('Telefoon aanwezig: ja');
  });

  it('embeds each screenshot once, with its SHA-256, and crops it around each boxed sighting', () => {
    const png = solidPng(1000, 1400);
    const sha = createHash('sha256').update(png).digest('hex');
    const shotPath = join(dir, `${sha}.png`);
    writeFileSync(shotPath, png);
    const shop = makeOutcome({ key: 'https://shot.example', name: 'Shot Shop' });
    const contact = shop.evidence.pages[1];
    contact.screenshotPath = shotPath;
    contact.screenshotSha256 = sha;
    contact.screenshotCapturedAt = '2026-03-01T10:00:02.000Z';
    shop.evidence.pages[0].screenshotPath = join(dir, 'missing.png');
    shop.evidence.sightings[0].box = { x: 600, y: 1300, w: 120, h: 20 };
    store.saveShop(runId, shop);
    const { files } = writeReport(store, runId, { outDir: join(dir, 'r') });
    const page = read(files.find((f) => f.includes('shot.example')) as string);
    const dataUri = `data:image/png;base64,${png.toString('base64')}`;
    expect(page.split(dataUri)).toHaveLength(2);
    expect(page).toContain(`.shot-p2{background-image:url("${dataUri}")}`);
    expect(page).not.toContain('<img ');
    // The crop: 120 + 2 × 140 px wide, 20 + 2 × 50 px high, centred on the box and kept inside the image.
    expect(page).toContain(
      'class="crop shot-p2" style="width:400px;height:120px;background-position:-460px -1250px"',
    );
    expect(page).toContain('class="mark" style="left:137px;top:47px;width:126px;height:26px"');
    expect(page).toContain('Click path: home page → “Contact”');
    expect(page).toContain(`Screenshot SHA-256 <code>${sha}</code> · Captured at 2026-03-01T10:00:02.000Z`);
    expect(page).toContain('matches the SHA-256 recorded at capture time');
    // The e-mail has no box: no crop for it, and the page table names both hashes.
    expect(page.match(/class="crop /g)).toHaveLength(2); // summary + every-sighting list
    expect(page).toContain(`<code>${contact.contentHash}</code><br>${contact.fetchedAt}`);
  });

  it('copies each page snapshot beside the report and links it for download from its page row', () => {
    const artifactsDir = join(dir, 'shop.sqlite.artifacts');
    mkdirSync(artifactsDir);
    const contactHtml = `<html><body><p>Bel 020 123 4567</p>${HOSTILE}</body></html>`;
    const contactHash = createHash('sha256').update(contactHtml).digest('hex');
    writeFileSync(join(artifactsDir, `${contactHash}.html.gz`), gzipSync(contactHtml));
    // A snapshot whose content is no longer what was recorded.
    const tamperedHash = 'c'.repeat(64);
    writeFileSync(join(artifactsDir, `${tamperedHash}.html.gz`), gzipSync('<p>changed</p>'));
    const shop = makeOutcome({ key: 'https://snap.example', name: 'Snap Shop' });
    const [home, contact] = shop.evidence.pages;
    contact.contentHash = contactHash;
    home.contentHash = 'd'.repeat(64); // never stored
    home.screenshotMissing = { code: 'no-browser' };
    const reveal = {
      ...contact,
      id: 'p3',
      contentHash: tamperedHash,
      afterInteraction: 'clicked "Toon nummer"',
    };
    reveal.screenshotMissing = { code: 'render-failed', detail: 'net::ERR_CONNECTION_RESET' };
    shop.evidence.pages.push(reveal);
    store.saveShop(runId, shop);
    const out = join(dir, 'snap');
    const { files } = writeReport(store, runId, { outDir: out, artifactsDir });
    const page = read(files.find((f) => f.includes('snap.example')) as string);

    const copy = join(out, 'snapshots', `${contactHash}.html.gz`);
    expect(gunzipSync(readFileSync(copy)).toString('utf8')).toBe(contactHtml);
    expect(page).toContain(
      `<a href="../snapshots/${contactHash}.html.gz" download type="application/gzip">snapshot (.html.gz)</a><br><code>${contactHash}</code>`,
    );
    expect(page).toContain(`snapshot not stored</span><br><code>${'d'.repeat(64)}</code>`);
    expect(existsSync(join(out, 'snapshots', `${'d'.repeat(64)}.html.gz`))).toBe(false);
    expect(page).toContain(
      `<a href="../snapshots/${tamperedHash}.html.gz" download type="application/gzip">snapshot (.html.gz)</a> <strong>(its content does not match this SHA-256)</strong>`,
    );
    // The snapshot's own markup never lands in the page.
    expect(page).not.toContain(HOSTILE);
    // Why screenshots are missing: in the page rows and in the screenshots section.
    expect(page).toContain('No screenshot: no browser was found to render the page');
    expect(page).toContain('<h3>Pages without a screenshot</h3>');
    expect(page).toContain('rendering the page after the crawl failed: net::ERR_CONNECTION_RESET');
    expect(page).toContain('contact<br>clicked &quot;Toon nummer&quot;');

    const nl = read(
      writeReport(store, runId, { outDir: join(dir, 'snap-nl'), artifactsDir, lang: 'nl' }).files.find((f) =>
        f.includes('snap.example'),
      ) as string,
    );
    expect(nl).toContain('Geen schermafbeelding: er is geen browser gevonden');
  });

  it('flags a screenshot whose bytes no longer match the recorded SHA-256', () => {
    const png = solidPng(300, 200);
    const shotPath = join(dir, 'tampered.png');
    writeFileSync(shotPath, png);
    const shop = makeOutcome({ key: 'https://tamper.example', name: 'Tamper Shop' });
    shop.evidence.pages[0].screenshotPath = shotPath;
    shop.evidence.pages[0].screenshotSha256 = 'f'.repeat(64);
    store.saveShop(runId, shop);
    const { files } = writeReport(store, runId, { outDir: join(dir, 'r') });
    const page = read(files.find((f) => f.includes('tamper.example')) as string);
    expect(page).toContain(
      `does not match the SHA-256 recorded at capture time: <code>${'f'.repeat(64)}</code>`,
    );
  });

  it('folds passed rules away and caps long evidence tables', () => {
    const shop = makeOutcome({
      key: 'https://many.example',
      name: 'Many Shop',
      outcomes: { 'phone-present': 'pass', 'email-present': 'fail' },
    });
    const base = shop.evidence.sightings[0];
    for (let i = 0; i < 14; i++) {
      shop.evidence.sightings.push({
        ...base,
        id: `s${i + 3}`,
        raw: `020 123 45${String(i).padStart(2, '0')}`,
      });
    }
    store.saveShop(runId, shop);
    const { files } = writeReport(store, runId, { outDir: join(dir, 'r') });
    const page = read(files.find((f) => f.includes('many.example')) as string);
    expect(page).toContain('and 5 more');
    expect(page).toMatch(
      /<details class="rule-group"><summary>\d+ rules? passed or not applicable<\/summary>/,
    );
    const summaryAt = page.indexOf('id="summary"');
    expect(summaryAt).toBeGreaterThan(0);
    expect(summaryAt).toBeLessThan(page.indexOf('id="rules"'));
  });

  it('compares two runs: verdict changes, rule changes, score changes, shops added and gone', () => {
    const laterId = store.createRun(makeRun('html-2027'));
    const [good, evil, nophone] = sampleShops();
    const evilNow = makeOutcome({
      key: evil.target.key,
      name: HOSTILE,
      outcomes: { 'phone-present': 'pass', 'email-present': 'pass', 'contact-within-two-clicks': 'pass' },
      score: 100,
      grade: 'A',
    });
    const goodNow = makeOutcome({
      key: good.target.key,
      name: 'Good Shop',
      outcomes: { 'phone-present': 'fail', 'email-present': 'pass' },
      score: 50,
      grade: 'D',
      verdict: 'fail',
    });
    store.saveShop(laterId, goodNow);
    store.saveShop(laterId, evilNow);
    store.saveShop(laterId, nophone);
    store.saveShop(laterId, makeOutcome({ key: 'https://new.example', name: 'New Shop' }));
    const { files } = writeReport(store, laterId, { outDir: join(dir, 'cmp'), compareRunId: runId });
    const page = read(files.find((f) => f.endsWith('comparison.html')) as string);
    const section = (id: string) =>
      page.slice(page.indexOf(`id="${id}"`), page.indexOf('</section>', page.indexOf(`id="${id}"`)));
    expect(section('now-pass')).toContain('&lt;script&gt;');
    expect(section('now-fail')).toContain('Good Shop');
    expect(section('newly-passed')).toContain('contact-within-two-clicks');
    expect(section('newly-failed')).toContain('phone-present');
    // Good Shop fell from first of 3 rated shops to third of 4; evil.example rose by 25 points.
    expect(section('moved')).toContain('<td>1 of 3 → 3 of 4</td><td>A → D</td>\n<td>100 → 50 (-50)</td>');
    expect(section('moved')).toContain('<td>75 → 100 (+25)</td>');
    expect(section('figures')).toContain('<td>2 of 3</td><td>2 of 4</td>');
    expect(section('added')).toContain('New Shop');
    expect(section('gone')).toContain('Down Shop');
    expect(read(join(dir, 'cmp', 'index.html'))).toContain('href="comparison.html"');
  });

  it('names an unknown run in one sentence', () => {
    expect(() => writeReport(store, 404, { outDir: join(dir, 'x') })).toThrow('There is no run with id 404');
    expect(() => writeReport(store, runId, { outDir: join(dir, 'x'), compareRunId: 405 })).toThrow(
      'There is no run with id 405',
    );
  });
});
