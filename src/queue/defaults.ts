/**
 * How long a worker holds a job without renewing its lock. A running worker renews it every half
 * of this; a worker that died stops renewing, and the stalled check (run by every worker every half
 * of this) hands its jobs to another worker, so a dead worker's shop restarts within ~1.5× this.
 * It must exceed the longest event-loop stall of a busy worker, or a live job is run twice (its
 * result is still stored once). Kept in its own file so the CLI's --help does not load BullMQ.
 */
export const DEFAULT_LOCK_DURATION_MS = 30_000;
