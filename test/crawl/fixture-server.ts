import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse, site: FixtureSite) => void;

/** A loopback site for the crawl tests: routes by path, counts requests per path. */
export class FixtureSite {
  readonly hits = new Map<string, number>();
  readonly userAgents: string[] = [];
  /** TCP connections the site accepted. */
  connections = 0;
  private readonly sockets = new Set<Socket>();
  private server!: Server;
  port = 0;

  constructor(
    private readonly routes: Record<string, Handler | string>,
    private readonly host = '127.0.0.1',
    private readonly listenAddress = '127.0.0.1',
  ) {}

  get origin(): string {
    return `http://${this.host}:${this.port}`;
  }

  url(path: string): string {
    return `${this.origin}${path}`;
  }

  count(path: string): number {
    return this.hits.get(path) ?? 0;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      this.hits.set(path, (this.hits.get(path) ?? 0) + 1);
      this.userAgents.push(String(req.headers['user-agent']));
      const route = this.routes[path] ?? this.routes['*'];
      if (route === undefined) {
        res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>not found</h1>');
      } else if (typeof route === 'string') {
        res
          .writeHead(200, {
            'content-type': path.endsWith('.txt') ? 'text/plain' : 'text/html; charset=utf-8',
          })
          .end(route);
      } else {
        route(req, res, this);
      }
    });
    this.server.on('connection', (socket) => {
      this.connections += 1;
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server.listen(0, this.listenAddress, resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export function page(body: string, head = ''): string {
  return `<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
}
