// Builds the Pagefind index of a built site through Pagefind's Node API: a tokenised copy of each notice
// page (src/search/index-html) goes in, the pages themselves are left as they are. A large site is
// indexed in parts (src/search/parts), one Pagefind process after another, so that memory is bounded
// by the largest part rather than by the whole site. The first part can take its pages from the page
// feed (src/search/page-source) while Astro is still rendering; the other parts, and any page that is not
// a notice, are read from the site folder once Astro has finished. With a cache (src/search/part-cache), a
// part whose pages Pagefind would be given exactly as last time is copied from there instead.
import { readdirSync, rmSync } from 'node:fs';
import { join, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { noticeDir } from '../site/paths';
import { toSearchIndexHtml } from './index-html';
import type { IndexPart } from './parts';
import { pagesOnDisk, type PageSource } from './page-source';
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
// Pagefind's defaults. What is written depends on these as on the pages, so a kept part's fingerprint has them.
const PAGEFIND_OPTIONS = {};
const WRITING = JSON.stringify({ options: PAGEFIND_OPTIONS, unused: UNUSED_FILES, unusedInParts: UNUSED_IN_PARTS });

export interface SearchIndexResult {
  pages: number;
  parts: number;
  /** Parts copied from the cache. */
  reused: number;
}

export interface SearchIndexOptions {
  /** Where the pages come from; by default they are read from the site folder, which must then be complete. */
  source?: PageSource;
  /** Hears when each part's files were written (ms since the epoch), for the build's timing log. */
  onWrite?: (start: number, end: number) => void;
  /**
   * Runs while Pagefind writes a part's files, in its own process: the site is complete by then, so the build
   * checks it meanwhile. Called once per part (after it, for a part copied from the cache).
   */
  whileWriting?: (part: IndexPart) => Promise<void> | void;
  /** Where written parts are kept between builds (src/search/part-cache); none: every part is indexed. */
  cacheDir?: string;
}

export async function buildSearchIndex(
  site: string,
  parts: IndexPart[],
  { source = pagesOnDisk(site), onWrite = () => {}, whileWriting, cacheDir }: SearchIndexOptions = {},
): Promise<SearchIndexResult> {
  // Each part's notices go in newest first (the plan's order): the search lists them in that order.
  const files = parts.map((part) => part.ids.map((id) => `${noticeDir(id)}index.html`));
  const disk = pagesOnDisk(site);
  // Other pages (none has anything to index today) go into the main index, after its notices.
  const others = async () => {
    await source.settled;
    const planned = new Set(files.flat());
    return readdirSync(site, { recursive: true, encoding: 'utf8' })
      .sort()
      .map((file) => file.split(sep).join('/'))
      .filter((path) => path.endsWith('.html') && !path.startsWith('pagefind/') && !planned.has(path));
  };

  const cache = cacheDir ? new PartCache(cacheDir) : undefined;
  const partDirs = parts.map((p) => p.dir).filter(Boolean);
  let pages = 0;
  let reused = 0;
  for (const [i, part] of parts.entries()) {
    const outputPath = join(site, 'pagefind', part.dir);
    const fingerprint = cache && new PartFingerprint(part, WRITING);
    let key: string | undefined;
    // A later part that was kept before has all its pages on disk: they are fingerprinted first (their copies
    // kept for Pagefind), and Pagefind is started only when the part changed. Other parts go to Pagefind page
    // by page, the first as Astro renders it, and are fingerprinted on the way; when the first part turns
    // out unchanged, what Pagefind took in is dropped and nothing is written.
    let made: Map<string, string | undefined> | undefined;
    if (cache && fingerprint && i > 0 && cache.has(part)) {
      made = new Map(files[i].map((path) => [path, undefined]));
      for (const path of files[i]) {
        const copy = toSearchIndexHtml(await disk.html(path));
        fingerprint.page(path, copy);
        made.set(path, copy);
      }
      key = fingerprint.digest();
      if (cache.restore(part, key, outputPath)) {
        pages += [...made.values()].filter(Boolean).length;
        reused++;
        await whileWriting?.(part);
        continue;
      }
    }
    const { index, errors } = await pagefind.createIndex(PAGEFIND_OPTIONS);
    if (!index) throw new Error(`Pagefind 无法启动：${errors.join('; ')}`);
    try {
      // One page at a time, in order; the next page's copy is made while Pagefind takes in this one.
      const add = async (paths: string[], html: (path: string) => Promise<string>) => {
        const copyOf = async (path: string) => (made ? made.get(path) : toSearchIndexHtml(await html(path)));
        let next = paths.length ? copyOf(paths[0]) : undefined;
        for (const [k, sourcePath] of paths.entries()) {
          const content = await next;
          if (key === undefined) fingerprint?.page(sourcePath, content);
          const added = content ? index.addHTMLFile({ sourcePath, content }) : undefined;
          next = k + 1 < paths.length ? copyOf(paths[k + 1]) : undefined;
          made?.delete(sourcePath);
          // A rejected copy still waiting must not go unhandled when this page's error ends the loop.
          next?.catch(() => {});
          if (!added) continue;
          const { errors } = await added;
          if (errors.length) throw new Error(`建立搜索索引失败（${sourcePath}）：${errors.join('; ')}`);
          pages++;
        }
      };
      // Later parts are read from the site folder, which is complete by then (the first part waited for it).
      await add(files[i], i === 0 ? (path) => source.html(path) : disk.html);
      if (i === 0) await add(await others(), disk.html);
      key ??= fingerprint?.digest();
      if (key && cache?.restore(part, key, outputPath)) {
        reused++;
        await whileWriting?.(part);
        continue;
      }
      const writing = performance.timeOrigin + performance.now();
      const writes = index.writeFiles({ outputPath });
      if (whileWriting) {
        // The request goes out before the (possibly blocking) work starts.
        await new Promise((resolve) => setImmediate(resolve));
        await whileWriting(part);
      }
      const written = await writes;
      onWrite(writing, performance.timeOrigin + performance.now());
      if (written.errors.length) throw new Error(`写入搜索索引失败：${written.errors.join('; ')}`);
      const unused = part.dir ? [...UNUSED_FILES, ...UNUSED_IN_PARTS] : UNUSED_FILES;
      for (const name of readdirSync(outputPath)) {
        if (unused.includes(name) || (part.dir && name.startsWith('wasm.'))) rmSync(join(outputPath, name), { force: true });
      }
      if (key) cache?.store(part, key, outputPath, partDirs);
    } finally {
      // Ends the Pagefind process, and with it the memory this part's index took.
      await pagefind.close();
    }
  }
  if (pages === 0) throw new Error('建立搜索索引失败：没有找到可索引的通报页面。');
  return { pages, parts: parts.length, reused };
}
