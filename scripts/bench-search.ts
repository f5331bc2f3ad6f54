// npm run bench:search — search quality, size and speed on a generated corpus, in real Chromium.
//
//   npm run bench:search -- [options]
//
//   --notices N      notices in the corpus, the bundled sample included (default 1000)
//   --engine E       gongshi (default): the site's own search, window.gongshiSearch on /search/;
//                    pagefind: the baseline, Pagefind's search(query) with default options
//   --reuse          keep the corpus and build of an earlier run with the same options (no regenerate/rebuild)
//   --ref REF        build the site with the code of commit REF instead of the working tree
//                    (e.g. a baseline from before a search change); corpus and benchmark code stay current
//   --seed N         corpus seed (default 20230920)
//   --site DIR       score a site already built from the same corpus (npm run bench -- --search passes the one it
//                    built); the report gets the suffix -site
//   --only C[,C]     run only these query classes (word, long-word, multi-word, organisation, person,
//                    phrase, traditional, width, number), without the order-independence check
//
// What it does: generates the corpus (bench/corpus.ts) in .bench/search-<N>/content and builds it
// with scripts/build.ts into .bench/search-<N>/dist (own Astro cache); serves it on 127.0.0.1; runs every
// query in a fresh browser context and scores it against exact-substring ground truth
// (bench/ground-truth.ts); opens /search/?q=<query> in a fresh context for bytes and end-to-end time;
// checks that Traditional and full-width queries return what their Simplified/half-width forms return and
// that a query's results do not depend on the query run before it. Prints a table and writes
// bench-results/search-<engine>-<N>[-<commit>].json.
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { launch } from './lib/chromium';
import { serveStatic } from './lib/static-server';
import { BenchError } from '../bench/errors';
import { GroundTruth, readIndexedPages } from '../bench/ground-truth';
import { ENGINES, GzipSizes, SearchRunner, Traffic, type EndToEnd, type Engine, type SearchRun } from '../bench/measure';
import { bundleSize, fragmentUrls } from '../bench/pagefind-files';
import { ORDER_PAIRS, QUERY_CLASSES, buildQueries, type QueryClass } from '../bench/queries';
import { formatReport, writeReport, type Mismatch, type SearchReport } from '../bench/report';
import { median, percentile, scoreQuery, summarise } from '../bench/score';
import { ROOT } from '../bench/seed-text';
import { prepareSite } from '../bench/site';
import { DEFAULT_SEED } from '../bench/corpus';

const started = performance.now();
const { values } = parseArgs({
  options: {
    notices: { type: 'string', default: '1000' },
    engine: { type: 'string', default: 'gongshi' },
    reuse: { type: 'boolean', default: false },
    ref: { type: 'string' },
    seed: { type: 'string' },
    only: { type: 'string' },
    site: { type: 'string' },
  },
});
const notices = Number(values.notices);
const engine = values.engine as Engine;
const only = values.only?.split(',').map((c) => c.trim()) as QueryClass[] | undefined;
if (!Number.isInteger(notices) || notices < 1) fail(`--notices must be a whole number ≥ 1, not ${values.notices}`);
if (!ENGINES.includes(engine)) fail(`--engine must be one of ${ENGINES.join(', ')}, not ${values.engine}`);
if (only?.some((c) => !QUERY_CLASSES.includes(c))) fail(`--only takes classes from: ${QUERY_CLASSES.join(', ')}`);

try {
  await main();
} catch (error) {
  if (!(error instanceof BenchError)) throw error;
  fail(error.message, 1);
}

async function main(): Promise<void> {
  const log = (line: string) => console.error(`[bench] ${line}`);
  const site = values.site
    ? builtSite(resolve(values.site))
    : await prepareSite({
        notices,
        seed: values.seed ? Number(values.seed) : undefined,
        reuse: values.reuse,
        ref: values.ref,
        log,
      });

  const warnings: string[] = [];
  const pages = readIndexedPages(site.dist);
  const truth = new GroundTruth(pages);
  const urls = fragmentUrls(site.dist);
  const pageUrls = new Set(pages.map((p) => p.url));
  const fragmentPages = new Set(urls.values());
  const unindexed = [...pageUrls].filter((url) => !fragmentPages.has(url));
  if (unindexed.length) warnings.push(`${unindexed.length} pages with data-pagefind-body have no Pagefind fragment, e.g. ${unindexed[0]}`);
  // A site built by npm run bench has one notice more (its last build added one).
  if (pages.length !== notices && !values.site) warnings.push(`${pages.length} indexed pages for ${notices} notices`);

  const queries = buildQueries().filter((q) => !only || only.includes(q.class));
  const traffic = new Traffic();
  const server = await serveStatic(site.dist, '/', { onRequest: traffic.onRequest, onResponse: traffic.onResponse });
  const browser = await launch();
  const runner = new SearchRunner(browser, server, engine, traffic, new GzipSizes(site.dist, '/'));
  let report: SearchReport;
  try {
    // 1. Every query in a fresh context, through the engine's API.
    const runs = new Map<string, SearchRun>();
    const fresh = async (query: string) => {
      if (!runs.has(query)) runs.set(query, (await runner.search([query]))[0]);
      return runs.get(query)!;
    };
    for (const [i, q] of queries.entries()) {
      const run = await fresh(q.query);
      log(`${String(i + 1).padStart(3)}/${queries.length} ${q.class} ${q.query}: ${run.ids.length} results, ${run.ms.toFixed(0)} ms`);
    }

    // 2. The search page as a reader opens a shared link: time to the outcome, bytes sent.
    const endToEnd = new Map<string, EndToEnd>();
    for (const [i, q] of queries.entries()) {
      const e2e = await runner.endToEnd(q.query);
      endToEnd.set(q.query, e2e);
      log(
        `${String(i + 1).padStart(3)}/${queries.length} /search/?q=${q.query}: ${e2e.ms.toFixed(0)} ms, ${(e2e.bytes / 1024).toFixed(0)} KB`,
      );
    }

    // 3. Equalities: Traditional = Simplified, full-width = half-width, B after A = B fresh.
    const compareLists = (query: string, against: string, a: string[], b: string[]): Mismatch | undefined => {
      if (a.length === b.length && a.every((id, i) => id === b[i])) return undefined;
      const setA = new Set(a);
      const same = b.length === setA.size && b.every((id) => setA.has(id));
      return {
        query,
        against,
        detail: same
          ? `same ${a.length} pages, different order`
          : `${a.length} vs ${b.length} results, ${b.filter((id) => !setA.has(id)).length} of the latter not in the former`,
      };
    };
    const variants = async (cls: QueryClass) => {
      const list = queries.filter((q) => q.class === cls && q.source);
      const mismatches: Mismatch[] = [];
      for (const q of list) {
        const m = compareLists(q.query, q.source!, runs.get(q.query)!.ids, (await fresh(q.source!)).ids);
        if (m) mismatches.push(m);
      }
      return { compared: list.length, mismatches };
    };
    const traditional = await variants('traditional');
    const width = await variants('width');
    const order = { compared: 0, mismatches: [] as Mismatch[] };
    if (!only) {
      for (const [first, then] of ORDER_PAIRS) {
        const [, after] = await runner.search([first, then]);
        const alone = await fresh(then);
        order.compared++;
        const a = new Set(alone.ids);
        const b = new Set(after.ids);
        if (a.size !== b.size || [...a].some((id) => !b.has(id))) {
          order.mismatches.push({
            query: then,
            against: `${first} before it`,
            detail: `${alone.ids.length} results fresh, ${after.ids.length} after “${first}”`,
          });
        }
      }
    }

    // 4. Scores and report.
    const scores = queries.map((q) => ({
      ...scoreQuery(q, truth.relevant(q.query), runs.get(q.query)!, urls),
      endToEnd: endToEnd.get(q.query),
    }));
    for (const s of scores) {
      if (s.unknownIds.length)
        warnings.push(`${s.query}: ${s.unknownIds.length} ids that are no page of this build, e.g. ${s.unknownIds[0]}`);
      if (s.duplicateIds) warnings.push(`${s.query}: ${s.duplicateIds} ids returned twice`);
      if (s.engineTotal !== s.returned + s.unknownIds.length + s.duplicateIds)
        warnings.push(`${s.query}: total ${s.engineTotal} but ${s.returned} ids`);
    }
    const e2e = [...endToEnd.values()];
    const problems = [...new Set(runner.pageProblems)];
    if (problems.length) warnings.push(`${problems.length} distinct page errors, e.g. ${problems.slice(0, 3).join(' | ')}`);
    const chromiumVersion = browser.version();
    report = {
      engine,
      notices,
      seed: site.seed,
      source: site.source,
      date: new Date().toISOString(),
      chromium: `Chromium ${chromiumVersion}`,
      site: {
        dir: site.dir,
        reused: site.reused,
        generateSeconds: site.generateSeconds,
        buildSeconds: site.buildSeconds,
        pages: pages.length,
      },
      classes: summarise(scores, QUERY_CLASSES),
      index: bundleSize(site.dist),
      firstQuery: {
        bytes: { median: median(e2e.map((e) => e.bytes)), max: Math.max(...e2e.map((e) => e.bytes)) },
        pagefindBytes: { median: median(e2e.map((e) => e.pagefindBytes)), max: Math.max(...e2e.map((e) => e.pagefindBytes)) },
        gzipBytes: { median: median(e2e.map((e) => e.gzipBytes)), max: Math.max(...e2e.map((e) => e.gzipBytes)) },
        requests: { median: median(e2e.map((e) => e.requests)), max: Math.max(...e2e.map((e) => e.requests)) },
        errors: e2e.filter((e) => /无法|出错|失败/.test(e.status)).map((e) => e.status),
      },
      latency: {
        searchMs: {
          median: median(scores.map((s) => s.searchMs)),
          p95: percentile(
            scores.map((s) => s.searchMs),
            0.95,
          ),
        },
        endToEndMs: {
          median: median(e2e.map((e) => e.ms)),
          p95: percentile(
            e2e.map((e) => e.ms),
            0.95,
          ),
        },
      },
      checks: { traditional, width, order },
      warnings,
      runSeconds: 0,
      queries: scores,
    };
  } finally {
    await browser.close();
    await server.close();
  }
  report.runSeconds = (performance.now() - started) / 1000;
  const out = resolve(
    ROOT,
    'bench-results',
    `search-${engine}-${notices}${site.source === 'working tree' ? '' : `-${site.source}`}${values.site ? '-site' : ''}${only ? `-${only.join('+')}` : ''}.json`,
  );
  writeReport(out, report);
  console.log(formatReport(report));
  console.log(`Report: ${out}`);
}

/** A site built elsewhere (npm run bench), described as prepareSite describes the one it builds. */
function builtSite(dist: string) {
  if (!existsSync(join(dist, 'pagefind'))) fail(`--site: ${dist} is not a built site (no pagefind/ in it)`);
  const seed = values.seed ? Number(values.seed) : DEFAULT_SEED;
  return { dist, dir: relative(ROOT, dist), seed, source: 'working tree', reused: true, generateSeconds: 0, buildSeconds: 0 };
}

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}
