import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Selection } from './condition-check.js';
import type { LintDiagnostic } from './diagnostics.js';
import { ruleLanguageGaps } from './language-check.js';
import { checkAssembly, profileFiles } from './rule-assembly-check.js';
import { checkProfile, checkRuleFile } from './rule-file-check.js';
import { startReading, type TreeReading, yamlFiles } from './rule-tree-reading.js';
import { readReferences, readSelections, readVersion } from './rule-tree-shared.js';
import type { RuleLevel, RuleReference } from './types.js';
import type { YamlSource } from './yaml-source.js';

export { profileFiles } from './rule-assembly-check.js';
export { toReference } from './rule-tree-shared.js';

/** Folders under the rules directory that are not rule packs. */
const NOT_PACKS = new Set(['schema', 'profiles', 'vocabulary']);

export interface RuleFile {
  pack: string;
  /** Path relative to the rules directory, with forward slashes. */
  relFile: string;
  source: YamlSource;
  raw: Record<string, unknown>;
  /** The rule's id, or for a refinement the id it refines. */
  id: string;
  refines: boolean;
}

export interface Profile {
  id: string;
  relFile: string;
  source: YamlSource;
  description?: string;
  version?: string;
  packs: string[];
  adjust: Record<string, { weight?: number; level?: RuleLevel }>;
}

/** Everything read from one rules directory, plus the problems met while reading it. */
export interface RuleTree {
  dir: string;
  /** Problems that stop the rules from being used. */
  diagnostics: LintDiagnostic[];
  /**
   * Texts that lack a shipped language (en, nl, de, fr). `rules lint` fails on them; a run still
   * loads such rules (a user's own rules folder may be in fewer languages) and shows English there.
   */
  languageGaps: LintDiagnostic[];
  packs: Map<string, RuleFile[]>;
  profiles: Map<string, Profile>;
  selections: Map<string, Selection>;
  references: Map<string, RuleReference>;
  version: string | undefined;
  /** Each file's bytes as read (path relative to `dir`), so a profile's hash is of what was read. */
  texts: Map<string, Buffer>;
  /** Every YAML file read without parse errors, for checks that walk all of them (regular expressions). */
  sources: YamlSource[];
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

function treeOf(
  reading: TreeReading,
  parts: Pick<RuleTree, 'packs' | 'profiles' | 'selections' | 'references' | 'version'>,
): RuleTree {
  const { dir, diagnostics, languageGaps, texts, sources } = reading;
  return { dir, diagnostics, languageGaps, texts, sources, ...parts };
}

function readPack(
  reading: TreeReading,
  pack: string,
  selections: Map<string, Selection>,
  references: Map<string, RuleReference>,
): RuleFile[] {
  const files: RuleFile[] = [];
  for (const name of yamlFiles(join(reading.dir, pack))) {
    const source = reading.read(join(reading.dir, pack, name));
    const file = source && checkRuleFile(reading, source, pack, name, selections, references);
    if (!source || !file) continue;
    files.push({ ...file, relFile: `${pack}/${name}` });
    reading.reportGaps(source, ruleLanguageGaps(file.raw), [], file.id);
  }
  return files;
}

function readPacks(
  reading: TreeReading,
  selections: Map<string, Selection>,
  references: Map<string, RuleReference>,
): Map<string, RuleFile[]> {
  const packs = new Map<string, RuleFile[]>();
  for (const pack of readdirSync(reading.dir).sort()) {
    if (NOT_PACKS.has(pack) || !isDirectory(join(reading.dir, pack))) continue;
    packs.set(pack, readPack(reading, pack, selections, references));
  }
  return packs;
}

function readProfiles(reading: TreeReading, packs: Map<string, RuleFile[]>): Map<string, Profile> {
  const profiles = new Map<string, Profile>();
  const profileDir = join(reading.dir, 'profiles');
  for (const name of existsSync(profileDir) ? yamlFiles(profileDir) : []) {
    const source = reading.read(join(profileDir, name));
    const profile = source && checkProfile(reading, source, name, packs);
    if (profile) profiles.set(profile.id, { ...profile, relFile: `profiles/${name}` });
  }
  if (profiles.size === 0)
    reading.diagnostics.push({
      file: profileDir,
      line: 1,
      message: 'no profiles found (profiles/<market>.yaml)',
    });
  return profiles;
}

/** Reads every part of a rules directory, each problem met named by its file and line. */
export function readRuleTree(dir: string): RuleTree {
  const reading = startReading(dir);
  if (!isDirectory(dir)) {
    reading.diagnostics.push({ file: dir, line: 1, message: 'rules directory not found' });
    const empty = { packs: new Map(), profiles: new Map(), selections: new Map(), references: new Map() };
    return treeOf(reading, { ...empty, version: undefined });
  }
  const references = readReferences(reading);
  const selections = readSelections(reading);
  const version = readVersion(reading);
  const packs = readPacks(reading, selections, references);
  const profiles = readProfiles(reading, packs);
  const tree = treeOf(reading, { packs, profiles, selections, references, version });
  for (const profile of profiles.values()) checkAssembly(tree, profile, reading.report);
  return tree;
}

/** sha256 over the files a profile uses, sorted by their path inside the rules directory. */
export function hashProfile(tree: RuleTree, profile: Profile): string {
  const shared = ['VERSION', 'references.yaml', 'selections.yaml'].filter((name) => tree.texts.has(name));
  const files = [
    ...shared,
    profile.relFile,
    ...profileFiles(tree, profile).map((file) => file.relFile),
  ].sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file);
    hash.update('\0');
    hash.update(tree.texts.get(file) ?? readFileSync(join(tree.dir, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}
