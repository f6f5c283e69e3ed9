import type { Outcome } from '../rules/types.js';
import { encodeCloudflareEmail } from './cloudflare-email.js';
import { renderSamplePage, type SamplePage, type SampleShopLayout } from './page-layout.js';

export type DemoMode = 'static' | 'browser' | 'auto';

/** What a sample shop was designed to get: the headline verdict and a few telling rules, per mode where it differs. */
export interface DesignedOutcome {
  headline: Outcome;
  rules: Record<string, Outcome>;
  /** The best grade the shop may get (a failed rule of level law caps it at C). */
  gradeAtBest?: 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
}

export interface SampleShop {
  slug: string;
  name: string;
  group: string;
  /** What the shop shows; `null` for the unreachable entry. */
  pages: Record<string, string> | null;
  design: string;
  expected: Record<DemoMode, DesignedOutcome | 'not-rated'>;
}

const NAV_DEFAULT: Array<[string, string]> = [
  ['Home', '/'],
  ['Producten', '/producten'],
  ['Over ons', '/over-ons'],
];

const PRODUCTS: SamplePage = {
  title: 'Producten',
  main: '<ul><li>Theepot, € 24,95</li><li>Mok (set van 4), € 19,50</li><li>Artikelnummer 8712345678906</li></ul>',
};

function site(layout: SampleShopLayout, pages: Record<string, SamplePage>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(pages).map(([path, page]) => [path, renderSamplePage(layout, page)]),
  );
}

function same(outcome: DesignedOutcome): Record<DemoMode, DesignedOutcome> {
  return { static: outcome, browser: outcome, auto: outcome };
}

const exemplary = (): SampleShop => {
  const layout: SampleShopLayout = {
    name: 'Voorbeeldwinkel',
    nav: [...NAV_DEFAULT, ['Klantenservice', '/klantenservice'], ['Contact', '/contact']],
    footer:
      '<p>Klantenservice: <a href="tel:+31207945632">020 794 5632</a> · <a href="mailto:service@voorbeeldwinkel.nl">service@voorbeeldwinkel.nl</a></p>' +
      '<p>Voorbeeldwinkel B.V. · Keizersgracht 100, 1015 AA Amsterdam · KvK 12345678 · BTW NL123456789B01 · ' +
      '<a href="/algemene-voorwaarden">Algemene voorwaarden</a> · <a href="/privacy">Privacy</a></p>',
  };
  return {
    slug: 'exemplary',
    name: 'Voorbeeldwinkel',
    group: 'compliant',
    design: 'phone and e-mail as text in every footer and on a contact page one click from home',
    pages: site(layout, {
      '/': { title: 'Welkom', main: '<p>Mooie spullen voor in huis. Open ma–vr 9.00-18.00.</p>' },
      '/producten': PRODUCTS,
      '/over-ons': { title: 'Over ons', main: '<p>Sinds 1998 uw winkel voor servies.</p>' },
      '/klantenservice': {
        title: 'Klantenservice',
        main: '<p>Vragen? Bel of mail ons, of kijk bij <a href="/contact">contact</a>.</p>',
      },
      '/contact': {
        title: 'Contact',
        main: '<p>Telefoon: <a href="tel:+31207945632">020 794 5632</a> (ma–vr 9.00–18.00)</p><p>E-mail: <a href="mailto:service@voorbeeldwinkel.nl">service@voorbeeldwinkel.nl</a></p><p>Keizersgracht 100<br>1015 AA Amsterdam</p>',
      },
      '/algemene-voorwaarden': {
        title: 'Algemene voorwaarden',
        main:
          '<p>Artikel 1. Deze voorwaarden gelden voor elke bestelling.</p>' +
          '<h2>Artikel 6 – Herroepingsrecht</h2><p>U kunt de overeenkomst binnen 14 dagen zonder opgave van redenen ontbinden. ' +
          'Meld dit telefonisch op 020 794 5632 of per e-mail aan service@voorbeeldwinkel.nl.</p>',
      },
      '/privacy': {
        title: 'Privacyverklaring',
        main: '<p>Wij bewaren uw gegevens niet langer dan nodig.</p>',
      },
    }),
    expected: same({
      headline: 'pass',
      rules: {
        'phone-in-withdrawal-info': 'pass',
        'geographic-address-present': 'pass',
        'trader-identity-present': 'pass',
        'registry-and-vat-present': 'pass',
        'phone-present': 'pass',
        'email-present': 'pass',
        'contact-within-two-clicks': 'pass',
        'contact-not-only-in-terms': 'pass',
        'phone-not-premium-rate': 'pass',
      },
    }),
  };
};

const termsOnly = (): SampleShop => {
  const layout: SampleShopLayout = {
    name: 'Voorwaardenwinkel',
    nav: NAV_DEFAULT,
    footer:
      '<p>© Voorwaardenwinkel · <a href="/algemene-voorwaarden">Algemene voorwaarden</a> · <a href="/privacy">Privacy</a></p>',
  };
  return {
    slug: 'terms-only',
    name: 'Voorwaardenwinkel',
    group: 'legal-pages-only',
    design: 'phone and e-mail only inside the terms and conditions',
    pages: site(layout, {
      '/': { title: 'Welkom', main: '<p>De beste lampen van Nederland.</p>' },
      '/producten': PRODUCTS,
      '/over-ons': { title: 'Over ons', main: '<p>Een familiebedrijf uit Rotterdam.</p>' },
      '/algemene-voorwaarden': {
        title: 'Algemene voorwaarden',
        main: '<h2>Artikel 2 – Identiteit van de ondernemer</h2><p>Voorwaardenwinkel B.V., Coolsingel 1, 3011 AD Rotterdam. Telefoon: 010 412 3456. E-mail: klantenservice@voorwaardenwinkel.nl. KvK 87654321.</p>',
      },
      '/privacy': { title: 'Privacyverklaring', main: '<p>Wij delen uw gegevens met niemand.</p>' },
    }),
    expected: same({
      headline: 'fail',
      rules: { 'phone-present': 'pass', 'email-present': 'pass', 'contact-not-only-in-terms': 'fail' },
    }),
  };
};

const chatOnly = (): SampleShop => {
  const layout: SampleShopLayout = {
    name: 'Chatwinkel',
    nav: [...NAV_DEFAULT, ['Contact', '/contact']],
    footer: '<p>Vragen? Gebruik de chat rechtsonder of ons <a href="/contact">contactformulier</a>.</p>',
  };
  const tail = '<script src="https://code.tidio.co/abcdefghijklmnopqrstuvwxyz012345.js" async></script>';
  return {
    slug: 'chat-only',
    name: 'Chatwinkel',
    group: 'chat-only',
    design: 'no phone or e-mail: only a chat widget and a contact form',
    pages: site(layout, {
      '/': { title: 'Welkom', main: '<p>Sneakers voor iedereen.</p>', tail },
      '/producten': { ...PRODUCTS, tail },
      '/over-ons': { title: 'Over ons', main: '<p>Opgericht in 2015.</p>', tail },
      '/contact': {
        title: 'Contact',
        main: '<p>Chat met ons of vul het formulier in.</p><form action="/contact" method="post"><label>Naam <input name="naam"></label><label>E-mailadres <input type="email" name="email"></label><label>Bericht <textarea name="bericht"></textarea></label><button type="submit">Versturen</button></form>',
        tail,
      },
    }),
    expected: same({
      headline: 'fail',
      rules: { 'phone-present': 'fail', 'email-present': 'fail', 'contact-form-not-sole-channel': 'fail' },
    }),
  };
};

const premiumOnly = (): SampleShop => {
  const layout: SampleShopLayout = {
    name: 'Belwinkel',
    nav: [...NAV_DEFAULT, ['Klantenservice', '/klantenservice']],
    footer: '<p>Bel onze klantenservice: 0900 123 4567</p>',
  };
  return {
    slug: 'premium-only',
    name: 'Belwinkel',
    group: 'premium-rate',
    design: 'only a 0900 number, without its price, and no e-mail address',
    pages: site(layout, {
      '/': { title: 'Welkom', main: '<p>Alles voor de tuin.</p>' },
      '/producten': PRODUCTS,
      '/over-ons': { title: 'Over ons', main: '<p>Tuinplezier sinds 2001.</p>' },
      '/klantenservice': {
        title: 'Klantenservice',
        main: '<p>Onze medewerkers staan voor u klaar op 0900 123 4567.</p>',
      },
    }),
    expected: same({
      headline: 'fail',
      rules: {
        'phone-present': 'pass',
        'phone-not-premium-rate': 'fail',
        'phone-cost-disclosed': 'fail',
        'email-present': 'fail',
      },
      gradeAtBest: 'C',
    }),
  };
};

const premiumPriced = (): SampleShop => {
  const line =
    'Klantenservice: 0900 234 5678 (€ 0,80 per minuut) · <a href="mailto:vragen@tariefwinkel.nl">vragen@tariefwinkel.nl</a>';
  const layout: SampleShopLayout = {
    name: 'Tariefwinkel',
    nav: [...NAV_DEFAULT, ['Contact', '/contact']],
    footer:
      `<p>${line}</p>` +
      '<p>Tariefwinkel B.V. · Stationsplein 5, 3511 ED Utrecht · KvK 23456789 · BTW NL234567890B01</p>',
  };
  return {
    slug: 'premium-priced',
    name: 'Tariefwinkel',
    group: 'premium-rate',
    design:
      'everything in order except that the only phone number is a 0900 number (its price stated beside it): the law caps it at grade C',
    pages: site(layout, {
      '/': { title: 'Welkom', main: '<p>Gereedschap voor vakmensen.</p>' },
      '/producten': PRODUCTS,
      '/over-ons': { title: 'Over ons', main: '<p>Sinds 1975 in Utrecht.</p>' },
      '/contact': {
        title: 'Contact',
        main: '<p>Bel 0900 234 5678 (€ 0,80 per minuut) of mail <a href="mailto:vragen@tariefwinkel.nl">vragen@tariefwinkel.nl</a>.</p><p>Stationsplein 5<br>3511 ED Utrecht</p>',
      },
    }),
    expected: same({
      headline: 'fail',
      rules: {
        'phone-present': 'pass',
        'email-present': 'pass',
        'contact-within-two-clicks': 'pass',
        'phone-not-premium-rate': 'fail',
        'phone-cost-disclosed': 'pass',
      },
      gradeAtBest: 'C',
    }),
  };
};

const revealButton = (): SampleShop => {
  // The number is not in the HTML: the button's own script writes it, as "show number" buttons do.
  const reveal = `<p>Telefoon: <button type="button" id="toon-nummer">Toon telefoonnummer</button><span id="nummer"></span></p>
<script>
document.getElementById('toon-nummer').addEventListener('click', function () {
  document.getElementById('nummer').textContent = ['030', '456', '7890'].join(' ');
  this.remove();
});
</script>`;
  const layout: SampleShopLayout = {
    name: 'Knopwinkel',
    nav: [...NAV_DEFAULT, ['Klantenservice', '/klantenservice']],
    footer: '<p>E-mail: <a href="mailto:hallo@knopwinkel.nl">hallo@knopwinkel.nl</a></p>',
  };
  const withoutBrowser: DesignedOutcome = {
    headline: 'fail',
    rules: { 'phone-present': 'fail', 'contact-without-chat-gate': 'pass' },
  };
  const clicked: DesignedOutcome = {
    headline: 'pass',
    rules: {
      'phone-present': 'pass',
      'contact-reveal-not-required': 'fail',
      'contact-without-chat-gate': 'pass',
    },
  };
  return {
    slug: 'reveal-button',
    name: 'Knopwinkel',
    group: 'reveal-button',
    design:
      'the phone number appears only after a click on "Toon telefoonnummer"; there is no chat, so no chat gate',
    pages: site(layout, {
      '/': { title: 'Welkom', main: '<p>Knopen, garen en band.</p>' },
      '/producten': PRODUCTS,
      '/over-ons': { title: 'Over ons', main: '<p>Een fourniturenwinkel uit Zwolle.</p>' },
      '/klantenservice': { title: 'Klantenservice', main: reveal },
    }),
    expected: { static: withoutBrowser, browser: clicked, auto: clicked },
  };
};

const obfuscated = (): SampleShop => {
  const address = 'info@verstopwinkel.nl';
  const layout: SampleShopLayout = {
    name: 'Verstopwinkel',
    nav: [...NAV_DEFAULT, ['Contact', '/contact']],
    footer: `<p>Mail ons: <a href="/cdn-cgi/l/email-protection#${encodeCloudflareEmail(address)}" class="__cf_email__" data-cfemail="${encodeCloudflareEmail(address)}">[email&#160;protected]</a></p>`,
  };
  return {
    slug: 'obfuscated',
    name: 'Verstopwinkel',
    group: 'obfuscated-email',
    design: 'e-mail only obfuscated ([at]/[dot] and Cloudflare), no phone number',
    pages: site(layout, {
      '/': { title: 'Welkom', main: '<p>Tweedehands boeken.</p>' },
      '/producten': PRODUCTS,
      '/over-ons': { title: 'Over ons', main: '<p>Een boekhandel in Leiden.</p>' },
      '/contact': { title: 'Contact', main: '<p>Schrijf ons: info [at] verstopwinkel [dot] nl</p>' },
    }),
    expected: same({ headline: 'fail', rules: { 'email-present': 'pass', 'phone-present': 'fail' } }),
  };
};

const deep = (): SampleShop => {
  const layout: SampleShopLayout = {
    name: 'Dieptewinkel',
    nav: [...NAV_DEFAULT, ['Service', '/service']],
    footer: '<p>© Dieptewinkel</p>',
  };
  return {
    slug: 'deep',
    name: 'Dieptewinkel',
    group: 'hard-to-find',
    design: 'phone and e-mail only on a page three clicks from home',
    pages: site(layout, {
      '/': { title: 'Welkom', main: '<p>Fietsonderdelen.</p>' },
      '/producten': PRODUCTS,
      '/over-ons': { title: 'Over ons', main: '<p>Wij sleutelen al 30 jaar.</p>' },
      '/service': {
        title: 'Service',
        main: '<p>Alles over bestellen en bezorgen. Meer in <a href="/service/hulp">hulp en informatie</a>.</p>',
      },
      '/service/hulp': {
        title: 'Hulp en informatie',
        main: '<p>Staat uw vraag er niet tussen? Bekijk onze <a href="/service/hulp/contactgegevens">contactgegevens</a>.</p>',
      },
      '/service/hulp/contactgegevens': {
        title: 'Contactgegevens',
        main: '<p>Telefoon: 030 230 1234</p><p>E-mail: <a href="mailto:vragen@dieptewinkel.nl">vragen@dieptewinkel.nl</a></p>',
      },
    }),
    expected: same({
      headline: 'fail',
      rules: { 'phone-present': 'pass', 'email-present': 'pass', 'contact-within-two-clicks': 'fail' },
    }),
  };
};

const scripted = (): SampleShop => {
  // The digits and the address never stand together in the HTML: only running the script shows them.
  const writer = `<script>
(function () {
  var parts = ['070', '345', '6789'];
  var user = ['kl', 'ant'].join('');
  var host = ['scriptwinkel', 'nl'].join('.');
  var el = document.getElementById('contact-line');
  el.innerHTML = 'Klantenservice: <a href="tel:+31' + parts.join('').slice(1) + '">' + parts.join(' ') + '</a> · <a href="mailto:' + user + '@' + host + '">' + user + '@' + host + '</a>';
})();
</script>`;
  const layout: SampleShopLayout = {
    name: 'Scriptwinkel',
    nav: [...NAV_DEFAULT, ['Contact', '/contact']],
    footer: `<p id="contact-line"></p>${writer}`,
  };
  const notRendered: DesignedOutcome = {
    headline: 'fail',
    rules: { 'phone-present': 'fail', 'email-present': 'fail' },
  };
  const rendered: DesignedOutcome = {
    headline: 'pass',
    rules: { 'phone-present': 'pass', 'email-present': 'pass' },
  };
  return {
    slug: 'scripted',
    name: 'Scriptwinkel',
    group: 'script-written',
    design: "phone and e-mail written into every footer by the page's own script",
    pages: site(layout, {
      '/': { title: 'Welkom', main: '<p>Speelgoed van hout.</p>' },
      '/producten': PRODUCTS,
      '/over-ons': { title: 'Over ons', main: '<p>Gemaakt in Den Haag.</p>' },
      '/contact': { title: 'Contact', main: '<p>Onze gegevens staan onderaan elke pagina.</p>' },
    }),
    expected: { static: notRendered, browser: rendered, auto: rendered },
  };
};

const nothing = (): SampleShop => {
  const layout: SampleShopLayout = {
    name: 'Stillewinkel',
    nav: NAV_DEFAULT,
    footer: '<p>© Stillewinkel</p>',
  };
  return {
    slug: 'nothing',
    name: 'Stillewinkel',
    group: 'no-contact',
    design: 'no contact details anywhere',
    pages: site(layout, {
      '/': { title: 'Welkom', main: '<p>Kaarsen en geurstokjes.</p>' },
      '/producten': PRODUCTS,
      '/over-ons': { title: 'Over ons', main: '<p>Wij houden van rust.</p>' },
    }),
    expected: same({ headline: 'fail', rules: { 'phone-present': 'fail', 'email-present': 'fail' } }),
  };
};

const unreachable = (): SampleShop => ({
  slug: 'unreachable',
  name: 'Offlinewinkel',
  group: 'unreachable',
  design: 'the server does not answer: the shop is recorded as not rated, never as 0',
  pages: null,
  expected: { static: 'not-rated', browser: 'not-rated', auto: 'not-rated' },
});

export function sampleShops(): SampleShop[] {
  return [
    exemplary(),
    termsOnly(),
    chatOnly(),
    premiumOnly(),
    premiumPriced(),
    revealButton(),
    obfuscated(),
    deep(),
    scripted(),
    nothing(),
    unreachable(),
  ];
}
