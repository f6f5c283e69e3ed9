import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';

export interface TestRedis {
  url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * The Redis the queue tests use: $SHOPREACH_TEST_REDIS when CI started one, otherwise a private
 * redis-server on a free loopback port, without persistence. No Redis is a failure, not a skip.
 */
export async function startTestRedis(): Promise<TestRedis> {
  const given = process.env.SHOPREACH_TEST_REDIS;
  if (given) return { url: given, stop: async () => {} };
  const found = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (found.error || found.status !== 0) {
    throw new Error(
      "The queue tests need a real Redis: install Debian's redis-server (apt-get install -y redis-server) or set SHOPREACH_TEST_REDIS=redis://127.0.0.1:PORT.",
    );
  }
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--daemonize',
      'no',
      '--protected-mode',
      'yes',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  // Event-driven: the server's ready line; the deadline only guards against a server that hangs.
  await new Promise<void>((resolve, reject) => {
    const deadline = AbortSignal.timeout(10_000);
    const hung = () => reject(new Error(`redis-server did not start in 10 s:\n${output}`));
    deadline.addEventListener('abort', hung, { once: true });
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      if (output.includes('Ready to accept connections')) {
        deadline.removeEventListener('abort', hung);
        resolve();
      }
    });
    child.once('exit', (code) => {
      deadline.removeEventListener('abort', hung);
      reject(new Error(`redis-server exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A queue name of its own per test, so tests can share CI's Redis. */
export function queueUrl(redisUrl: string, name: string): string {
  const url = new URL(redisUrl);
  url.searchParams.set('name', `${name}-${process.pid}-${Date.now()}`);
  return url.toString();
}
