import { describe, expect, it } from 'vitest';
import { sheetMayHide } from '../../src/extract/css/declarations.js';
import type { SheetText } from '../../src/extract/css/page-styles.js';
import { MAX_SELECTORS } from '../../src/extract/css/style-sheet.js';
import { extractPage } from '../../src/extract/index.js';
import type { PageObservations, Sighting } from '../../src/extract/types.js';

const URL_ = 'https://winkel.test/bestellen';
const SHEET = 'https://winkel.test/assets/theme.css';

function extract(body: string, head = '', sheets: SheetText[] = [], htmlAttrs = ''): PageObservations {
  const html = `<!doctype html><html lang="nl"${htmlAttrs}><head><title>Winkel</title>${head}</head><body>${body}</body></html>`;
  return extractPage(
    { url: URL_, finalUrl: URL_, html, fetchedWith: 'static', stylesheets: sheets },
    { country: 'NL' },
  );
}

const sighting = (obs: PageObservations, value: string): Sighting | undefined =>
  obs.sightings.find((s) => s.value === value);
const visibility = (obs: PageObservations, value: string) => sighting(obs, value)?.visible;

const POPUP = `<p>Bestel vandaag, morgen in huis.</p>
<button class="open-order">Bestellen</button>
<div class="order-popup"><p>Vragen over je bestelling? Mail bestel@winkel.nl</p></div>
<footer><p>Bel ons: 020 123 4567</p></footer>`;

describe("static visibility from the page's own CSS", () => {
  it('hides a pop-up hidden by a class of a <style> block', () => {
    const obs = extract(POPUP, '<style>.order-popup{display:none;position:fixed}</style>');
    expect(visibility(obs, 'bestel@winkel.nl')).toBe(false);
    expect(visibility(obs, '+31201234567')).toBe(true);
  });

  it('hides a pop-up hidden by a class of a linked same-site stylesheet', () => {
    const linked = `<link rel="stylesheet" href="/assets/theme.css">`;
    const withSheet = extract(POPUP, linked, [{ url: SHEET, css: '.order-popup { visibility: hidden }' }]);
    expect(visibility(withSheet, 'bestel@winkel.nl')).toBe(false);
    // The same page without the sheet's text: the class alone decides nothing, but says "maybe hidden".
    const unread = extract(POPUP.replace('order-popup', 'order-modal'), linked, [
      { url: SHEET, unread: 'cross-site' },
    ]);
    expect(visibility(unread, 'bestel@winkel.nl')).toBe('unknown');
    expect(visibility(unread, '+31201234567')).toBe(true);
  });

  it('reads utility classes through their actual rules, not their names', () => {
    const body = '<p class="d-none">Mail info@winkel.nl</p><p class="hidden">Bel 020 123 4567</p>';
    const hiding = extract(body, '<style>.d-none{display:none!important}.hidden{display:none}</style>');
    expect(visibility(hiding, 'info@winkel.nl')).toBe(false);
    expect(visibility(hiding, '+31201234567')).toBe(false);
    // A theme whose `.hidden` means something else (here: nothing that hides) leaves the text visible.
    const other = extract(body, '<style>.d-none{color:red}.hidden{font-weight:bold}</style>');
    expect(visibility(other, 'info@winkel.nl')).toBe(true);
    expect(visibility(other, '+31201234567')).toBe(true);
  });

  it('records a media-query-only hide as the viewport it shows at, not as hidden', () => {
    const obs = extract(
      '<span class="hidden-xs">Bel 020 123 4567</span><span class="visible-xs">Mail m@winkel.nl</span>',
      `<style>@media (max-width: 767px) { .hidden-xs { display: none !important } }
       .visible-xs { display: none } @media screen and (max-width: 767px) { .visible-xs { display: block } }</style>`,
    );
    expect(sighting(obs, '+31201234567')).toMatchObject({ visible: true, shownAt: 'desktop' });
    expect(sighting(obs, 'm@winkel.nl')).toMatchObject({ visible: true, shownAt: 'phone' });
  });

  it('lets a later or stronger rule show what an earlier one hid, and inline style win', () => {
    const obs = extract(
      `<div class="box later">later 020 111 2222</div>
       <div class="box" id="strong">by id 020 333 4444</div>
       <div class="box" style="display:block">inline 020 555 6666</div>
       <div class="shown" style="display:block">important 020 777 8888</div>
       <div hidden class="flex">attribute 020 999 0000</div>`,
      `<style>.box{display:none} .later{display:block} #strong{display:block}
       .shown{display:none !important} .flex{display:flex}</style>`,
    );
    expect(visibility(obs, '+31201112222')).toBe(true);
    expect(visibility(obs, '+31203334444')).toBe(true);
    expect(visibility(obs, '+31205556666')).toBe(true);
    // An !important rule beats an inline style without it.
    expect(visibility(obs, '+31207778888')).toBe(false);
    // An author display rule overrides the `hidden` attribute, as in a browser.
    expect(visibility(obs, '+31209990000')).toBe(true);
  });

  it('counts visually-hidden (sr-only) text, zero-size and off-screen boxes as hidden', () => {
    const obs = extract(
      `<span class="sr-only">Mail a@winkel.nl</span>
       <div class="tiny">Mail b@winkel.nl</div>
       <div class="away">Mail c@winkel.nl</div>
       <div class="fine">Mail d@winkel.nl</div>`,
      `<style>.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);border:0}
       .tiny{width:0;height:0;overflow:hidden} .away{position:absolute;left:-9999px}
       .fine{position:relative;left:-10px}</style>`,
    );
    expect(visibility(obs, 'a@winkel.nl')).toBe(false);
    expect(visibility(obs, 'b@winkel.nl')).toBe(false);
    expect(visibility(obs, 'c@winkel.nl')).toBe(false);
    expect(visibility(obs, 'd@winkel.nl')).toBe(true);
  });

  it('leaves visibility unknown where it depends on the page running its scripts', () => {
    const guard = extract('<p>Mail a@winkel.nl</p>', '<style>html{display:none}</style>');
    expect(visibility(guard, 'a@winkel.nl')).toBe('unknown');
    const noJs = extract(
      '<p class="js-only">Mail b@winkel.nl</p><p v-cloak>Mail c@winkel.nl</p>',
      '<style>.no-js .js-only{display:none} [v-cloak]{display:none}</style>',
      [],
      ' class="no-js"',
    );
    expect(visibility(noJs, 'b@winkel.nl')).toBe('unknown');
    expect(visibility(noJs, 'c@winkel.nl')).toBe('unknown');
  });

  it('ignores styles that apply only on hover, in print, or without scripts', () => {
    const obs = extract(
      '<p class="a">Mail a@winkel.nl</p><p class="b">Mail b@winkel.nl</p><p class="c">Mail c@winkel.nl</p>',
      `<style>.a:hover{display:none} @media print{.b{display:none}}</style><noscript><style>.c{display:none}</style></noscript>`,
    );
    for (const value of ['a@winkel.nl', 'b@winkel.nl', 'c@winkel.nl'])
      expect(visibility(obs, value)).toBe(true);
  });

  it('caps the selectors it keeps from a huge stylesheet, and says so', () => {
    const rules = Array.from({ length: MAX_SELECTORS + 500 }, (_, i) => `.r${i}{display:none}`).join('\n');
    const obs = extract(
      `<p class="r${MAX_SELECTORS + 100}">Mail late@winkel.nl</p><p class="r1">Mail early@winkel.nl</p>`,
      '<link rel="stylesheet" href="/assets/theme.css">',
      [{ url: SHEET, css: rules }],
    );
    expect(visibility(obs, 'early@winkel.nl')).toBe(false);
    expect(visibility(obs, 'late@winkel.nl')).toBe(true);
    expect(obs.limits).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ limit: 'css-selectors', max: MAX_SELECTORS, kept: MAX_SELECTORS }),
      ]),
    );
  });

  it('shows only the summary of a closed <details> at rest, the rest after a click on it', () => {
    const obs = extract(
      '<details><summary>Contact 020 123 4567</summary><p>Mail faq@winkel.nl</p></details><details open><p>Mail open@winkel.nl</p></details>',
    );
    expect(visibility(obs, '+31201234567')).toBe(true);
    expect(sighting(obs, '+31201234567')?.afterInteraction).toBeNull();
    expect(sighting(obs, 'faq@winkel.nl')?.afterInteraction).toBe('a click on its summary');
    expect(sighting(obs, 'open@winkel.nl')?.afterInteraction).toBeNull();
  });
});

describe('hidden by the stylesheet until a visitor acts, or hidden for good', () => {
  const style = (css: string) => `<style>${css}</style>`;

  it('counts an accordion panel a control names as behind a click, not hidden', () => {
    const body = `<button aria-controls="service" aria-expanded="false">Klantenservice</button>
<div id="service" class="panel"><p>Bel 020 123 4567</p></div>`;
    const obs = extract(body, style('.panel{display:none}'));
    const phone = sighting(obs, '+31201234567');
    expect(phone?.visible).toBe(true);
    expect(phone?.afterInteraction).toBe('a control that opens it');
    expect(phone?.revealable).toBeUndefined();
  });

  it('counts a dropdown inside the navigation as behind the menu button', () => {
    const body = `<header><nav><button class="burger">Menu</button>
<div class="overlay"><a href="/contact">Contact</a><span>Bel 020 123 4567</span></div></nav></header>`;
    const phone = sighting(extract(body, style('.overlay{display:none;position:fixed}')), '+31201234567');
    expect(phone?.visible).toBe(true);
    expect(phone?.afterInteraction).toBe('the menu button');
  });

  it('does not count a hover menu or a checkbox switch as hidden', () => {
    const hover = `<ul class="menu"><li class="item">Service<ul class="sub"><li>Mail info@winkel.nl</li></ul></li></ul>`;
    const hovered = extract(hover, style('.menu .sub{display:none}.menu .item:hover .sub{display:block}'));
    expect(visibility(hovered, 'info@winkel.nl')).toBe(true);
    expect(sighting(hovered, 'info@winkel.nl')?.afterInteraction).toBe(
      'a hover, focus or switch on the page',
    );
    const switched = `<input type="checkbox" class="switch"><div class="flyout">Mail info@winkel.nl</div>`;
    const css = '.flyout{display:none}.switch:checked~.flyout{display:block}';
    expect(visibility(extract(switched, style(css)), 'info@winkel.nl')).toBe(true);
  });

  it('counts a closed <details> as behind a click on its summary', () => {
    const obs = extract('<details><summary>Contact</summary><p>Bel 020 123 4567</p></details>');
    expect(visibility(obs, '+31201234567')).toBe(true);
    expect(sighting(obs, '+31201234567')?.afterInteraction).toBe('a click on its summary');
  });

  it('marks a number hidden with nothing on the page that shows it as hidden for good', () => {
    const bySheet = extract(
      '<div class="old-footer"><p>Bel 020 123 4567</p></div>',
      style('.old-footer{display:none}'),
    );
    expect(sighting(bySheet, '+31201234567')).toMatchObject({ visible: false, revealable: false });
    const inline = extract('<div style="display:none"><p>Mail info@winkel.nl</p></div>');
    expect(sighting(inline, 'info@winkel.nl')).toMatchObject({ visible: false, revealable: false });
  });

  it('keeps an inline-hidden block that a control names hidden, for a person to check', () => {
    const body = `<a href="#more">Meer</a><div id="more" style="display:none"><p>Bel 020 123 4567</p></div>`;
    const phone = sighting(extract(body), '+31201234567');
    expect(phone?.visible).toBe(false);
    expect(phone?.revealable).toBeUndefined();
  });

  it('lets a sheet that hides nothing itself undo what another sheet or the markup hides', () => {
    // The second sheet has no rule that hides: it is read only once an element needs it.
    const shows = '.popup.is-open{display:block}.menu:hover .sub{display:block}[hidden].keep{display:flex}';
    const obs = extract(
      `<div class="popup is-open">Mail open@winkel.nl</div>
       <ul class="menu"><li>Service<ul class="sub"><li>Bel 020 123 4567</li></ul></li></ul>
       <p hidden class="keep">Bel 020 765 4321</p>`,
      '<style>.popup{display:none}.sub{display:none}</style><link rel="stylesheet" href="/assets/theme.css">',
      [{ url: SHEET, css: shows }],
    );
    expect(visibility(obs, 'open@winkel.nl')).toBe(true);
    expect(sighting(obs, '+31201234567')?.afterInteraction).toBe('a hover, focus or switch on the page');
    expect(visibility(obs, '+31207654321')).toBe(true);
  });
});

describe('reading whether a sheet can hide without parsing it', () => {
  it('says yes for each way a declaration hides, and no for sheets that only show or style', () => {
    for (const css of [
      '.a{display:none}',
      '.a{color:red;DISPLAY : NONE !important}',
      '.a{visibility:collapse}',
      '.a{transition:opacity .2s;opacity:0}',
      '.a{clip:rect(0 0 0 0);position:absolute}',
      '.a{clip-path:inset(50%)}',
      '.a{text-indent:-9999px}',
      '.a{height:0;overflow:hidden}',
      '@media (max-width:600px){.a{max-height:0}}',
      '.a{display:/* later */none}',
      '@import url(more.css);.a{list-style:none}',
    ])
      expect(sheetMayHide(css), css).toBe(true);
    for (const css of [
      '.a{display:flex;transition:opacity .2s ease-in-out}',
      '.a{opacity:.5;list-style:none;border:none}',
      '.a{line-height:0;padding-top:0;max-width:0}',
      '.a{overflow:hidden;height:40px}',
      '.a{clip-path:inset(10%)}',
    ])
      expect(sheetMayHide(css), css).toBe(false);
  });
});
