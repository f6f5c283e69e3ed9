import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderSamplePage, type SamplePage, type SampleShopLayout } from '../../src/demo/page-layout.js';

/**
 * Small shops a shop owner might run, for the tests of `check`: one that meets every rule the
 * crawler can decide in static mode, and variants that break one or two things on purpose.
 */
export type OwnShopVariant =
  | 'clean'
  | 'premium-noreply'
  | 'no-address'
  | 'noaddress-noreply'
  | 'terms-only'
  | 'invalid-phone';

interface Contact {
  phoneHref: string;
  phoneText: string;
  email: string;
  address: string;
}

const CLEAN: Contact = {
  phoneHref: '+31503012345',
  phoneText: '050 301 2345',
  email: 'hallo@fietsenhuis-noord.nl',
  address: 'Vismarkt 12, 9712 CB Groningen',
};

function contactOf(variant: OwnShopVariant): Contact {
  if (variant === 'premium-noreply')
    return {
      ...CLEAN,
      phoneHref: '+319001234567',
      phoneText: '0900 123 4567',
      email: 'noreply@fietsenhuis-noord.nl',
    };
  if (variant === 'no-address') return { ...CLEAN, address: '' };
  if (variant === 'noaddress-noreply')
    return { ...CLEAN, address: '', email: 'noreply@fietsenhuis-noord.nl' };
  // A digit short: "+32 9 123 45 6" is written as a phone number but is no valid Belgian number.
  if (variant === 'invalid-phone') return { ...CLEAN, phoneHref: '+329123456', phoneText: '+32 9 123 45 6' };
  return CLEAN;
}

export function ownShopPages(variant: OwnShopVariant): Record<string, string> {
  const c = contactOf(variant);
  const phone = `<a href="tel:${c.phoneHref}">${c.phoneText}</a>`;
  const email = `<a href="mailto:${c.email}">${c.email}</a>`;
  // terms-only: phone and e-mail appear in the terms and nowhere else.
  const shown = variant !== 'terms-only';
  const layout: SampleShopLayout = {
    name: 'Fietsenhuis Noord',
    nav: [
      ['Fietsen', '/fietsen'],
      ['Klantenservice', '/klantenservice'],
      ['Contact', '/contact'],
    ],
    footer:
      (shown ? `<p>Klantenservice: ${phone} · ${email}</p>` : '') +
      `<p>Fietsenhuis Noord B.V.${c.address ? ` · ${c.address}` : ''} · KvK 87654321 · BTW NL987654321B01 · ` +
      '<a href="/voorwaarden">Algemene voorwaarden</a> · <a href="/privacy">Privacy</a></p>',
  };
  const pages: Record<string, SamplePage> = {
    '/': {
      title: 'Fietsen en onderhoud',
      main: '<p>Stadsfietsen, bakfietsen en reparaties in Groningen.</p>',
    },
    '/fietsen': { title: 'Fietsen', main: '<ul><li>Stadsfiets, € 649</li><li>Bakfiets, € 2.195</li></ul>' },
    '/klantenservice': {
      title: 'Klantenservice',
      main: shown
        ? `<p>Bel ons op ${phone} of mail naar ${email}. Zie ook <a href="/contact">contact</a>.</p>`
        : '<p>Zie <a href="/contact">contact</a>.</p>',
    },
    '/contact': {
      title: 'Contact',
      main: `${shown ? `<p>Telefoon: ${phone}</p><p>E-mail: ${email}</p>` : ''}${c.address ? `<p>${c.address.replace(', ', '<br>')}</p>` : ''}`,
    },
    '/voorwaarden': {
      title: 'Algemene voorwaarden',
      main:
        '<p>Deze voorwaarden gelden voor elke koop.</p><h2>Herroepingsrecht</h2>' +
        '<p>U mag de koop binnen 14 dagen zonder opgave van redenen ontbinden. ' +
        `Laat het ons weten via ${c.phoneText} of ${c.email}.</p>`,
    },
    '/privacy': { title: 'Privacyverklaring', main: '<p>Wij bewaren uw gegevens niet langer dan nodig.</p>' },
  };
  return Object.fromEntries(
    Object.entries(pages).map(([path, page]) => [path, renderSamplePage(layout, page)]),
  );
}

export interface ServedOwnShops {
  url: (variant: OwnShopVariant) => string;
  close(): Promise<void>;
}

/** Serves each variant on its own loopback port. */
export async function serveOwnShops(): Promise<ServedOwnShops> {
  const servers: Server[] = [];
  const urls = new Map<OwnShopVariant, string>();
  for (const variant of [
    'clean',
    'premium-noreply',
    'no-address',
    'noaddress-noreply',
    'terms-only',
    'invalid-phone',
  ] as const) {
    const pages = ownShopPages(variant);
    const server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname.replace(/(.)\/$/, '$1');
      if (path === '/robots.txt') {
        response.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
        return;
      }
      const page = pages[path];
      response
        .writeHead(page === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' })
        .end(page ?? '<!doctype html><title>Niet gevonden</title><h1>404</h1>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    urls.set(variant, `http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  }
  return {
    url: (variant) => urls.get(variant) as string,
    close: async () => {
      for (const server of servers) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}
