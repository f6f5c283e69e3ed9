import { describe, expect, it } from 'vitest';
import type { CallPrice } from '../../src/extract/types.js';
import { measured } from '../processor-time.js';
import { extract } from './helpers.js';

/** The call price read next to each phone number of the page, in text order. */
function prices(body: string, country = 'NL'): Array<[string, CallPrice | undefined]> {
  return extract(body, { country })
    .sightings.filter((s) => s.kind === 'phone' && s.presentation !== 'href-only')
    .map((s) => [s.value, s.callPrice]);
}

describe('call prices next to a phone number', () => {
  it.each([
    ['nl', 'NL', '<p>Bel 0900 123 4567 (€0,80 per minuut)</p>', 'per-minute', 0.8, 'EUR'],
    [
      'nl, price on the next line',
      'NL',
      '<p>Klantenservice: 0900-1234567</p><p>€ 0,45 per gesprek</p>',
      'per-call',
      0.45,
      'EUR',
    ],
    ['nl, in cents', 'NL', '<p>0900 123 4567 · 80 cent per minuut</p>', 'per-minute', 0.8, 'EUR'],
    [
      'de',
      'DE',
      '<p>Hotline: 0900 1 234567 (1,99 €/Min. aus dem dt. Festnetz)</p>',
      'per-minute',
      1.99,
      'EUR',
    ],
    ['de, cents', 'DE', '<p>Service 0180 6 123456: 20 ct/Anruf</p>', 'per-call', 0.2, 'EUR'],
    ['fr', 'FR', '<p>Appelez le 08 92 12 34 56 (0,15 € TTC/min)</p>', 'per-minute', 0.15, 'EUR'],
    ['fr, à la minute', 'FR', '<p>08 99 12 34 56 : 0,80 € à la minute</p>', 'per-minute', 0.8, 'EUR'],
    [
      'uk',
      'GB',
      '<p>Call 0871 123 4567 (10p per minute plus your access charge)</p>',
      'per-minute',
      0.1,
      'GBP',
    ],
    ['price written before the number', 'NL', '<p>€0,80/min: 0900 123 4567</p>', 'per-minute', 0.8, 'EUR'],
    [
      'inline markup inside the price',
      'NL',
      '<p>0900 123 4567 (<b>€</b> <span>0,80</span> per <i>minuut</i>)</p>',
      'per-minute',
      0.8,
      'EUR',
    ],
  ])('%s', (_name, country, body, kind, amount, currency) => {
    const [[, price]] = prices(body, country);
    expect(price).toMatchObject({ kind, amount, currency });
    expect(price?.raw.length).toBeGreaterThan(3);
  });

  it.each([
    ['lokaal tarief', 'NL', '<p>Bel 085 123 4567 (lokaal tarief)</p>', 'basic-rate'],
    ['kosteloos', 'NL', '<p>0800 123 4567 – kosteloos</p>', 'free'],
    ['gratis', 'NL', '<p>Gratis: 0800 123 4567</p>', 'free'],
    ['Ortstarif', 'DE', '<p>030 1234567 (zum Ortstarif)</p>', 'basic-rate'],
    ['non surtaxé', 'FR', '<p>09 70 12 34 56 (appel non surtaxé)</p>', 'basic-rate'],
  ])('reads "%s" as a statement without an amount', (_name, country, body, kind) => {
    const [[, price]] = prices(body, country);
    expect(price).toMatchObject({ kind });
    expect(price?.amount).toBeUndefined();
  });

  it('gives a price to the nearest number only, and prefers an amount to a bare word', () => {
    const result = prices('<p>Bel 0900 123 4567 (€0,80 per minuut) of 020 794 5632 (gratis terugbellen)</p>');
    expect(result.map(([value, price]) => [value, price?.kind])).toEqual([
      ['+319001234567', 'per-minute'],
      ['+31207945632', 'free'],
    ]);
  });

  it('reads no price where there is none, or where it stands far away or out of sight', () => {
    const filler = '<p>Over ons. </p>'.repeat(5);
    const result = prices(
      `<p>Bel 0900 123 4567</p>${filler}<p>Onze 0900-lijn kost €0,80 per minuut.</p>` +
        '<p>Of 020 794 5632 <span style="display:none">€0,10 per minuut</span></p>' +
        '<p>Fax 020 794 5633 <!-- €0,10 per minuut --></p>' +
        '<p>Bestel 3 stuks per minuut voor 5 per minuut: 030 230 1234</p>',
    );
    expect(result.map(([, price]) => price)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('keeps a price written right after the digits out of the number', () => {
    const [[value, price]] = prices('<p>Bel 0900 1234567 € 0,80 per minuut</p>');
    expect(value).toBe('+319001234567');
    expect(price).toMatchObject({ kind: 'per-minute', amount: 0.8 });
    expect(prices('<p>Service: 0900 1234567 EUR 0,80/min</p>').map(([v]) => v)).toEqual(['+319001234567']);
  });

  it('does not read a bracketed price after the number as more digits', () => {
    const [[value, price]] = prices('<p>Hotline: 0180 6 123456 (20 ct/Anruf)</p>', 'DE');
    expect(value).toBe('+491806123456');
    expect(price).toMatchObject({ kind: 'per-call', amount: 0.2 });
  });

  it('records whether the page states a price per minute or per call anywhere', () => {
    const stated = extract('<p>Bel 0900 123 4567.</p><p>Bellen kost 80 cent per minuut.</p>');
    expect(stated.statesCallPrice).toBe(true);
    const onlyWords = extract('<p>Gratis verzending. Bel 0900 123 4567.</p>');
    expect(onlyWords.statesCallPrice).toBe(false);
  });

  it('stays quick and bounded on a page full of prices', () => {
    const body = `<p>${'€0,80 per minuut 0900 123 4567 '.repeat(20_000)}</p>`;
    const { result: page, cpuMs } = measured(() => extract(body));
    expect(cpuMs).toBeLessThan(20_000);
    expect(page.statesCallPrice).toBe(true);
  });
});
