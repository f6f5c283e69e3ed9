import { describe, expect, it } from 'vitest';
import { extractLinks, type FoundLink, linksInDocument } from '../../src/crawl/discovery/link-extract.js';
import { parseHtml } from '../../src/extract/index.js';

type LinkReader = (html: string, pageUrl: string, visibleOnly: boolean) => FoundLink[];

// The crawl reads links either itself (one streaming pass) or from the extraction thread's parse:
// both must give the same links, labels and order.
const READERS: Array<[string, LinkReader]> = [
  ['extractLinks (streaming, no DOM)', extractLinks],
  [
    'linksInDocument (the extraction parse)',
    (html, url, visible) => linksInDocument(parseHtml(html), url, visible),
  ],
];

const PAGE = 'https://shop.test/dir/page?x=1#here';

describe.each(READERS)('%s', (_name, extractLinks) => {
  it('resolves hrefs against the page, drops fragments, self links and non-http schemes', () => {
    const html = `<a href="/contact">Contact</a> <a href="klantenservice#faq">Klantenservice</a>
      <a href="#top">top</a> <a href="?x=1#other">self</a> <a href="mailto:info@shop.test">mail</a>
      <a href="tel:+31201234567">bel</a> <a href="javascript:void(0)">x</a> <a href="">leeg</a> <a>no href</a>
      <a href="http://[bad">broken</a> <area href="/map" alt="Kaart">`;
    expect(extractLinks(html, PAGE, false)).toEqual([
      { url: 'https://shop.test/contact', text: 'Contact' },
      { url: 'https://shop.test/dir/klantenservice', text: 'Klantenservice' },
      { url: 'https://shop.test/map', text: '' },
    ]);
  });

  it('keeps every link to an href that repeats, each with its own label, and cuts only the fragment', () => {
    const html = `<a href="/x#a">A</a><a href="/x#b">B</a><a href="/x">C</a><a href=" /x ">D</a>
      <a href="/p?q=%23#frag">P</a><a href="/p?q=#">Q</a><a href="#top">top</a><a href="#top">top</a>`;
    expect(extractLinks(html, PAGE, false)).toEqual([
      { url: 'https://shop.test/x', text: 'A' },
      { url: 'https://shop.test/x', text: 'B' },
      { url: 'https://shop.test/x', text: 'C' },
      { url: 'https://shop.test/x', text: 'D' },
      { url: 'https://shop.test/p?q=%23', text: 'P' },
      { url: 'https://shop.test/p?q=', text: 'Q' },
    ]);
  });

  it('uses the first <base href>, even when it comes after a link', () => {
    const html = `<a href="contact">Contact</a><base href="https://cdn.shop.test/nl/"><base href="/ignored/">`;
    expect(extractLinks(html, PAGE, false)).toEqual([
      { url: 'https://cdn.shop.test/nl/contact', text: 'Contact' },
    ]);
  });

  it('labels a link by its text (entities decoded, whitespace squashed), else aria-label, title, image alt', () => {
    const html = `<a href="/a">  Klant&shy;en&nbsp;service <span>&amp; <b>hulp</b></span> </a>
      <a href="/b" aria-label=" Bel ons " title="t"><i class="icon"></i></a>
      <a href="/c" title="Over ons"></a>
      <a href="/d"><img src="x.png"><img alt=" Logo   Winkel "></a>
      <a href="/e"><!-- Contact --></a>`;
    expect(extractLinks(html, PAGE, false).map((l) => l.text)).toEqual([
      'Klant\u00aden service & hulp',
      'Bel ons',
      'Over ons',
      'Logo Winkel',
      '',
    ]);
  });

  it('reads no link or label text out of raw-text elements (noscript, iframe, title, textarea)', () => {
    const html = `<title><a href="/t">t</a></title><noscript><a href="/ns">Zonder JS</a></noscript>
      <a href="/logo"><noscript><img alt="Logo"></noscript></a><textarea><a href="/ta">x</a></textarea>`;
    expect(extractLinks(html, PAGE, false)).toEqual([{ url: 'https://shop.test/logo', text: 'Logo' }]);
  });

  it('leaves out links inside elements the browser marked hidden, only for rendered pages', () => {
    const html = `<nav data-sr-hidden="1"><ul><li><a href="/verborgen">Verborgen</a></li></ul></nav>
      <p>Unclosed <div><a href="/zichtbaar">Zichtbaar</a></div>
      <a data-sr-hidden="1" href="/self-hidden">Weg</a><br><img src="x"><a href="/na">Na</a>`;
    expect(extractLinks(html, PAGE, true).map((l) => l.url)).toEqual([
      'https://shop.test/zichtbaar',
      'https://shop.test/na',
    ]);
    expect(extractLinks(html, PAGE, false)).toHaveLength(4);
  });

  it('keeps the hidden state scoped to its element when tags are left open or mis-nested', () => {
    const html = `<ul data-sr-hidden="1"><li><a href="/a">A</a><li><a href="/b">B</a></ul>
      <p><span data-sr-hidden="1">x</p><a href="/c">C</a>`;
    expect(extractLinks(html, PAGE, true).map((l) => l.url)).toEqual(['https://shop.test/c']);
  });

  it('stops at 2000 links', () => {
    const html = Array.from({ length: 2100 }, (_, i) => `<a href="/p/${i}">P${i}</a>`).join('');
    const links = extractLinks(html, PAGE, false);
    expect(links).toHaveLength(2000);
    expect(links[1999].url).toBe('https://shop.test/p/1999');
  });
});
