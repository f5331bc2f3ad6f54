// One run of the real build (scripts/build.ts) as a child process, timed by stage and sampled for memory.
//
// Stage times come from the build's opt-in timing log (GONGSHI_TIMINGS, written by scripts/build.ts for
// src/build/pipeline.ts's stages); Astro's own steps inside its stage from the "Completed in" lines it
// logs. Memory is the process tree's (bench/process-memory.ts), each sample attributed to the stages that
// were running when it was taken (Astro and the search index run at the same time).
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { ProcessTreeSampler, processTree, type MemoryTrace, type ProcessFigures } from './process-memory';
import { ROOT } from './seed-text';

export type BuildKind = 'cold' | 'warm' | 'rebuild' | 'add';

export interface StageFigures {
  /**
   * startup, content-check, `astro ∥ search-index` (the wall time of the two, which run side by side) with
   * astro, index-text, search-index and search-index:write (every part written) inside it, verify, swap, exit.
   */
  stage: string;
  seconds: number;
  /** Peak of the tree's summed RSS among the samples taken during the stage (0: none taken). */
  peakRss: number;
  /** At that sample, RSS per process label. */
  peakByProcess: Record<string, number>;
}

export interface BuildRun {
  kind: BuildKind;
  ok: boolean;
  exitCode: number | null;
  signal: string | null;
  /** Spawn to exit of `node tsx scripts/build.ts`, seconds. */
  wallSeconds: number;
  stages: StageFigures[];
  /** Inside the astro stage, as Astro logs them (setup + content sync, server build, client build, pages). */
  astroSteps: Array<{ step: string; seconds: number }>;
  /** The Astro step that was running when the build ended without finishing it (a crash, a stop). */
  astroUnfinished?: string;
  /** Inside the search-index stage: writing the index files (Pagefind's writeFiles), every part together. */
  searchIndexWriteSeconds?: number;
  /** The search-index stage's figures: index parts, parts copied from the cache, parts written by Pagefind. */
  searchIndex?: { parts: number; reused: number; written: number };
  /** The index-text stage's figure: index documents made in this build (the others were kept from an earlier one). */
  indexDocumentsMade?: number;
  memory: { peakRss: number; peakStage: string; intervalMs: number; samples: number; processes: ProcessFigures[] };
  /** Summed RSS, one point a second: [seconds since spawn, bytes]. */
  timeline: Array<[number, number]>;
  /** CPU seconds of the build's processes, and the average busy cores of everything else on the machine meanwhile. */
  cpuSeconds: number;
  otherBusyCores: number;
  loadAverageBefore: number[];
  /** Size of Astro's content data store (<cache>/data-store.json) after the build: Node reads it as one string. */
  dataStoreBytes?: number;
  log: string;
  error?: string;
}

export interface BuildOptions {
  kind: BuildKind;
  content: string;
  outDir: string;
  cacheDir: string;
  log: string;
  timings: string;
  /** Called with the child's pid, so that the caller can end its tree on interrupt. */
  onStart?: (pid: number) => void;
  /** The build is stopped when its tree's summed RSS exceeds this many bytes (the machine is shared). */
  memoryLimit?: number;
  /** V8 heap limit of the build's node process, MiB (--max-old-space-size); Node's default when absent. */
  heapMiB?: number;
}

/** One line of the build's timing log: ms since the epoch, and the stage's figures (parts, reused, made). */
export interface Timing {
  stage: string;
  start: number;
  end: number;
  [figure: string]: number | string;
}

/** Busy and total CPU ticks of the whole machine (/proc/stat). */
function machineTicks(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - fields[3] - fields[4], total };
}

export async function runBuild(options: BuildOptions): Promise<BuildRun> {
  rmSync(options.timings, { force: true });
  const tsx = resolve(ROOT, 'node_modules/tsx/dist/cli.mjs');
  const loadAverageBefore = loadavg();
  const ticksBefore = machineTicks();
  const spawned = performance.timeOrigin + performance.now();
  const child = spawn(process.execPath, [tsx, 'scripts/build.ts', '--out-dir', options.outDir], {
    cwd: ROOT,
    env: {
      ...process.env,
      GONGSHI_CONTENT: options.content,
      GONGSHI_CACHE_DIR: options.cacheDir,
      GONGSHI_TIMINGS: options.timings,
      BASE_PATH: '',
      SITE_URL: '',
      NO_COLOR: '1',
      ...(options.heapMiB ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${options.heapMiB}`.trim() } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let overLimit: number | undefined;
  const sampler = new ProcessTreeSampler(child.pid!, 100, (sample) => {
    if (options.memoryLimit && sample.rss > options.memoryLimit && overLimit === undefined) {
      overLimit = sample.rss;
      stopBuild(child.pid!);
    }
  });
  options.onStart?.(child.pid!);
  const out = createWriteStream(options.log);
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  const { code, signal } = await new Promise<{ code: number | null; signal: string | null }>((ok) => {
    child.on('error', () => ok({ code: null, signal: null }));
    child.on('close', (code, signal) => ok({ code, signal }));
  });
  const exited = performance.timeOrigin + performance.now();
  const trace = sampler.stop();
  const ticksAfter = machineTicks();
  await new Promise<void>((ok) => out.end(ok));

  const logText = readFileSync(options.log, 'utf8');
  const leftovers = code === 0 ? [] : cleanUp(logText, options.outDir, sampler.pids());
  const timings: Timing[] = existsSync(options.timings)
    ? readFileSync(options.timings, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Timing)
    : [];
  const stages = stageFigures(timings, spawned, exited, trace);
  const peakStage = stageAt(timings, spawned, exited, trace.peakAt);
  const cpuSeconds = trace.processes.reduce((n, p) => n + p.cpuSeconds, 0);
  const wallSeconds = (exited - spawned) / 1000;
  const ok = code === 0 && timings.some((t) => t.stage === 'swap');
  const writes = timings.filter((t) => t.stage === 'search-index:write');
  const index = timings.find((t) => t.stage === 'search-index');
  const made = timings.find((t) => t.stage === 'index-text')?.made;
  return {
    kind: options.kind,
    ok,
    exitCode: code,
    signal,
    wallSeconds,
    stages,
    astroSteps: parseAstroLog(logText),
    astroUnfinished: ok ? undefined : unfinishedStep(logText),
    searchIndexWriteSeconds: writes.length ? writes.reduce((sum, t) => sum + (t.end - t.start) / 1000, 0) : undefined,
    searchIndex: index ? { parts: Number(index.parts), reused: Number(index.reused), written: writes.length } : undefined,
    indexDocumentsMade: made === undefined ? undefined : Number(made),
    memory: { peakRss: trace.peakRss, peakStage, intervalMs: trace.intervalMs, samples: trace.samples.length, processes: trace.processes },
    timeline: timeline(trace, spawned),
    cpuSeconds,
    otherBusyCores: Math.max(0, ((ticksAfter.busy - ticksBefore.busy) / 100 - cpuSeconds) / wallSeconds),
    loadAverageBefore,
    dataStoreBytes: existsSync(join(options.cacheDir, 'data-store.json'))
      ? statSync(join(options.cacheDir, 'data-store.json')).size
      : undefined,
    log: options.log,
    error: ok
      ? undefined
      : `${overLimit ? `stopped by the benchmark: the build's processes used ${(overLimit / 2 ** 30).toFixed(1)} GiB, over the limit of ${(options.memoryLimit! / 2 ** 30).toFixed(1)} GiB (--max-memory)\n` : ''}` +
        logText.trim().split('\n').slice(-15).join('\n') +
        (leftovers.length ? `\nstaging folders in the project (one may be this build's; not removed): ${leftovers.join(', ')}` : ''),
  };
}

/**
 * After a build that was stopped or failed: removes its staging folder (`.gongshi-staging-<pid>-…` with the
 * pid of one of its processes, or named in Astro's log as the build directory; another build running beside
 * this one has its own) and any half-swapped copy next to the output folder. Returns staging folders it could
 * not attribute, to be reported, never removed.
 */
function cleanUp(log: string, outDir: string, pids: number[]): string[] {
  const named = log.match(/\[build\] directory: (.+?\.gongshi-staging-[^/\s]+)\/?$/m)?.[1];
  const ours = new Set(pids.map((pid) => `.gongshi-staging-${pid}-`));
  const staging = readdirSync(ROOT)
    .filter((n) => n.startsWith('.gongshi-staging-'))
    .filter((n) => join(ROOT, n) === named || [...ours].some((prefix) => n.startsWith(prefix)));
  for (const name of staging) rmSync(join(ROOT, name), { recursive: true, force: true });
  const pidCopies = new RegExp(`^\\.${basename(outDir)}\\.(incoming|previous)-(${pids.join('|')})$`);
  for (const name of readdirSync(dirname(outDir)).filter((n) => pidCopies.test(n)))
    rmSync(join(dirname(outDir), name), { recursive: true, force: true });
  return staging.length
    ? []
    : readdirSync(ROOT)
        .filter((n) => n.startsWith('.gongshi-staging-'))
        .map((n) => join(ROOT, n));
}

/** Ends the build's process tree (the child and its descendants), by pid. */
export function stopBuild(pid: number): void {
  for (const p of processTree(pid).reverse()) {
    try {
      process.kill(p, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

/** The stage that holds Astro and the search index, which run side by side: from the earlier start to the later end. */
export const PARALLEL_STAGE = 'astro ∥ search-index';

/**
 * The stages' spans, ms since the epoch: startup (tsx and module loading), content-check, then Astro in its
 * own process while the main process makes the index documents (index-text) and Pagefind indexes them
 * (search-index, with search-index:write for every part written), and PARALLEL_STAGE around the three; verify
 * (the finished site checked), swap, exit. Only the top-level stages (not astro, index-text, search-index and
 * search-index:write) follow one another; the gaps between them are a few milliseconds (the index moved into
 * the site, a log line).
 */
export function intervals(timings: Timing[], spawned: number, exited: number): Array<{ stage: string; spans: Array<[number, number]> }> {
  const find = (stage: string) => timings.find((t) => t.stage === stage);
  const check = find('content-check');
  const astro = find('astro');
  const text = find('index-text');
  const index = find('search-index');
  const writes = timings.filter((t) => t.stage === 'search-index:write');
  const verify = find('verify');
  const swap = find('swap');
  const result: Array<{ stage: string; spans: Array<[number, number]> }> = [];
  result.push({ stage: 'startup', spans: [[spawned, check?.start ?? exited]] });
  if (check) result.push({ stage: 'content-check', spans: [[check.start, check.end]] });
  // Astro's process is started just before the index documents are made. Builds before 2026-12-08 logged
  // Astro's start as the search index's (one `started` variable for both in src/build/pipeline.ts), so the
  // index-text stage's start is taken when it is earlier. Without a timing line Astro ran until the build
  // ended (a failure).
  const astroStart = astro || check ? Math.min(astro?.start ?? check!.end, text?.start ?? Infinity) : undefined;
  const parallel: Array<{ stage: string; span: [number, number] }> = [];
  if (astroStart !== undefined) parallel.push({ stage: 'astro', span: [astroStart, astro?.end ?? exited] });
  if (text) parallel.push({ stage: 'index-text', span: [text.start, text.end] });
  // Without its timing line the search index was running (or failed) until the build ended.
  if (index || text) parallel.push({ stage: 'search-index', span: [index?.start ?? text!.end, index?.end ?? exited] });
  if (parallel.length) {
    const from = Math.min(...parallel.map((p) => p.span[0]));
    const to = Math.max(...parallel.map((p) => p.span[1]));
    result.push({ stage: PARALLEL_STAGE, spans: [[from, to]] });
    for (const { stage, span } of parallel) result.push({ stage, spans: [span] });
  }
  if (writes.length) result.push({ stage: 'search-index:write', spans: writes.map((w) => [w.start, w.end]) });
  if (verify) result.push({ stage: 'verify', spans: [[verify.start, verify.end]] });
  if (swap) result.push({ stage: 'swap', spans: [[swap.start, swap.end]] });
  const last = swap?.end ?? verify?.end ?? (parallel.length ? Math.max(...parallel.map((p) => p.span[1])) : undefined);
  if (last !== undefined) result.push({ stage: 'exit', spans: [[last, exited]] });
  return result;
}

/**
 * The stages running at `t`, joined with ' ∥ ' (`astro ∥ search-index:write`): the innermost ones, so
 * PARALLEL_STAGE is named through the stages inside it and search-index:write stands for search-index.
 */
export function stageAt(timings: Timing[], spawned: number, exited: number, t: number): string {
  const running = intervals(timings, spawned, exited)
    .filter(({ stage, spans }) => stage !== PARALLEL_STAGE && spans.some(([a, b]) => t >= a && t <= b))
    .map(({ stage }) => stage);
  const names = running.includes('search-index:write') ? running.filter((s) => s !== 'search-index') : running;
  return names.length ? names.join(' ∥ ') : 'between stages';
}

function stageFigures(timings: Timing[], spawned: number, exited: number, trace: MemoryTrace): StageFigures[] {
  return intervals(timings, spawned, exited).map(({ stage, spans }) => {
    let peak: MemoryTrace['samples'][number] | undefined;
    for (const s of trace.samples) {
      if (spans.some(([a, b]) => s.t >= a && s.t <= b) && (!peak || s.rss > peak.rss)) peak = s;
    }
    return {
      stage,
      seconds: spans.reduce((n, [a, b]) => n + Math.max(0, b - a), 0) / 1000,
      peakRss: peak?.rss ?? 0,
      peakByProcess: peak?.byLabel ?? {},
    };
  });
}

function timeline(trace: MemoryTrace, spawned: number): Array<[number, number]> {
  const perSecond = new Map<number, number>();
  for (const s of trace.samples) {
    const second = Math.floor((s.t - spawned) / 1000);
    perSecond.set(second, Math.max(perSecond.get(second) ?? 0, s.rss));
  }
  return [...perSecond.entries()].sort((a, b) => a[0] - b[0]);
}

/** `838ms`, `70.47s`, `1m 10s` (Vite past a minute) → seconds. */
const seconds = (minutes: string | undefined, value: string, unit: string) =>
  Number(minutes ?? 0) * 60 + Number(value) / (unit === 'ms' ? 1000 : 1);

const VITE_BUILDS = 'Vite builds (server and client)';

/** Astro's own step times from its log (NO_COLOR): the "✓ Completed in" and "✓ built in" lines. */
export function parseAstroLog(log: string): Array<{ step: string; seconds: number }> {
  const steps: Array<{ step: string; seconds: number }> = [];
  let section: 'setup' | 'server' | 'client' | 'pages' = 'setup';
  for (const line of log.split('\n')) {
    if (line.includes('Building static entrypoints')) section = 'server';
    else if (line.includes('building client (vite)')) section = 'client';
    else if (line.includes('generating static routes')) section = 'pages';
    const completed = line.match(/✓ Completed in (?:(\d+)m )?([\d.]+)(ms|s)/);
    const built = line.match(/\[vite\] ✓ built in (?:(\d+)m )?([\d.]+)(ms|s)/);
    if (completed && section === 'setup')
      steps.push({ step: 'setup, content sync, types', seconds: seconds(completed[1], completed[2], completed[3]) });
    else if (completed && section === 'server')
      steps.push({ step: 'server build (Vite SSR)', seconds: seconds(completed[1], completed[2], completed[3]) });
    // Astro 7 builds its Vite environments (server, then client) under "Building static entrypoints".
    else if (built && section === 'server') {
      const vite = steps.find((s) => s.step === VITE_BUILDS);
      if (vite) vite.seconds += seconds(built[1], built[2], built[3]);
      else steps.push({ step: VITE_BUILDS, seconds: seconds(built[1], built[2], built[3]) });
    } else if (built && section === 'client') steps.push({ step: 'client build (Vite)', seconds: seconds(built[1], built[2], built[3]) });
    else if (completed && section === 'pages') {
      steps.push({ step: 'page generation (render + write HTML)', seconds: seconds(completed[1], completed[2], completed[3]) });
      break; // what follows (the whole static build's total) is not a step of its own
    }
  }
  // Content sync alone, from the log's clock (whole seconds): Syncing content → Synced content.
  const clock = (pattern: RegExp) => {
    const m = log.match(pattern);
    return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : undefined;
  };
  const syncing = clock(/^(\d\d):(\d\d):(\d\d) \[content\] Syncing content/m);
  const synced = clock(/^(\d\d):(\d\d):(\d\d) \[content\] Synced content/m);
  if (syncing !== undefined && synced !== undefined) {
    const at = steps.length && steps[0].step.startsWith('setup') ? 1 : 0;
    steps.splice(at, 0, { step: '  of which content sync (±1 s, log clock)', seconds: (synced - syncing + 86400) % 86400 });
  }
  return steps;
}

/** The last Astro step the log shows starting without its "Completed"/"built in" line, if any. */
export function unfinishedStep(log: string): string | undefined {
  const starts: Array<[RegExp, RegExp, string]> = [
    [/\[content\] Syncing content/, /\[build\] ✓ Completed in/, 'setup, content sync, types'],
    [/Building static entrypoints/, /\[build\] ✓ Completed in/, 'server build (Vite SSR)'],
    [/building client \(vite\)/, /\[vite\] ✓ built in/, 'client build (Vite)'],
    [/generating static routes/, /✓ Completed in/, 'page generation'],
  ];
  const lines = log.split('\n');
  let unfinished: string | undefined;
  for (const [start, end, step] of starts) {
    const at = lines.findIndex((l) => start.test(l));
    if (at < 0) break;
    unfinished = lines.slice(at + 1).some((l) => end.test(l)) ? undefined : step;
    if (unfinished) break;
  }
  return unfinished;
}

export function machine(): { cpu: string; cores: number; memoryBytes: number; node: string; platform: string } {
  const list = cpus();
  return {
    cpu: list[0]?.model ?? 'unknown',
    cores: list.length,
    memoryBytes: totalmem(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}
