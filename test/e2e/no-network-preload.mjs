// Loaded with `node --import` into a CLI process under test: every attempt to open a socket or resolve
// a host name is written to $SHOPREACH_NETWORK_LOG and then refused.

import dns from 'node:dns';
import { appendFileSync } from 'node:fs';
import net from 'node:net';

const log = process.env.SHOPREACH_NETWORK_LOG;
function refuse(what) {
  if (log) appendFileSync(log, `${what}\n`);
  throw new Error(`network access attempted: ${what}`);
}

net.Socket.prototype.connect = function connect(...args) {
  const target = typeof args[0] === 'object' ? JSON.stringify(args[0]) : String(args[0]);
  return refuse(`connect ${target}`);
};
dns.lookup = (host) => refuse(`lookup ${host}`);
dns.promises.lookup = async (host) => refuse(`lookup ${host}`);
