import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ajvDraft04 from 'ajv-draft-04';

// Microsoft's SARIF test matchers ship the SARIF 2.1.0 JSON schema (a draft-04 schema); it is read
// from that package, never copied into this project.
const require = createRequire(import.meta.url);
const SCHEMA_FILE = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

// CommonJS with `exports.default`: under NodeNext the class is the default import's `default`.
const Ajv04 = ajvDraft04.default;
let validate: ReturnType<InstanceType<typeof Ajv04>['compile']> | undefined;

/** The problems of a SARIF log against the SARIF 2.1.0 schema; empty when it is valid. */
export function sarifProblems(log: unknown): string[] {
  validate ??= new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false }).compile(
    JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')),
  );
  if (validate(log)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}
