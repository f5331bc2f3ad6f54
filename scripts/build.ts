// npm run build: checks content/ first (clear errors, nothing built), builds site and search index into a
// staging folder, verifies the result (contact on every page, links, every notice in the
// index), and only then puts it in place of dist/. Whatever fails, an existing dist/ stays as it was.
import './lib/no-phoning-home';
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent } from '../src/notice/check';
import { CheckCache, checkCacheFile } from '../src/notice/check-cache';
import { formatDiagnostic, type Diagnostic } from '../src/notice/diagnostics';
import { cacheRoot, contentDir, noticeDir, normaliseBase } from '../src/site/paths';
import { readGitHistories, strictProvenance, strictProvenanceFailure, uncommittedLog, uncommittedNotices } from '../src/provenance/git';
import { planIndexParts, partSize } from '../src/search/parts';
import { verifyIndex, verifyPages } from '../src/site/verify';
import { linkPolicy } from '../src/site/link-policy';
import { buildSearchIndex } from '../src/search/build-index';
import { PageFeed } from '../src/search/page-source';

// --out-dir builds somewhere other than dist/ (the tests build the root and sub-path sites side by side).
// --strict-provenance (or GONGSHI_STRICT_PROVENANCE=1) refuses notices not yet committed to git (src/provenance/git).
const { values } = parseArgs({ options: { 'out-dir': { type: 'string' }, 'strict-provenance': { type: 'boolean' } } });
const outDir = resolve(values['out-dir'] ?? 'dist');
// Astro builds inside the project folder (given an outDir elsewhere it stages in .astro/ and copies that
// folder's files into the output), so the staging folder is here; the finished site then moves beside dist/.
const staging = mkdtempSync(join(process.cwd(), `.gongshi-staging-${process.pid}-`));
const incoming = join(dirname(outDir), `.${basename(outDir)}.incoming-${process.pid}`);
const previous = join(dirname(outDir), `.${basename(outDir)}.previous-${process.pid}`);

// Astro's process while it runs: a failure elsewhere ends it too.
const children = new Set<ChildProcess>();
/** Whatever ends the build early: Astro's process stops, and the staging folder goes. */
const abandon = () => {
  for (const child of children) if (child.exitCode === null) child.kill();
  rmSync(staging, { recursive: true, force: true });
};

// A failure that is not a content mistake (a bug, a full disk) ends with one line and exit code 70, as in
// `npm run import` and `npm run check`; the staging folder goes, dist/ stays as it was.
const failed = (e: unknown) => {
  console.error(
    `构建程序出错：${e instanceof Error ? e.message : String(e)}\n这不是内容的问题，请把这条信息告诉网站维护人员。dist/ 没有改动。`,
  );
  if (process.env.GONGSHI_DEBUG) console.error(e instanceof Error ? e.stack : e);
  abandon();
  process.exit(70);
};
process.on('uncaughtException', failed);
process.on('unhandledRejection', failed);
// Interrupted (Ctrl-C, a CI timeout, a benchmark stopping it): Astro stops too, and the staging folder goes.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    abandon();
    console.error(`构建被中断（${signal}）。dist/ 没有改动。`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

// GONGSHI_TIMINGS=<file> (npm run bench): one JSON line per stage, {stage, start, end} in ms since the epoch.
const now = () => performance.timeOrigin + performance.now();
// Extra figures may follow (the number of pages the search index took from Astro's feed).
const timed = (stage: string, start: number, end = now(), figures: Record<string, number> = {}) =>
  process.env.GONGSHI_TIMINGS && appendFileSync(process.env.GONGSHI_TIMINGS, `${JSON.stringify({ stage, start, end, ...figures })}\n`);

function stop(diagnostics: Diagnostic[], summary: string): never {
  for (const d of diagnostics) console.error(formatDiagnostic(d));
  abandon();
  console.error(`\n${summary}`);
  process.exit(1);
}

const kept = existsSync(outDir) ? `${outDir} 没有改动。` : `没有生成 ${outDir}。`;
let started = now();
// Notices unchanged since the last build are not parsed again, and each is rendered here once for Astro's
// pages (src/notice/check-cache).
const cache = new CheckCache(checkCacheFile());
const checked = checkContent(contentDir(), process.cwd(), cache);
const errors = checked.diagnostics.filter((d) => d.severity === 'error');
for (const d of checked.diagnostics.filter((d) => d.severity === 'warning')) console.error(formatDiagnostic(d));
if (errors.length || !checked.site) stop(errors, `构建已停止：内容有 ${errors.length} 个错误，${kept}改正后再运行 npm run build。`);
timed('content-check', started);

// Notices not yet committed are listed for information: webmasters build, look and deploy before they
// commit. A site that wants every page to match a commit asks for strict provenance, and the build stops.
const histories = readGitHistories(resolve(contentDir(), 'notices'));
const uncommitted = uncommittedNotices(histories, checked.notices).map((n) => n.file);
const strict = strictProvenance(values['strict-provenance']);
const refused = strict && strictProvenanceFailure(histories, uncommitted, strict);
if (refused) stop([], `${refused}\n${kept}`);
if (strict) console.log(`来源检查（${strict}）：每份通报的源文件都已提交到 git。`);
else if (uncommitted.length) console.log(uncommittedLog(uncommitted));

// Astro lets BASE_URL, MODE, DEV, PROD and SSR in the environment (Vitest sets them all, some hosts set
// some) override `import.meta.env` inside pages: the base path, and whether this is a production build,
// on which the pages' security policy depends. BASE_PATH is gongshi's only knob for the sub-path.
for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete process.env[name];
process.env.NODE_ENV = 'production';
started = now();
// Astro runs in a process of its own: its memory is given back before Pagefind writes the index. It is handed
// the check's results, so that the notices are not parsed a second time for Astro's content store. It feeds
// each page it renders back over the IPC channel (src/search/page-feed), and the first part of the search
// index takes them in as they come: Pagefind works on the second core while Astro renders.
const handover = join(tmpdir(), `gongshi-checked-notices-${process.pid}.json`);
writeFileSync(handover, JSON.stringify(checked.notices));
const parts = planIndexParts(
  checked.notices.map((n) => ({ id: n.slug, date: n.data!.date })),
  partSize(),
);
const base = normaliseBase(process.env.BASE_PATH);
const feed = new PageFeed(
  staging,
  base,
  parts[0].ids.map((id) => `${noticeDir(id)}index.html`),
);
const astro = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'lib', 'astro-build.ts'), staging], {
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  env: { ...process.env, GONGSHI_CHECKED_NOTICES: handover, GONGSHI_RENDERED_DIR: cache.renderedDir, GONGSHI_SEARCH_FEED: '1' },
});
children.add(astro);
astro.on('message', (message) => feed.receive(message));
let astroFailure: string | undefined;
const astroDone = new Promise<void>((resolve) => {
  astro.on('error', (e) => {
    astroFailure = `Astro 无法启动：${e.message}。`;
    feed.fail(new Error(astroFailure, { cause: e }));
    resolve();
  });
  // 'close' comes after the last message from Astro's process (pages still in flight are read from disk anyway).
  astro.on('close', (code, signal) => {
    rmSync(handover, { force: true });
    timed('astro', started);
    if (code === 0) feed.close();
    else {
      astroFailure = `构建没有完成（Astro ${signal ? `被信号 ${signal} 终止` : `退出码 ${code}`}）。`;
      feed.fail(new Error(astroFailure));
    }
    resolve();
  });
});

// The pages are checked while Pagefind writes the index (in its own process) or after it; the index last.
let pageProblems: Diagnostic[] | undefined;
const verifyOptions = {
  dir: staging,
  base,
  contact: checked.site.contact,
  notices: checked.notices.map((n) => n.slug),
  siteUrl: process.env.SITE_URL || undefined,
  // The same link policy as the content check's: links out only to the sites content/site.yaml names.
  policy: linkPolicy(checked.site),
};
const checkPages = () => {
  const start = now();
  const found = verifyPages(verifyOptions);
  timed('verify:pages', start);
  return found;
};
try {
  const index = await buildSearchIndex(staging, parts, {
    source: feed,
    // Parts whose pages are unchanged since the last build are copied from here (src/search/part-cache).
    cacheDir: resolve(cacheRoot(), 'gongshi-index'),
    onWrite: (start, end) => timed('search-index:write', start, end),
    // A one-part site's pages are checked while Pagefind writes (their check holds little beside Pagefind's
    // index). A larger site's check holds as much as Pagefind does, so it runs alone, after the index.
    whileWriting: parts.length === 1 ? () => void (pageProblems = checkPages()) : undefined,
  });
  const reused = index.reused
    ? `，${index.reused === index.parts ? '都' : `其中 ${index.reused} 个部分`}没有变化，沿用了上次构建的结果`
    : '';
  console.log(`搜索索引：${index.pages} 个页面${index.parts > 1 ? `，分 ${index.parts} 个部分` : ''}${reused}`);
  timed('search-parts', started, now(), { parts: index.parts, reused: index.reused });
} catch (e) {
  // Astro's own failure reaches here through the feed; any other stops Astro too.
  if (astro.exitCode === null) astro.kill();
  await astroDone;
  stop([], astroFailure ? `${astroFailure}${kept}` : `${(e as Error).message}\n${kept}`);
}
await astroDone;
timed('search-index', started);
timed('search-feed', started, now(), { pages: feed.received });

started = now();
const problems = [...(pageProblems ?? checkPages()), ...verifyIndex(staging, verifyOptions.notices)];
if (problems.length) stop(problems, `发布前检查发现 ${problems.length} 个问题，新网站没有发布；${kept}`);
timed('verify', started);

// npm run preview serves the site at the base path it was built for, read from this record. dist/ is published,
// so it holds only that path, which every URL of the site shows anyway (the name is also in scripts/preview.ts).
writeFileSync(join(staging, '.gongshi-build.json'), `${JSON.stringify({ base })}\n`);

// The new site goes next to dist/ first (a copy when dist/ is on another file system), then two renames
// on one file system swap it in, so dist/ is never half old and half new.
started = now();
try {
  renameSync(staging, incoming);
} catch {
  cpSync(staging, incoming, { recursive: true });
  rmSync(staging, { recursive: true, force: true });
}
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(incoming, outDir);
rmSync(previous, { recursive: true, force: true });
timed('swap', started);
console.log(`发布前检查通过；网站已写入 ${outDir}`);
