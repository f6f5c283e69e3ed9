/**
 * The benchmark's fixture shops, run as a child process so that its CPU is not counted for the
 * crawlers. Each shop listens on its own loopback address (127.0.0.2, 127.0.0.3, …), so that
 * per-host politeness applies as it would to real shops. Prints one JSON line: the shops' URLs.
 * Usage: tsx bench/fixtures-server.ts VARIANT COUNT
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type FixtureVariant, fixturePage, SHOP_PATHS } from './fixtures-pages.js';

function loopbackAddress(index: number): string {
  const n = index + 2;
  return `127.0.${Math.floor(n / 254)}.${(n % 254) + 1}`;
}

async function serveShop(variant: FixtureVariant, index: number): Promise<{ server: Server; url: string }> {
  // Pages are built once; the server only writes bytes.
  const pages = new Map(
    SHOP_PATHS.map((path) => [path as string, Buffer.from(fixturePage(variant, index, path) ?? '')]),
  );
  // Idle keep-alive connections stay open longer than any client keeps one: with Node's 5 s
  // default a client could reuse a socket the server was closing ("socket hang up") and retry.
  const server = createServer({ keepAliveTimeout: 120_000 }, (request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path === '/robots.txt')
      return void response.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
    const body = pages.get(path);
    if (!body)
      return void response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Niet gevonden</h1>');
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length })
      .end(body);
  });
  const host = loopbackAddress(index);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  return { server, url: `http://${host}:${(server.address() as AddressInfo).port}/` };
}

const [variant, countText] = process.argv.slice(2);
if (variant !== 'tiny' && variant !== 'real') throw new Error('usage: fixtures-server.ts tiny|real COUNT');
const shops = await Promise.all(Array.from({ length: Number(countText) }, (_, i) => serveShop(variant, i)));
const pageBytes = Buffer.byteLength(fixturePage(variant, 0, '/') ?? '');
process.stdout.write(`${JSON.stringify({ urls: shops.map((s) => s.url), homeBytes: pageBytes })}\n`);
process.on('SIGTERM', () => process.exit(0));
