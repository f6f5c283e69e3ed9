import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { RULES_DIR } from '../common/paths.js';

/** The JSON Schema for rule files ships with the rule packs; it is the same for every rule folder. */
export const RULE_SCHEMA_FILE = join(RULES_DIR, 'schema', 'rule.schema.json');

interface RuleValidators {
  rule: ValidateFunction;
  refinement: ValidateFunction;
}

let validators: RuleValidators | undefined;

function load(): RuleValidators {
  if (validators) return validators;
  const schema = JSON.parse(readFileSync(RULE_SCHEMA_FILE, 'utf8')) as { $id: string };
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addSchema(schema);
  validators = {
    rule: ajv.compile({ $ref: `${schema.$id}#/definitions/rule` }),
    refinement: ajv.compile({ $ref: `${schema.$id}#/definitions/refinement` }),
  };
  return validators;
}

export interface SchemaProblem {
  /** Path to the offending node (keys and indices). */
  path: Array<string | number>;
  message: string;
}

function describe(error: ErrorObject): SchemaProblem {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((step) => step.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((step) => (/^\d+$/.test(step) ? Number(step) : step));
  const at = path.length > 0 ? path.join('.') : 'the file';
  switch (error.keyword) {
    case 'additionalProperties': {
      const field = String((error.params as { additionalProperty: string }).additionalProperty);
      return { path: [...path, field], message: `unknown field "${field}" in ${at}` };
    }
    case 'propertyNames':
      return {
        path,
        message: `unknown condition key in ${at} (allowed: some, none, all, count, allOf, anyOf, not, rule, shop, always)`,
      };
    case 'required':
      return {
        path,
        message: `${at} lacks "${(error.params as { missingProperty: string }).missingProperty}"`,
      };
    case 'pattern':
      if (path[0] === 'adviceFor')
        return {
          path,
          message: `${at} has a lone brace or an unknown {placeholder}; write placeholders as {value}, {raw}, {page}, {pageKind}, {depth}, {click}, {region}, {presentation}, {title}, {kind} or {vendor}`,
        };
      return { path, message: `${at} ${error.message ?? 'is invalid'}` };
    case 'enum':
      return {
        path,
        message: `${at} must be one of ${((error.params as { allowedValues: unknown[] }).allowedValues ?? []).join(', ')}`,
      };
    default:
      return { path, message: `${at} ${error.message ?? 'is invalid'}` };
  }
}

/** Schema problems of one parsed rule file; `refines` files are checked as refinements. */
export function validateRuleShape(value: unknown): SchemaProblem[] {
  const { rule, refinement } = load();
  const validate = value && typeof value === 'object' && 'refines' in value ? refinement : rule;
  if (validate(value)) return [];
  const seen = new Set<string>();
  // anyOf branches (string or object reference) repeat themselves; keep one line per message.
  return (validate.errors ?? [])
    .filter((error) => error.keyword !== 'anyOf' && error.keyword !== 'if')
    .map(describe)
    .filter((problem) => !seen.has(problem.message) && seen.add(problem.message) !== undefined);
}
