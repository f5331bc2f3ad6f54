// Builds the Pagefind index through Pagefind's Node API from each notice's index document
// (src/search/index-document), part by part (src/search/parts): one Pagefind process after another, so that
// memory is bounded by the largest part. It needs nothing Astro writes, so the build runs it while Astro
// renders. With a cache (src/search/part-cache), a part whose documents are exactly those of a kept part is
// copied from there instead of being indexed.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { noticeDir } from '../site/paths';
import type { IndexPart } from './parts';
import { PartCache, PartFingerprint } from './part-cache';

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
// Pagefind's defaults. What is written depends on these as on the documents, so a kept part's fingerprint has them.
const PAGEFIND_OPTIONS = {};
const WRITING = JSON.stringify({ options: PAGEFIND_OPTIONS });

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
}

/** Writes the index of `parts` into `<site>/pagefind/`. */
export async function buildSearchIndex(
  site: string,
  parts: IndexPart[],
  { document, onWrite = () => {}, cacheDir }: SearchIndexOptions,
): Promise<SearchIndexResult> {
  const cache = cacheDir ? new PartCache(cacheDir) : undefined;
  const partDirs = parts.map((p) => p.dir).filter(Boolean);
  let pages = 0;
  let reused = 0;
  for (const part of parts) {
    const outputPath = join(site, 'pagefind', part.dir);
    // Each part's notices go in newest first (the plan's order): the search lists them in that order.
    const documents = await Promise.all(
      part.ids.map(async (id) => ({ sourcePath: `${noticeDir(id)}index.html`, content: await document(id) })),
    );
    pages += documents.length;
    const fingerprint = new PartFingerprint(WRITING);
    for (const { sourcePath, content } of documents) fingerprint.page(sourcePath, content);
    const key = fingerprint.digest();
    if (cache?.restore(key, outputPath, unusedIn(part))) {
      reused++;
      continue;
    }
    const { index, errors } = await pagefind.createIndex(PAGEFIND_OPTIONS);
    if (!index) throw new Error(`Pagefind 无法启动：${errors.join('; ')}`);
    try {
      for (const file of documents) {
        const { errors } = await index.addHTMLFile(file);
        if (errors.length) throw new Error(`建立搜索索引失败（${file.sourcePath}）：${errors.join('; ')}`);
      }
      const writing = performance.timeOrigin + performance.now();
      const written = await index.writeFiles({ outputPath });
      onWrite(writing, performance.timeOrigin + performance.now());
      if (written.errors.length) throw new Error(`写入搜索索引失败：${written.errors.join('; ')}`);
    } finally {
      // Ends the Pagefind process, and with it the memory this part's index took.
      await pagefind.close();
    }
    // Kept whole, so that it can be restored as the main part or as a merged one.
    cache?.store(key, outputPath, partDirs);
    const unused = unusedIn(part);
    for (const name of readdirSync(outputPath)) if (unused(name)) rmSync(join(outputPath, name), { force: true });
  }
  cache?.prune();
  if (pages === 0) throw new Error('建立搜索索引失败：没有找到可索引的通报页面。');
  return { pages, parts: parts.length, reused };
}
