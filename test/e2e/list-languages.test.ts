import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServedSampleShops, serveSampleShops } from '../../src/demo/serve-sample-shops.js';
import { runCli } from './run-cli.js';

// What the built CLI says about a malformed shop list, in the language of --lang or of the market:
// every problem names the file and its line, and none is left in English.

let served: ServedSampleShops;
let dir: string;
const urlOf = (slug: string) => served.shops.find((s) => s.shop.slug === slug)!.url;

beforeAll(async () => {
  served = await serveSampleShops();
  dir = mkdtempSync(join(tmpdir(), 'shopreach-list-languages-'));
});
afterAll(async () => {
  await served?.close();
});

/** Phrases of the English list messages, none of which may reach a reader of another language. */
const ENGLISH =
  /skipped|duplicate of|not a full host|only http and https|must be a two-letter|has no column|cannot be read|is longer than|does not exist|each entry must/;

const auditArgs = (list: string, db: string) => ['audit', list, '--db', join(dir, db), '--mode', 'static'];

describe('list problems in the reader’s language', () => {
  it('says in Dutch which rows of a CSV list were skipped and why, naming each line, and audits the rest', async () => {
    const list = join(dir, 'winkels.csv');
    const shop = urlOf('exemplary');
    writeFileSync(
      list,
      `\uFEFF${[
        'Webadres;Naam;Land',
        'ftp://bestanden.example.nl;A;NL',
        `${shop};B;Nederland`,
        `${shop};C;NL`,
        `${shop.replace(/\/$/, '')};D;NL`,
        'winkel;E;NL',
      ].join('\r\n')}\r\n`,
    );
    const result = await runCli([...auditArgs(list, 'nl.sqlite'), '--allow-private-hosts', '--lang', 'nl']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      `${list}:2: overgeslagen, alleen http- en https-URL’s kunnen worden bezocht, geen ftp`,
    );
    expect(result.stderr).toContain(
      `${list}:3: overgeslagen, het land moet een ISO 3166-code van twee letters zijn, zoals NL, DE, BE, FR of GB, niet “Nederland”`,
    );
    expect(result.stderr).toContain(`${list}:5: overgeslagen, dezelfde winkel als op regel 4`);
    expect(result.stderr).toContain(`${list}:6: overgeslagen, “winkel” is geen volledige hostnaam`);
    expect(result.stderr).not.toMatch(ENGLISH);
  }, 120_000);

  it('says in German that a CSV header has no URL column, naming the columns it saw, and exits 1', async () => {
    const list = join(dir, 'haendler.csv');
    writeFileSync(list, `Shop;Name;Land\r\n${urlOf('exemplary')};A;DE\r\n`);
    const result = await runCli([...auditArgs(list, 'de.sqlite'), '--lang', 'de']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${list}:1: die Kopfzeile der CSV-Datei hat keine Spalte für die URL des Shops: die Spalten sind "Shop", "Name", "Land". Nennen Sie die URL-Spalte "url", `,
    );
    expect(result.stderr).toContain('; die Liste wird ab hier nicht weiter gelesen');
    expect(result.stderr).toContain(`Die Shopliste ${list} enthält keinen Shop, der geprüft werden kann.`);
    expect(result.stderr).not.toMatch(ENGLISH);
  }, 60_000);

  it('says in German where a JSON list breaks, by line and column, after a bad entry', async () => {
    const list = join(dir, 'shops.json');
    writeFileSync(list, '[\n  42,\n  {"url": "a.example.de",, }\n]\n');
    const result = await runCli([...auditArgs(list, 'de-json.sqlite'), '--lang', 'de']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${list}:2:3: übersprungen, jeder Eintrag muss eine URL oder ein Objekt mit "url" sein, nicht die Zahl 42`,
    );
    expect(result.stderr).toContain(`${list}:3:26: das JSON kann nicht gelesen werden: `);
    expect(result.stderr).not.toMatch(ENGLISH);
  }, 60_000);

  it('speaks French for a French market without --lang: a bad line, a line too long, a missing file', async () => {
    const list = join(dir, 'boutiques.txt');
    writeFileSync(list, `# boutiques\npas une url\n${'x'.repeat(70_000)}\n`);
    const result = await runCli([...auditArgs(list, 'fr.sqlite'), '--country', 'FR']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${list}:2 : ignorée, URL non valide : « pas une url »`);
    expect(result.stderr).toMatch(/:3 : ignorée, la ligne dépasse 65\s536 caractères/);
    expect(result.stderr).not.toMatch(ENGLISH);

    const missing = join(dir, 'absente.csv');
    const absent = await runCli([...auditArgs(missing, 'fr-missing.sqlite'), '--country', 'FR']);
    expect(absent.code).toBe(1);
    expect(absent.stderr).toContain(`La liste de boutiques ${missing} n’existe pas.`);
  }, 60_000);
});
