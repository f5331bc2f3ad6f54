// Memory and CPU of a process tree, sampled from /proc (Linux): the build's node process and everything it
// starts, notably the `pagefind_extended` binary that Pagefind's Node API spawns, which a measurement of the
// node process alone (`/usr/bin/time -v`, process.memoryUsage) misses.
//
//   const sampler = new ProcessTreeSampler(child.pid!);   // starts sampling every 100 ms
//   ...                                                   // when the child has exited:
//   const trace = sampler.stop();                         // samples, peak of the summed RSS, peak per process
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { basename } from 'node:path';

/** One sample: when (ms since the epoch), the summed RSS of the tree, and each label's RSS. */
export interface MemorySample {
  t: number;
  rss: number;
  byLabel: Record<string, number>;
}

export interface ProcessFigures {
  /** `node (build)`, `node (tsx)`, `pagefind_extended`, `esbuild`… */
  label: string;
  pids: number;
  /** The kernel's high-water mark of the process's RSS (VmHWM): exact, even between samples. Max over its pids. */
  peakRss: number;
  /** The largest RSS the samples saw, all pids of this label together. */
  peakSampledRss: number;
  /** User + system CPU seconds at the last sample that saw each pid, summed over its pids. */
  cpuSeconds: number;
}

export interface MemoryTrace {
  intervalMs: number;
  samples: MemorySample[];
  /** Peak of the summed RSS of the whole tree over the samples, and when. */
  peakRss: number;
  peakAt: number;
  processes: ProcessFigures[];
}

interface Seen {
  label: string;
  hwm: number;
  cpuTicks: number;
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** pid → parent pid for every process, from /proc/<pid>/stat. */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces or parentheses: fields start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      map.set(Number(entry), Number(fields[1]));
    } catch {
      // The process ended between readdir and read.
    }
  }
  return map;
}

/** The pid and all its descendants. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents()) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const tree: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** A readable name: the executable's file name; for node, whether it is tsx's launcher or the build itself. */
function labelOf(pid: number): string {
  let argv: string[] = [];
  try {
    argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    // ended
  }
  let exe = argv[0] ? basename(argv[0]) : '';
  try {
    exe = basename(readlinkSync(`/proc/${pid}/exe`));
  } catch {
    // no permission or ended: keep argv[0]
  }
  if (exe === 'node' || /^node\d*$/.test(exe)) {
    if (argv[1]?.endsWith('tsx/dist/cli.mjs')) return 'node (tsx launcher)';
    return argv.some((a) => a.endsWith('astro-build.ts')) ? 'node (astro)' : 'node (build)';
  }
  return exe || `pid ${pid}`;
}

/** VmRSS and VmHWM in bytes, and user+system CPU ticks, of one process; undefined when it has ended. */
function readProcess(pid: number): { rss: number; hwm: number; cpuTicks: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))?.[1] ?? 0) * 1024;
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the name: state(0) ppid(1) … utime(11) stime(12).
    return { rss: kb('VmRSS'), hwm: kb('VmHWM'), cpuTicks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined;
  }
}

export class ProcessTreeSampler {
  private readonly samples: MemorySample[] = [];
  private readonly seen = new Map<number, Seen>();
  private readonly timer: NodeJS.Timeout;

  /** `onSample` sees each sample as it is taken (e.g. to stop a build that would exhaust the machine). */
  constructor(
    private readonly root: number,
    private readonly intervalMs = 100,
    private readonly onSample?: (sample: MemorySample) => void,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  sample(): void {
    const t = performance.timeOrigin + performance.now();
    const byLabel: Record<string, number> = {};
    let rss = 0;
    for (const pid of processTree(this.root)) {
      const figures = readProcess(pid);
      if (!figures || figures.rss === 0) continue; // ended, or a zombie waiting for its parent
      // Labelled at every sample: a child is a copy of node until it execs its own program (pagefind_extended).
      let seen = this.seen.get(pid);
      if (!seen) this.seen.set(pid, (seen = { label: '', hwm: 0, cpuTicks: 0 }));
      seen.label = labelOf(pid);
      seen.hwm = Math.max(seen.hwm, figures.hwm);
      seen.cpuTicks = figures.cpuTicks;
      byLabel[seen.label] = (byLabel[seen.label] ?? 0) + figures.rss;
      rss += figures.rss;
    }
    if (rss === 0) return;
    const sample = { t, rss, byLabel };
    this.samples.push(sample);
    this.onSample?.(sample);
  }

  /** Every pid seen in the tree so far. */
  pids(): number[] {
    return [...this.seen.keys()];
  }

  stop(): MemoryTrace {
    clearInterval(this.timer);
    const processes = new Map<string, ProcessFigures>();
    for (const seen of this.seen.values()) {
      const p = processes.get(seen.label) ?? { label: seen.label, pids: 0, peakRss: 0, peakSampledRss: 0, cpuSeconds: 0 };
      p.pids++;
      p.peakRss = Math.max(p.peakRss, seen.hwm);
      p.cpuSeconds += seen.cpuTicks / TICKS_PER_SECOND;
      processes.set(seen.label, p);
    }
    for (const s of this.samples) {
      for (const [label, rss] of Object.entries(s.byLabel)) {
        // A sample may name a process under a label it had then (a node process is labelled once it has run).
        const p = processes.get(label) ?? { label, pids: 0, peakRss: 0, peakSampledRss: 0, cpuSeconds: 0 };
        p.peakSampledRss = Math.max(p.peakSampledRss, rss);
        processes.set(label, p);
      }
    }
    const peak = this.samples.reduce<MemorySample | undefined>((max, s) => (!max || s.rss > max.rss ? s : max), undefined);
    return {
      intervalMs: this.intervalMs,
      samples: this.samples,
      peakRss: peak?.rss ?? 0,
      peakAt: peak?.t ?? 0,
      processes: [...processes.values()].sort((a, b) => b.peakRss - a.peakRss),
    };
  }
}
