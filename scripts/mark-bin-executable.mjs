// The build writes dist/cli/main.js without its executable bit. npm sets the bit only when it links a
// bin (install, npm link, the first npx), so a rebuild behind an existing link (`rm -rf dist
// node_modules && npm ci` under npx's cached link) left `npx shopreach` with "Permission denied".
// Every bin named in package.json is made executable after each build.
import { chmodSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const bins = typeof pkg.bin === 'string' ? [pkg.bin] : Object.values(pkg.bin ?? {});
for (const bin of bins) {
  const file = resolve(new URL('..', import.meta.url).pathname, bin);
  chmodSync(file, statSync(file).mode | 0o111);
}
