import { readdirSync, readFileSync } from 'node:fs';

const CLOCK_TICKS_PER_SECOND = 100;
const PAGE_KB = 4;

interface ProcInfo {
  pid: number;
  ppid: number;
  name: string;
  cpuTicks: number;
  rssKb: number;
}

function readProc(pid: number): ProcInfo | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const name = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    // fields[0] is state (field 3); utime is field 14, stime 15, rss 24.
    return {
      pid,
      ppid: Number(fields[1]),
      name,
      cpuTicks: Number(fields[11]) + Number(fields[12]),
      rssKb: Number(fields[21]) * PAGE_KB,
    };
  } catch {
    return null;
  }
}

function allProcs(): ProcInfo[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map((entry) => readProc(Number(entry)))
    .filter((p): p is ProcInfo => p !== null);
}

function treeOf(root: number, procs: ProcInfo[]): ProcInfo[] {
  const children = new Map<number, ProcInfo[]>();
  for (const p of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const tree: ProcInfo[] = [];
  const stack = procs.filter((p) => p.pid === root);
  while (stack.length) {
    const p = stack.pop()!;
    tree.push(p);
    stack.push(...(children.get(p.pid) ?? []));
  }
  return tree;
}

function pssKb(pid: number): number {
  try {
    const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

const isBrowser = (p: ProcInfo) => /chrom|headless_shell/i.test(p.name);

/** What a process of the tree is: node, or Chromium's browser, renderer, gpu-process, utility … */
function kindOf(p: ProcInfo): string {
  if (!isBrowser(p)) return 'node';
  try {
    const cmdline = readFileSync(`/proc/${p.pid}/cmdline`, 'utf8');
    return /--type=([\w-]+)/.exec(cmdline)?.[1] ?? 'browser';
  } catch {
    return 'browser';
  }
}

export interface TreeMeasure {
  /** CPU of every process of the tree, each counted up to its last sample. */
  cpuMs: number;
  peakTreeRssMb: number;
  /** The Node process's own peak RSS (VmHWM). */
  peakNodeRssMb: number;
  peakBrowserPssMb: number;
  /** Peak PSS of the renderer processes alone: the part that grows with every open context. */
  peakRendererPssMb: number;
  browserProcesses: number;
  /** CPU ms by process kind (node, browser, renderer, gpu-process, utility, zygote). */
  cpuMsByKind: Record<string, number>;
}

/**
 * Samples a process tree from /proc until stopped. CPU time of each process is taken at its last
 * sample, so a process that lives shorter than the interval is under-counted by at most that much.
 */
export function watchTree(
  root: number,
  intervalMs = 100,
  pssEveryMs = 1000,
): { mark(): void; stop(): TreeMeasure } {
  const lastCpu = new Map<number, number>();
  const measure: TreeMeasure = {
    cpuMs: 0,
    peakTreeRssMb: 0,
    peakNodeRssMb: 0,
    peakBrowserPssMb: 0,
    peakRendererPssMb: 0,
    browserProcesses: 0,
    cpuMsByKind: {},
  };
  const kinds = new Map<number, string>();
  let baselineByPid = new Map<number, number>();
  let lastPss = 0;
  let baselineTicks = 0;
  const totalTicks = () => [...lastCpu.values()].reduce((sum, value) => sum + value, 0);
  const sample = () => {
    const tree = treeOf(root, allProcs());
    let rss = 0;
    for (const p of tree) {
      if (!kinds.has(p.pid)) kinds.set(p.pid, kindOf(p));
      lastCpu.set(p.pid, p.cpuTicks);
      rss += p.rssKb;
    }
    measure.peakTreeRssMb = Math.max(measure.peakTreeRssMb, rss / 1024);
    try {
      const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${root}/status`, 'utf8'));
      if (hwm) measure.peakNodeRssMb = Math.max(measure.peakNodeRssMb, Number(hwm[1]) / 1024);
    } catch {}
    if (Date.now() - lastPss >= pssEveryMs) {
      lastPss = Date.now();
      const browsers = tree.filter(isBrowser);
      measure.browserProcesses = Math.max(measure.browserProcesses, browsers.length);
      let pss = 0;
      let rendererPss = 0;
      for (const p of browsers) {
        const kb = pssKb(p.pid);
        pss += kb;
        if (kinds.get(p.pid) === 'renderer') rendererPss += kb;
      }
      measure.peakBrowserPssMb = Math.max(measure.peakBrowserPssMb, pss / 1024);
      measure.peakRendererPssMb = Math.max(measure.peakRendererPssMb, rendererPss / 1024);
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    /** CPU spent before this (process start-up, module loading) is not counted. */
    mark() {
      sample();
      baselineTicks = totalTicks();
      baselineByPid = new Map(lastCpu);
    },
    stop() {
      clearInterval(timer);
      measure.cpuMs = ((totalTicks() - baselineTicks) * 1000) / CLOCK_TICKS_PER_SECOND;
      for (const [pid, ticks] of lastCpu) {
        const kind = kinds.get(pid) ?? 'node';
        const used = ((ticks - (baselineByPid.get(pid) ?? 0)) * 1000) / CLOCK_TICKS_PER_SECOND;
        measure.cpuMsByKind[kind] = (measure.cpuMsByKind[kind] ?? 0) + used;
      }
      return measure;
    },
  };
}
