import { describe, expect, it } from 'vitest';
import { readable } from './helpers.js';

/** A product page of a made-up US shoe shop: sizes, article numbers, EAN, stock, prices, years. */
const PRODUCT_PAGE = `
<header><a href="/">Example Shoe Co.</a></header>
<main>
  <h1>Trail Runner</h1>
  <p>Sizes: 6 7 8 9 10 11 12</p>
  <ul><li>Wide: 5 6 7 8 9 10 11 12 13</li><li>Kids 10/12 12/14 16/18</li></ul>
  <p>Article 212 55 50 19 9</p>
  <p>EAN 0012345678905</p>
  <p>In stock: 8 8 8 8 8</p>
  <p>Collection 2019 2020 2021 2022</p>
  <p>Was 89 95 now 69 95</p>
</main>
<footer><p>Customer service: (415) 555-0132</p></footer>`;

describe('product data is no phone number', () => {
  it('reads sizes, article numbers, EANs, stock counts, years and prices as nothing, and keeps the labelled phone', () => {
    expect(readable(PRODUCT_PAGE, { country: 'US' }).phones).toEqual(['+14155550132']);
  });

  it('leaves a run of short groups alone on a German and a French page too', () => {
    expect(readable('<p>Größen: 36 38 40 42 44</p>', { country: 'DE' }).phones).toEqual([]);
    expect(readable('<p>Pointures : 36 38 40 42 44</p>', { country: 'FR' }).phones).toEqual([]);
  });

  it('leaves digit runs of a script-like text and European sizes alone on a Chinese page', () => {
    expect(readable('<p>chunks 10 10 10 10 12 12 12 12</p>', { country: 'CN' }).phones).toEqual([]);
    expect(readable('<p>Sizes: 36 37 38 39 40 41 42 43</p>', { country: 'CN' }).phones).toEqual([]);
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
