/**
 * Settles with `work`, or rejects with `onTimeout()` after `ms`, whichever comes first. The work
 * is not cancelled (callers close what it holds); the point is that the caller never waits longer.
 */
export function withDeadline<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), Math.max(0, ms));
  });
  work.catch(() => {}); // a late rejection after the deadline is nobody's business
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Resolves to true when `work` finished within `ms`, false otherwise; never rejects. */
export async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  try {
    await withDeadline(work, ms, () => new Error('deadline'));
    return true;
  } catch (err) {
    return (err as Error)?.message !== 'deadline';
  }
}
