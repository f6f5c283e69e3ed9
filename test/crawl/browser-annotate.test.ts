import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotateVisibility, annotateVisibilityCounted } from '../../src/crawl/browser/browser-annotate.js';
import { launchBrowser } from '../../src/crawl/browser/browser-launch.js';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = (await launchBrowser()).browser;
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
});
afterAll(async () => {
  await browser?.close();
});

const FIXTURE = `<!doctype html><html><head><style>
  .sr-only { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); }
  .acc { height:0; overflow:hidden; }
</style></head><body>
  <header><a id="contact" href="/contact">Contact</a><p id="phone">Bel 020 123 4567</p></header>
  <div id="none" style="display:none"><div><p id="deep">mail info@shop.nl</p></div></div>
  <p id="invisible" style="visibility:hidden">invisible</p>
  <p id="transparent" style="opacity:0">transparent</p>
  <span id="sronly" class="sr-only">screen reader text</span>
  <div class="acc"><p id="accordion">collapsed answer</p></div>
  <p id="offscreen" style="position:absolute; left:-9999px">off screen</p>
  <div style="height:2000px"></div>
  <footer><p id="footer">Footer 030 765 4321</p></footer>
  <div id="wrapper"><div><span id="nested">text</span></div></div>
</body></html>`;

describe('annotateVisibility', () => {
  it('marks the document, hidden elements with their hidden ancestors, and below-fold elements', async () => {
    await page.setContent(FIXTURE);
    await annotateVisibility(page);
    const attrs = await page.evaluate(() => {
      const out: Record<string, { hidden: boolean; below: boolean }> = {};
      for (const el of Array.from(document.querySelectorAll('[id]'))) {
        out[el.id] = {
          hidden: el.hasAttribute('data-sr-hidden'),
          below: el.hasAttribute('data-sr-below-fold'),
        };
      }
      return { out, rendered: document.documentElement.getAttribute('data-sr-rendered') };
    });
    expect(attrs.rendered).toBe('1');
    expect(attrs.out.contact).toEqual({ hidden: false, below: false });
    expect(attrs.out.phone).toEqual({ hidden: false, below: false });
    for (const id of ['deep', 'none', 'invisible', 'transparent', 'sronly', 'accordion', 'offscreen']) {
      expect(attrs.out[id].hidden, id).toBe(true);
    }
    expect(attrs.out.footer).toEqual({ hidden: false, below: true });
    // Elements without their own text are not judged, so wrappers stay unmarked.
    expect(attrs.out.wrapper).toEqual({ hidden: false, below: false });
  });

  it('replaces earlier marks when called again after the page changed', async () => {
    await page.setContent('<body><p id="x" style="display:none">020 123 4567</p></body>');
    await annotateVisibility(page);
    expect(await page.getAttribute('#x', 'data-sr-hidden')).toBe('1');
    await page.evaluate(() => {
      (document.getElementById('x') as HTMLElement).style.display = 'block';
    });
    await annotateVisibility(page);
    expect(await page.getAttribute('#x', 'data-sr-hidden')).toBeNull();
  });

  it('stays cheap on a large page', async () => {
    const rows = Array.from(
      { length: 3000 },
      (_, i) => `<div class="r"><span>item ${i}</span><a href="/p/${i}">link</a></div>`,
    );
    await page.setContent(`<body>${rows.join('')}</body>`);
    const html = await page.content();
    expect(html.length).toBeGreaterThan(100_000);
    const started = performance.now();
    const counts = await annotateVisibilityCounted(page);
    const elapsed = performance.now() - started;
    expect(counts.judged).toBe(6000);
    expect(counts.belowFold).toBeGreaterThan(5000);
    expect(elapsed).toBeLessThan(2000);
  });
});

describe('the boxes of contact candidates', () => {
  const boxOf = async (selector: string) => {
    const value = await page.getAttribute(selector, 'data-sr-box');
    expect(value, selector).toBeTruthy();
    const [x, y, w, h] = (value as string).split(',').map(Number);
    return { x, y, w, h };
  };

  it('frame the matched text, not the full-width block it stands in', async () => {
    await page.setContent(`<body style="margin:0">
      <p id="wide" style="width:1200px;margin:0;text-align:right">Bel ons gerust op 020 123 4567</p>
      <a id="block" href="tel:+31201234567" style="display:block;width:1200px">030 765 4321</a>
      <p id="mail" style="width:1200px">Of mail naar info@winkel.example als het kan</p>
      <p id="split" style="width:1200px"><span>040</span> <span>123 45 67</span></p>
    </body>`);
    await annotateVisibility(page);
    const wide = await boxOf('#wide');
    // Right-aligned: the number stands at the far right of a 1200 px paragraph.
    expect(wide.w).toBeLessThan(200);
    expect(wide.x + wide.w).toBeGreaterThan(1100);
    const block = await boxOf('#block');
    expect(block.w).toBeLessThan(200);
    const mail = await boxOf('#mail');
    expect(mail.w).toBeLessThan(300);
    expect(mail.x).toBeGreaterThan(50);
    const split = await boxOf('#split');
    expect(split.w).toBeLessThan(200);
  });

  it('keep the element box where the text cannot be measured (an icon-only link)', async () => {
    await page.setContent(
      '<body><a id="icon" href="tel:+31201234567" style="display:inline-block;width:40px;height:40px;background:#333"></a></body>',
    );
    await annotateVisibility(page);
    expect(await boxOf('#icon')).toMatchObject({ w: 40, h: 40 });
  });
});

describe('a Cloudflare-protected address', () => {
  it('is boxed although its text shows no address', async () => {
    await page.setContent(
      '<body><p>Mail: <span id="cf" class="__cf_email__" data-cfemail="5a33343c35">[email&#160;protected]</span></p></body>',
    );
    await annotateVisibility(page);
    const box = await page.getAttribute('#cf', 'data-sr-box');
    expect(box).toMatch(/^\d+,\d+,\d+,\d+$/);
  });
});
