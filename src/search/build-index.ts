// Builds the Pagefind index through Pagefind's Node API from each notice's index document
// (src/search/index-document), part by part (src/search/parts), each part by a Pagefind process of its own
// (in a worker thread, src/search/index-worker), so that memory is bounded by the largest parts being
// indexed. It needs nothing Astro writes, so the build runs it while Astro renders. With a cache (src/search/part-cache), a part whose documents are exactly those of a kept part is
// copied from there instead of being indexed.
import { readdirSync, renameSync, rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { noticeDir } from '../base/paths';
import type { IndexPart } from './parts';
import { PartCache, PartFingerprint } from './part-cache';
import type { IndexJob, IndexJobResult } from './index-worker';

// gongshi has its own search UI; Pagefind's bundled UIs are unused and credit translators with external links.
const UNUSED_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];
// A merged part is searched by the main index's script and WebAssembly: its own copies are never fetched.
const UNUSED_IN_PARTS = ['pagefind.js', 'pagefind-worker.js'];
const unusedIn = (part: IndexPart) => (name: string) =>
  UNUSED_FILES.includes(name) || (part.dir !== '' && (UNUSED_IN_PARTS.includes(name) || name.startsWith('wasm.')));
// Pagefind's defaults, but for the size of its index chunks: it packs words into one file until they have
// 20,000 locations, so a reader's first query fetched two chunks of about 30 KB for two words of a part of
// a dozen notices. Chunks a fifth of that halve what a query fetches, for more, smaller files (Pagefind
// reads the size from its environment only). What is written depends on these as on the documents, so a
// kept part's fingerprint has them.
const PAGEFIND_OPTIONS = {};
const PAGEFIND_ENV = { PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: '4000' };
const WRITING = JSON.stringify({ options: PAGEFIND_OPTIONS, env: PAGEFIND_ENV });

export interface SearchIndexResult {
  pages: number;
  parts: number;
  /** Parts copied from the cache. */
  reused: number;
}

export interface SearchIndexOptions {
  /** A notice's index document (src/search/index-document), by its id. */
  document: (id: string) => string | Promise<string>;
  /** Hears when each part's files were written (ms since the epoch), for the build's timing log. */
  onWrite?: (start: number, end: number) => void;
  /** Where written parts are kept between builds (src/search/part-cache); none: every part is indexed. */
  cacheDir?: string;
  /** Once this settles, two parts may be indexed at once (none: one at a time). */
  parallel?: Promise<unknown>;
}

/** Indexes one part in a worker thread of its own (src/search/index-worker), with its own Pagefind process. */
function indexInWorker(job: IndexJob): Promise<{ writeStart: number; writeEnd: number }> {
  return new Promise((resolve, reject) => {
    // The worker's Pagefind process inherits this environment.
    const worker = new Worker(new URL('./index-worker.ts', import.meta.url), { workerData: job, env: { ...process.env, ...PAGEFIND_ENV } });
    worker.once('message', (result: IndexJobResult) => ('error' in result ? reject(new Error(result.error)) : resolve(result)));
    worker.once('error', (e) => reject(new Error(`建立搜索索引失败：${e.message}`, { cause: e })));
    worker.once('exit', (code) => code !== 0 && reject(new Error(`建立搜索索引的工作线程意外退出（${code}）。`)));
  });
}

/**
 * Writes the index of `parts` into `<site>/pagefind/`. Parts are indexed one at a time, or two at once once
 * `parallel` has settled (the build lets the second core join when Astro has finished); the next part's
 * documents are made meanwhile. Each part is written into a folder of its own and moved into place at the end.
 */
export async function buildSearchIndex(
  site: string,
  parts: IndexPart[],
  { document, onWrite = () => {}, cacheDir, parallel }: SearchIndexOptions,
): Promise<SearchIndexResult> {
  const cache = cacheDir ? new PartCache(cacheDir) : undefined;
  const written = join(site, '.parts');
  const folderOf = (k: number) => join(written, String(k));
  let pages = 0;
  let reused = 0;
  let slots = 1;
  void parallel?.then(
    () => (slots = 2),
    () => undefined,
  );
  const running = new Set<Promise<void>>();
  let failure: Error | undefined;
  for (const [k, part] of parts.entries()) {
    // Each part's notices go in newest first (the plan's order): the search lists them in that order.
    const documents = await Promise.all(
      part.ids.map(async (id) => ({ sourcePath: `${noticeDir(id)}index.html`, content: await document(id) })),
    );
    pages += documents.length;
    const fingerprint = new PartFingerprint(WRITING);
    for (const { sourcePath, content } of documents) fingerprint.page(sourcePath, content);
    const key = fingerprint.digest();
    if (cache?.restore(key, folderOf(k))) {
      reused++;
      continue;
    }
    // Wait for a free slot (a second one opens when `parallel` settles).
    while (running.size >= slots && !failure)
      await Promise.race(slots === 1 && parallel ? [...running, parallel.catch(() => {})] : running);
    if (failure) break;
    const job = indexInWorker({ documents, outputPath: folderOf(k), options: PAGEFIND_OPTIONS }).then(
      ({ writeStart, writeEnd }) => {
        onWrite(writeStart, writeEnd);
        // Kept whole, so that it can be restored as the main part or as a merged one.
        cache?.store(key, folderOf(k));
      },
      (e: Error) => void (failure ??= e),
    );
    const tracked = job.finally(() => running.delete(tracked));
    running.add(tracked);
  }
  await Promise.all(running);
  if (failure) {
    rmSync(written, { recursive: true, force: true });
    throw failure;
  }
  // Into place: the newest part is pagefind/ itself, the others folders in it, without the files they do not use.
  for (const [k, part] of parts.entries()) {
    const unused = unusedIn(part);
    for (const name of readdirSync(folderOf(k))) if (unused(name)) rmSync(join(folderOf(k), name), { recursive: true, force: true });
    renameSync(folderOf(k), join(site, 'pagefind', part.dir));
  }
  rmSync(written, { recursive: true, force: true });
  cache?.prune();
  if (pages === 0) throw new Error('建立搜索索引失败：没有找到可索引的通报页面。');
  return { pages, parts: parts.length, reused };
}
