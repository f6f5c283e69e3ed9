import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { FixtureVariant } from './fixtures-pages.js';

export interface FixtureProcess {
  urls: string[];
  homeBytes: number;
  pid: number;
  stop(): Promise<void>;
}

/** Starts bench/fixtures-server.ts in its own process and waits for its list of shop URLs. */
export async function startFixtureProcess(variant: FixtureVariant, shops: number): Promise<FixtureProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('./fixtures-server.ts', import.meta.url).pathname, variant, String(shops)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const firstLine = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the fixture server exited with ${code}`)));
  });
  const { urls, homeBytes } = JSON.parse(firstLine) as { urls: string[]; homeBytes: number };
  return {
    urls,
    homeBytes,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
