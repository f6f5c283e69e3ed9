import http from 'node:http';
import https from 'node:https';
import type { AddressPolicy } from '../address-guard.js';

/**
 * Idle connections close after this long: under the five seconds most servers keep them, so a
 * request seldom goes out on a connection the server is closing.
 */
const IDLE_CONNECTION_MS = 4_000;

interface Agents {
  http: http.Agent;
  https: https.Agent;
}

const newAgents = (): Agents => ({
  http: new http.Agent({ keepAlive: true, timeout: IDLE_CONNECTION_MS }),
  https: new https.Agent({ keepAlive: true, timeout: IDLE_CONNECTION_MS }),
});

/**
 * One pair of keep-alive agents per address policy. A shop's pages go to one host a quarter of a
 * second apart, so reusing the connection saves a TCP (and TLS) handshake per page. The address
 * guard checks a connection when it is opened; keeping agents apart by policy means a connection
 * checked under a lenient policy is never reused under a strict one.
 */
const byFlag = new Map<boolean, Agents>();
const byFunction = new WeakMap<AddressPolicy, Agents>();
const all = new Set<Agents>();

export function agentFor(protocol: string, policy: boolean | AddressPolicy): http.Agent {
  let agents = typeof policy === 'boolean' ? byFlag.get(policy) : byFunction.get(policy);
  if (!agents) {
    agents = newAgents();
    if (typeof policy === 'boolean') byFlag.set(policy, agents);
    else byFunction.set(policy, agents);
    all.add(agents);
  }
  return protocol === 'https:' ? agents.https : agents.http;
}

/** Closes the connections kept idle (a run's end); requests under way keep theirs. */
export function closeIdleConnections(): void {
  for (const agents of all) {
    for (const agent of [agents.http, agents.https]) {
      for (const sockets of Object.values(agent.freeSockets))
        for (const socket of sockets ?? []) socket.destroy();
    }
  }
}
