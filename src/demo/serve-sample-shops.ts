import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type SampleShop, sampleShops } from './sample-shops.js';

export interface ServedShop {
  shop: SampleShop;
  url: string;
}

export interface ServedSampleShops {
  shops: ServedShop[];
  close(): Promise<void>;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

function serveShop(pages: Record<string, string>): Server {
  return createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname.replace(/(.)\/$/, '$1');
    if (path === '/robots.txt') {
      response.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
      return;
    }
    const page = pages[path];
    if (page === undefined) {
      response
        .writeHead(404, { 'content-type': 'text/html; charset=utf-8' })
        .end('<!doctype html><title>Niet gevonden</title><h1>404</h1>');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
}

/** A port nothing listens on: bound and released at once, so connecting to it is refused. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  const port = await listen(probe);
  await closeServer(probe);
  return port;
}

/** Starts every sample shop on its own loopback port (so each is its own site), plus an unreachable one. */
export async function serveSampleShops(shops: SampleShop[] = sampleShops()): Promise<ServedSampleShops> {
  const servers: Server[] = [];
  const served: ServedShop[] = [];
  for (const shop of shops) {
    if (shop.pages === null) {
      served.push({ shop, url: `http://127.0.0.1:${await closedPort()}/` });
      continue;
    }
    const server = serveShop(shop.pages);
    servers.push(server);
    served.push({ shop, url: `http://127.0.0.1:${await listen(server)}/` });
  }
  return {
    shops: served,
    close: async () => {
      await Promise.all(servers.map(closeServer));
    },
  };
}
