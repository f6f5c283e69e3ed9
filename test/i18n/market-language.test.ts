import { describe, expect, it } from 'vitest';
import { commonLanguage, marketLanguage, profileLanguage } from '../../src/i18n/index.js';
import { reportLanguage } from '../../src/report/shop-result.js';

const shop = (country: string, language: string | null = null) => ({
  target: { key: '', url: '', origin: '', name: '', country, language, group: null },
});

describe('the language of a market', () => {
  it('is the country’s own for nl, de, fr (and Austria), English for uk, eu and the rest', () => {
    expect(marketLanguage('NL')).toBe('nl');
    expect(marketLanguage('de')).toBe('de');
    expect(marketLanguage('AT')).toBe('de');
    expect(marketLanguage('FR')).toBe('fr');
    expect(marketLanguage('GB')).toBe('en');
    expect(marketLanguage('ES')).toBe('en');
    expect(marketLanguage(null)).toBe('en');
    expect(profileLanguage('eu')).toBe('en');
    expect(profileLanguage('uk')).toBe('en');
    expect(profileLanguage('de')).toBe('de');
  });

  it('follows the shop’s own page language in Belgium, Dutch when the page names none of its languages', () => {
    expect(marketLanguage('BE', 'fr')).toBe('fr');
    expect(marketLanguage('BE', 'fr-BE')).toBe('fr');
    expect(marketLanguage('BE', 'nl-BE')).toBe('nl');
    expect(marketLanguage('BE', 'de')).toBe('de');
    expect(marketLanguage('BE', 'en')).toBe('nl');
    expect(marketLanguage('BE', null)).toBe('nl');
    // A French page does not make a Dutch shop French: the market decides there.
    expect(marketLanguage('NL', 'fr')).toBe('nl');
  });

  it('of a report is the one its shops share, English for a ranking of several markets', () => {
    expect(reportLanguage([shop('DE'), shop('AT')])).toBe('de');
    expect(reportLanguage([shop('BE', 'fr'), shop('FR')])).toBe('fr');
    expect(reportLanguage([shop('NL'), shop('DE')])).toBe('en');
    expect(reportLanguage([shop('BE', 'nl'), shop('BE', 'fr')])).toBe('en');
    expect(commonLanguage([])).toBe('en');
  });
});
