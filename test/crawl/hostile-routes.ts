import type { Handler } from './fixture-server.js';
import { page } from './fixture-server.js';

// Hostile fixture behaviours shared by the static and the browser suite.

const HTML = { 'content-type': 'text/html' };

/** An HTML page of `bytes` bytes, streamed with back-pressure. */
export function hugePage(bytes: number): Handler {
  return (_q, s) => {
    s.writeHead(200, HTML);
    s.write('<!doctype html><html><body><p>');
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    const push = () => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!s.write(chunk)) return void s.once('drain', push);
      }
      s.end('</p></body></html>');
    };
    s.on('error', () => {});
    push();
  };
}

/** Headers, then one byte every `everyMs`, for ever. */
export function drip(everyMs = 1000, byte = 'a'): Handler {
  return (_q, s) => {
    s.writeHead(200, HTML);
    const timer = setInterval(() => s.write(byte), everyMs);
    s.on('close', () => clearInterval(timer));
  };
}

/** An endless calendar: every day links to the day before and after, and a month ahead. */
export const calendar: Handler = (q, s) => {
  const day = Number(new URL(q.url ?? '/', 'http://x').searchParams.get('d') ?? 0);
  s.writeHead(200, HTML).end(
    page(
      `<a href="/cal?d=${day - 1}">previous day</a><a href="/cal?d=${day + 1}">next day</a><a href="/cal?d=${day + 30}">next month</a>`,
    ),
  );
};

/** 429 with Retry-After on the first request, then a page. */
export function tooManyRequestsOnce(retryAfter = '1'): Handler {
  let calls = 0;
  return (_q, s) => {
    calls++;
    if (calls === 1) return void s.writeHead(429, { 'retry-after': retryAfter }).end();
    s.writeHead(200, HTML).end(page('<p>welcome</p>'));
  };
}

/** A windows-1252 home page (declared in the header) linking to an iso-8859-1 page (declared in a meta tag). */
export function latinCharsetRoutes(): Record<string, Handler> {
  const latin = (text: string) => Buffer.from(text, 'latin1');
  return {
    '/': (_q, s) =>
      s
        .writeHead(200, { 'content-type': 'text/html; charset=windows-1252' })
        .end(latin('<html><body><p>Müller café – </p><a href="/kontakt">Kontakt</a></body></html>')),
    '/kontakt': (_q, s) =>
      s
        .writeHead(200, HTML)
        .end(
          latin(
            '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head><body>Straße über</body></html>',
          ),
        ),
  };
}
