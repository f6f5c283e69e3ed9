/**
 * Runs `work` and measures it two ways: the processor time this process spent (all its threads,
 * including garbage collection) and the wall clock. A bound on the work of a synchronous step belongs
 * on the processor time: other processes on a loaded machine stretch the wall clock, not it.
 */
export function measured<T>(work: () => T): { result: T; cpuMs: number; wallMs: number } {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const result = work();
  const cpu = process.cpuUsage(cpuBefore);
  return { result, cpuMs: (cpu.user + cpu.system) / 1000, wallMs: performance.now() - started };
}
