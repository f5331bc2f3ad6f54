// Builds the Pagefind index of a built site through Pagefind's Node API: a tokenised copy of each notice
// page (src/search/index-html) goes in, the pages themselves are left as they are. A large site is
// indexed in parts (src/search/parts), one Pagefind process after another, so that memory is bounded
// by the largest part rather than by the whole site.
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { noticeDir } from '../site/paths';
import { toSearchIndexHtml } from './index-html';
import type { IndexPart } from './parts';

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

export interface SearchIndexResult {
  pages: number;
  parts: number;
}

/** `onWrite` hears when each part's files were written (ms since the epoch), for the build's timing log. */
export async function buildSearchIndex(
  site: string,
  parts: IndexPart[],
  onWrite: (start: number, end: number) => void = () => {},
): Promise<SearchIndexResult> {
  // Each part's notices go in newest first (the plan's order): the search lists them in that order.
  const files = parts.map((part) => part.ids.map((id) => `${noticeDir(id)}index.html`));
  const planned = new Set(files.flat());
  for (const file of readdirSync(site, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = file.split(sep).join('/');
    if (!path.endsWith('.html') || path.startsWith('pagefind/') || planned.has(path)) continue;
    // Other pages (none has anything to index today) go into the main index.
    files[0].push(path);
  }

  let pages = 0;
  for (const [i, part] of parts.entries()) {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind 无法启动：${errors.join('; ')}`);
    try {
      // One page at a time, in order; the next page's copy is made while Pagefind takes in this one.
      const copyOf = (sourcePath: string) => toSearchIndexHtml(readFileSync(join(site, sourcePath), 'utf8'));
      let next = files[i].length ? copyOf(files[i][0]) : undefined;
      for (const [k, sourcePath] of files[i].entries()) {
        const content = next;
        const added = content ? index.addHTMLFile({ sourcePath, content }) : undefined;
        next = k + 1 < files[i].length ? copyOf(files[i][k + 1]) : undefined;
        if (!added) continue;
        const { errors } = await added;
        if (errors.length) throw new Error(`建立搜索索引失败（${sourcePath}）：${errors.join('; ')}`);
        pages++;
      }
      const writing = performance.timeOrigin + performance.now();
      const outputPath = join(site, 'pagefind', part.dir);
      const written = await index.writeFiles({ outputPath });
      onWrite(writing, performance.timeOrigin + performance.now());
      if (written.errors.length) throw new Error(`写入搜索索引失败：${written.errors.join('; ')}`);
      const unused = part.dir ? [...UNUSED_FILES, ...UNUSED_IN_PARTS] : UNUSED_FILES;
      for (const name of readdirSync(outputPath)) {
        if (unused.includes(name) || (part.dir && name.startsWith('wasm.'))) rmSync(join(outputPath, name), { force: true });
      }
    } finally {
      // Ends the Pagefind process, and with it the memory this part's index took.
      await pagefind.close();
    }
  }
  if (pages === 0) throw new Error('建立搜索索引失败：没有找到可索引的通报页面。');
  return { pages, parts: parts.length };
}
