import { describe, expect, it } from 'vitest';
import { crawlShop } from '../../src/crawl/index.js';
import { useCrawlTestBed } from './crawl-env.js';
import { page } from './fixture-server.js';
import { target, testOptions } from './options.js';

const { env: crawlEnv, serve } = useCrawlTestBed();
const browserOptions = (overrides = {}) =>
  testOptions({ mode: 'browser', pageTimeoutMs: 3000, mobilePass: false, ...overrides });

const FOOTER = '<main style="height:300px">shop</main><footer><a href="/contact">Klantenservice</a></footer>';

describe('consent banners, browser', () => {
  it('rejects a OneTrust-like banner that leaves the contact link free', async () => {
    const site = await serve({
      '/': page(`<div id="onetrust-banner-sdk" style="position:fixed;top:0;left:0;right:0;height:80px;background:#eee">
          Cookies <button id="onetrust-reject-all-handler" onclick="this.parentNode.remove()">Reject all</button>
          <button onclick="fetch('/accepted')">Accept all</button></div>
        <div style="height:120px"></div>${FOOTER}`),
      '/contact': page('<p>020 123 4567</p>'),
    });
    const result = await crawlShop(target(site.url('/')), browserOptions({ maxPages: 2 }), crawlEnv());
    expect(result.status).toBe('ok');
    expect(result.consent).toMatchObject({
      platform: 'OneTrust',
      action: 'rejected',
      coveredContactLink: false,
      blocking: false,
      wall: false,
    });
    expect(result.pages.map((p) => new URL(p.finalUrl).pathname)).toEqual(['/', '/contact']);
    expect(site.count('/accepted')).toBe(0);
  });

  it('finds a banner that a custom element renders in its shadow root', async () => {
    const site = await serve({
      '/': page(`${FOOTER}<consent-box></consent-box>
        <script>customElements.define('consent-box', class extends HTMLElement {
          connectedCallback() {
            const root = this.attachShadow({ mode: 'open' });
            root.innerHTML = '<div class="cookie-banner" role="dialog" style="position:fixed;bottom:0;left:0;right:0;background:#eee">Cookies ' +
              '<button id="deny">Weigeren</button> <button>Accepteren</button></div>';
            root.getElementById('deny').onclick = () => root.firstElementChild.remove();
          }
        });</script>`),
    });
    const result = await crawlShop(target(site.url('/')), browserOptions({ maxPages: 1 }), crawlEnv());
    expect(result.status).toBe('ok');
    expect(result.consent).toMatchObject({ platform: 'generic', action: 'rejected' });
  });

  it('records that a bottom banner covered the contact link before rejecting it', async () => {
    const site = await serve({
      // The footer link sits near y=720 of an 800 px viewport, under the 260 px banner.
      '/': page(`<main style="height:700px">shop</main><footer><a href="/contact">Klantenservice</a></footer>
        <div class="cookie-notice" role="dialog" style="position:fixed;left:0;right:0;bottom:0;height:260px;background:#333;color:#fff">
          We use cookies <button onclick="this.parentNode.remove()">Alleen noodzakelijke cookies</button>
          <button>Alles accepteren</button></div>`),
    });
    const result = await crawlShop(target(site.url('/')), browserOptions({ maxPages: 1 }), crawlEnv());
    expect(result.status).toBe('ok');
    expect(result.consent).toMatchObject({
      platform: 'generic',
      action: 'rejected',
      coveredContactLink: true,
    });
  });

  it('gives a wall that only offers "accept" the status consent-wall, and never accepts', async () => {
    const site = await serve({
      '/': page(
        `${FOOTER}<div id="cookie-wall" role="dialog" aria-modal="true"
          style="position:fixed;inset:0;background:rgba(0,0,0,.8);color:#fff;z-index:99">
          <p>Deze site gebruikt cookies.</p>
          <button onclick="fetch('/accepted');this.parentNode.remove();document.documentElement.style.overflow=''">Accepteren</button>
        </div>`,
        '<style>html{overflow:hidden}</style>',
      ),
      '/contact': page('<p>020 123 4567</p>'),
    });
    const result = await crawlShop(target(site.url('/')), browserOptions({ maxPages: 3 }), crawlEnv());
    expect(result.status).toBe('consent-wall');
    expect(result.consent).toMatchObject({
      platform: 'generic',
      action: 'none',
      coveredContactLink: true,
      blocking: true,
      wall: true,
    });
    expect(result.errors.map((e) => e.code)).toContain('CONSENT_WALL');
    expect(result.pages).toHaveLength(1);
    expect(site.count('/accepted')).toBe(0);
    expect(site.count('/contact')).toBe(0);
  });

  it('does not take a fixed app shell with a small accept-only cookie bar for a wall', async () => {
    const site = await serve({
      '/': page(`<div style="position:fixed;inset:0;overflow:auto"><header><a href="/">Shop</a></header>
          <main style="height:2000px">products</main><footer><a href="/contact">Contact</a></footer></div>
        <div class="cookie-bar" role="dialog" style="position:fixed;left:0;right:0;bottom:0;height:60px;background:#eee">
          Cookies <button onclick="fetch('/accepted')">OK</button></div>`),
      '/contact': page('<p>020 123 4567</p>'),
    });
    const result = await crawlShop(target(site.url('/')), browserOptions({ maxPages: 2 }), crawlEnv());
    expect(result.status).toBe('ok');
    expect(result.consent).toMatchObject({
      platform: 'generic',
      action: 'none',
      blocking: false,
      wall: false,
    });
    expect(site.count('/accepted')).toBe(0);
  });

  it('closes a blocking banner with its × control instead of calling it a wall', async () => {
    const site = await serve({
      '/': page(`${FOOTER}<div class="consent-modal" style="position:fixed;inset:0;background:#fff">
          Cookies? <button aria-label="Sluiten" onclick="this.parentNode.remove()">×</button>
          <button onclick="fetch('/accepted')">Akkoord</button></div>`),
      '/contact': page('<p>020 123 4567</p>'),
    });
    const result = await crawlShop(target(site.url('/')), browserOptions({ maxPages: 2 }), crawlEnv());
    expect(result.status).toBe('ok');
    expect(result.consent).toMatchObject({
      action: 'none',
      blocking: true,
      wall: false,
      coveredContactLink: true,
    });
    expect(result.pages).toHaveLength(2);
    expect(site.count('/accepted')).toBe(0);
  });
});
