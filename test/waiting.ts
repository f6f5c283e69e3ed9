import { setInterval, setTimeout } from 'node:timers/promises';

// The only places the tests wait on the clock. A test synchronises with the code under test through
// its events (a CLI's stderr line, a queue event, a request to a fixture server); these helpers are
// for what has no event.

/**
 * Waits `ms` of wall-clock time. Only for fixture servers that answer slowly on purpose (a shop that
 * is still loading when a test stops the audit); never to wait for the code under test.
 */
export function slowAnswer(ms: number): Promise<void> {
  return setTimeout(ms);
}

/**
 * Resolves once `condition()` holds, checking it every `everyMs`; rejects with `what` after
 * `timeoutMs`. For a state that only a database or a file shows (no line, event or request says
 * when it changes): prefer an event where the code under test gives one.
 */
export async function pollUntil(
  what: string,
  condition: () => boolean,
  { timeoutMs, everyMs = 50 }: { timeoutMs: number; everyMs?: number },
): Promise<void> {
  if (condition()) return;
  const deadline = AbortSignal.timeout(timeoutMs);
  try {
    for await (const _ of setInterval(everyMs, undefined, { signal: deadline })) if (condition()) return;
  } catch (error) {
    if (deadline.aborted) throw new Error(`${what}: not within ${timeoutMs} ms`);
    throw error;
  }
}
