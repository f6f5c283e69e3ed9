/** One problem in a rule tree, pointing at the file and line to fix. */
export interface LintDiagnostic {
  file: string;
  line: number;
  column?: number;
  ruleId?: string;
  message: string;
}

export class RuleSetError extends Error {
  constructor(
    message: string,
    readonly diagnostics: LintDiagnostic[],
  ) {
    super(message);
    this.name = 'RuleSetError';
  }
}

export function formatDiagnostic(diagnostic: LintDiagnostic): string {
  const where = `${diagnostic.file}:${diagnostic.line}${diagnostic.column ? `:${diagnostic.column}` : ''}`;
  return `${where}: ${diagnostic.ruleId ? `[${diagnostic.ruleId}] ` : ''}${diagnostic.message}`;
}
