import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listProfiles, loadRuleSet } from '../../src/rules/index.js';
import { FixtureSite } from '../crawl/fixture-server.js';
import { runCli } from '../e2e/run-cli.js';
import { englishCataloguePhrases, englishRulePhrases, phrasesIn } from './english-text.js';

// Shops of our own, written for these tests: a German one and a Belgian one in French. Their
// market follows from the home page's <html lang> (a loopback address names no country).
const page = (lang: string, body: string) =>
  `<!doctype html><html lang="${lang}"><head><title>Shop</title></head><body>${body}</body></html>`;

const german = new FixtureSite({
  '/': page(
    'de',
    '<nav><a href="/kontakt">Kontakt</a></nav><h1>Beispielladen</h1>' +
      '<footer>Kundenservice: <a href="mailto:service@beispielladen.de">service@beispielladen.de</a></footer>',
  ),
  '/kontakt': page('de', '<h1>Kontakt</h1><p>Telefon: 030 12345678</p>'),
});
const belgianFrench = new FixtureSite({
  '/': page(
    'fr',
    '<nav><a href="/contact">Contact</a></nav><h1>Boutique exemple</h1>' +
      '<footer>Service client : <a href="mailto:service@boutique-exemple.be">service@boutique-exemple.be</a></footer>',
  ),
  '/contact': page('fr', '<h1>Contact</h1><p>Téléphone : 02 123 45 67</p>'),
});

beforeAll(async () => {
  await Promise.all([german.start(), belgianFrench.start()]);
});
afterAll(async () => {
  await Promise.all([german.stop(), belgianFrench.stop()]);
});

const check = (url: string, ...extra: string[]) =>
  runCli(['check', url, '--allow-private-hosts', '--mode', 'static', ...extra]);

const shippedRules = listProfiles().map((profile) => loadRuleSet({ profile }));

/** The English sentences of the catalogue and of the rule files in an output that should speak another language. */
const englishIn = (output: string, lang: 'de' | 'fr') =>
  phrasesIn(output, [...englishCataloguePhrases(lang), ...englishRulePhrases(shippedRules, lang)]);

describe('shopreach check speaks the language of the shop’s market', { timeout: 180_000 }, () => {
  it('prints German for a German shop by default', async () => {
    const result = await check(german.url('/'));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Punktzahl: \d+/);
    expect(result.stdout).toContain('Gefundene Kontaktdaten');
    expect(result.stdout).toMatch(/auf \/kontakt \(Kontaktseite, 1 Klick\)/);
    expect(englishIn(result.stdout, 'de')).toEqual([]);
  });

  it('prints French for the same shop with --lang fr', async () => {
    const result = await check(german.url('/'), '--lang', 'fr');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Score : \d+/);
    expect(result.stdout).toContain('Coordonnées trouvées');
    expect(result.stdout).not.toContain('Punktzahl');
    expect(englishIn(result.stdout, 'fr')).toEqual([]);
  });

  it('prints French for a Belgian shop whose pages are French, English with --lang en', async () => {
    const french = await check(belgianFrench.url('/'), '--country', 'BE');
    expect(french.code, french.stderr).toBe(0);
    expect(french.stdout).toContain('Coordonnées trouvées');
    const english = await check(belgianFrench.url('/'), '--country', 'BE', '--lang', 'en');
    expect(english.stdout).toContain('Contact details found');
  });
});
