import { describe, expect, it } from 'vitest';
import { extractPage } from '../../src/extract/index.js';
import { extract } from './helpers.js';

const regionOf = (body: string): string | undefined => extract(body).sightings[0]?.region;
const visibleOf = (body: string): unknown => extract(body).sightings[0]?.visible;

describe('regions', () => {
  it.each([
    ['<header><p>Tel 020 123 4567</p></header>', 'header'],
    ['<nav>Tel 020 123 4567</nav>', 'nav'],
    ['<footer>Tel 020 123 4567</footer>', 'footer'],
    ['<aside>Tel 020 123 4567</aside>', 'aside'],
    ['<dialog>Tel 020 123 4567</dialog>', 'dialog'],
    ['<div role="contentinfo">Tel 020 123 4567</div>', 'footer'],
    ['<div role="banner">Tel 020 123 4567</div>', 'header'],
    ['<div id="sidebar"><p>Tel 020 123 4567</p></div>', 'aside'],
    ['<div class="site-footer">Tel 020 123 4567</div>', 'footer'],
    ['<div class="wrapper">Tel 020 123 4567</div>', 'main'],
  ])('%s is %s', (body, region) => {
    expect(regionOf(body)).toBe(region);
  });

  it('the nearest landmark wins over a misleading class name', () => {
    expect(
      regionOf('<header><a class="footer--phone-link" href="tel:0201234567">020 123 4567</a></header>'),
    ).toBe('header');
  });

  it('body classes do not make the whole page a region', () => {
    const obs = extractPage(
      {
        url: 'https://s.test/',
        finalUrl: 'https://s.test/',
        fetchedWith: 'static',
        html: '<html><body class="has-sidebar"><p>Tel 020 123 4567</p></body></html>',
      },
      { country: 'NL' },
    );
    expect(obs.sightings[0].region).toBe('main');
  });

  it('a modal inside the main content is a dialog', () => {
    expect(regionOf('<main><div class="modal"><p>Tel 020 123 4567</p></div></main>')).toBe('dialog');
  });
});

describe('visibility in static mode', () => {
  it.each([
    ['<p hidden>Tel 020 123 4567</p>', false],
    ['<p style="display:none">Tel 020 123 4567</p>', false],
    ['<p style="color:red; visibility: hidden">Tel 020 123 4567</p>', false],
    ['<p aria-hidden="true">Tel 020 123 4567</p>', false],
    ['<template><p>Tel 020 123 4567</p></template>', false],
    ['<noscript><p>Tel 020 123 4567</p></noscript>', false],
    ['<!-- Tel 020 123 4567 -->', false],
    ['<p>Tel 020 123 4567</p>', true],
    ['<p style="display:block">Tel 020 123 4567</p>', true],
  ])('%s → %s', (body, visible) => {
    expect(visibleOf(body)).toBe(visible);
  });

  it('a number only in an image alt is an image hint, not readable text', () => {
    const s = extract('<img alt="Customer Helpline - 0113 244 1345" src="b.jpg">', { country: 'GB' })
      .sightings[0];
    expect(s).toMatchObject({ presentation: 'image-hint', visible: 'unknown' });
  });
});

describe('browser-mode input', () => {
  const rendered = (body: string) =>
    extractPage(
      {
        url: 'https://s.test/c',
        finalUrl: 'https://s.test/c',
        fetchedWith: 'browser',
        html: `<html data-sr-rendered="1"><body>${body}</body></html>`,
        afterInteraction: 'click "Contact"',
      },
      { country: 'NL' },
    );

  it('uses the browser marks for visibility and the fold', () => {
    const obs = rendered(
      '<p>Tel 020 123 4567</p><p data-sr-hidden="1">Tel 020 765 4321</p><div data-sr-below-fold="1"><p>Tel 030 123 4567</p></div><p aria-hidden="true">Tel 040 123 4567</p>',
    );
    expect(obs.sightings.map((s) => [s.value, s.visible, s.aboveFold])).toEqual([
      ['+31201234567', true, true],
      ['+31207654321', false, true],
      ['+31301234567', true, false],
      ['+31401234567', true, true],
    ]);
    expect(obs.sightings.every((s) => s.afterInteraction === 'click "Contact"')).toBe(true);
  });

  it('does not decode scripts again once the page ran them', () => {
    const obs = rendered(
      `<script>var addy1 = 'a' + '&#64;'; addy1 = addy1 + 'b' + '&#46;' + 'nl';</script><a href="mailto:a@b.nl">a@b.nl</a>`,
    );
    expect(obs.sightings.map((s) => s.presentation)).toEqual(['mailto-link']);
  });
});

describe('structured data', () => {
  it('reads JSON-LD and microdata as structured-data sightings that are not visible', () => {
    const obs =
      extract(`<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"Organization","telephone":"+31 20 123 4567","faxNumber":"020 765 4321","email":"mailto:info@shop.nl"}]}</script>
      <div itemscope itemtype="https://schema.org/Store"><meta itemprop="telephone" content="030 123 4567"></div>`);
    expect(obs.sightings.map((s) => [s.kind, s.value, s.region, s.visible, s.label])).toEqual([
      ['phone', '+31201234567', 'structured-data', false, 'phone'],
      ['phone', '+31207654321', 'structured-data', false, 'fax'],
      ['email', 'info@shop.nl', 'structured-data', false, undefined],
      ['phone', '+31301234567', 'structured-data', false, 'phone'],
    ]);
  });
});

describe('class words that are also object properties', () => {
  it('a class named "constructor" or "toString" is no region', () => {
    const { sightings } = extract('<div class="constructor toString"><p>Bel 020 794 5632</p></div>');
    expect(sightings[0]?.region).toBe('main');
  });
});
