import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = join(ROOT, 'dist', 'cli', 'main.js');

export interface CliProcess {
  child: ChildProcess;
  stderr(): string;
  stdout(): string;
  /** Exit code, or the signal's name when it was killed. */
  exited: Promise<number | string>;
  /** Resolves when stderr has a line matching, with that line. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<string>;
}

/** Runs the built CLI as a separate process, as a user would on each machine. */
export function spawnCli(args: string[]): CliProcess {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first (npm test does it).`);
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, CI: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters: Array<() => void> = [];
  child.stdout?.on('data', (chunk) => (out += chunk));
  child.stderr?.on('data', (chunk) => {
    err += chunk;
    for (const wake of waiters.splice(0)) wake();
  });
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code ?? -1)),
  );
  return {
    child,
    stderr: () => err,
    stdout: () => out,
    exited,
    waitFor(pattern, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      return new Promise((resolve, reject) => {
        const check = () => {
          const line = err.split('\n').find((l) => pattern.test(l));
          if (line !== undefined) return resolve(line);
          if (Date.now() > deadline || child.exitCode !== null) {
            return reject(new Error(`no line matching ${pattern} from shopreach ${args.join(' ')}:\n${err}`));
          }
          waiters.push(check);
          setTimeout(check, 200);
        };
        check();
      });
    },
  };
}

export async function finish(proc: CliProcess, timeoutMs: number): Promise<number | string> {
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), timeoutMs);
  try {
    return await proc.exited;
  } finally {
    clearTimeout(timer);
  }
}
