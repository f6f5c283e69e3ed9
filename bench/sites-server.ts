/**
 * Serves a saved site folder on 127.0.0.1 the way `python3 -m http.server --directory DIR` does,
 * which is how ../shared/realsites/README.md says to serve them: a directory answers with its
 * index.html (a directory asked for without its trailing slash is redirected to it), a missing
 * file is a 404, and nothing outside the folder is reachable.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain',
  '.pdf': 'application/pdf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};

export interface SiteServer {
  url: string;
  /** Paths requested, in order (for the report's "pages fetched" sanity check). */
  requests: string[];
  close(): Promise<void>;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The file a request path names inside `root`, or null; `redirect` when a directory lacks its slash. */
export function resolveRequest(
  root: string,
  rawPath: string,
): { file: string } | { redirect: string } | null {
  let path: string;
  try {
    path = decodeURIComponent(rawPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  const local = normalize(join(root, path));
  if (local !== root && !local.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  if (isDirectory(local)) {
    if (!path.endsWith('/')) return { redirect: `${rawPath.split('?')[0]}/` };
    const index = join(local, 'index.html');
    return isFile(index) ? { file: index } : null;
  }
  return isFile(local) ? { file: local } : null;
}

export function serveSite(root: string): Promise<SiteServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const rawPath = req.url ?? '/';
    requests.push(rawPath);
    const found = resolveRequest(root, rawPath);
    if (found === null) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>404</title><h1>Not found</h1>');
      return;
    }
    if ('redirect' in found) {
      res.writeHead(301, { location: found.redirect });
      res.end();
      return;
    }
    const type = TYPES[extname(found.file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(found.file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        requests,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
