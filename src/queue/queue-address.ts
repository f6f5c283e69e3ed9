import type { ConnectionOptions } from 'bullmq';

export const DEFAULT_QUEUE_NAME = 'shopreach-shops';

export interface QueueAddress {
  connection: ConnectionOptions;
  queueName: string;
  /** The address without a password, for messages. */
  display: string;
}

export class QueueAddressError extends Error {}

/**
 * Reads `redis://[user:password@]HOST:PORT[/DB][?name=QUEUE]` (or `rediss://` for TLS). The optional
 * `name` lets several independent audits, or tests, share one Redis server.
 */
export function parseQueueAddress(address: string): QueueAddress {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new QueueAddressError(
      `--queue wants a Redis address such as redis://127.0.0.1:6379, not "${address}".`,
    );
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new QueueAddressError(`--queue wants a redis:// or rediss:// address, not "${address}".`);
  }
  if (!url.hostname) throw new QueueAddressError(`--queue address "${address}" names no host.`);
  const dbText = url.pathname.replace(/^\//, '');
  const db = dbText === '' ? 0 : Number(dbText);
  if (!Number.isInteger(db) || db < 0)
    throw new QueueAddressError(`--queue address "${address}": "${dbText}" is not a database number.`);
  const queueName = url.searchParams.get('name') ?? DEFAULT_QUEUE_NAME;
  if (!/^[A-Za-z0-9_.-]+$/.test(queueName)) {
    throw new QueueAddressError(
      `--queue address "${address}": the queue name may use letters, digits, "_", "." and "-" only.`,
    );
  }
  const connection: ConnectionOptions = {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : 6379,
    db,
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    // BullMQ workers block on Redis; it requires this to be null so commands wait for a reconnect.
    maxRetriesPerRequest: null,
  };
  const display = `${url.protocol}//${url.host}/${db}?name=${queueName}`;
  return { connection, queueName, display };
}
