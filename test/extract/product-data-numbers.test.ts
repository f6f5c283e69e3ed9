import { describe, expect, it } from 'vitest';
import { readable } from './helpers.js';

/** A product page of a made-up shoe shop: sizes, article numbers, EAN, stock, prices, years. */
const PRODUCT_PAGE = `
<header><a href="/">Schoenhuis Voorbeeld</a></header>
<main>
  <h1>Wandelschoen Trek</h1>
  <p>Beschikbare maten: 36 37 38 39 40 41 42 43</p>
  <ul><li>EU 38 40 42 44</li><li>UK 5 6 7 8 9</li><li>Kindermaten 10/12 12/14 16/18</li></ul>
  <p>Art.nr. 10 20 30 40</p>
  <p>EAN 8712345678901</p>
  <p>Op voorraad: 8 8 8 8 8 stuks</p>
  <p>Collectie 2019 2020 2021 2022</p>
  <p>Van 89 95 voor 69 95</p>
</main>
<footer><p>Klantenservice: 020 123 4567</p></footer>`;

describe('product data is no phone number', () => {
  it('reads sizes, article numbers, EANs, stock counts, years and prices as nothing, and keeps the labelled phone', () => {
    expect(readable(PRODUCT_PAGE).phones).toEqual(['+31201234567']);
  });

  it('leaves a run of short groups alone on a German and a French page too', () => {
    expect(readable('<p>Größen: 36 38 40 42 44</p>', { country: 'DE' }).phones).toEqual([]);
    expect(readable('<p>Pointures : 36 38 40 42 44</p>', { country: 'FR' }).phones).toEqual([]);
  });

  it('leaves digit runs of a script-like text alone', () => {
    expect(readable('<p>chunks 10 10 10 10 12 12 12 12</p>', { country: 'CN' }).phones).toEqual([]);
  });

  it.each([
    ['with a phone label', '<p>Telefoon: 06 12 34 56 78</p>', 'NL', '+31612345678'],
    ['with the trunk prefix', '<p>Bel 06 12 34 56 78</p>', 'NL', '+31612345678'],
    ['in a tel: link', '<p><a href="tel:0612345678">06 12 34 56 78</a></p>', 'NL', '+31612345678'],
    ['written internationally', '<p>+33 1 43 31 80 49</p>', 'FR', '+33143318049'],
    ['in French grouping', '<p>Appelez le 01 43 31 80 49</p>', 'FR', '+33143318049'],
  ])('keeps a number of short groups %s', (_name, html, country, e164) => {
    expect(readable(html, { country }).phones).toEqual([e164]);
  });

  it('never makes a phone of short groups a label calls something else', () => {
    expect(readable('<p>Art.nr.: 020 12 34 56</p>').phones).toEqual([]);
  });
});
