import { describe, expect, it } from 'vitest';
import { extractPage, needsRendering, pageKindOf, pageLanguage } from '../../src/extract/index.js';
import type { Sighting } from '../../src/extract/types.js';
import { extract, readableOn } from './helpers.js';

describe('chat widgets and other channels', () => {
  const vendors = (body: string) =>
    extract(body)
      .widgets.filter((w) => w.kind === 'chat')
      .map((w) => w.vendor);

  it.each([
    ['<script src="https://v2.zopim.com/?abc"></script>', 'Zendesk Chat (Zopim)'],
    ['<script>window.intercomSettings = { app_id: "x" };</script>', 'Intercom'],
    ['<script>window.__lc = window.__lc || {}; window.__lc.license = 1;</script>', 'LiveChat'],
    ['<script src="//code.tidio.co/abc.js" async></script>', 'Tidio'],
    ['<script>window.Trengo = window.Trengo || {}; window.Trengo.key = "k";</script>', 'Trengo'],
    ['<script src="https://userlike-cdn-widgets.s3.amazonaws.com/x.js"></script>', 'Userlike'],
    ['<script src="https://www.smartsuppchat.com/loader.js"></script>', 'Smartsupp'],
    [
      '<script>liveagent.init("https://d.salesforceliveagent.com/chat", "1", "2");</script>',
      'Salesforce Live Agent',
    ],
    ['<script src="https://embed.tawk.to/abc/default"></script>', 'Tawk.to'],
    ['<iframe src="https://secure.livechatinc.com/licence/1/v2/open_chat.cgi"></iframe>', 'LiveChat'],
  ])('%s → %s', (body, vendor) => {
    expect(vendors(body)).toEqual([vendor]);
  });

  it('marks iframeSeen when the vendor frame is in the DOM', () => {
    const w = extract(
      '<script src="https://embed.tawk.to/a/b"></script><iframe src="https://embed.tawk.to/frame"></iframe>',
    ).widgets;
    expect(w).toEqual([expect.objectContaining({ vendor: 'Tawk.to', iframeSeen: true })]);
  });

  it.each([
    ['a DNS prefetch', '<link rel="dns-prefetch" href="//widget.intercom.io">'],
    ['a help-centre link', '<a href="https://shop.zendesk.com/hc/nl">Help</a>'],
    ['CSS only', '<style>#zdbutton{background:url(https://theme.zdassets.com/x.png)}</style>'],
    ['an HTML comment', '<!-- <script src="https://code.tidio.co/x.js"></script> -->'],
    ['"Intercommunale" in text', '<p>Intercommunale de Mons</p>'],
  ])('%s is not a widget', (_name, body) => {
    expect(vendors(body)).toEqual([]);
  });

  it('finds contact forms but not search, newsletter or login forms', () => {
    const kinds = (body: string) => extract(body).widgets.map((w) => w.kind);
    expect(
      kinds('<form action="/contact"><input name="email"><textarea name="message"></textarea></form>'),
    ).toEqual(['contact-form']);
    expect(
      kinds('<form action="/send"><input type="email" name="email"><input name="your-message"></form>'),
    ).toEqual(['contact-form']);
    expect(kinds('<form action="/search"><input name="q"></form>')).toEqual([]);
    expect(kinds('<form class="newsletter"><input type="email" name="email"></form>')).toEqual([]);
    expect(
      kinds('<form action="/login"><input name="user"><input type="password" name="pw"></form>'),
    ).toEqual([]);
    expect(
      kinds(
        '<form id="commentform" action="/wp-comments-post.php"><textarea name="comment"></textarea></form>',
      ),
    ).toEqual([]);
  });

  it('finds WhatsApp contact links but not share links, and callback offers', () => {
    const kinds = (body: string) => extract(body).widgets.map((w) => w.kind);
    expect(kinds('<a href="https://wa.me/31612345678">WhatsApp</a>')).toEqual(['whatsapp']);
    expect(kinds('<a href="https://api.whatsapp.com/send?phone=31612345678">WhatsApp</a>')).toEqual([
      'whatsapp',
    ]);
    expect(kinds('<a href="https://api.whatsapp.com/send?text=Look%20at%20this">Share</a>')).toEqual([]);
    expect(kinds('<a href="/terugbelverzoek">Bel mij terug</a>')).toEqual(['callback']);
  });
});

describe('page kind', () => {
  it.each([
    [{ url: 'https://s.test/' }, 'home'],
    [{ url: 'https://s.test/nl/klantenservice' }, 'customer-service'],
    [{ url: 'https://s.test/contact' }, 'contact'],
    [{ url: 'https://s.test/?page=contact&img=0' }, 'contact'],
    [{ url: 'https://s.test/kontakt' }, 'contact'],
    [{ url: 'https://s.test/nous-contacter' }, 'contact'],
    [{ url: 'https://s.test/impressum' }, 'impressum'],
    [{ url: 'https://s.test/algemene-voorwaarden' }, 'terms'],
    [{ url: 'https://s.test/agb' }, 'terms'],
    [{ url: 'https://s.test/datenschutz' }, 'privacy'],
    [{ url: 'https://s.test/faq' }, 'faq'],
    [{ url: 'https://s.test/over-ons' }, 'about'],
    [{ url: 'https://s.test/retourneren' }, 'returns'],
    [{ url: 'https://s.test/docs/voorwaarden.pdf' }, 'document'],
    [{ url: 'https://s.test/page/12', viaText: 'Algemene voorwaarden' }, 'terms'],
    [{ url: 'https://s.test/p?id=7', h1: 'Neem contact op' }, 'contact'],
    [{ url: 'https://s.test/start', homeUrl: 'https://s.test/start' }, 'home'],
    [{ url: 'https://s.test/product/blue-chair', title: 'Blue chair' }, 'other'],
  ])('%j → %s', (signals, kind) => {
    expect(pageKindOf({ title: null, h1: null, ...signals })).toBe(kind);
  });

  it('extractPage reports kind, title and language', () => {
    const obs = extractPage(
      {
        url: 'https://s.test/kontakt',
        finalUrl: 'https://s.test/kontakt',
        fetchedWith: 'static',
        html: '<html lang="de-DE"><head><title>Kontakt</title></head><body></body></html>',
      },
      { country: 'DE' },
    );
    expect([obs.kind, obs.title, obs.language]).toEqual(['contact', 'Kontakt', 'de']);
  });
});

describe('pageLanguage', () => {
  it.each([
    ['<html lang="nl-NL"><body></body></html>', 'nl'],
    ["<html class='x' lang='FR'>", 'fr'],
    ['<html><body lang="de"></body></html>', null],
    ['<p>no html tag</p>', null],
  ])('%s → %s', (html, lang) => {
    expect(pageLanguage(html)).toBe(lang);
  });
});

describe('needsRendering', () => {
  const judge = (html: string) => {
    const obs = extractPage(
      { url: 'https://s.test/', finalUrl: 'https://s.test/', html, fetchedWith: 'static' },
      { country: 'NL' },
    );
    return needsRendering(html, obs);
  };
  const filler = `<p>${'Wij verkopen stoelen en tafels van hout. '.repeat(20)}Bel 020 123 4567.</p>`;

  it('flags an empty app shell', () => {
    expect(judge(`<html><body><div id="root"></div><script src="/app.js"></script></body></html>`)).toBe(
      true,
    );
  });

  it('flags recognisable script-written contact data', () => {
    expect(judge(`<html><body>${filler}<script>var addy99 = 'a' + '&#64;';</script></body></html>`)).toBe(
      true,
    );
    expect(
      judge(
        `<html><body>${filler}<a href="javascript:linkTo_UnCryptMailto('nbjmup+b');">x</a></body></html>`,
      ),
    ).toBe(true);
    expect(
      judge(
        `<html><body>${filler}<script>var c=['a','@','b'];var o=[0,1,2];for(var i=0;i<3;i++){document.write(c[o[i]]);}</script><noscript>Enable Javascript to see the email address</noscript></body></html>`,
      ),
    ).toBe(true);
  });

  it('leaves ordinary pages, analytics loaders and already-rendered pages alone', () => {
    expect(judge(`<html><body>${filler}</body></html>`)).toBe(false);
    expect(
      judge(
        `<html><body>${filler}<script>document.write(unescape("%3Cscript src='ga.js' type='text/javascript'%3E%3C/script%3E"));</script></body></html>`,
      ),
    ).toBe(false);
    expect(judge(`<html data-sr-rendered="1"><body><div id="root"></div></body></html>`)).toBe(false);
  });
});

describe('the shipped readable-phone and readable-email selections', () => {
  const s = (over: Partial<Sighting>): Sighting => ({
    kind: 'phone',
    value: '+31201234567',
    raw: 'x',
    region: 'main',
    presentation: 'text',
    visible: true,
    afterInteraction: null,
    ...over,
  });
  it('keeps readable phones and e-mails only', () => {
    const result = readableOn({
      kind: 'contact',
      sightings: [
        s({}),
        s({ value: '+31201234568', label: 'fax' }),
        s({ value: '+31201234569', label: 'registry' }),
        s({ value: '+31201234570', visible: false }),
        s({ value: '+31201234571', region: 'structured-data' }),
        s({ value: '+31201234572', presentation: 'href-only' }),
        s({ value: '+31201234573', presentation: 'image-hint', visible: 'unknown' }),
        s({ value: '+31201234574', visible: 'unknown', presentation: 'script-written' }),
        s({ kind: 'email', value: 'a@b.nl', label: undefined }),
      ],
    });
    expect(result).toEqual({ phones: ['+31201234567', '+31201234574'], emails: ['a@b.nl'] });
  });
});

describe('documents', () => {
  it('a PDF is a document page whatever its URL, and an empty body yields no sightings', () => {
    const observed = extractPage(
      {
        url: 'https://shop.example.nl/download?id=7',
        finalUrl: 'https://shop.example.nl/download?id=7',
        html: '',
        fetchedWith: 'static',
        contentType: 'application/pdf',
      },
      { country: 'NL' },
    );
    expect(observed.kind).toBe('document');
    expect(observed.sightings).toEqual([]);
  });
});
