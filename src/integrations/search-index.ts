// Builds the Pagefind index through its Node API once Astro has written the site, so that
// `npm run build` produces site and index in one step and an indexing error fails the build.
// Pagefind indexes a tokenised copy of each page (src/lib/search-index-html); the pages themselves
// are left as they are.
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { appendFileSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { toSearchIndexHtml } from '../lib/search-index-html';

const UNUSED_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

// GONGSHI_TIMINGS=<file> (npm run bench): one JSON line per stage, {stage, start, end} in ms since the epoch.
const now = () => performance.timeOrigin + performance.now();
const timed = (stage: string, start: number) =>
  process.env.GONGSHI_TIMINGS && appendFileSync(process.env.GONGSHI_TIMINGS, `${JSON.stringify({ stage, start, end: now() })}\n`);

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(dir, f))
    .sort();
}

export default function searchIndex(): AstroIntegration {
  return {
    name: 'gongshi:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = now();
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind 无法启动：${errors.join('; ')}`);
        try {
          let pages = 0;
          for (const file of htmlFiles(site)) {
            const content = toSearchIndexHtml(readFileSync(file, 'utf8'));
            if (!content) continue;
            const sourcePath = relative(site, file).split(sep).join('/');
            const added = await index.addHTMLFile({ sourcePath, content });
            if (added.errors.length) throw new Error(`建立搜索索引失败（${sourcePath}）：${added.errors.join('; ')}`);
            pages++;
          }
          if (pages === 0) throw new Error('建立搜索索引失败：没有找到可索引的通报页面。');
          const writing = now();
          const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
          timed('search-index:write', writing);
          if (written.errors.length) throw new Error(`写入搜索索引失败：${written.errors.join('; ')}`);
          // gongshi has its own search UI; Pagefind's bundled UIs are unused and credit translators with external links.
          for (const file of UNUSED_FILES) rmSync(join(site, 'pagefind', file), { force: true });
          logger.info(`搜索索引：${pages} 个页面`);
        } finally {
          await pagefind.close();
          timed('search-index', started);
        }
      },
    },
  };
}
