import { describe, expect, it } from 'vitest';
import { extract, readable } from './helpers.js';

describe('phone formats', () => {
  it.each([
    ['+31 (0)20 123 4567', 'NL', '+31201234567'],
    ['0031 20 123 4567', 'NL', '+31201234567'],
    ['030/123456', 'DE', '+4930123456'],
    ['04421 / 91 31 010', 'DE', '+4944219131010'],
    ['020.123.45.67', 'NL', '+31201234567'],
    ['(0 62 01) 60 07-4 86', 'DE', '+4962016007486'],
    ['020\u00a0123\u202f4567', 'NL', '+31201234567'],
    ['01 43 31 80 49', 'FR', '+33143318049'],
    ['0800/92.329', 'BE', '+3280092329'],
    ['1-800-366-3645', 'US', '+18003663645'],
    ['+44 (0) 113 244 1345', 'GB', '+441132441345'],
  ])('reads %s (%s)', (written, country, e164) => {
    expect(readable(`<p>Bel ons: ${written}</p>`, { country }).phones).toEqual([e164]);
  });

  it('joins a number split over inline elements', () => {
    expect(readable('<p>Tel:<span> 0</span><b>2920 807614</b></p>', { country: 'GB' }).phones).toEqual([
      '+442920807614',
    ]);
  });

  it('parses with the page country: a German number on a German page, a foreign one in international form', () => {
    expect(readable('<p>Tel. 089 231416666</p>', { country: 'DE' }).phones).toEqual(['+4989231416666']);
    expect(readable('<p>Tel. +49 89 231416666</p>', { country: 'NL' }).phones).toEqual(['+4989231416666']);
  });

  it('ends a number at a bracket it opens and does not close', () => {
    expect(readable('<p>Tel. 030 1234567 (24h erreichbar)</p>', { country: 'DE' }).phones).toEqual([
      '+49301234567',
    ]);
    // Brackets that close inside the number stay part of it.
    expect(readable('<p>Tel. (030) 1234567 und +49 (0)30 7654321</p>', { country: 'DE' }).phones).toEqual([
      '+49301234567',
      '+49307654321',
    ]);
  });

  it('keeps two numbers on one line apart', () => {
    expect(readable('<p>T 0117 491978 | F 0117 494019</p>').phones).toEqual(['+31117491978']);
    expect(readable('<p>0113 323033 0113 211682</p>').phones.sort()).toEqual([
      '+31113211682',
      '+31113323033',
    ]);
  });

  it('gives one sighting per place', () => {
    const obs = extract('<header>Tel 020 123 4567</header><main><p>Bel 020-1234567</p></main>');
    const phones = obs.sightings.filter((s) => s.kind === 'phone');
    expect(phones.map((s) => s.region)).toEqual(['header', 'main']);
    expect(new Set(phones.map((s) => s.value))).toEqual(new Set(['+31201234567']));
  });
});

describe('labels keep fax and registry numbers apart', () => {
  it('labels a fax before and after the number', () => {
    const obs = extract('<p>Tel: (0499) 39 34 70 Fax: (0499) 37 87 58</p><p>0113 218456 (fax)</p>');
    const byValue = Object.fromEntries(obs.sightings.map((s) => [s.value, s.label]));
    expect(byValue).toEqual({ '+31499393470': 'phone', '+31499378758': 'fax', '+31113218456': 'fax' });
    expect(readableContactsOf(obs)).toEqual(['+31499393470']);
  });

  it('reads a one-letter label and an image alt label', () => {
    const obs = extract(
      '<p>T (043) 363 03 44<br/>F (043) 363 89 33</p><p><img alt="Fax: " src="f.gif"> +31 114 371478</p>',
    );
    expect(
      obs.sightings
        .filter((s) => s.label === 'fax')
        .map((s) => s.value)
        .sort(),
    ).toEqual(['+31114371478', '+31433638933']);
  });

  it('records tel/fax as both a phone and a fax', () => {
    const obs = extract('<p>tel/fax: +31 (0)114 320884</p>');
    expect(obs.sightings.map((s) => s.label).sort()).toEqual(['fax', 'phone']);
    expect(readableContactsOf(obs)).toEqual(['+31114320884']);
  });

  it.each([
    ['<p>KvK: 22045995 BTW: NL.8521.20.898.B01</p>', 'NL'],
    ['<p>btw 0453 365 132</p>', 'BE'],
    ['<p>RCS 504 891 235</p>', 'FR'],
    ['<p>St.Nr.: 43/151/01234 VAT ID: DE266937701</p>', 'DE'],
    ['<p>Company Registration Number: 04937718, Company VAT Number: GB 846 9263 86</p>', 'GB'],
    ['<p>IBAN DE66 4805 0161 0002 1297 99</p>', 'DE'],
    ['<p>ISBN 978-3-407-86532-8</p>', 'DE'],
  ])('never reports a registry, VAT, IBAN or ISBN number as a phone: %s', (html, country) => {
    expect(readable(html, { country }).phones).toEqual([]);
  });
});

describe('digit strings that are not phones', () => {
  it.each([
    '<p>Open 9.00-18.00, za 09:30 tot 17:30, 08.00 - 17.00 uur</p>',
    '<p>Nieuw adres per 01-11-2012, besteld op 06/11/2023</p>',
    '<p><time>06/11/2023</time><a href="#c">0 Kommentare</a></p>',
    '<p>Prijs € 1.234,50 en 35.000 €, £56.50</p>',
    '<p>Loriot (1923-2011) © 2007-2019</p>',
    '<p>Postcode 4462 GE, order 8114520</p>',
    '<select><option>1</option><option>2</option><option>3</option><option>4</option><option>5</option><option>6</option><option>7</option><option>8</option></select>',
  ])('%s', (html) => {
    expect(readable(html).phones).toEqual([]);
  });

  it('ignores numbers in scripts, styles, URLs, image names and validation messages', () => {
    const html = `<script>var msg = "Ongeldig nummer, bijv. 020 123 4567";</script>
      <style>.x{background:url(/img/0201234567.png)}</style>
      <img src="/banner_0201234567.jpg"><p>Zie https://shop.test/p/0201234567</p>`;
    expect(readable(html).phones).toEqual([]);
  });
});

describe('tel: links', () => {
  it('a tel: link showing its own number is a tel-link', () => {
    const obs = extract('<a href="tel:+4940244249230">040 - 244 249 230</a>', { country: 'DE' });
    expect(obs.sightings).toHaveLength(1);
    expect(obs.sightings[0]).toMatchObject({
      value: '+4940244249230',
      presentation: 'tel-link',
      visible: true,
    });
  });

  it('when the target differs from the text, the text is what counts and the target is href-only', () => {
    const obs = extract('<a href="tel:+4940244249240">040 - 244 249 230</a>', { country: 'DE' });
    expect(readableContactsOf(obs)).toEqual(['+4940244249230']);
    expect(obs.sightings.find((s) => s.value === '+4940244249240')).toMatchObject({
      presentation: 'href-only',
      visible: false,
    });
  });

  it('a "call now" button carries its number only in the href, and tel: hrefs may contain spaces', () => {
    const obs = extract('<a href="tel:089 20 20 4000">Jetzt anrufen</a>', { country: 'DE' });
    expect(obs.sightings).toEqual([
      expect.objectContaining({ value: '+498920204000', presentation: 'href-only', visible: false }),
    ]);
    expect(readableContactsOf(obs)).toEqual([]);
  });
});

describe('phone types', () => {
  it.each([
    ['0900 1234567', 'NL', 'premium'],
    ['0906 123456', 'NL', 'premium'],
    ['085 877 06 01', 'NL', 'voip'],
    ['087 123 4567', 'NL', 'shared-cost'],
    ['0800 2540000', 'NL', 'toll-free'],
    ['01805 123456', 'DE', 'shared-cost'],
    ['0137 1234567', 'DE', 'premium'],
    ['0900 1234567', 'DE', 'premium'],
    ['0844 800 1500', 'GB', 'shared-cost'],
    ['0870 123 4567', 'GB', 'shared-cost'],
    ['0909 123 4567', 'GB', 'premium'],
    ['0800 111 6768', 'GB', 'toll-free'],
    ['08 92 12 34 56', 'FR', 'premium'],
    ['0810 12 34 56', 'FR', 'shared-cost'],
    ['070 22 33 44', 'BE', 'shared-cost'],
    ['0903 12 345', 'BE', 'premium'],
    ['020 123 4567', 'NL', 'fixed'],
    ['06 12345678', 'NL', 'mobile'],
  ])('%s in %s is %s', (written, country, type) => {
    const phones = extract(`<p>Tel ${written}</p>`, { country }).sightings.filter((s) => s.kind === 'phone');
    expect(phones).toHaveLength(1);
    expect(phones[0].phoneType).toBe(type);
  });
});

function readableContactsOf(obs: ReturnType<typeof extract>): string[] {
  return obs.sightings
    .filter(
      (s) =>
        s.kind === 'phone' &&
        s.visible !== false &&
        s.presentation !== 'href-only' &&
        (s.label === undefined || s.label === 'phone'),
    )
    .map((s) => s.value)
    .filter((v, i, a) => a.indexOf(v) === i);
}
