import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export type BrowserSource = 'SHOPREACH_CHROMIUM' | 'playwright' | 'system';

export interface LocatedBrowser {
  path: string;
  source: BrowserSource;
  /** true for Chromium's headless shell, which needs far less CPU and memory. */
  headlessShell: boolean;
}

/** Real binaries first (the Debian wrappers under /usr/bin only exec these). */
const SYSTEM_CANDIDATES: Array<{ path: string; headlessShell: boolean }> = [
  { path: '/usr/lib/chromium/chromium-headless-shell', headlessShell: true },
  { path: '/usr/bin/chromium-headless-shell', headlessShell: true },
  { path: '/usr/lib/chromium/chromium', headlessShell: false },
  { path: '/usr/bin/chromium', headlessShell: false },
  { path: '/usr/bin/chromium-browser', headlessShell: false },
  { path: '/snap/bin/chromium', headlessShell: false },
  { path: '/usr/bin/google-chrome-stable', headlessShell: false },
  { path: '/usr/bin/google-chrome', headlessShell: false },
  { path: '/opt/google/chrome/chrome', headlessShell: false },
  { path: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', headlessShell: false },
  { path: '/Applications/Chromium.app/Contents/MacOS/Chromium', headlessShell: false },
  { path: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', headlessShell: false },
  { path: 'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe', headlessShell: false },
];

export const INSTALL_ADVICE = [
  'No Chromium or Chrome was found. Install one of:',
  "  npx playwright install chromium          (downloads Playwright's Chromium; needs internet)",
  '  sudo apt-get install chromium-headless-shell   (Debian/Ubuntu; or the "chromium" package)',
  'or point SHOPREACH_CHROMIUM at a Chromium/Chrome executable.',
].join('\n');

async function playwrightBrowser(): Promise<LocatedBrowser | null> {
  try {
    const { chromium } = await import('playwright');
    const path = chromium.executablePath();
    if (path && existsSync(path)) return { path, source: 'playwright', headlessShell: false };
  } catch {
    // playwright's registry lookup can throw when its cache layout is unknown: treat as absent
  }
  return null;
}

/**
 * Finds a browser by itself, in order: SHOPREACH_CHROMIUM, Playwright's own download,
 * then a system headless shell, Chromium or Chrome. Returns null when nothing is found.
 */
export async function locateBrowser(env: NodeJS.ProcessEnv = process.env): Promise<LocatedBrowser | null> {
  const explicit = env.SHOPREACH_CHROMIUM?.trim();
  if (explicit) {
    if (!existsSync(explicit)) {
      throw new Error(`SHOPREACH_CHROMIUM points at ${explicit}, which does not exist.`);
    }
    return {
      path: explicit,
      source: 'SHOPREACH_CHROMIUM',
      headlessShell: /headless[-_]shell/i.test(explicit),
    };
  }
  const fromPlaywright = await playwrightBrowser();
  if (fromPlaywright) return fromPlaywright;
  for (const candidate of SYSTEM_CANDIDATES) {
    if (existsSync(candidate.path)) return { ...candidate, source: 'system' };
  }
  return null;
}

/** `chromium --version`, or null when the binary does not answer. */
export function browserVersion(path: string): string | null {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim() || null;
  } catch {
    return null;
  }
}
