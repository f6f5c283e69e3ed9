import { describe, expect, it } from 'vitest';
import { decodeCfEmail, decodeTypo3Mailto } from '../../src/extract/email-decoders.js';
import { extract, readable } from './helpers.js';

/** Cloudflare's encoding, written here so the test does not depend on a sample string. */
function cfEncode(address: string, key = 0x5a): string {
  const hex = (n: number): string => n.toString(16).padStart(2, '0');
  return hex(key) + [...address].map((c) => hex(c.charCodeAt(0) ^ key)).join('');
}

function typo3Encode(address: string, offset: number): string {
  const ranges: [number, number][] = [
    [0x2b, 0x3a],
    [0x40, 0x5a],
    [0x61, 0x7a],
  ];
  return [...`mailto:${address}`]
    .map((ch) => {
      const code = ch.charCodeAt(0);
      const r = ranges.find(([lo, hi]) => code >= lo && code <= hi);
      if (!r) return ch;
      const span = r[1] - r[0] + 1;
      return String.fromCharCode(r[0] + ((code - r[0] + offset) % span));
    })
    .join('');
}

describe('e-mail addresses in text and links', () => {
  it('reads plain text and mailto links, one sighting per place', () => {
    const obs = extract(
      '<p>Mail info@shop.nl.</p><footer><a href="mailto:Info@Shop.nl">info@shop.nl</a></footer>',
    );
    const emails = obs.sightings.filter((s) => s.kind === 'email');
    expect(emails.map((s) => [s.value, s.presentation, s.region])).toEqual([
      ['info@shop.nl', 'text', 'main'],
      ['info@shop.nl', 'mailto-link', 'footer'],
    ]);
  });

  it('decodes entities and %-escapes in mailto, drops ?subject=, ignores empty and share links', () => {
    const obs = extract(
      '<a href="mailto:&#105;&#110;&#102;&#111;&#64;shop.nl">&#105;nfo&#64;shop.nl</a>' +
        '<a href="mailto:%20sales%40shop.nl?subject=Hi">Mail us</a><a href="mailto:">E-mail</a><a href="mailto:?subject=Look">Share</a>',
    );
    expect(obs.sightings.map((s) => [s.value, s.presentation, s.visible])).toEqual([
      ['info@shop.nl', 'mailto-link', true],
      ['sales@shop.nl', 'href-only', false],
    ]);
  });

  it('counts the link text, not a different mailto target', () => {
    const obs = extract('<a href="mailto:p.other@shop.nl">b.mulder@shop.nl</a>');
    expect(readable('<a href="mailto:p.other@shop.nl">b.mulder@shop.nl</a>').emails).toEqual([
      'b.mulder@shop.nl',
    ]);
    expect(obs.sightings.find((s) => s.value === 'p.other@shop.nl')?.presentation).toBe('href-only');
  });

  it.each([
    ['info [at] shop [dot] nl', 'info@shop.nl'],
    ['info(at)shop.nl', 'info@shop.nl'],
    ['info(a)shop.nl', 'info@shop.nl'],
    ['info ( @ ) shop.nl', 'info@shop.nl'],
    ['info AT shop DOT nl', 'info@shop.nl'],
    ['contact [put the at sign here] studio.de', 'contact@studio.de'],
    ['info<span>@</span>shop.nl', 'info@shop.nl'],
    ['verkoop at shop dot nl', 'verkoop@shop.nl'],
    ['info (at) shop (punt) nl', 'info@shop.nl'],
    ['info apenstaartje winkel punt be', 'info@winkel.be'],
    ['service at laden punkt de', 'service@laden.de'],
    ['contact arobase boutique point fr', 'contact@boutique.fr'],
    ['sales [at] shop [dot] co [dot] uk', 'sales@shop.co.uk'],
  ])('deobfuscates %s', (written, value) => {
    const obs = extract(`<p>${written}</p>`);
    expect(readable(`<p>${written}</p>`).emails).toEqual([value]);
    expect(obs.sightings[0].presentation).toBe(written.includes('<span>') ? 'text' : 'deobfuscated');
  });

  it('does not read prose "at" as an address', () => {
    expect(readable('<p>Meet us at shop.nl or call</p>').emails).toEqual([]);
    expect(readable('<p>mail us at the shop dot com</p>').emails).toEqual([]);
    expect(readable('<p>info a shop punt nl</p>').emails).toEqual([]);
  });

  it('joins an address split across inline elements', () => {
    expect(readable('<p><a href="/contact">Info(@)shop.n</a>l</p>').emails).toEqual(['info@shop.nl']);
    expect(readable('<p><a href="/contact">info@shop.n</a>l</p>').emails).toEqual(['info@shop.nl']);
    // A whole address followed by another link's text stays as it is.
    expect(readable('<p><a>info@shop.nl</a><a>be</a></p>').emails).toEqual(['info@shop.nl']);
  });

  it('rejects image names, handles and strings without a real top-level domain', () => {
    const html =
      '<p>logo@2x.png hero@3x.jpg RT @shopnl: hi, user@localhost, a@b.invalidtld</p><img src="x@2x.png">';
    expect(readable(html).emails).toEqual([]);
  });

  it('ignores addresses in scripts and keeps comments and href-only out of the readable set', () => {
    const html =
      '<script>var demo = "johndoe@domain.de"; var dsn = "https://abc@sentry.io/1";</script>' +
      '<!-- E info@old-shop.nl --><a href="mailto:sales@shop.nl">Mail</a>';
    const obs = extract(html);
    expect(obs.sightings.find((s) => s.value === 'info@old-shop.nl')).toMatchObject({ visible: false });
    expect(obs.sightings.some((s) => s.value === 'johndoe@domain.de')).toBe(false);
    expect(readable(html).emails).toEqual([]);
  });
});

describe('encoded addresses', () => {
  it('decodes Cloudflare data-cfemail and /cdn-cgi/l/email-protection links once per place', () => {
    const hex = cfEncode('redactie@news.de');
    expect(decodeCfEmail(hex)).toBe('redactie@news.de');
    const obs = extract(
      `<a href="/cdn-cgi/l/email-protection#${hex}"><span class="__cf_email__" data-cfemail="${hex}">[email&#160;protected]</span></a>` +
        `<a href="/cdn-cgi/l/email-protection#${cfEncode('sales@news.de', 0x13)}">Mail</a>`,
      { country: 'DE' },
    );
    expect(obs.sightings.map((s) => [s.value, s.presentation, s.visible])).toEqual([
      ['redactie@news.de', 'cf-email', true],
      ['sales@news.de', 'href-only', false],
    ]);
  });

  it('reads a Cloudflare link whose content is nested 20,000 deep, without a recursive walk', () => {
    const hex = cfEncode('diep@news.de');
    const depth = 20_000;
    const obs = extract(
      `<a href="/cdn-cgi/l/email-protection#${hex}">${'<span>'.repeat(depth)}` +
        `<span class="__cf_email__" data-cfemail="${hex}">[email&#160;protected]</span>${'</span>'.repeat(depth)}</a>`,
      { country: 'DE' },
    );
    expect(obs.sightings.map((s) => [s.value, s.presentation, s.visible])).toEqual([
      ['diep@news.de', 'cf-email', true],
    ]);
  });

  it('decodes TYPO3 linkTo_UnCryptMailto with any offset', () => {
    for (const offset of [1, 3, 7])
      expect(decodeTypo3Mailto(typo3Encode('buchservice@verlag.de', offset))).toBe('buchservice@verlag.de');
    const obs = extract(
      `<a href="javascript:linkTo_UnCryptMailto('${typo3Encode('buchservice@verlag.de', 1)}');">buchservice(at)verlag.de</a>`,
      { country: 'DE' },
    );
    expect(obs.sightings).toEqual([
      expect.objectContaining({ value: 'buchservice@verlag.de', presentation: 'deobfuscated' }),
    ]);
  });

  it('reads a Joomla cloak as script-written with unknown visibility', () => {
    const html = `<p><script type="text/javascript"><!--
      var prefix = 'ma' + 'il' + 'to'; var path = 'hr' + 'ef' + '=';
      var addy12345 = '&#105;nf&#111;' + '&#64;';
      addy12345 = addy12345 + 'g&#97;r&#97;ge' + '&#46;' + 'nl';
      document.write( '<a ' + path + '\\'' + prefix + ':' + addy12345 + '\\'>' ); document.write( addy12345 ); document.write( '<\\/a>' );
      //--></script>Dit e-mailadres is beschermd tegen spambots.</p>`;
    const obs = extract(html);
    expect(obs.sightings).toEqual([
      expect.objectContaining({
        value: 'info@garage.nl',
        presentation: 'script-written',
        visible: 'unknown',
      }),
    ]);
    expect(readable(html).emails).toEqual(['info@garage.nl']);
  });

  it('decodes String.fromCharCode scramblers', () => {
    const codes = [...'<a href="mailto:sales@jewel.co.uk">sales@jewel.co.uk</a>']
      .map((c) => c.charCodeAt(0))
      .join(',');
    const obs = extract(`<p><script>document.write(String.fromCharCode(${codes}));</script></p>`, {
      country: 'GB',
    });
    expect(obs.sightings.map((s) => [s.value, s.presentation])).toEqual([
      ['sales@jewel.co.uk', 'script-written'],
    ]);
  });
});
