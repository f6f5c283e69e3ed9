import { describe, expect, it } from 'vitest';
import { extract, readable } from './helpers.js';

const phones = (html: string, country = 'NL') =>
  extract(html, { country }).sightings.filter((s) => s.kind === 'phone');

describe("another organisation's number, named in its own sentence", () => {
  it("keeps the bank out of the shop's phones and says why in the evidence", () => {
    const html =
      '<main><p>Vragen over je creditcard? Bel dan je bank op 020 765 4321.</p>' +
      '<p>Klantenservice: 020 123 4567</p></main>';
    expect(readable(html).phones).toEqual(['+31201234567']);
    const bank = phones(html).find((s) => s.value === '+31207654321');
    expect(bank?.thirdParty).toEqual({ kind: 'bank', name: 'je bank' });
    expect(phones(html).find((s) => s.value === '+31201234567')?.thirdParty).toBeUndefined();
  });

  it.each([
    ['hosting', '<p>Hosting: Strato AG, Tel. 030 123 4567</p>', 'DE', 'hosting'],
    ['carrier', '<p>Missing parcel? Please call USPS directly on 1-800-275-8777.</p>', 'US', 'carrier'],
    [
      'payment provider',
      '<p>Vragen over achteraf betalen? Klarna is bereikbaar op 020 808 2853.</p>',
      'NL',
      'payment-provider',
    ],
    [
      'marketplace',
      '<p>Bestellingen via bol.com: bel de klantenservice van bol.com op 030 310 4999.</p>',
      'NL',
      'marketplace',
    ],
    [
      'dealer',
      '<p>Service en reparatie door uw dealer, bijvoorbeeld Fietsen Jansen: 0541 123 456.</p>',
      'NL',
      'dealer',
    ],
  ])('a %s', (_name, html, country, kind) => {
    expect(readable(html, { country }).phones).toEqual([]);
    expect(phones(html, country)[0]?.thirdParty?.kind).toBe(kind);
  });

  it('keeps the number when the shop speaks of itself in the sentence', () => {
    expect(readable('<p>Vragen over je PayPal-betaling? Bel ons op 020 123 4567.</p>').phones).toEqual([
      '+31201234567',
    ]);
    expect(
      readable('<p>Questions about DHL delivery? Call us on 0161 496 0000.</p>', { country: 'GB' }).phones,
    ).toEqual(['+441614960000']);
  });

  it("reads the organisation only in the number's own sentence", () => {
    const html = '<p>Wij versturen met PostNL.</p><p>Bel onze klantenservice: 020 123 4567</p>';
    expect(readable(html).phones).toEqual(['+31201234567']);
  });
});

describe('numbers written for another country', () => {
  it('reads a North American toll-free number "for US customers" on a UK page with US rules', () => {
    const html = '<p>Call us on 0161 496 0000.</p><p>For US customers: 1-800-555-0199 (toll free)</p>';
    expect(readable(html, { country: 'GB' }).phones.sort()).toEqual(['+18005550199', '+441614960000']);
    expect(phones(html, 'GB').find((s) => s.value === '+18005550199')?.phoneType).toBe('toll-free');
  });

  it('reads a Belgian number "voor klanten in België" on a Dutch page with Belgian rules', () => {
    expect(readable('<p>Klanten in België bellen 09 218 45 67.</p>').phones).toEqual(['+3292184567']);
  });

  it("reads the market's number as the market's when no country is named", () => {
    expect(readable('<p>Klantenservice: 020 123 4567</p>').phones).toEqual(['+31201234567']);
  });
});

describe('numbers written as a phone number that are not valid', () => {
  it('keeps a labelled invalid number as an invalid sighting, not a readable phone', () => {
    const html = '<p>Telefoon: +32 9 123 45 6</p>';
    const [s] = phones(html);
    expect(s).toMatchObject({ phoneType: 'invalid', raw: '+32 9 123 45 6', value: '+329123456' });
    expect(readable(html).phones).toEqual([]);
  });

  it('does not call a nationally written number invalid when another known country reads it', () => {
    // The market may have been guessed wrong: "0499 453 555" is no British number, but a Dutch one.
    expect(phones('<p>Phone 0499 453 555</p>', 'GB')).toEqual([]);
    expect(phones('<p>Telefoon: 020 123 45</p>')).toEqual([]);
  });

  it('does not turn unlabelled digits or other labelled numbers into invalid phones', () => {
    expect(phones('<p>Bestelnummer 123 456 789 0</p>')).toEqual([]);
    expect(phones('<p>KvK: 12345678</p><p>BTW: NL123456789B01</p>')).toEqual([]);
  });
});
