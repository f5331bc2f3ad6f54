// npm run build as typed stages in one place: check → index text → (Astro ∥ search index) → verify →
// precompress → publish. The content check stops the build with the author's diagnostics; then each notice's index
// document is made from the checked notice (src/build/index-text) while Astro renders the pages in its own
// process (src/build/render), and Pagefind indexes the documents on the other core; the pages are checked
// (src/build/verify) as soon as Astro has written them, the index once it is written, and
// only then, with gzipped copies of its scripts and stylesheets (src/build/precompress), is the site swapped
// in for the output folder (src/build/publish).
import { renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkContent, type CheckedNotice } from '../notice/check';
import { CheckCache, checkCacheFile } from '../notice/check-cache';
import type { Diagnostic } from '../base/diagnostics';
import { readGitHistories, strictProvenanceFailure, uncommittedLog, uncommittedNotices } from '../provenance/git';
import type { SiteConfig } from '../schemas';
import { buildSearchIndex, type SearchIndexResult } from '../search/build-index';
import { partSize, planIndexParts } from '../search/parts';
import { linkPolicy } from '../site/link-policy';
import { cacheRoot } from '../base/paths';
import { verifyIndex, type VerifyOptions } from './page-check';
import { indexTexts } from './index-text';
import { precompress } from './precompress';
import { publishSite } from './publish';
import { verifyBuiltPages } from './verify';
import { renderSite, type Rendering } from './render';

/** A build that must not go on: what to print (diagnostics first), with nothing published. */
export class BuildStopped extends Error {
  constructor(
    readonly diagnostics: Diagnostic[],
    summary: string,
  ) {
    super(summary);
  }
}

export interface BuildRequest {
  /** The content folder (content/, or GONGSHI_CONTENT). */
  content: string;
  /** Where the site is assembled before it is checked; it becomes `outDir` when everything passed. */
  staging: string;
  outDir: string;
  base: string;
  siteUrl?: string;
  /** How strict provenance was asked for (src/provenance/git), or undefined. */
  strict?: string;
  /** Environment the caches are found from (GONGSHI_CACHE_DIR, GONGSHI_INDEX_PART_SIZE). */
  env?: Record<string, string | undefined>;
  /** Hears the build's progress lines, its warnings (as diagnostics) and each stage's timing. */
  log?: (line: string) => void;
  warn?: (diagnostic: Diagnostic) => void;
  timed?: (stage: string, start: number, end: number, figures?: Record<string, number>) => void;
  /** Hears Astro's process as it starts, so that an interrupted build can end it. */
  started?: (rendering: Rendering) => void;
}

/** Where the search index is written while Astro renders into `staging` (removed with it when a build is abandoned). */
export const indexStaging = (staging: string) => `${staging}-index`;

const now = () => performance.timeOrigin + performance.now();

/** Stage 1: the whole content folder checked, each passing notice rendered once (kept in the check cache). */
export function checkStage(request: BuildRequest, kept: string): { site: SiteConfig; notices: CheckedNotice[]; renderedDir: string } {
  const cache = new CheckCache(checkCacheFile(request.env));
  const checked = checkContent(request.content, process.cwd(), cache);
  const errors = checked.diagnostics.filter((d) => d.severity === 'error');
  for (const d of checked.diagnostics) if (d.severity === 'warning') request.warn?.(d);
  if (errors.length || !checked.site)
    throw new BuildStopped(errors, `构建已停止：内容有 ${errors.length} 个错误，${kept}改正后再运行 npm run build。`);
  // Notices not yet committed are listed for information: webmasters build, look and deploy before they
  // commit. A site that wants every page to match a commit asks for strict provenance, and the build stops.
  const histories = readGitHistories(resolve(request.content, 'notices'));
  const uncommitted = uncommittedNotices(histories, checked.notices).map((n) => n.file);
  const refused = request.strict && strictProvenanceFailure(histories, uncommitted, request.strict);
  if (refused) throw new BuildStopped([], `${refused}\n${kept}`);
  if (request.strict) request.log?.(`来源检查（${request.strict}）：每份通报的源文件都已提交到 git。`);
  else {
    const line = uncommittedLog(uncommitted);
    if (line) request.log?.(line);
  }
  return { site: checked.site, notices: checked.notices, renderedDir: cache.renderedDir };
}

/** What stages 2 to 4 give: the search index, and what the check of the pages found. */
interface Built {
  index: SearchIndexResult;
  pageProblems: Diagnostic[];
}

/**
 * Stages 2 to 4: index documents made and indexed by Pagefind while Astro renders the pages; the pages are
 * checked as soon as Astro has written them, while the index may still be written.
 */
export async function renderAndIndexStage(
  request: BuildRequest,
  site: SiteConfig,
  notices: CheckedNotice[],
  renderedDir: string,
): Promise<Built> {
  const { staging, env = process.env } = request;
  const astroStart = now();
  const rendering = renderSite(staging, notices, renderedDir);
  request.started?.(rendering);
  const rendered = rendering.done.then(() => request.timed?.('astro', astroStart, now()));
  const pagesChecked = rendered.then(async () => {
    const start = now();
    const problems = await verifyBuiltPages(verifyOptions(request, site, notices), resolve(cacheRoot(env), 'gongshi-verify.json'));
    request.timed?.('verify:pages', start, now());
    return problems;
  });
  // Whoever awaits it hears of a failure; until then it must not count as unhandled.
  pagesChecked.catch(() => {});
  let index: SearchIndexResult;
  try {
    const started = now();
    const texts = indexTexts(notices, renderedDir, resolve(cacheRoot(env), 'gongshi-index-text'));
    const parts = planIndexParts(
      notices.filter((n) => n.data).map((n) => ({ id: n.slug, date: n.data!.date })),
      partSize(env),
    );
    index = await buildSearchIndex(indexStaging(staging), parts, {
      document: (id) => texts.document(id),
      // Parts unchanged since the last build are copied from here (src/search/part-cache).
      cacheDir: resolve(cacheRoot(env), 'gongshi-index'),
      onWrite: (start, end) => request.timed?.('search-index:write', start, end),
      // While Astro renders it has a core; then the index takes both.
      parallel: rendered,
    });
    request.timed?.('search-index', started, now(), { parts: index.parts, reused: index.reused, made: texts.made });
  } catch (e) {
    // The index failed: Astro stops too. Its message is a line of its own, as the build always printed it.
    if (rendering.process.exitCode === null) rendering.process.kill();
    await pagesChecked.catch(() => {});
    throw new BuildStopped([], `${(e as Error).message}\n`);
  }
  await rendered.catch((e: Error) => {
    throw new BuildStopped([], e.message);
  });
  const pageProblems = await pagesChecked;
  // Astro empties its output folder when it starts: the index joins the pages once they are written.
  renameSync(join(indexStaging(staging), 'pagefind'), join(staging, 'pagefind'));
  rmSync(indexStaging(staging), { recursive: true, force: true });
  return { index, pageProblems };
}

const verifyOptions = (request: BuildRequest, site: SiteConfig, notices: CheckedNotice[]): VerifyOptions => ({
  dir: request.staging,
  base: request.base,
  contact: site.contact,
  notices: notices.map((n) => n.slug),
  siteUrl: request.siteUrl,
  // The same link policy as the content check's: links out only to the sites content/site.yaml names.
  policy: linkPolicy(site),
});

/** The whole build; throws BuildStopped for what the author or webmaster must act on. */
export async function runPipeline(request: BuildRequest, kept: string): Promise<SearchIndexResult> {
  let started = now();
  const { site, notices, renderedDir } = checkStage(request, kept);
  request.timed?.('content-check', started, now());
  let built: Built;
  try {
    built = await renderAndIndexStage(request, site, notices, renderedDir);
  } catch (e) {
    if (e instanceof BuildStopped) throw new BuildStopped(e.diagnostics, `${e.message}${kept}`);
    throw e;
  }
  const { index, pageProblems } = built;
  const reused = index.reused
    ? `，${index.reused === index.parts ? '都' : `其中 ${index.reused} 个部分`}没有变化，沿用了上次构建的结果`
    : '';
  request.log?.(`搜索索引：${index.pages} 个页面${index.parts > 1 ? `，分 ${index.parts} 个部分` : ''}${reused}`);
  // Stage 4 ends with the index: every notice is in it.
  started = now();
  const problems = [
    ...pageProblems,
    ...verifyIndex(
      request.staging,
      notices.map((n) => n.slug),
    ),
  ];
  request.timed?.('verify', started, now());
  if (problems.length) throw new BuildStopped(problems, `发布前检查发现 ${problems.length} 个问题，新网站没有发布；${kept}`);
  started = now();
  const compressed = precompress(request.staging);
  request.timed?.('precompress', started, now(), { files: compressed });
  started = now();
  publishSite(request.staging, request.outDir, request.base);
  request.timed?.('swap', started, now());
  return index;
}
