import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { RULES_DIR } from '../../src/common/paths.js';
import { FIELDS } from '../../src/rules/grammar.js';

/** The back-quoted words of the README's field list bullet that starts with `- <name>`. */
function documented(readme: string, name: string): Set<string> {
  const start = readme.indexOf(`\n- ${name}`);
  expect(start, `rules/README.md lists the ${name} fields`).toBeGreaterThan(0);
  const end = readme.indexOf('\n- ', start + 3);
  const bullet = readme.slice(start, end === -1 ? undefined : end);
  return new Set([...bullet.matchAll(/`([^`]+)`/g)].flatMap((m) => m[1].split(/\s+/)));
}

it("rules/README.md names every field the rule grammar accepts (the author's only reference)", () => {
  const readme = readFileSync(join(RULES_DIR, 'README.md'), 'utf8');
  const missing: string[] = [];
  for (const [collection, fields] of Object.entries(FIELDS)) {
    const words = documented(readme, collection);
    for (const field of Object.keys(fields)) if (!words.has(field)) missing.push(`${collection}.${field}`);
  }
  expect(missing).toEqual([]);
});
