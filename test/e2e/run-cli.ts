import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = join(ROOT, 'dist', 'cli', 'main.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** How long runCli lets one run of the CLI take before it kills it as hung. */
export const CLI_TIMEOUT_MS = 120_000;

/**
 * A timeout for a test that runs the CLI up to `runs` times: above the sum of their hang guards, so a
 * hung run is reported by runCli with its stderr, and a slow one on a loaded machine is not a failure.
 */
export const cliTestTimeout = (runs: number): number => runs * CLI_TIMEOUT_MS + 10_000;

/** Spawns the built CLI, as a user would run it; `npm test` builds it first. */
export function runCli(
  args: string[],
  options: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<CliResult> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" (npm test does it for you).`);
  const timeoutMs = options.timeoutMs ?? CLI_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, CI: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      // A hang guard: node kills the CLI when it runs longer, and the close below reports it.
      timeout: timeoutMs,
      killSignal: 'SIGKILL',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === null && signal === 'SIGKILL')
        return reject(
          new Error(`shopreach ${args.join(' ')} was killed: not finished in ${timeoutMs} ms?\n${stderr}`),
        );
      resolve({ code, stdout, stderr });
    });
  });
}
