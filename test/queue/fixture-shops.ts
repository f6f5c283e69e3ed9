import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { slowAnswer } from '../waiting.js';

export type ShopKind = 'complete' | 'email-only' | 'phone-only' | 'broken';

export interface FixtureShops {
  urls: string[];
  kinds: ShopKind[];
  /** Page requests per shop index. */
  hits: number[];
  close(): Promise<void>;
}

const KINDS: ShopKind[] = ['complete', 'email-only', 'phone-only', 'broken'];

function html(title: string, body: string): string {
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}

function pages(index: number, kind: ShopKind): Record<string, string> {
  const phone =
    kind === 'email-only'
      ? ''
      : `<p>Bel ons: <a href="tel:+31207945${String(100 + index)}">020 794 5${String(100 + index)}</a></p>`;
  const email =
    kind === 'phone-only'
      ? ''
      : `<p>Mail: <a href="mailto:service@winkel${index}.nl">service@winkel${index}.nl</a></p>`;
  const chrome =
    '<header><nav><a href="/">Home</a> <a href="/klantenservice">Klantenservice</a></nav></header>';
  return {
    '/': html(
      `Winkel ${index}`,
      `${chrome}<main><h1>Winkel ${index}</h1><p>Schoenen en tassen.</p></main><footer><a href="/contact">Contact</a> <a href="/voorwaarden">Algemene voorwaarden</a></footer>`,
    ),
    '/contact': html(`Contact – Winkel ${index}`, `${chrome}<main><h1>Contact</h1>${phone}${email}</main>`),
    '/klantenservice': html(
      `Klantenservice – Winkel ${index}`,
      `${chrome}<main><h1>Klantenservice</h1><p>Retourneren binnen 30 dagen.</p></main>`,
    ),
    '/voorwaarden': html(
      `Voorwaarden – Winkel ${index}`,
      `${chrome}<main><h1>Algemene voorwaarden</h1><p>Artikel 1.</p></main>`,
    ),
  };
}

/**
 * Shops on loopback, each on its own port, cycling through four kinds so the outcomes differ.
 * Every answer waits `delayMs`, so a job is still running when a test kills its worker.
 */
export async function startFixtureShops(count: number, delayMs: number): Promise<FixtureShops> {
  const servers: Server[] = [];
  const urls: string[] = [];
  const kinds: ShopKind[] = [];
  const hits: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const kind = KINDS[index % KINDS.length];
    const site = pages(index, kind);
    hits.push(0);
    const server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      if (path !== '/robots.txt') hits[index] += 1;
      void slowAnswer(path === '/robots.txt' ? 0 : delayMs).then(() => {
        if (kind === 'broken')
          return void response.writeHead(500, { 'content-type': 'text/html' }).end('<h1>Server error</h1>');
        const body = site[path];
        if (body === undefined)
          return void response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    servers.push(server);
    urls.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    kinds.push(kind);
  }
  return {
    urls,
    kinds,
    hits,
    async close() {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      );
    },
  };
}
