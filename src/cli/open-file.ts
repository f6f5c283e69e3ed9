import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { cliText } from './cli-language.js';

/** The program that opens a file in its default application, per platform. */
const OPENERS: Partial<Record<NodeJS.Platform, { command: string; args: (file: string) => string[] }>> = {
  linux: { command: 'xdg-open', args: (file) => [file] },
  freebsd: { command: 'xdg-open', args: (file) => [file] },
  openbsd: { command: 'xdg-open', args: (file) => [file] },
  darwin: { command: 'open', args: (file) => [file] },
  win32: { command: 'cmd', args: (file) => ['/c', 'start', '""', file] },
};

function onPath(command: string, path = process.env.PATH ?? ''): boolean {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    for (const name of process.platform === 'win32' ? [`${command}.exe`, command] : [command]) {
      try {
        accessSync(join(dir, name), constants.X_OK);
        return true;
      } catch {
        // not in this folder
      }
    }
  }
  return false;
}

/**
 * Opens a file with the platform's opener (xdg-open, open, start), detached. Without an opener it
 * does nothing and says so: the file is still there to open by hand.
 */
export function openFile(
  file: string,
  say: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): boolean {
  const opener = OPENERS[process.platform];
  if (!opener || !onPath(opener.command)) {
    const t = cliText();
    say(t('cli.noOpener', { opener: opener?.command ?? t('cli.noOpenerForPlatform'), file }));
    return false;
  }
  const child = spawn(opener.command, opener.args(file), { detached: true, stdio: 'ignore' });
  child.on('error', () => say(cliText()('cli.openFailed', { file })));
  child.unref();
  return true;
}
