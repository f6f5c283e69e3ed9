import { describe, expect, it } from 'vitest';
import { extract, readable } from './helpers.js';

describe('WhatsApp buttons', () => {
  it('a floating WhatsApp-only button is a whatsapp channel with its number, not a readable phone', () => {
    const html =
      '<main><h1>Welkom</h1></main><a class="wa-float" href="https://wa.me/31612345678?text=Hallo">' +
      '<svg aria-hidden="true"></svg><span class="sr-only">WhatsApp</span></a>';
    const obs = extract(html);
    expect(obs.widgets).toEqual([expect.objectContaining({ kind: 'whatsapp', number: '+31612345678' })]);
    expect(readable(html).phones).toEqual([]);
  });

  it.each([
    ['https://api.whatsapp.com/send?phone=%2B4915112345678&text=Hallo', '+4915112345678'],
    ['https://api.whatsapp.com/send/?text=Hi&phone=33612345678', '+33612345678'],
    ['whatsapp://send?phone=+31612345678', '+31612345678'],
  ])('reads the number of %s', (href, number) => {
    expect(extract(`<a href="${href}">Chat</a>`).widgets[0]?.number).toBe(number);
  });

  it('keeps a channel whose number is not valid, without a number', () => {
    const [widget] = extract('<a href="https://wa.me/1234567">WhatsApp</a>').widgets;
    expect(widget.kind).toBe('whatsapp');
    expect(widget.number).toBeUndefined();
  });
});

describe('withdrawal instructions are part of the terms wherever they stand', () => {
  const RETURNS_PAGE = `
<header><p>Tel 020 111 2222</p></header>
<main>
  <h1>Retourneren</h1>
  <p>Retourneren is gratis binnen 30 dagen.</p>
  <h2>Herroepingsrecht</h2>
  <p>U kunt de overeenkomst binnen 14 dagen ontbinden. Meld dit via 020 123 4567 of herroeping@voorbeeldwinkel.nl.</p>
  <h3>Modelformulier</h3>
  <p>Stuur het formulier naar retour@voorbeeldwinkel.nl.</p>
  <h2>Contact</h2>
  <p>Vragen? Bel 020 765 4321 of mail info@voorbeeldwinkel.nl.</p>
</main>
<footer><p>Mail: footer@voorbeeldwinkel.nl</p></footer>`;

  it('marks the numbers and addresses in the section under a withdrawal heading, with its subsections', () => {
    const obs = extract(RETURNS_PAGE, {}, 'https://shop.test/retourneren');
    const marked = obs.sightings.filter((s) => s.withdrawalSection).map((s) => s.value);
    expect(marked.sort()).toEqual([
      '+31201234567',
      'herroeping@voorbeeldwinkel.nl',
      'retour@voorbeeldwinkel.nl',
    ]);
  });

  it('leaves the header, the footer and the next section of the same level alone', () => {
    const obs = extract(RETURNS_PAGE, {}, 'https://shop.test/retourneren');
    const unmarked = obs.sightings.filter((s) => !s.withdrawalSection).map((s) => s.value);
    expect(unmarked).toEqual(
      expect.arrayContaining([
        '+31201112222',
        '+31207654321',
        'info@voorbeeldwinkel.nl',
        'footer@voorbeeldwinkel.nl',
      ]),
    );
  });

  it.each([
    ['de', 'Widerrufsbelehrung', 'DE', '030 1234567', '+49301234567'],
    ['fr', 'Droit de rétractation', 'FR', '01 43 31 80 49', '+33143318049'],
    ['en', 'Right to cancel', 'GB', '0161 496 0000', '+441614960000'],
  ])('reads the %s heading "%s"', (_lang, heading, country, written, e164) => {
    const html = `<main><h1>${heading}</h1><p>Die Frist beträgt 14 Tage. Widerruf / rétractation / cancel: Tel. ${written}</p></main>`;
    const phone = extract(html, { country }).sightings.find((s) => s.value === e164);
    expect(phone?.withdrawalSection).toBe(true);
  });

  it('does not mark a legal notice (Impressum) that mentions nothing of withdrawal', () => {
    const html = '<main><h1>Impressum</h1><p>Beispiel GmbH, Tel. 030 1234567</p></main>';
    const phone = extract(html, { country: 'DE' }).sightings.find((s) => s.kind === 'phone');
    expect(phone?.value).toBe('+49301234567');
    expect(phone?.withdrawalSection).toBeUndefined();
  });
});
