import type { Browser } from 'playwright';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser } from '../../src/crawl/browser-launch.js';
import { readRenderedPage } from '../../src/crawl/browser-read.js';
import { extractLinks, resolveLinks } from '../../src/crawl/link-extract.js';
import { FixtureSite, page } from './fixture-server.js';

const LINKS = page(`<header><base href="/winkel/">
  <nav><a href="contact">Contact</a> <a href="/over-ons#team">  Over
    ons </a> <a href="#top">Boven</a> <a href="mailto:info@example.nl">Mail</a></nav></header>
  <main><a href="/hidden" style="display:none">Verborgen</a>
  <div style="display:none"><a href="/hidden-too">Ook verborgen</a></div>
  <a href="/logo"><img src="data:," alt="Logo van de winkel"></a>
  <a href="/icon" aria-label="Klantenservice"><svg width="10" height="10"></svg></a>
  <a href="/titled" title="Retourneren"></a>
  <a href="https://elders.example/page">Elders</a>
  <map name="m"><area href="/kaart" alt="Kaart" shape="rect" coords="0,0,10,10"></map><img usemap="#m" src="data:," width="10" height="10">
  <p id="late"></p></main>
  <script>document.getElementById('late').innerHTML = '<a href="/geschreven">Door script geschreven</a>';</script>`);

let browser: Browser;
let site: FixtureSite;
beforeAll(async () => {
  browser = (await launchBrowser()).browser;
  site = await new FixtureSite({ '/winkel/': LINKS }).start();
});
afterAll(async () => {
  await site?.stop();
  await browser?.close();
});

it('reports the visible links the way extractLinks reads them from the rendered HTML', async () => {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const url = site.url('/winkel/');
  await tab.goto(url);
  const read = await readRenderedPage(tab);
  await context.close();
  const reported = resolveLinks(read.links, url, url);
  // The same links, labels and regions as the static reader; only the page can measure boxes.
  const unboxed = reported.map(({ box: _box, ...link }) => link);
  expect(unboxed).toEqual(extractLinks(read.html, url, true));
  expect(reported.filter((link) => link.box).map((link) => link.text)).toEqual(
    expect.arrayContaining(['Contact', 'Over ons', 'Logo van de winkel', 'Door script geschreven']),
  );
  expect(unboxed).toEqual([
    { url: site.url('/winkel/contact'), text: 'Contact', region: 'nav' },
    { url: site.url('/over-ons'), text: 'Over ons', region: 'nav' },
    { url: site.url('/logo'), text: 'Logo van de winkel' },
    { url: site.url('/icon'), text: 'Klantenservice' },
    { url: site.url('/titled'), text: 'Retourneren' },
    { url: 'https://elders.example/page', text: 'Elders' },
    { url: site.url('/kaart'), text: '' },
    { url: site.url('/geschreven'), text: 'Door script geschreven' },
  ]);
});

it('reads the same over a DevTools session as through Playwright, on every page a tab navigates to', async () => {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  for (const path of ['/winkel/', '/winkel/']) {
    await tab.goto(site.url(path));
    const overCdp = await readRenderedPage(tab, cdp);
    const throughPlaywright = await readRenderedPage(tab);
    expect(overCdp.links).toEqual(throughPlaywright.links);
    expect(overCdp.revealable).toBe(throughPlaywright.revealable);
    // The page was annotated once more in between: the same marks, on the same elements.
    expect(overCdp.html).toEqual(throughPlaywright.html);
    expect(overCdp.html).toContain('data-sr-hidden');
  }
  // A page that breaks the script gives an error, not an empty reading.
  await tab.setContent(
    '<p>x</p><script>document.querySelectorAll = () => { throw new Error("no queries here"); };</script>',
  );
  await expect(readRenderedPage(tab, cdp)).rejects.toThrow(
    /reading the rendered page failed.*no queries here/,
  );
  await context.close();
});
