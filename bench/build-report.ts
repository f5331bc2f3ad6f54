// npm run bench's report: the figures as JSON, a table for the terminal, and the issue's targets, each
// marked met or not met next to its figure. Units: 1 KiB = 1,024 bytes, 1 MiB = 1,024 KiB, 1 GiB = 1,024 MiB.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PARALLEL_STAGE, type BuildKind, type BuildRun } from './build-run';
import type { FirstResults } from './first-search';
import type { LayoutShiftResult } from './layout-shift';
import type { PhoneSearch } from './phone-search';
import { median, type ReferenceReport } from './reference';
import type { FolderSize, PageWeight } from './page-weight';

/**
 * The first search (bench/first-search.ts). The top-level figures are the final outcome's, as in reports
 * before the index came in parts (whose `ms` and `status` were the first status shown, then the only one).
 */
export interface FirstSearch {
  query: string;
  /** Until the final outcome and a quiet network: bytes after the HTML document, as served, and as a gzip-serving host sends them. */
  bytes: number;
  pagefindBytes: number;
  gzipBytes: number;
  htmlBytes: number;
  requests: number;
  /** The final outcome, ms since navigation start. */
  ms: number;
  status: string;
  /** The search page's HTML document's responseEnd, ms since navigation start. */
  htmlEndMs?: number;
  /** The final outcome, ms after htmlEndMs. */
  finalMs?: number;
  /** The first results shown (null: none were); absent in older reports. */
  first?: FirstResults | null;
  /** Index parts the search page names. */
  parts?: number;
}

/** What the build-speed targets need from a search benchmark of the same site (bench/report's SearchReport). */
export interface SearchFigures {
  report: string;
  classes: Array<{ class: string; recall: number; precision: number }>;
  firstQueryBytes: number;
  searchMs: number;
}

export interface Target {
  /** The heading it is printed under (1,000 notices, 10,000 notices, reader, pages). */
  group?: string;
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
  /** The search page on an emulated phone (bench/phone-search.ts), median of three runs. */
  phoneSearch?: PhoneSearch | { skipped: string };
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
const mark = (met: boolean | null) => (met === null ? 'not measured' : met ? 'met' : 'NOT MET');

/** The stage table's rows, in order; the indented ones run inside the row above them (build-run's intervals). */
export const STAGE_NAMES: Record<string, string> = {
  startup: 'startup (tsx, modules)',
  'content-check': 'content check',
  [PARALLEL_STAGE]: 'Astro ∥ search index (earlier start → later end)',
  astro: '  Astro (load, render, write; own process)',
  'index-text': '  index documents made from the checked notices',
  'search-index': '  search index (Pagefind, beside Astro)',
  'search-index:write': '    of which writing the index files',
  verify: 'post-build check',
  swap: 'swap into place',
  exit: 'exit',
};

/** The stages that follow one another: with the gaps between them, they add up to the build's wall time. */
const TOP_LEVEL = ['startup', 'content-check', PARALLEL_STAGE, 'verify', 'swap', 'exit'];

export const SAMPLE_PAGE = 'notices/2023-09-20-wuhan-industrial-investment/';

/** Issue 25's budgets. KB are 1,024 bytes, as bench:search counts them. */
export const TARGETS = {
  1000: { coldRatio: 1.2, coldRatioAim: 1, peak: GiB, rebuildSeconds: 10, addSeconds: 10, aimSeconds: 5, firstKB: 150, firstMs: 500 },
  10000: { peak: 1.5 * GiB, coldFactor: 10, rebuildSeconds: 20, firstKB: 300, firstMs: 700 },
  searchMs: 150,
  phoneFirstMs: 2500,
  cls: 0.02,
} as const;

/** Issue 25's targets, each with this run's figure; met is null where this run does not measure it. */
export function targets(report: BuildReport): Target[] {
  const list: Target[] = [];
  const run = (kind: BuildKind) => report.builds.find((b) => b.kind === kind);
  const n = report.notices;
  const count = (size: number) => size.toLocaleString('en');
  // A target for another corpus size gets this run's figure, marked not measured.
  const other = (size: number) => (n === size ? '' : ` [target for ${count(size)} notices; this run: ${count(n)}]`);
  const time = (b: BuildRun | undefined) => (b ? `${b.wallSeconds.toFixed(1)} s${b.ok ? '' : ' (FAILED)'}` : 'not run');
  const timeWithin = (size: number, b: BuildRun | undefined, limit: number) => (n !== size || !b ? null : b.ok && b.wallSeconds <= limit);
  const peak = Math.max(0, ...report.builds.map((b) => b.memory.peakRss));
  const peaks = `${mib(peak)} (${report.builds.map((b) => `${b.kind} ${mib(b.memory.peakRss)}`).join(', ')})`;
  /** The peak-memory target of a corpus size, judged only on a run of that size. */
  const peakTarget = (size: number, limit: number, group: string): Target => ({
    group,
    target: `peak memory of the whole process tree ≤ ${limit / GiB} GiB (every build)`,
    figure: peaks + other(size),
    met: n === size && report.builds.length ? peak <= limit : null,
  });
  const aim = (b: BuildRun | undefined, seconds: number) =>
    b?.ok ? `; aim ${seconds} s: ${b.wallSeconds <= seconds ? 'met' : `not yet (×${(b.wallSeconds / seconds).toFixed(1)})`}` : '';

  // 1,000 notices.
  let group = '1,000 notices';
  const t1 = TARGETS[1000];
  const ref = report.reference;
  if (ref && 'runs' in ref && report.coldSeconds?.length) {
    const ours = median(report.coldSeconds);
    const ratio = ours / ref.medianSeconds;
    list.push({
      group,
      target: `cold build ≤ ${t1.coldRatio} × Hugo + Pagefind on the same corpus (--reference; medians of 3; aim ${t1.coldRatioAim.toFixed(1)})`,
      figure:
        `gongshi ${ours.toFixed(1)} s / ${ref.tool} ${ref.medianSeconds.toFixed(1)} s = ratio ${ratio.toFixed(2)}` +
        `${ratio <= t1.coldRatioAim ? ' (aim 1.0 met)' : ''}${other(1000)}`,
      met: n === 1000 ? ratio <= t1.coldRatio : null,
    });
  } else
    list.push({
      group,
      target: `cold build ≤ ${t1.coldRatio} × Hugo + Pagefind on the same corpus (--reference; aim ${t1.coldRatioAim.toFixed(1)})`,
      figure: `${ref && 'skipped' in ref ? `skipped: ${ref.skipped}` : 'needs --reference'}; this run's cold build ${time(run('cold'))}`,
      met: null,
    });
  list.push(
    peakTarget(1000, t1.peak, group),
    {
      group,
      target: `changing one notice: rebuild ≤ ${t1.rebuildSeconds} s (aim ${t1.aimSeconds} s)`,
      figure: time(run('rebuild')) + aim(run('rebuild'), t1.aimSeconds) + other(1000),
      met: timeWithin(1000, run('rebuild'), t1.rebuildSeconds),
    },
    {
      group,
      target: `adding one notice: rebuild ≤ ${t1.addSeconds} s (aim ${t1.aimSeconds} s)`,
      figure: time(run('add')) + aim(run('add'), t1.aimSeconds) + other(1000),
      met: timeWithin(1000, run('add'), t1.addSeconds),
    },
  );

  // 10,000 notices.
  group = '10,000 notices';
  const t10 = TARGETS[10000];
  const cold = run('cold');
  const base = report.baseline;
  const before = base?.wallSeconds.cold;
  list.push(
    peakTarget(10_000, t10.peak, group),
    {
      group,
      target: `cold build ≤ ${t10.coldFactor} × the 1,000-notice cold build (that run's report)`,
      figure:
        before === undefined || !cold
          ? `needs npm run bench -- --notices 10000 after a 1,000-notice run${cold ? `; this run's cold build ${time(cold)}` : ''}`
          : `${time(cold)} vs ${before.toFixed(1)} s at ${count(base!.notices)} (${base!.file}): ×${(cold.wallSeconds / before).toFixed(2)}${other(10_000)}`,
      met: n === 10_000 && cold && before !== undefined ? cold.ok && cold.wallSeconds <= t10.coldFactor * before : null,
    },
    {
      group,
      target: `changing one notice: rebuild ≤ ${t10.rebuildSeconds} s`,
      figure: time(run('rebuild')) + other(10_000),
      met: timeWithin(10_000, run('rebuild'), t10.rebuildSeconds),
    },
  );

  // The reader, on the bench's host in a fresh browser.
  group = 'reader';
  const fs = report.firstSearch;
  const first = fs && 'query' in fs ? fs.first : undefined;
  for (const size of [1000, 10_000] as const) {
    const { firstKB, firstMs } = TARGETS[size];
    const applies = n === size;
    let bytes: Omit<Target, 'group' | 'target'>;
    let ms: Omit<Target, 'group' | 'target'>;
    if (!fs || 'skipped' in fs || first === undefined) {
      const why = !fs ? '-' : 'skipped' in fs ? `skipped: ${fs.skipped}` : 'a report from before the first results were timed';
      bytes = { figure: why, met: null };
      ms = { figure: why, met: null };
    } else if (first === null) {
      bytes = { figure: `no results shown (${fs.status})${other(size)}`, met: applies ? false : null };
      ms = bytes;
    } else {
      const parts = fs.parts ? `; ${fs.parts} index part${fs.parts > 1 ? 's' : ''}` : '';
      bytes = {
        figure:
          `${kib(first.bytes)} as sent (${kib(first.gzipBytes)} from a gzip host), ${first.requests} requests; ` +
          `${kib(fs.bytes)} in ${fs.requests} requests until the final outcome${parts}${other(size)}`,
        met: applies ? first.bytes <= firstKB * KiB : null,
      };
      ms = {
        figure:
          `${first.ms.toFixed(0)} ms (${first.results} shown: ${first.status}); final outcome ${fs.finalMs?.toFixed(0) ?? '-'} ms` +
          `${other(size)}`,
        met: applies ? first.ms <= firstMs : null,
      };
    }
    list.push(
      {
        group,
        target: `${count(size)} notices: /search/?q=${fs && 'query' in fs ? fs.query : '…'} transfers ≤ ${firstKB} KB until its first results (as sent; KB = 1,024 bytes)`,
        ...bytes,
      },
      { group, target: `${count(size)} notices: first results ≤ ${firstMs} ms after the search page's HTML (responseEnd)`, ...ms },
    );
  }
  const search = report.search;
  const notSearched = search && 'skipped' in search ? `skipped: ${search.skipped}` : 'needs --search';
  list.push(
    search && 'classes' in search
      ? {
          group,
          target: `search() ≤ ${TARGETS.searchMs} ms, median (npm run bench:search on this site)`,
          figure: `${search.searchMs.toFixed(0)} ms (bench:search's first queries to their final outcome: ${(search.firstQueryBytes / KiB).toFixed(0)} KB median as sent)`,
          met: search.searchMs <= TARGETS.searchMs,
        }
      : { group, target: `search() ≤ ${TARGETS.searchMs} ms, median (--search)`, figure: notSearched, met: null },
  );
  const phone = report.phoneSearch;
  const phoneTarget = `on a phone (Lighthouse mobile preset), the search page shows its first result ≤ ${TARGETS.phoneFirstMs / 1000} s after navigation start, median of 3`;
  if (phone && 'runs' in phone) {
    const bytes = phone.runs.map((r) => r.firstBytes).filter((b): b is number => b !== null);
    list.push({
      group,
      target: phoneTarget,
      figure:
        `${phone.firstMs === null ? 'no first result in most runs' : `${phone.firstMs.toFixed(0)} ms`} ` +
        `(runs ${phone.runs.map((r) => (r.firstMs === null ? '-' : r.firstMs.toFixed(0))).join(' / ')} ms); final status ` +
        `${phone.finalMs === null ? '-' : `${phone.finalMs.toFixed(0)} ms`}; ` +
        `${bytes.length ? kib(median(bytes)) : '-'} by the first result, as sent (the static server does not compress)`,
      met: phone.firstMs !== null && phone.firstMs <= TARGETS.phoneFirstMs,
    });
  } else list.push({ group, target: phoneTarget, figure: phone ? `skipped: ${phone.skipped}` : '-', met: null });
  const ls = report.layoutShift;
  const clsFigure = (results: LayoutShiftResult[]) => {
    const worst = results.reduce((max, r) => (r.cls > max.cls ? r : max), results[0]);
    return `worst ${worst.cls.toFixed(3)} (${worst.name}); ${results.map((r) => `${r.name}: ${r.cls.toFixed(3)}`).join('; ')}`;
  };
  if (ls && 'results' in ls)
    list.push({
      group,
      target: `sample notice page: CLS ≤ ${TARGETS.cls} while loading (every case)`,
      figure: clsFigure(ls.results),
      met: ls.results.every((r) => r.cls <= TARGETS.cls),
    });
  else
    list.push({
      group,
      target: `sample notice page: CLS ≤ ${TARGETS.cls} while loading`,
      figure: ls ? `skipped: ${ls.skipped}` : '-',
      met: null,
    });
  for (const { page, results } of report.layoutShiftSettled ?? [])
    list.push({
      group,
      target: `/${decodeURIComponent(page)}: CLS ≤ ${TARGETS.cls} while loading and while results arrive (every case)`,
      figure: clsFigure(results),
      met: results.every((r) => r.cls <= TARGETS.cls),
    });
  if (search && 'classes' in search) {
    const worst = (key: 'recall' | 'precision') => Math.min(...search.classes.map((c) => c[key]));
    const below = (key: 'recall' | 'precision') =>
      search.classes
        .filter((c) => c[key] < 1)
        .map((c) => `${c.class} ${c[key].toFixed(3)}`)
        .join(', ');
    list.push({
      group,
      target: 'recall and precision 1.000 in every query class (npm run bench:search on this site)',
      figure: `lowest recall ${worst('recall').toFixed(3)}, lowest precision ${worst('precision').toFixed(3)}${below('recall') || below('precision') ? ` (${[below('recall'), below('precision')].filter(Boolean).join('; ')})` : ''}`,
      met: worst('recall') === 1 && worst('precision') === 1,
    });
  } else list.push({ group, target: 'recall and precision 1.000 in every query class (--search)', figure: notSearched, met: null });

  // Page weight.
  group = 'pages';
  const sample = report.sizes?.pages.find((p) => p.page === SAMPLE_PAGE);
  list.push(
    {
      group,
      target: 'sample notice page: HTML ≤ 25 KiB gzipped',
      figure: sample ? `${kib(sample.html.gzip)} (${sample.html.gzip} B)` : '-',
      met: sample ? sample.html.gzip <= 25 * KiB : null,
    },
    {
      group,
      target: 'sample notice page: CSS ≤ 8 KiB gzipped',
      figure: sample ? `${kib(sample.css.gzip)} (${sample.css.gzip} B)` : '-',
      met: sample ? sample.css.gzip <= 8 * KiB : null,
    },
    {
      group,
      target: 'sample notice page: JS before search or reading controls are touched ≤ 4 KiB gzipped',
      figure: sample ? `${kib(sample.js.gzip)} (${sample.js.gzip} B in ${sample.js.files.length} files)` : '-',
      met: sample ? sample.js.gzip <= 4 * KiB : null,
    },
  );
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
  const W = 56;
  const C = 14;
  const header = (title: string) => pad(title, W) + builds.map((b) => left(b.kind, C)).join('');
  const row = (name: string, values: string[]) => pad(name, W) + values.map((v) => left(v, C)).join('');

  lines.push(header('Wall time by stage, s'));
  const stageRows = Object.keys(STAGE_NAMES).filter((stage) => builds.some((b) => b.stages.some((x) => x.stage === stage)));
  const stageSeconds = (b: BuildRun, stage: string) => b.stages.find((x) => x.stage === stage)?.seconds;
  for (const stage of stageRows) {
    lines.push(
      row(
        STAGE_NAMES[stage],
        builds.map((b) => s(stageSeconds(b, stage))),
      ),
    );
    if (stage === 'astro') {
      const steps = [...new Set(builds.flatMap((b) => b.astroSteps.map((x) => x.step)))];
      for (const step of steps)
        lines.push(
          row(
            `    ${step}`,
            builds.map((b) => s(b.astroSteps.find((x) => x.step === step)?.seconds)),
          ),
        );
      lines.push(
        row(
          '    other (loading Astro, config, hooks, cleanup)',
          builds.map((b) => {
            const astro = stageSeconds(b, 'astro');
            const steps = b.astroSteps.filter((x) => !x.step.startsWith(' ')).reduce((n, x) => n + x.seconds, 0);
            return astro !== undefined && b.astroSteps.length ? s(astro - steps) : '-';
          }),
        ),
      );
    }
    if (stage === 'index-text')
      lines.push(
        row(
          '    documents made (the others kept from a build before)',
          builds.map((b) => (b.indexDocumentsMade === undefined ? '-' : b.indexDocumentsMade.toLocaleString('en'))),
        ),
      );
    if (stage === 'search-index')
      lines.push(
        row(
          '    index parts written of all (the others copied)',
          builds.map((b) => (b.searchIndex ? `${b.searchIndex.written} of ${b.searchIndex.parts}` : '-')),
        ),
      );
  }
  // What the top-level stages leave of the wall time: moving the index into the site, log lines.
  lines.push(
    row(
      'between the stages above',
      builds.map((b) => (b.stages.length ? s(b.wallSeconds - TOP_LEVEL.reduce((n, stage) => n + (stageSeconds(b, stage) ?? 0), 0)) : '-')),
    ),
  );
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
    const first = fs.first;
    lines.push(
      '',
      `First search, /search/?q=${fs.query} in a fresh browser${fs.parts ? ` (${fs.parts} index part${fs.parts > 1 ? 's' : ''})` : ''}; ` +
        `times after the HTML document's responseEnd (${fs.htmlEndMs?.toFixed(0) ?? '-'} ms after navigation start); bytes after the HTML, as sent (from a gzip-serving host)`,
      first
        ? `  first results   ${left(`${first.ms.toFixed(0)} ms`, 9)}  ${kib(first.bytes)} (${kib(first.gzipBytes)}), ${first.requests} requests, ` +
            `${kib(first.pagefindBytes)} under /pagefind/: ${first.results} shown, ${first.status}`
        : `  first results   ${first === null ? 'none shown' : 'not measured'}`,
      `  final outcome   ${left(fs.finalMs === undefined ? '-' : `${fs.finalMs.toFixed(0)} ms`, 9)}  ${kib(fs.bytes)} (${kib(fs.gzipBytes)}), ${fs.requests} requests, ` +
        `${kib(fs.pagefindBytes)} under /pagefind/, until the network was quiet: ${fs.status}`,
    );
  } else if (fs) lines.push('', `First search: skipped (${fs.skipped})`);
  const phone = report.phoneSearch;
  if (phone && 'runs' in phone) {
    lines.push('', `Phone search, /search/?q=${phone.query}, ${phone.profile}; ms after navigation start, median of ${phone.runs.length}`);
    lines.push(
      `  first result ${phone.firstMs === null ? '-' : `${phone.firstMs.toFixed(0)} ms`}, final status ${phone.finalMs === null ? '-' : `${phone.finalMs.toFixed(0)} ms`}`,
    );
    for (const r of phone.runs)
      lines.push(
        `  run: HTML ${r.htmlEndMs.toFixed(0)} ms, first result ${r.firstMs === null ? '-' : `${r.firstMs.toFixed(0)} ms`} (${r.firstBytes === null ? '-' : kib(r.firstBytes)} by then), ` +
          `final ${r.finalMs === null ? '-' : `${r.finalMs.toFixed(0)} ms`} (${kib(r.bytes)} until quiet): ${r.status}`,
      );
    lines.push('  bytes as sent: the static server does not compress');
  } else if (phone) lines.push('', `Phone search: skipped (${phone.skipped})`);

  lines.push('', 'Targets');
  const tw = Math.max(...report.targets.map((t) => width(t.target)));
  let heading: string | undefined;
  for (const t of report.targets) {
    if (t.group && t.group !== heading) lines.push(`  ${(heading = t.group)}`);
    lines.push(`    ${pad(t.target, tw)}  ${pad(mark(t.met), 12)} ${t.figure}`);
  }
  if (report.warnings.length) lines.push('', 'Warnings:', ...report.warnings.map((w) => `  ${w}`));
  lines.push(
    '',
    `Run time ${report.runSeconds.toFixed(0)} s (${Object.entries(report.phases)
      .map(([k, v]) => `${k} ${v.toFixed(0)} s`)
      .join(', ')}).`,
  );
  return lines.join('\n');
}
