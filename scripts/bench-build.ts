// npm run bench — build speed, memory and page weight on a generated corpus. A benchmark, not a test.
//
//   npm run bench -- [--notices N] [--reuse] [--seed N] [--reference]
//
//   --notices N   notices in the corpus, the bundled sample included (default 1000; the issue's sizes: 100, 1000, 10000)
//   --reuse       keep the corpus of an earlier run with the same options instead of generating it again
//   --seed N      corpus seed (default 20230920)
//   --max-memory G  stop a build whose processes together use more than G GiB (default: 80 % of the machine's
//                 memory), so that a runaway build does not bring down a shared machine; recorded as a failure
//   --search      also run npm run bench:search on the site this run built (95 queries in Chromium, about 3 minutes):
//                 the search-quality targets come from the same run
//   --reference   also build the same corpus with Hugo + the pinned Pagefind CLI (bench/reference.ts; needs Debian's
//                 `hugo`), three times, and build gongshi cold twice more: the report gives both medians and their ratio
//   --heap MiB    V8 heap limit of the build's node process (--max-old-space-size; default Node's own, about
//                 4 GiB here): to see how far a build gets with more; the report gets the suffix -heap<MiB>
//
// What it does, in .bench/build-<N>/ (gitignored; inside the project because Astro builds inside it):
// 1. generates the corpus (bench/corpus.ts) into content/;
// 2. runs the real build, `node tsx scripts/build.ts --out-dir dist`, four times with its own Astro cache:
//    cold (cache and dist removed), warm (cache kept), rebuild after one notice's body text changed, and
//    rebuild after one notice was added (the corpus is restored afterwards; the site measured below is that
//    last build's, with the added notice);
// 3. times each stage from the build's timing log (GONGSHI_TIMINGS) and Astro's log, and samples the memory
//    of the build's whole process tree (node and pagefind_extended) every 100 ms;
// 4. weighs dist/, the search index, and the home, sample notice, search and contact pages (HTML, CSS, and
//    the JS that runs at load, gzipped);
// 5. in Chromium: layout shift while the sample notice loads (also with 150 % text saved), and a first search
//    (/search/?q=董事会): the time and bytes to its first results and to its final outcome (bench/first-search.ts),
//    then the same search on an emulated phone, three times (bench/phone-search.ts);
// 6. prints a table with the issue's targets marked met / not met, and writes bench-results/build-<N>.json
//    (rewritten after every step, so an interrupted run keeps what it measured).
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { launch } from './lib/chromium';
import { serveStatic } from './lib/static-server';
import { machine, runBuild, stopBuild, type BuildKind } from '../bench/build-run';
import { SAMPLE_PAGE, formatReport, targets, writeReport, type BuildReport } from '../bench/build-report';
import { DEFAULT_SEED, writeCorpus } from '../bench/corpus';
import { LAYOUT_SHIFT_CASES, measureLayoutShift } from '../bench/layout-shift';
import { firstSearch, stampResponses } from '../bench/first-search';
import { phoneSearch } from '../bench/phone-search';
import { GzipSizes, Traffic } from '../bench/measure';
import { folderSize, pageWeight } from '../bench/page-weight';
import { ROOT } from '../bench/seed-text';
import { BENCH_DIR } from '../bench/site';
import { hugoVersion, median, runReference } from '../bench/reference';
import type { SearchReport } from '../bench/report';

const started = performance.now();
const { values } = parseArgs({
  options: {
    notices: { type: 'string', default: '1000' },
    reuse: { type: 'boolean', default: false },
    seed: { type: 'string' },
    'max-memory': { type: 'string' },
    heap: { type: 'string' },
    reference: { type: 'boolean', default: false },
    search: { type: 'boolean', default: false },
  },
});
const notices = Number(values.notices);
const seed = values.seed ? Number(values.seed) : DEFAULT_SEED;
if (!Number.isInteger(notices) || notices < 2) fail(`--notices must be a whole number ≥ 2, not ${values.notices}`);
if (!Number.isInteger(seed)) fail(`--seed must be a whole number, not ${values.seed}`);
const memoryLimit = values['max-memory'] ? Number(values['max-memory']) * 2 ** 30 : 0.8 * totalmem();
if (!(memoryLimit > 0)) fail(`--max-memory must be a number of GiB, not ${values['max-memory']}`);
const heapMiB = values.heap ? Number(values.heap) : undefined;
if (heapMiB !== undefined && !(Number.isInteger(heapMiB) && heapMiB > 0)) fail(`--heap must be a whole number of MiB, not ${values.heap}`);

const log = (line: string) => console.error(`[bench] ${line}`);
const dir = join(BENCH_DIR, `build-${notices}${seed === DEFAULT_SEED ? '' : `-s${seed}`}`);
const content = join(dir, 'content');
const dist = join(dir, 'dist');
const cacheDir = join(dir, 'astro-cache');
const out = resolve(
  ROOT,
  'bench-results',
  `build-${notices}${seed === DEFAULT_SEED ? '' : `-s${seed}`}${heapMiB ? `-heap${heapMiB}` : ''}.json`,
);
const FIRST_QUERY = '董事会';

const report: BuildReport = {
  notices,
  seed,
  date: new Date().toISOString(),
  complete: false,
  machine: machine(),
  memoryLimit,
  heapMiB,
  corpus: { dir: relative(ROOT, content), reused: false, generateSeconds: 0 },
  builds: [],
  targets: [],
  warnings: [],
  phases: {},
  runSeconds: 0,
};
const save = () => {
  report.runSeconds = (performance.now() - started) / 1000;
  report.targets = targets(report);
  writeReport(out, report);
};
const phase = async <T>(name: string, run: () => Promise<T> | T): Promise<T> => {
  const t = performance.now();
  try {
    return await run();
  } finally {
    report.phases[name] = (report.phases[name] ?? 0) + (performance.now() - t) / 1000;
  }
};

// An interrupt (Ctrl-C, `timeout`) ends the running build's processes and keeps what was measured.
let running: number | undefined;
let restore: (() => void) | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (running) stopBuild(running);
    restore?.();
    report.interrupted = `${signal} after ${((performance.now() - started) / 1000).toFixed(0)} s`;
    save();
    console.log(formatReport(report));
    console.log(`Report (incomplete): ${out}`);
    process.exit(130);
  });
}

await main();

async function main(): Promise<void> {
  mkdirSync(dir, { recursive: true });
  readBaseline();

  // 1. Corpus.
  const stampFile = join(dir, 'corpus.json');
  const stamp = existsSync(stampFile)
    ? (JSON.parse(readFileSync(stampFile, 'utf8')) as { notices: number; seed: number; chars: number })
    : undefined;
  if (values.reuse && stamp?.notices === notices && stamp.seed === seed && existsSync(join(content, 'notices'))) {
    report.corpus = { ...report.corpus, reused: true, chars: stamp.chars };
    log(`reusing the corpus in ${content}`);
  } else {
    rmSync(stampFile, { force: true });
    const corpus = await phase('generate', () => writeCorpus(content, { notices, seed }));
    writeFileSync(stampFile, JSON.stringify({ notices, seed, chars: corpus.chars }));
    report.corpus = { ...report.corpus, generateSeconds: report.phases.generate, chars: corpus.chars };
    log(`generated ${corpus.notices} notices (${(corpus.chars / 1e6).toFixed(1)} M characters) in ${report.phases.generate.toFixed(1)} s`);
  }
  save();

  // 2–3. Builds: cold, warm, rebuild after one change, rebuild after one notice more.
  const edited = noticeToEdit();
  const added = join(dirname(edited), `${basename(edited, '.md')}-added.md`);
  report.corpus.editedNotice = relative(ROOT, edited);
  report.corpus.addedNotice = relative(ROOT, added);
  rmSync(added, { force: true });
  const KINDS: BuildKind[] = ['cold', 'warm', 'rebuild', 'add'];
  for (const kind of KINDS) {
    if (kind === 'cold') {
      rmSync(cacheDir, { recursive: true, force: true });
      rmSync(dist, { recursive: true, force: true });
    }
    if (kind === 'rebuild') {
      const original = readFileSync(edited, 'utf8');
      restore = () => writeFileSync(edited, original);
      writeFileSync(edited, editBody(original));
    }
    if (kind === 'add') {
      restore = () => rmSync(added, { force: true });
      writeFileSync(added, addedNotice(readFileSync(edited, 'utf8')));
    }
    log(`${kind} build of ${notices} notices…`);
    const run = await phase('builds', async () => {
      try {
        return await runBuild({
          kind,
          content,
          outDir: dist,
          cacheDir,
          log: join(dir, `build-${kind}.log`),
          timings: join(dir, `timings-${kind}.jsonl`),
          onStart: (pid) => (running = pid),
          memoryLimit,
          heapMiB,
        });
      } finally {
        running = undefined;
        restore?.();
        restore = undefined;
      }
    });
    report.builds.push(run);
    save();
    log(
      `${kind}: ${run.ok ? 'built' : 'FAILED'} in ${run.wallSeconds.toFixed(1)} s, peak ${(run.memory.peakRss / 2 ** 20).toFixed(0)} MiB during ${run.memory.peakStage}`,
    );
    if (readFileSync(run.log, 'utf8').includes('does not exist or is empty')) {
      report.warnings.push(
        `the ${kind} build: Astro found no notices ("The collection "notices" does not exist or is empty"); its content data store is ` +
          `${((run.dataStoreBytes ?? 0) / 2 ** 20).toFixed(0)} MiB, and Node cannot read a file over 512 MiB into one string`,
      );
    }
    if (!run.ok) {
      report.warnings.push(
        `the ${kind} build failed (exit ${run.exitCode}${run.signal ? `, ${run.signal}` : ''}); later builds and measurements skipped`,
      );
      break;
    }
  }

  // 3b. With --reference: two more cold builds of gongshi, and three of Hugo + Pagefind, for medians of three.
  const built = report.builds.length === KINDS.length && report.builds.every((b) => b.ok);
  if (values.reference && built) await phase('reference', reference);

  // 4. Sizes of the last successful build.
  if (report.builds.length && report.builds.every((b) => b.ok)) {
    await phase('sizes', () => {
      report.sizes = {
        dist: folderSize(dist),
        pagefind: folderSize(join(dist, 'pagefind')),
        pages: [
          { name: 'home', ...pageWeight(dist, '') },
          { name: 'sample notice', ...pageWeight(dist, SAMPLE_PAGE) },
          { name: 'search', ...pageWeight(dist, 'search/') },
          { name: 'contact', ...pageWeight(dist, 'contact/') },
        ],
      };
    });
    save();
    // 5. In Chromium.
    await phase('browser', browserMeasurements);
  }

  // 6. With --search: the search benchmark on this site.
  if (values.search && built) await phase('search', searchBenchmark);

  report.complete = built;
  save();
  console.log(formatReport(report));
  console.log(`Report: ${out}`);
}

async function reference(): Promise<void> {
  const hugo = hugoVersion();
  if (!hugo) {
    report.reference = { skipped: 'Hugo is not installed (apt-get install hugo)' };
    save();
    return;
  }
  report.coldSeconds = [report.builds[0].wallSeconds];
  for (let i = 2; i <= 3; i++) {
    rmSync(cacheDir, { recursive: true, force: true });
    rmSync(dist, { recursive: true, force: true });
    log(`cold build ${i} of 3…`);
    const run = await runBuild({
      kind: 'cold',
      content,
      outDir: dist,
      cacheDir,
      log: join(dir, `build-cold-${i}.log`),
      timings: join(dir, `timings-cold-${i}.jsonl`),
      onStart: (pid) => (running = pid),
      memoryLimit,
      heapMiB,
    }).finally(() => (running = undefined));
    if (!run.ok) {
      report.warnings.push(`cold build ${i} of 3 failed (exit ${run.exitCode}); see ${run.log}`);
      return;
    }
    report.coldSeconds.push(run.wallSeconds);
    save();
  }
  const pagefind = JSON.parse(readFileSync(join(ROOT, 'node_modules/pagefind/package.json'), 'utf8')) as { version: string };
  const runs = [];
  for (let i = 1; i <= 3; i++) {
    log(`reference build ${i} of 3 (${hugo} + Pagefind ${pagefind.version})…`);
    const run = await runReference(content, join(dir, 'reference'));
    log(`reference: ${run.seconds.toFixed(1)} s (Hugo ${run.hugoSeconds.toFixed(1)} s, Pagefind ${run.pagefindSeconds.toFixed(1)} s)`);
    runs.push(run);
  }
  report.reference = {
    tool: `${hugo} + Pagefind ${pagefind.version}`,
    runs,
    medianSeconds: median(runs.map((r) => r.seconds)),
    peakRss: Math.max(...runs.map((r) => r.peakRss)),
  };
  save();
}

async function browserMeasurements(): Promise<void> {
  let browser;
  try {
    browser = await launch();
  } catch (error) {
    const reason = `Chromium did not start: ${(error as Error).message.split('\n')[0]}`;
    report.layoutShift = { skipped: reason };
    report.firstSearch = { skipped: reason };
    report.phoneSearch = { skipped: reason };
    return;
  }
  report.chromium = `Chromium ${browser.version()}`;
  const traffic = new Traffic();
  // Each response carries the moment it ended, so that the first search can count what came before its first results.
  const server = await serveStatic(dist, '/', { onRequest: traffic.onRequest, onResponse: stampResponses(traffic.onResponse) });
  const gzip = new GzipSizes(dist, '/');
  try {
    const results = [];
    for (const c of LAYOUT_SHIFT_CASES) {
      const r = await measureLayoutShift(browser, server.url(SAMPLE_PAGE), c);
      log(`layout shift, ${c.name}: ${r.cls.toFixed(3)}`);
      results.push(r);
    }
    report.layoutShift = { page: SAMPLE_PAGE, results };
    // Pages that go on changing after load: measured once the results are shown or the filters are ready.
    const settled = [
      {
        page: `search/?q=${encodeURIComponent(FIRST_QUERY)}`,
        until: `/^(找到|没有)/.test(document.querySelector('[data-search-status]')?.textContent ?? '')`,
      },
      { page: 'ledger/', until: `!document.querySelector('form.ledger-filters')?.hidden` },
    ];
    report.layoutShiftSettled = [];
    for (const { page, until } of settled) {
      const pageResults = [];
      for (const c of LAYOUT_SHIFT_CASES) {
        const r = await measureLayoutShift(browser, server.url(page), c, until);
        log(`layout shift, /${page}, ${c.name}: ${r.cls.toFixed(3)}`);
        pageResults.push(r);
      }
      report.layoutShiftSettled.push({ page, results: pageResults });
    }
    save();
    try {
      const e2e = await firstSearch(browser, server, traffic, gzip, FIRST_QUERY);
      report.firstSearch = {
        query: FIRST_QUERY,
        bytes: e2e.bytes,
        pagefindBytes: e2e.pagefindBytes,
        gzipBytes: e2e.gzipBytes,
        htmlBytes: readFileSync(join(dist, 'search/index.html')).length,
        requests: e2e.requests,
        ms: e2e.final.sinceNavigationMs,
        status: e2e.final.status,
        htmlEndMs: e2e.htmlEndMs,
        finalMs: e2e.final.ms,
        first: e2e.first,
        parts: e2e.parts,
      };
      log(
        `first search: first results ${e2e.first ? `${e2e.first.ms.toFixed(0)} ms after the HTML, ${(e2e.first.bytes / 1024).toFixed(0)} KiB` : 'none'}; ` +
          `final outcome ${e2e.final.ms.toFixed(0)} ms, ${(e2e.bytes / 1024).toFixed(0)} KiB`,
      );
    } catch (error) {
      report.firstSearch = { skipped: `the search page did not show an outcome: ${(error as Error).message.split('\n')[0]}` };
    }
    save();
    try {
      report.phoneSearch = await phoneSearch(browser, server, traffic, gzip, FIRST_QUERY, { log });
    } catch (error) {
      report.phoneSearch = { skipped: `the phone search failed: ${(error as Error).message.split('\n')[0]}` };
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

/** A notice in the middle of the corpus, not the bundled sample (whose page is weighed). */
function noticeToEdit(): string {
  const files = readdirSync(join(content, 'notices'))
    .filter((f) => f.endsWith('.md') && !SAMPLE_PAGE.includes(f.replace(/\.md$/, '')))
    .sort();
  return join(content, 'notices', files[Math.floor(files.length / 2)]);
}

/** One sentence more at the end of the first plain paragraph after the first section heading. */
function editBody(text: string): string {
  const lines = text.split('\n');
  const heading = lines.findIndex((l) => l.startsWith('## '));
  const i = lines.findIndex((l, j) => j > heading && l.endsWith('。') && !/^[#*\-\d（(]/.test(l));
  if (heading < 0 || i < 0) throw new Error('no paragraph to edit in the notice');
  lines[i] += '经复核，上述整改措施已全部落实到位。';
  return lines.join('\n');
}

/** The edited notice as a new one: another title, the same date and body (the check holds date and signature together). */
function addedNotice(text: string): string {
  return text.replace(/^title: (.*)$/m, 'title: $1（补充通报）');
}

/** npm run bench:search on the site just built; the targets take its recall, precision and first-query figures. */
async function searchBenchmark(): Promise<void> {
  log('search benchmark on this site (npm run bench:search -- --site)…');
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'scripts/bench-search.ts'), '--notices', String(notices), '--seed', String(seed), '--site', dist],
    { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  const file = resolve(ROOT, 'bench-results', `search-gongshi-${notices}-site.json`);
  if (run.status !== 0 || !existsSync(file)) {
    report.search = { skipped: `npm run bench:search failed (exit ${run.status})` };
  } else {
    const search = JSON.parse(readFileSync(file, 'utf8')) as SearchReport;
    report.search = {
      report: relative(ROOT, file),
      classes: search.classes.map((c) => ({ class: c.class, recall: c.recall, precision: c.precision })),
      firstQueryBytes: search.firstQuery.bytes.median,
      searchMs: search.latency.searchMs.median,
    };
  }
  save();
}

/** For sizes other than 1,000: the 1,000-notice report of the same seed, to compare times with. */
function readBaseline(): void {
  if (notices === 1000) return;
  const file = resolve(ROOT, 'bench-results', `build-1000${seed === DEFAULT_SEED ? '' : `-s${seed}`}.json`);
  if (!existsSync(file)) return;
  const base = JSON.parse(readFileSync(file, 'utf8')) as BuildReport;
  const wallSeconds: Partial<Record<BuildKind, number>> = {};
  const stageSeconds: Partial<Record<BuildKind, Record<string, number>>> = {};
  for (const b of base.builds.filter((x) => x.ok)) {
    wallSeconds[b.kind] = b.wallSeconds;
    stageSeconds[b.kind] = Object.fromEntries(b.stages.map((x) => [x.stage, x.seconds]));
  }
  report.baseline = { file: relative(ROOT, file), notices: base.notices, wallSeconds, stageSeconds };
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
