import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { type AddressPolicy, ipLiteral, makeGuardedLookup } from '../address-guard.js';
import { forwardWithByteLimit } from './proxy-byte-limit.js';

export interface GuardProxy {
  /** `http://127.0.0.1:PORT`, for a browser context's proxy setting. */
  server: string;
  /** Requests refused because their host resolved outside the policy. */
  refused: string[];
  /** The last connection error code per hostname (ENOTFOUND, ECONNREFUSED, PRIVATE_HOST …). */
  upstreamErrors: Map<string, string>;
  /** URLs whose HTML body was cut at the byte limit. */
  tooLarge: Set<string>;
  /** Calls `listener` with each URL cut at the byte limit from now on; returns the unsubscribe. */
  onTooLarge(listener: (url: string) => void): () => void;
  close(): Promise<void>;
}

const HOP_HEADERS = ['proxy-connection', 'proxy-authorization', 'connection', 'keep-alive'];

/**
 * A loopback HTTP proxy through which a shop's browser context sends every request. It resolves
 * names itself with the guarded lookup, so redirects, scripts and sockets cannot reach private
 * space (Playwright's routing does not see redirect hops), and a name cannot be re-resolved to
 * another address behind the crawl's back.
 */
// Over 80 lines: the HTTP and CONNECT handlers share the proxy's refusal lists, byte limit and sockets in one closure.
export async function startGuardProxy(
  policy: AddressPolicy,
  idleTimeoutMs: number,
  /** Plain-http HTML bodies are cut after this many decoded bytes (https tunnels cannot be read). */
  maxDocumentBytes = Number.POSITIVE_INFINITY,
): Promise<GuardProxy> {
  const tooLarge = new Set<string>();
  const cutListeners = new Set<(url: string) => void>();
  const lookup = makeGuardedLookup(policy) as never;
  const refused: string[] = [];
  const upstreamErrors = new Map<string, string>();
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.setTimeout(idleTimeoutMs, () => socket.destroy());
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
  };
  const literalRefused = (hostname: string) => {
    const literal = ipLiteral(hostname);
    return literal !== null && !policy(literal);
  };

  const server = http.createServer((req, res) => {
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      return void res.writeHead(400).end();
    }
    if (target.protocol !== 'http:' || literalRefused(target.hostname)) {
      refused.push(target.href);
      return void res.writeHead(403, { 'x-shopreach-upstream-error': 'PRIVATE_HOST' }).end();
    }
    const headers = { ...req.headers };
    for (const h of HOP_HEADERS) delete headers[h];
    const upstream = http.request(target, { method: req.method, headers, lookup, agent: false }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.rawHeaders as unknown as http.OutgoingHttpHeaders);
      forwardWithByteLimit(answer, res, maxDocumentBytes, () => {
        tooLarge.add(target.href);
        for (const listener of cutListeners) listener(target.href);
      });
    });
    upstream.on('socket', track);
    upstream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'PRIVATE_HOST') refused.push(target.href);
      upstreamErrors.set(target.hostname, err.code ?? 'ERROR');
      if (!res.headersSent) {
        res
          .writeHead(err.code === 'PRIVATE_HOST' ? 403 : 502, {
            'x-shopreach-upstream-error': err.code ?? 'ERROR',
          })
          .end();
      } else res.destroy();
    });
    req.pipe(upstream);
  });

  server.on('connection', track);
  server.on('connect', (req, client: net.Socket, head: Buffer) => {
    const [hostname, portText] = splitHostPort(req.url ?? '');
    const port = Number(portText) || 443;
    if (!hostname || literalRefused(hostname)) {
      refused.push(`https://${req.url}`);
      return void client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    }
    const upstream = net.connect({ host: hostname, port, lookup });
    track(upstream);
    upstream.on('connect', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'PRIVATE_HOST') refused.push(`https://${req.url}`);
      upstreamErrors.set(hostname, err.code ?? 'ERROR');
      if (client.writable)
        client.end(`HTTP/1.1 ${err.code === 'PRIVATE_HOST' ? '403 Forbidden' : '502 Bad Gateway'}\r\n\r\n`);
    });
    client.on('close', () => upstream.destroy());
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server: `http://127.0.0.1:${port}`,
    refused,
    upstreamErrors,
    tooLarge,
    onTooLarge(listener) {
      cutListeners.add(listener);
      return () => cutListeners.delete(listener);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function splitHostPort(authority: string): [string, string] {
  const bracketed = /^\[([^\]]+)\]:(\d+)$/.exec(authority);
  if (bracketed) return [bracketed[1], bracketed[2]];
  const at = authority.lastIndexOf(':');
  return at > 0 ? [authority.slice(0, at), authority.slice(at + 1)] : [authority, ''];
}
