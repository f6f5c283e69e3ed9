import vm from 'node:vm';

export class TimeLimitError extends Error {
  constructor(readonly limitMs: number) {
    super(`stopped after ${limitMs} ms`);
    this.name = 'TimeLimitError';
  }
}

// V8 can interrupt only script it runs under a watchdog, but that covers everything the script
// calls, a regular expression's backtracking included: the work runs as `work()` in an empty context.
const context = vm.createContext({});
const script = new vm.Script('work()');

/** Runs synchronous work, and stops it (TimeLimitError) if it has not returned within `limitMs`. */
export function withinTimeLimit<T>(work: () => T, limitMs: number): T {
  context.work = work;
  try {
    return script.runInContext(context, { timeout: limitMs }) as T;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT')
      throw new TimeLimitError(limitMs);
    throw error;
  } finally {
    context.work = undefined;
  }
}
