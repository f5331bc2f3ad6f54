// npm run bench's report: the figures as JSON, a table for the terminal, and the issue's targets, each
// marked met or not met next to its figure. Units: 1 KiB = 1,024 bytes, 1 MiB = 1,024 KiB, 1 GiB = 1,024 MiB.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BuildKind, BuildRun } from './build-run';
import type { LayoutShiftResult } from './layout-shift';
import { median, type ReferenceReport } from './reference';
import type { FolderSize, PageWeight } from './page-weight';

export interface FirstSearch {
  query: string;
  /** Bytes after the HTML document (pages, workers, index), as served, and as a gzip-serving host sends them. */
  bytes: number;
  pagefindBytes: number;
  gzipBytes: number;
  htmlBytes: number;
  requests: number;
  ms: number;
  status: string;
}

/** What the build-speed targets need from a search benchmark of the same site (bench/report's SearchReport). */
export interface SearchFigures {
  report: string;
  classes: Array<{ class: string; recall: number; precision: number }>;
  firstQueryBytes: number;
  searchMs: number;
}

export interface Target {
  target: string;
  figure: string;
  /** null: not measured in this run (e.g. a target for another corpus size). */
  met: boolean | null;
}

export interface BuildReport {
  notices: number;
  seed: number;
  date: string;
  /** false while running, or when interrupted (then `interrupted` says why). */
  complete: boolean;
  interrupted?: string;
  machine: { cpu: string; cores: number; memoryBytes: number; node: string; platform: string };
  /** A build whose processes use more than this many bytes together is stopped (--max-memory). */
  memoryLimit: number;
  /** The build's V8 heap limit when set with --heap, MiB. */
  heapMiB?: number;
  chromium?: string;
  corpus: { dir: string; reused: boolean; generateSeconds: number; chars?: number; editedNotice?: string; addedNotice?: string };
  builds: BuildRun[];
  sizes?: { dist: FolderSize; pagefind: FolderSize; pages: Array<{ name: string } & PageWeight> };
  layoutShift?: { page: string; results: LayoutShiftResult[] } | { skipped: string };
  /** The pages that change after loading (search results arriving, the ledger's controls), measured once settled. */
  layoutShiftSettled?: Array<{ page: string; results: LayoutShiftResult[] }>;
  firstSearch?: FirstSearch | { skipped: string };
  /** With --reference: the seconds of every cold build of gongshi (the first is builds[0]), for their median. */
  coldSeconds?: number[];
  /** With --search: npm run bench:search on this run's site (its report's figures that the targets use). */
  search?: SearchFigures | { skipped: string };
  /** With --reference: Hugo + Pagefind on the same corpus (bench/reference.ts). */
  reference?: ReferenceReport;
  /** The 1,000-notice report this run's times are compared with (time growth). */
  baseline?: {
    file: string;
    notices: number;
    wallSeconds: Partial<Record<BuildKind, number>>;
    stageSeconds: Partial<Record<BuildKind, Record<string, number>>>;
  };
  targets: Target[];
  warnings: string[];
  /** Seconds of each part of this benchmark run. */
  phases: Record<string, number>;
  runSeconds: number;
}

export function writeReport(path: string, report: BuildReport): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;
const kib = (bytes: number) => `${(bytes / KiB).toFixed(1)} KiB`;
const mib = (bytes: number) => `${(bytes / MiB).toFixed(0)} MiB`;
const s = (value: number | undefined) => (value === undefined ? '-' : value.toFixed(1));
const mark = (met: boolean | null) => (met === null ? 'n/a' : met ? 'met' : 'NOT MET');

export const STAGE_NAMES: Record<string, string> = {
  startup: 'startup (tsx, modules)',
  'content-check': 'content check',
  astro: 'Astro (load, render, write), indexing its pages meanwhile',
  'search-index': 'search index after Astro (write; pages checked meanwhile)',
  verify: 'post-build check (index)',
  swap: 'swap into place',
  exit: 'exit',
};

export const SAMPLE_PAGE = 'notices/2023-09-20-wuhan-industrial-investment/';

/** The issue's targets, as far as this run measured them. */
export function targets(report: BuildReport): Target[] {
  const list: Target[] = [];
  const run = (kind: BuildKind) => report.builds.find((b) => b.kind === kind);
  const rebuild = run('rebuild');
  const peak = Math.max(0, ...report.builds.map((b) => b.memory.peakRss));
  const n = report.notices;
  const at = (size: number) =>
    n === size ? '' : ` (target for ${size.toLocaleString('en')} notices; this run: ${n.toLocaleString('en')})`;
  const within = (value: number | undefined, limit: number, applies: boolean) => (value === undefined || !applies ? null : value <= limit);
  const timeWithin = (b: BuildRun | undefined, limit: number) => (n !== 1000 || !b ? null : b.ok && b.wallSeconds <= limit);
  const time = (b: BuildRun | undefined) => (b ? `${b.wallSeconds.toFixed(1)} s${b.ok ? '' : ' (FAILED)'}` : 'not run');

  const add = run('add');
  const memoryLimit = n >= 10_000 ? 2 * GiB : GiB;
  list.push(
    {
      target: `${n >= 10_000 ? '10,000' : '1,000'} notices: peak memory of the whole process tree ≤ ${n >= 10_000 ? 2 : 1} GiB${at(n >= 10_000 ? 10_000 : 1000)}`,
      figure: `${mib(peak)} (${report.builds.map((b) => `${b.kind} ${mib(b.memory.peakRss)}`).join(', ')})`,
      met: within(peak, memoryLimit, n === 1000 || n === 10_000),
    },
    { target: `1,000 notices: rebuild after changing one notice ≤ 5 s${at(1000)}`, figure: time(rebuild), met: timeWithin(rebuild, 5) },
    { target: `1,000 notices: rebuild after adding one notice ≤ 5 s${at(1000)}`, figure: time(add), met: timeWithin(add, 5) },
  );
  const ref = report.reference;
  if (ref && 'runs' in ref && report.coldSeconds?.length) {
    const ours = median(report.coldSeconds);
    const ratio = ours / ref.medianSeconds;
    list.push({
      target: `cold build (check, site, search index, post-build check) ≤ ${ref.tool} on the same corpus: ratio ≤ 1.0, medians of ${report.coldSeconds.length} and ${ref.runs.length}`,
      figure: `gongshi ${ours.toFixed(1)} s / reference ${ref.medianSeconds.toFixed(1)} s = ${ratio.toFixed(2)}`,
      met: ratio <= 1,
    });
  } else
    list.push({
      target: 'cold build ≤ Hugo + Pagefind on the same corpus: ratio ≤ 1.0',
      figure: ref && 'skipped' in ref ? `skipped: ${ref.skipped}` : 'not measured (npm run bench -- --reference)',
      met: null,
    });
  if (n <= 1000)
    list.push({
      target: '10,000 notices: ≤ 10× the 1,000-notice time (linear or better)',
      figure: 'not measured (npm run bench -- --notices 10000, after a 1,000-notice run)',
      met: null,
    });
  const search = report.search;
  if (search && 'classes' in search) {
    const worst = (key: 'recall' | 'precision') => Math.min(...search.classes.map((c) => c[key]));
    const below = (key: 'recall' | 'precision') =>
      search.classes
        .filter((c) => c[key] < 1)
        .map((c) => `${c.class} ${c[key].toFixed(3)}`)
        .join(', ');
    list.push(
      {
        target: 'search: recall and precision 1.000 in every query class (npm run bench:search on this site)',
        figure: `lowest recall ${worst('recall').toFixed(3)}, lowest precision ${worst('precision').toFixed(3)}${below('recall') || below('precision') ? ` (${[below('recall'), below('precision')].filter(Boolean).join('; ')})` : ''}`,
        met: worst('recall') === 1 && worst('precision') === 1,
      },
      {
        target: 'search: first query ≤ 300 KB as sent, median (KB as bench:search counts them, 1,024 bytes)',
        figure: `${(search.firstQueryBytes / KiB).toFixed(0)} KB`,
        met: search.firstQueryBytes <= 300 * KiB,
      },
      { target: 'search: search() ≤ 150 ms, median', figure: `${search.searchMs.toFixed(0)} ms`, met: search.searchMs <= 150 },
    );
  } else
    list.push({
      target: 'search: recall and precision 1.000 in every class, first query ≤ 300 KB and ≤ 150 ms (medians)',
      figure: search ? `skipped: ${search.skipped}` : 'not measured (npm run bench -- --search)',
      met: null,
    });
  if (n > 1000) {
    const base = report.baseline;
    for (const b of report.builds) {
      const before = base?.wallSeconds[b.kind];
      const factor = n / 1000;
      list.push({
        target: `${n.toLocaleString('en')} notices: ≤ ${factor}× the 1,000-notice time (${b.kind}; linear or better)`,
        figure:
          before === undefined
            ? 'no 1,000-notice report to compare (run npm run bench first)'
            : `${b.wallSeconds.toFixed(1)} s${b.ok ? '' : ' until it FAILED'} vs ${before.toFixed(1)} s: ×${(b.wallSeconds / before).toFixed(1)}`,
        met: before === undefined || !b.ok ? (b.ok ? null : false) : b.wallSeconds <= factor * before,
      });
    }
  }
  const sample = report.sizes?.pages.find((p) => p.page === SAMPLE_PAGE);
  list.push(
    {
      target: 'sample notice page: HTML ≤ 25 KiB gzipped',
      figure: sample ? `${kib(sample.html.gzip)} (${sample.html.gzip} B)` : 'not measured',
      met: sample ? sample.html.gzip <= 25 * KiB : null,
    },
    {
      target: 'sample notice page: CSS ≤ 8 KiB gzipped',
      figure: sample ? `${kib(sample.css.gzip)} (${sample.css.gzip} B)` : 'not measured',
      met: sample ? sample.css.gzip <= 8 * KiB : null,
    },
    {
      target: 'sample notice page: JS before search or reading controls are touched ≤ 4 KiB gzipped',
      figure: sample ? `${kib(sample.js.gzip)} (${sample.js.gzip} B in ${sample.js.files.length} files)` : 'not measured',
      met: sample ? sample.js.gzip <= 4 * KiB : null,
    },
  );
  const ls = report.layoutShift;
  if (ls && 'results' in ls) {
    const worst = ls.results.reduce((max, r) => (r.cls > max.cls ? r : max), ls.results[0]);
    list.push({
      target: 'sample notice page: no layout shift while loading (CLS 0, every case)',
      figure:
        ls.results.map((r) => `${r.name}: ${r.cls.toFixed(3)}`).join('; ') + (worst.cls > 0 ? ` — worst ${worst.cls.toFixed(3)}` : ''),
      met: ls.results.every((r) => r.cls === 0),
    });
  } else
    list.push({
      target: 'sample notice page: no layout shift while loading',
      figure: ls ? `skipped: ${ls.skipped}` : 'not measured',
      met: null,
    });
  for (const { page, results } of report.layoutShiftSettled ?? []) {
    const worst = results.reduce((max, r) => (r.cls > max.cls ? r : max), results[0]);
    list.push({
      target: `/${page}: CLS ≤ 0.02 while loading and while results arrive (every case)`,
      figure: results.map((r) => `${r.name}: ${r.cls.toFixed(3)}`).join('; ') + ` — worst ${worst.cls.toFixed(3)}`,
      met: results.every((r) => r.cls <= 0.02),
    });
  }
  return list;
}

/** Pads by display width: CJK characters take two columns. */
const width = (text: string) =>
  [...text].reduce((n, c) => n + (/[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(c) ? 2 : 1), 0);
const pad = (text: string, w: number) => text + ' '.repeat(Math.max(0, w - width(text)));
const left = (text: string, w: number) => ' '.repeat(Math.max(0, w - width(text))) + text;

export function formatReport(report: BuildReport): string {
  const lines: string[] = [];
  const { machine, builds } = report;
  lines.push(
    `Build benchmark: ${report.notices.toLocaleString('en')} notices (seed ${report.seed}${report.corpus.chars ? `, ${(report.corpus.chars / 1e6).toFixed(1)} M characters` : ''})` +
      `${report.complete ? '' : `, INCOMPLETE${report.interrupted ? ` (${report.interrupted})` : ''}`}`,
    `machine: ${machine.cpu}, ${machine.cores} cores, ${(machine.memoryBytes / GiB).toFixed(1)} GiB, Node ${machine.node}${report.chromium ? `, ${report.chromium}` : ''}` +
      `${report.heapMiB ? `; build heap limit ${report.heapMiB} MiB (--heap)` : ''}`,
    `corpus: ${report.corpus.dir} (${report.corpus.reused ? 'reused' : `generated in ${report.corpus.generateSeconds.toFixed(1)} s`})` +
      `${report.corpus.editedNotice ? `; rebuild changes ${report.corpus.editedNotice}` : ''}`,
    '',
  );
  const W = 50;
  const C = 14;
  const header = (title: string) => pad(title, W) + builds.map((b) => left(b.kind, C)).join('');
  const row = (name: string, values: string[]) => pad(name, W) + values.map((v) => left(v, C)).join('');

  lines.push(header('Wall time by stage, s'));
  const stageRows = Object.keys(STAGE_NAMES).filter((stage) => builds.some((b) => b.stages.some((x) => x.stage === stage)));
  for (const stage of stageRows) {
    lines.push(
      row(
        STAGE_NAMES[stage],
        builds.map((b) => s(b.stages.find((x) => x.stage === stage)?.seconds)),
      ),
    );
    if (stage === 'astro') {
      const steps = [...new Set(builds.flatMap((b) => b.astroSteps.map((x) => x.step)))];
      for (const step of steps)
        lines.push(
          row(
            `  ${step}`,
            builds.map((b) => s(b.astroSteps.find((x) => x.step === step)?.seconds)),
          ),
        );
      lines.push(
        row(
          '  other (loading Astro, config, hooks, cleanup)',
          builds.map((b) => {
            const astro = b.stages.find((x) => x.stage === 'astro');
            const steps = b.astroSteps.filter((x) => !x.step.startsWith(' ')).reduce((n, x) => n + x.seconds, 0);
            return astro && b.astroSteps.length ? s(astro.seconds - steps) : '-';
          }),
        ),
      );
    }
    if (stage === 'search-index')
      lines.push(
        row(
          '  of which writing the index files',
          builds.map((b) => s(b.searchIndexWriteSeconds)),
        ),
      );
  }
  lines.push(
    row(
      'total (spawn → exit)',
      builds.map((b) => `${s(b.wallSeconds)}${b.ok ? '' : '!'}`),
    ),
  );
  if (report.baseline) {
    lines.push(
      row(
        `  × the ${report.baseline.notices.toLocaleString('en')}-notice time`,
        builds.map((b) => {
          const before = report.baseline!.wallSeconds[b.kind];
          return before ? `×${(b.wallSeconds / before).toFixed(1)}` : '-';
        }),
      ),
    );
  }
  lines.push(
    row(
      'Astro data store (data-store.json), MiB',
      builds.map((b) => (b.dataStoreBytes === undefined ? '-' : (b.dataStoreBytes / MiB).toFixed(0))),
    ),
    row(
      'CPU seconds of the build processes',
      builds.map((b) => s(b.cpuSeconds)),
    ),
    row(
      'other load on the machine, busy cores',
      builds.map((b) => b.otherBusyCores.toFixed(2)),
    ),
    '',
    header('Peak memory (summed RSS of the tree), MiB'),
  );
  for (const stage of stageRows)
    lines.push(
      row(
        STAGE_NAMES[stage],
        builds.map((b) => {
          const x = b.stages.find((y) => y.stage === stage);
          return x && x.peakRss ? (x.peakRss / MiB).toFixed(0) : '-';
        }),
      ),
    );
  lines.push(
    row(
      'peak of the whole build',
      builds.map((b) => (b.memory.peakRss / MiB).toFixed(0)),
    ),
  );
  lines.push(
    row(
      '  during',
      builds.map((b) => b.memory.peakStage),
    ),
  );
  const labels = [...new Set(builds.flatMap((b) => b.memory.processes.map((p) => p.label)))];
  lines.push(pad('Peak RSS per process (VmHWM), MiB', W));
  for (const label of labels) {
    lines.push(
      row(
        `  ${label}`,
        builds.map((b) => {
          const p = b.memory.processes.find((x) => x.label === label);
          return p ? (p.peakRss / MiB).toFixed(0) : '-';
        }),
      ),
    );
  }
  for (const b of builds.filter((x) => !x.ok)) {
    lines.push(
      '',
      `${b.kind} build FAILED (exit ${b.exitCode}${b.signal ? `, ${b.signal}` : ''})${b.astroUnfinished ? ` during Astro's ${b.astroUnfinished}` : ''}; log ${b.log}:`,
      b.error ?? '',
    );
  }

  const { sizes } = report;
  if (sizes) {
    lines.push(
      '',
      `dist/: ${(sizes.dist.bytes / MiB).toFixed(1)} MiB in ${sizes.dist.files.toLocaleString('en')} files; dist/pagefind/: ${(sizes.pagefind.bytes / MiB).toFixed(1)} MiB in ${sizes.pagefind.files.toLocaleString('en')} files`,
      '',
      pad('Page weight, gzipped (level 6)', 24) + left('HTML', 12) + left('CSS', 12) + left('JS at load', 14) + '   (raw HTML / CSS / JS)',
    );
    for (const p of sizes.pages) {
      lines.push(
        pad(p.name, 24) +
          left(kib(p.html.gzip), 12) +
          left(kib(p.css.gzip), 12) +
          left(`${kib(p.js.gzip)} (${p.js.files.length})`, 14) +
          `   (${kib(p.html.bytes)} / ${kib(p.css.bytes)} / ${kib(p.js.bytes)})`,
      );
    }
  }
  const ls = report.layoutShift;
  if (ls && 'results' in ls) {
    lines.push('', `Layout shift on /${ls.page} (sum of shifts to 1 s after load)`);
    for (const r of ls.results) {
      const sources = [...new Set(r.shifts.flatMap((x) => x.sources))].join(', ');
      lines.push(
        `  ${pad(r.name, 40)} CLS ${r.cls.toFixed(3)}${r.prefs ? `  (data-text-size=${r.textSize})` : ''}${sources ? `  moved: ${sources}` : ''}`,
      );
    }
  } else if (ls) lines.push('', `Layout shift: skipped (${ls.skipped})`);
  for (const { page, results } of report.layoutShiftSettled ?? []) {
    lines.push('', `Layout shift on /${page} (to 1 s after it settled)`);
    for (const r of results) {
      const sources = [...new Set(r.shifts.flatMap((x) => x.sources))].join(', ');
      lines.push(`  ${pad(r.name, 40)} CLS ${r.cls.toFixed(3)}${sources ? `  moved: ${sources}` : ''}`);
    }
  }
  const ref = report.reference;
  if (ref && 'runs' in ref) {
    lines.push('', `Reference: ${ref.tool} on the same corpus, cold (median ${ref.medianSeconds.toFixed(1)} s, peak ${mib(ref.peakRss)})`);
    for (const r of ref.runs)
      lines.push(
        `  ${r.seconds.toFixed(1)} s = Hugo ${r.hugoSeconds.toFixed(1)} s + Pagefind ${r.pagefindSeconds.toFixed(1)} s, peak ${mib(r.peakRss)}`,
      );
    if (report.coldSeconds) lines.push(`  gongshi cold builds: ${report.coldSeconds.map((s) => `${s.toFixed(1)} s`).join(', ')}`);
  }
  const fs = report.firstSearch;
  if (fs && 'query' in fs) {
    lines.push(
      '',
      `First search, /search/?q=${fs.query} in a fresh browser: ${kib(fs.bytes)} after the HTML (${kib(fs.pagefindBytes)} under /pagefind/), ` +
        `${kib(fs.gzipBytes)} from a gzip-serving host, ${fs.requests} requests, outcome at ${fs.ms.toFixed(0)} ms: ${fs.status}`,
    );
  } else if (fs) lines.push('', `First search: skipped (${fs.skipped})`);

  lines.push('', 'Targets');
  const tw = Math.max(...report.targets.map((t) => width(t.target)));
  for (const t of report.targets) lines.push(`  ${pad(t.target, tw)}  ${pad(mark(t.met), 8)} ${t.figure}`);
  if (report.warnings.length) lines.push('', 'Warnings:', ...report.warnings.map((w) => `  ${w}`));
  lines.push(
    '',
    `Run time ${report.runSeconds.toFixed(0)} s (${Object.entries(report.phases)
      .map(([k, v]) => `${k} ${v.toFixed(0)} s`)
      .join(', ')}).`,
  );
  return lines.join('\n');
}
