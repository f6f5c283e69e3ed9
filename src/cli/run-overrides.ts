import { carriedOverrides } from '../audit/carried-overrides.js';
import {
  loadOverrides,
  type Override,
  OverrideError,
  type OverrideScope,
  overrideProblems,
} from '../rules/index.js';
import type { Store } from '../store/types.js';
import { cliText } from './cli-language.js';
import { resolveRun } from './run-ref.js';
import { UserError } from './user-error.js';

export interface OverrideSources {
  /** --overrides FILE */
  file?: string;
  /** --carry-overrides RUN: the decisions of an earlier run (id or label) */
  carryFrom?: string;
}

function fromFile(file: string, scope: OverrideScope): Override[] {
  let overrides: Override[];
  try {
    overrides = loadOverrides(file);
  } catch (error) {
    if (error instanceof OverrideError) throw UserError.of(error.message);
    throw error;
  }
  const problems = overrideProblems(overrides, scope, file);
  if (problems.length > 0) {
    throw UserError.say('error.overridesUseless', {
      problems: problems.map((p) => p.message).join('\n'),
      count: problems.length,
      file,
    });
  }
  return overrides;
}

/**
 * An earlier run's decisions that still apply: one about a rule the new rule sets lack or a shop
 * the new run does not audit is left behind, with a line saying so (shops and rules come and go
 * between yearly runs, so that is no error).
 */
function carried(store: Store, ref: string, scope: OverrideScope, warn: (line: string) => void): Override[] {
  const run = resolveRun(store, ref);
  const all = carriedOverrides(run, store.shops(run.id));
  const problems = overrideProblems(all, scope, `run ${run.id} "${run.label}"`);
  const dropped = new Set(problems.map((p) => p.index));
  const t = cliText();
  for (const problem of problems) warn(t('cli.notCarried', { problem: problem.message }));
  const kept = all.filter((_, index) => !dropped.has(index));
  warn(t('cli.carried', { kept: kept.length, total: all.length, id: run.id, label: run.label }));
  return kept;
}

/**
 * The overrides a run is judged with: carried ones first, then the file's, so a line of the file
 * replaces a carried decision about the same shop and rule. A file entry that names an unknown rule
 * or a shop outside the run is an error (exit 1) rather than a dispute that looks handled.
 */
export function overridesForRun(
  store: Store,
  sources: OverrideSources,
  scope: OverrideScope,
  warn: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Override[] {
  const fromRun = sources.carryFrom ? carried(store, sources.carryFrom, scope, warn) : [];
  const fromList = sources.file ? fromFile(sources.file, scope) : [];
  return [...fromRun, ...fromList];
}
