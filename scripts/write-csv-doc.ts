// Writes the column table of src/report/CSV.md from the message catalogue (`npm run docs:csv`), so
// the document and the report's own column explanations cannot drift apart. A test fails while the
// file is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { csvDocument } from '../src/report/csv-columns.js';

const file = fileURLToPath(new URL('../src/report/CSV.md', import.meta.url));
const before = readFileSync(file, 'utf8');
const after = csvDocument(before);
if (after !== before) writeFileSync(file, after);
process.stdout.write(after === before ? `${file} is up to date\n` : `wrote ${file}\n`);
