import { type ListMessage, listMessage } from './list-message.js';

export type NormalisedUrl =
  | {
      ok: true;
      url: string;
      key: string;
      /** The URL carried a user name or password, removed here: they are never sent, stored or printed. */
      removedCredentials?: true;
    }
  | ({ ok: false } & ListMessage);

/**
 * Turns what a person writes in a shop list ("shop.nl", "https://www.shop.nl/nl/") into an absolute
 * http(s) URL and the shop's key (origin plus path, without a trailing slash or fragment). A user
 * name or password in the URL is removed, and said so, never kept.
 */
export function normaliseShopUrl(text: string): NormalisedUrl {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, ...listMessage('list.emptyUrl') };
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    return { ok: false, ...listMessage('list.invalidUrl', { url: withoutCredentials(trimmed) }) };
  }
  const removedCredentials = parsed.username !== '' || parsed.password !== '';
  parsed.username = '';
  parsed.password = '';
  const shown = withoutCredentials(trimmed);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { ok: false, ...listMessage('list.notHttp', { scheme: parsed.protocol.replace(/:$/, '') }) };
  }
  if (!parsed.hostname || /\s/.test(trimmed))
    return { ok: false, ...listMessage('list.invalidUrl', { url: shown }) };
  const hostIsName = /[a-z]/i.test(parsed.hostname) && !parsed.hostname.includes(':');
  if (hostIsName && !parsed.hostname.includes('.') && parsed.hostname !== 'localhost') {
    return { ok: false, ...listMessage('list.notFullHost', { host: parsed.hostname }) };
  }
  parsed.hash = '';
  const path = parsed.pathname.replace(/\/+$/, '');
  const key = `${parsed.protocol}//${parsed.host}${path}${parsed.search}`;
  return { ok: true, url: parsed.toString(), key, ...(removedCredentials ? { removedCredentials } : {}) };
}

/**
 * The text with the user information of any URL in it masked (`https://***@shop.nl`), also a
 * `user:password@` written without a scheme: for messages and stored rows.
 */
export function withoutCredentials(text: string): string {
  if (!text.includes('@')) return text;
  return text
    .replace(/(https?:\/\/)[^/?#\s]*@/gi, '$1***@')
    .replace(/(^|[\s,;"'])[^\s/?#@,;"':]+:[^\s/?#@,;"']*@/g, '$1***@');
}

/** Said of a URL whose user name and password were removed. */
export const credentialsRemoved = (): ListMessage => listMessage('list.credentialsRemoved');
