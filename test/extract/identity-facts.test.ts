import { describe, expect, it } from 'vitest';
import { legalNames } from '../../src/extract/legal-entity.js';
import { postalAddresses } from '../../src/extract/postal-address.js';
import { registerNumbers } from '../../src/extract/registry-numbers.js';
import type { Fact } from '../../src/extract/types.js';
import { mentionsWithdrawal } from '../../src/extract/withdrawal-info.js';
import { extract } from './helpers.js';

const values = (facts: { kind: string; value: string }[], kind: string): string[] =>
  facts.filter((f) => f.kind === kind).map((f) => f.value);

describe('postal addresses', () => {
  it.each([
    ['Keizersgracht 100, 1015 AA Amsterdam', 'Keizersgracht 100, 1015 AA Amsterdam'],
    ['Keizersgracht 100\n1015AA Amsterdam', 'Keizersgracht 100, 1015 AA Amsterdam'],
    ['Muster GmbH, Hauptstraße 5a, 10115 Berlin', 'Hauptstraße 5a, 10115 Berlin'],
    ['Am alten Markt 12 · D-80331 München', 'Am alten Markt 12, 80331 München'],
    ['Boutique SARL, 12 rue de la Paix, 75002 Paris', '12 rue de la Paix, 75002 Paris'],
    ['Meir 12, 2000 Antwerpen', 'Meir 12, 2000 Antwerpen'],
    ['Acme Ltd, 221B Baker Street, London NW1 6XE', '221B Baker Street, London NW1 6XE'],
  ])('reads %j', (text, expected) => {
    expect(values(postalAddresses(text), 'postal-address')).toEqual([expected]);
  });

  it('tells PO boxes apart from street addresses', () => {
    const found = postalAddresses('Postbus 1234, 1000 BA Amsterdam. Antwoordnummer 567. Postfach 1020');
    expect(values(found, 'postal-address')).toEqual([]);
    expect(values(found, 'po-box')).toEqual([
      'Postbus 1234, 1000 BA Amsterdam',
      'Antwoordnummer 567',
      'Postfach 1020',
    ]);
  });

  it('does not read prices, years, article numbers or opening hours as addresses', () => {
    const text =
      'Open 9.00-18.00. Mok 4 stuks, 2000 Gram. Sinds 1998 Opgericht. Theepot, € 24,95. Artikelnummer 8712345678906. 10 Row Red Stone, Dome Bangle BS10RD';
    expect(postalAddresses(text)).toEqual([]);
  });
});

describe('legal names', () => {
  it.each([
    ['Voorbeeldwinkel B.V. · Keizersgracht 100', 'Voorbeeldwinkel B.V.'],
    ['© 2024 Muster Handel GmbH & Co. KG, Hauptstraße 5', 'Muster Handel GmbH & Co. KG'],
    ['Boutique Exemple SARL au capital de 10 000 €', 'Boutique Exemple S.à r.l.'],
    ['Acme Widgets Ltd is registered in England.', 'Acme Widgets Ltd'],
    ['Wir sind Max Mustermann e.K.', 'Max Mustermann e.K.'],
    ['Van der Berg & Zonen BV', 'Van der Berg & Zonen B.V.'],
    ['Copyright Bol.com b.v.', 'Bol.com B.V.'],
    ['Geschäftsführer der Muster Handel GmbH', 'Muster Handel GmbH'],
  ])('reads %j', (text, expected) => {
    expect(values(legalNames(text), 'legal-name')).toEqual([expected]);
  });

  it('ignores forms without a name and words that only look like forms', () => {
    expect(legalNames('Es gelten unsere AGB. Die AG ist gut. Shop our Limited edition now. SALE!')).toEqual(
      [],
    );
  });
});

describe('register and VAT numbers', () => {
  const found = (text: string) => registerNumbers(text).map((f) => [f.kind, f.value, f.scheme ?? null]);

  it('reads register numbers after their label, with the register named', () => {
    expect(found('KvK 12345678')).toEqual([['registry-number', '12345678', 'kvk']]);
    expect(found('Handelsregister: Amtsgericht München, HRB 123456')).toContainEqual([
      'registry-number',
      'HRB123456',
      'handelsregister',
    ]);
    expect(found('RCS Paris B 123 456 789 – SIRET : 123 456 789 00012')).toEqual([
      ['registry-number', '123456789', 'siren'],
      ['registry-number', '12345678900012', 'siret'],
    ]);
    expect(found('Registered in England and Wales, company number 01234567')).toEqual([
      ['registry-number', '01234567', 'companies-house'],
    ]);
    expect(found('Ondernemingsnummer: BE 0123.456.789')).toContainEqual([
      'registry-number',
      '0123456789',
      'kbo',
    ]);
  });

  it('reads VAT numbers of each market by their shape', () => {
    const vat = (text: string) => values(registerNumbers(text), 'vat-number');
    expect(vat('BTW NL123456789B01')).toEqual(['NL123456789B01']);
    expect(vat('USt-IdNr.: DE 123 456 789')).toEqual(['DE123456789']);
    expect(vat('TVA intracommunautaire : FR 12 123456789')).toEqual(['FR12123456789']);
    expect(vat('BTW BE 0123.456.789')).toEqual(['BE0123456789']);
    expect(vat('VAT No. GB 123 4567 89')).toEqual(['GB123456789']);
  });

  it('does not read IBANs, tax numbers, activity codes or a KvK of the wrong length', () => {
    const text =
      'IBAN DE89 3704 0044 0532 0130 00 · NL91ABNA0417164300 · Steuernummer 123/456/78901 · APE 4791A · KvK 1234';
    expect(registerNumbers(text)).toEqual([]);
  });
});

describe('identity facts on a page', () => {
  const page = `
    <header><nav><a href="/contact">Contact</a></nav></header>
    <main><h1>Contact</h1><p>Bezoekadres:<br>Keizersgracht 100<br>1015 AA Amsterdam</p>
      <!-- Oud adres: Herengracht 1, 1015 BA Amsterdam -->
      <p hidden>Oude Shop N.V.</p></main>
    <footer><p>Voorbeeldwinkel <b>B.V.</b> · Keizersgracht 100, 1015 AA Amsterdam · KvK <span>12345678</span> · BTW NL123456789B01</p></footer>`;
  const facts: Fact[] = extract(page).facts ?? [];
  const find = (kind: string, value: string) => facts.filter((f) => f.kind === kind && f.value === value);

  it('places each fact in its region, once per region', () => {
    const address = find('postal-address', 'Keizersgracht 100, 1015 AA Amsterdam');
    expect(address.map((f) => f.region).sort()).toEqual(['footer', 'main']);
    expect(find('legal-name', 'Voorbeeldwinkel B.V.')).toMatchObject([{ region: 'footer', visible: true }]);
    expect(find('registry-number', '12345678')).toMatchObject([
      { region: 'footer', scheme: 'kvk', raw: '12345678' },
    ]);
    expect(find('vat-number', 'NL123456789B01')).toHaveLength(1);
  });

  it('marks facts in comments and hidden elements as not visible', () => {
    expect(find('postal-address', 'Herengracht 1, 1015 BA Amsterdam')).toMatchObject([{ visible: false }]);
    expect(find('legal-name', 'Oude Shop N.V.')).toMatchObject([{ visible: false }]);
  });

  it('does not take the KvK number for a phone number', () => {
    const phones = (extract(page).sightings ?? []).filter((s) => s.kind === 'phone' && s.label === undefined);
    expect(phones).toEqual([]);
  });
});

describe('withdrawal information', () => {
  it('recognises the right of withdrawal in each language', () => {
    for (const text of [
      'U heeft een herroepingsrecht van 14 dagen.',
      'Widerrufsbelehrung',
      'Droit de rétractation',
      'Your right to cancel',
    ]) {
      expect(mentionsWithdrawal(text), text).toBe(true);
    }
    expect(mentionsWithdrawal('Wij bewaren uw gegevens niet langer dan nodig.')).toBe(false);
  });

  it('counts the main content of a page, not a footer link every page shares', () => {
    const footer = '<footer><a href="/herroeping">Herroepingsrecht</a></footer>';
    expect(extract(`<main><p>Producten</p></main>${footer}`).withdrawalInfo).toBe(false);
    expect(
      extract(`<main><h2>Herroepingsrecht</h2><p>Bel 020 794 5632.</p></main>${footer}`).withdrawalInfo,
    ).toBe(true);
  });
});
