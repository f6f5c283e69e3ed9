import { referencedRules } from './condition-check.js';
import { CONDITION_FIELDS } from './rule-file-check.js';
import type { Profile, RuleFile, RuleTree } from './rule-tree.js';
import type { Reporter } from './rule-tree-reading.js';

/** The files a profile stacks up, in pack order, with later refinements after the rules they change. */
export function profileFiles(tree: RuleTree, profile: Profile): RuleFile[] {
  return profile.packs.flatMap((pack) => tree.packs.get(pack) ?? []);
}

interface Assembly {
  /** Each rule id with the file that defines it. */
  defined: Map<string, RuleFile>;
  /** Each rule id with its defining file and the refinements after it. */
  filesOf: Map<string, RuleFile[]>;
}

/** Why a file cannot join the profile (a refinement of nothing, a duplicate id), or undefined. */
function misplacedFile(file: RuleFile, earlier: RuleFile | undefined, profile: Profile) {
  if (file.refines && !earlier)
    return {
      path: ['refines'],
      message: `refines "${file.id}", which no earlier pack of profile ${profile.id} defines`,
    };
  if (!file.refines && earlier)
    return {
      path: ['id'],
      message: `duplicate rule id "${file.id}" in profile ${profile.id} (also ${earlier.relFile}); use "refines:" to change a rule for a market`,
    };
  return undefined;
}

function assemble(tree: RuleTree, profile: Profile, report: Reporter): Assembly {
  const defined = new Map<string, RuleFile>();
  const filesOf = new Map<string, RuleFile[]>();
  for (const file of profileFiles(tree, profile)) {
    const earlier = defined.get(file.id);
    const problem = misplacedFile(file, earlier, profile);
    if (problem) {
      report(file.source, problem.path, problem.message, file.id);
      continue;
    }
    if (!earlier) defined.set(file.id, file);
    filesOf.set(file.id, [...(filesOf.get(file.id) ?? []), file]);
  }
  return { defined, filesOf };
}

/** The rules each rule's conditions refer to, each missing one reported. */
function ruleEdges(
  { defined, filesOf }: Assembly,
  profile: Profile,
  report: Reporter,
): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const [ruleId, files] of filesOf) {
    const targets: string[] = [];
    for (const file of files) {
      for (const field of CONDITION_FIELDS) {
        for (const target of referencedRules(file.raw[field])) {
          targets.push(target);
          if (!defined.has(target))
            report(
              file.source,
              [field],
              `refers to rule "${target}", which profile ${profile.id} does not have`,
              ruleId,
            );
        }
      }
    }
    edges.set(ruleId, targets);
  }
  return edges;
}

function reportCycles(defined: Map<string, RuleFile>, edges: Map<string, string[]>, report: Reporter): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (ruleId: string, trail: string[]): void => {
    if (state.get(ruleId) === 'done') return;
    if (state.get(ruleId) === 'visiting') {
      const file = defined.get(ruleId);
      if (file)
        report(file.source, ['test'], `circular rule references: ${[...trail, ruleId].join(' → ')}`, ruleId);
      return;
    }
    state.set(ruleId, 'visiting');
    for (const target of edges.get(ruleId) ?? []) if (defined.has(target)) visit(target, [...trail, ruleId]);
    state.set(ruleId, 'done');
  };
  for (const ruleId of edges.keys()) visit(ruleId, []);
}

/** Per profile: duplicates, refinements without a base, unknown adjust ids, missing or circular rule references. */
export function checkAssembly(tree: RuleTree, profile: Profile, report: Reporter): void {
  const assembly = assemble(tree, profile, report);
  for (const ruleId of Object.keys(profile.adjust)) {
    if (!assembly.defined.has(ruleId))
      report(profile.source, ['adjust', ruleId], `adjust names unknown rule "${ruleId}"`, ruleId);
  }
  reportCycles(assembly.defined, ruleEdges(assembly, profile, report), report);
}
