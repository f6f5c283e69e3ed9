import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWhere, type Selection } from './condition-check.js';
import { COLLECTIONS, type Collection, type Where } from './grammar.js';
import { referenceLanguageGaps } from './language-check.js';
import { isRecord, reportAll, type TreeReading, unknownFields } from './rule-tree-reading.js';
import type { LocalText, RuleReference } from './types.js';
import type { YamlSource } from './yaml-source.js';

// The files every pack shares: references.yaml, selections.yaml and VERSION.

const REFERENCE_FIELDS = ['instrument', 'title', 'note', 'article', 'caseNumber', 'url'];
const SELECTION_FIELDS = ['in', 'where', 'description'];

/**
 * A reference as rules carry it. Without an `instrument` of its own, the instrument is the English
 * title with its note, so a reader of one language (and a stored rule set) still has the whole citation.
 */
export function toReference(key: string, entry: Record<string, unknown>): RuleReference {
  const title = entry.title as LocalText | undefined;
  const note = entry.note as LocalText | undefined;
  const instrument =
    typeof entry.instrument === 'string'
      ? entry.instrument
      : [title?.en, note?.en].filter((part) => part !== undefined).join(', ');
  return { ...(entry as Omit<RuleReference, 'key' | 'instrument'>), key, instrument };
}

/** The map at the top of an optional shared file; undefined when the file is absent or not such a map. */
function sharedMap(
  reading: TreeReading,
  name: string,
  shape: string,
): { source: YamlSource; value: Record<string, unknown> } | undefined {
  const file = join(reading.dir, name);
  const source = existsSync(file) ? reading.read(file) : undefined;
  if (!source) return undefined;
  if (isRecord(source.value)) return { source, value: source.value };
  reading.report(source, [], `${name} must map ${shape}`);
  return undefined;
}

function isLocalText(value: unknown): boolean {
  return isRecord(value) && typeof value.en === 'string';
}

function checkReferenceEntry(
  reading: TreeReading,
  source: YamlSource,
  key: string,
  entry: Record<string, unknown>,
): void {
  for (const field of unknownFields(entry, REFERENCE_FIELDS))
    reading.report(source, [key, field], `unknown field "${field}" in reference ${key}`);
  for (const field of ['title', 'note']) {
    if (entry[field] !== undefined && !isLocalText(entry[field]))
      reading.report(
        source,
        [key, field],
        `reference ${key}: ${field} must map languages to texts, with at least "en"`,
      );
  }
  reading.reportGaps(source, referenceLanguageGaps(key, entry), [key]);
  if (entry.url !== undefined && !/^https?:\/\//.test(String(entry.url)))
    reading.report(source, [key, 'url'], `reference ${key}: url must start with http(s)://`);
}

export function readReferences(reading: TreeReading): Map<string, RuleReference> {
  const references = new Map<string, RuleReference>();
  const file = sharedMap(
    reading,
    'references.yaml',
    'a key to { title, note?, article?, caseNumber?, url? }',
  );
  if (!file) return references;
  for (const [key, entry] of Object.entries(file.value)) {
    if (!isRecord(entry) || (typeof entry.instrument !== 'string' && !isRecord(entry.title))) {
      reading.report(file.source, [key], `reference ${key} needs a "title" (or an "instrument")`);
      continue;
    }
    checkReferenceEntry(reading, file.source, key, entry);
    references.set(key, toReference(key, entry));
  }
  return references;
}

/** The collection a selection's `in` names: a collection itself, or the one an earlier selection is of. */
function baseCollection(base: string, parent: Selection | undefined): Collection | undefined {
  return (COLLECTIONS as readonly string[]).includes(base) ? (base as Collection) : parent?.in;
}

function readSelection(
  reading: TreeReading,
  source: YamlSource,
  name: string,
  entry: Record<string, unknown>,
  earlier: Map<string, Selection>,
): Selection | undefined {
  for (const field of unknownFields(entry, SELECTION_FIELDS))
    reading.report(source, [name, field], `unknown field "${field}" in selection ${name}`);
  const base = typeof entry.in === 'string' ? entry.in : '';
  const parent = earlier.get(base);
  const collection = baseCollection(base, parent);
  if (!collection) {
    const message = `selection ${name}: "${base}" is neither a collection nor an earlier selection`;
    reading.report(source, [name, 'in'], message);
    return undefined;
  }
  if (entry.where === undefined) return { name, in: collection, where: [...(parent?.where ?? [])] };
  reportAll(reading.report, source, checkWhere(entry.where, collection, [name, 'where']));
  return { name, in: collection, where: [...(parent?.where ?? []), entry.where as Where] };
}

export function readSelections(reading: TreeReading): Map<string, Selection> {
  const selections = new Map<string, Selection>();
  const file = sharedMap(reading, 'selections.yaml', 'a name to { in, where }');
  if (!file) return selections;
  // Selections may build on earlier ones; resolve in file order and refuse forward references.
  for (const [name, entry] of Object.entries(file.value)) {
    if (!isRecord(entry)) {
      reading.report(file.source, [name], `selection ${name} must be a map with "in" and "where"`);
      continue;
    }
    const selection = readSelection(reading, file.source, name, entry, selections);
    if (selection) selections.set(name, selection);
  }
  return selections;
}

/** The rules' VERSION, its bytes kept for the profile hash. */
export function readVersion(reading: TreeReading): string | undefined {
  const versionFile = join(reading.dir, 'VERSION');
  const versionBytes = existsSync(versionFile) ? readFileSync(versionFile) : undefined;
  if (versionBytes !== undefined) reading.texts.set('VERSION', versionBytes);
  return versionBytes?.toString('utf8').trim() || undefined;
}
