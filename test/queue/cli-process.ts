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
  let closed = false;
  child.stdout?.on('data', (chunk) => (out += chunk));
  child.stderr?.on('data', (chunk) => (err += chunk));
  child.on('close', () => (closed = true));
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code ?? -1)),
  );
  return {
    child,
    stderr: () => err,
    stdout: () => out,
    exited,
    waitFor(pattern, timeoutMs) {
      // Checked on each chunk of stderr (the listener above has appended it already); the process
      // closing its output or the deadline ends the wait.
      return new Promise((resolve, reject) => {
        const deadline = AbortSignal.timeout(timeoutMs);
        const matching = () => err.split('\n').find((l) => pattern.test(l));
        const stop = () => {
          child.stderr?.off('data', onOutput);
          child.off('close', onEnd);
          deadline.removeEventListener('abort', onEnd);
        };
        const onOutput = () => {
          const line = matching();
          if (line === undefined) return;
          stop();
          resolve(line);
        };
        const onEnd = () => {
          stop();
          const why = closed ? 'before it ended' : `within ${timeoutMs} ms`;
          reject(new Error(`no line matching ${pattern} ${why}, from shopreach ${args.join(' ')}:\n${err}`));
        };
        const already = matching();
        if (already !== undefined) return resolve(already);
        if (closed) return onEnd();
        child.stderr?.on('data', onOutput);
        child.on('close', onEnd);
        deadline.addEventListener('abort', onEnd, { once: true });
      });
    },
  };
}

/** Waits for the process to end, killing it when it has not after `timeoutMs` (a hang guard). */
export async function finish(proc: CliProcess, timeoutMs: number): Promise<number | string> {
  const deadline = AbortSignal.timeout(timeoutMs);
  const kill = () => proc.child.kill('SIGKILL');
  deadline.addEventListener('abort', kill, { once: true });
  try {
    return await proc.exited;
  } finally {
    deadline.removeEventListener('abort', kill);
  }
}
