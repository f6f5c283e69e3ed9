import { terminalSafe } from '../common/terminal-text.js';
import { type InputProblem, type ListMessage, ShopListError } from '../input/index.js';
import { cliText } from './cli-language.js';
import { UserError } from './user-error.js';

/** What the input stage said about a list (a catalogue key and values), in the command's language. */
export function listMessageText(says: ListMessage): string {
  return cliText()(says.key, says.values);
}

/** A problem of a list as one terminal line that names the file, the line and (when known) the column. */
export function listProblemLine(file: string, problem: InputProblem, fatal: boolean): string {
  const at = `${file}:${problem.line}${problem.column ? `:${problem.column}` : ''}`;
  const key = fatal ? 'cli.listFatal' : 'cli.listSkipped';
  return terminalSafe(cliText()(key, { at, problem: listMessageText(problem) }));
}

/** A row kept with something removed, as one terminal line. */
export function listWarningLine(file: string, line: number, warning: ListMessage): string {
  return terminalSafe(`${file}:${line}: ${listMessageText(warning)}`);
}

/** A list file that cannot be opened or read becomes the command's error, in its language; other errors pass. */
export function asListUserError(error: unknown): unknown {
  return error instanceof ShopListError ? UserError.say(error.says.key, error.says.values) : error;
}
