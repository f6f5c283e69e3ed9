import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOptions } from 'node:dns';
import ipaddr from 'ipaddr.js';

/** True for addresses a public crawl may connect to: ordinary unicast, nothing private or special. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // process() turns IPv4-mapped IPv6 (::ffff:10.0.0.1) into the IPv4 address it carries.
  return ipaddr.process(address).range() === 'unicast';
}

/** The address inside a URL hostname when it is an IP literal (`[::1]` included), else null. */
export function ipLiteral(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) ? bare : null;
}

export class PrivateHostError extends Error {
  readonly code = 'PRIVATE_HOST';
  constructor(hostname: string, addresses: string[]) {
    super(
      `${hostname} resolves to a non-public address (${addresses.join(', ')}); refused without allowPrivateHosts`,
    );
    this.name = 'PrivateHostError';
  }
}

/** Decides which resolved addresses a connection may use. */
export type AddressPolicy = (address: string) => boolean;

export function addressPolicy(allowPrivateHosts: boolean): AddressPolicy {
  return allowPrivateHosts ? () => true : isPublicAddress;
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;
export type Resolver = (
  hostname: string,
  options: LookupAllOptions,
  cb: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/**
 * Names under `.invalid` never resolve (RFC 6761 §6.4 asks applications to treat them so): they
 * fail here, as ENOTFOUND, without a query to the system resolver leaving the machine.
 */
export function isInvalidTldName(hostname: string): boolean {
  return /(^|\.)invalid\.?$/i.test(hostname);
}

function notFound(hostname: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
  error.code = 'ENOTFOUND';
  error.syscall = 'getaddrinfo';
  return error;
}

/**
 * A `lookup` for http.request and net.connect that refuses private, loopback, link-local,
 * unique-local and unspecified addresses. Only the public addresses of a name are handed to the
 * socket, so a name that mixes public and private records cannot be steered inward.
 */
export function makeGuardedLookup(
  allowed: boolean | AddressPolicy,
  resolve: Resolver = dnsLookup as Resolver,
) {
  const policy = typeof allowed === 'function' ? allowed : addressPolicy(allowed);
  return (hostname: string, options: number | LookupOptions, callback: LookupCallback): void => {
    const opts: LookupOptions = typeof options === 'number' ? { family: options } : (options ?? {});
    if (isInvalidTldName(hostname)) {
      queueMicrotask(() => callback(notFound(hostname), ''));
      return;
    }
    resolve(hostname, { family: opts.family, hints: opts.hints, all: true }, (err, addresses) => {
      if (err) return callback(err, '');
      const usable = addresses.filter((a) => policy(a.address));
      if (usable.length === 0) {
        const refused = new PrivateHostError(
          hostname,
          addresses.map((a) => a.address),
        );
        return callback(refused as NodeJS.ErrnoException, '');
      }
      if (opts.all) return callback(null, usable);
      callback(null, usable[0].address, usable[0].family);
    });
  };
}

/**
 * Resolves a hostname and answers whether the crawl may connect to it (for the browser, whose
 * own resolver cannot be hooked). IP literals are judged without DNS.
 */
export async function hostIsAllowed(
  hostname: string,
  allowed: boolean | AddressPolicy,
  resolve: Resolver = dnsLookup as Resolver,
): Promise<boolean> {
  if (allowed === true) return true;
  const policy = typeof allowed === 'function' ? allowed : addressPolicy(allowed);
  const literal = ipLiteral(hostname);
  if (literal) return policy(literal);
  return new Promise((done) => {
    resolve(hostname, { all: true }, (err, addresses) => {
      // A name that does not resolve cannot be connected to either; let the browser report it.
      if (err) return done(true);
      done(addresses.length > 0 && addresses.every((a) => policy(a.address)));
    });
  });
}
