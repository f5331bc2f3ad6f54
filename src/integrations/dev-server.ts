// `npm run dev` as a real preview of the published site. When the server starts and whenever a file under
// the content folder changes: the content is checked as `npm run check` checks it (mistakes go to the
// terminal and, through src/integrations/dev-content-overlay, to the browser's error overlay), the notices
// are re-read, the Pagefind index is rebuilt from the pages the dev server renders (in the index form the build
// gives Pagefind) and served at <base>pagefind/, and open pages reload. The build never runs this.
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import type { ViteDevServer } from 'vite';
import { buildSearchIndex } from '../search/build-index';
import { toSearchIndexHtml } from '../search/index-html';
import { checkContent, type CheckedNotice } from '../notice/check';
import { formatDiagnostic, type Diagnostic } from '../base/diagnostics';
import { contentType } from '../site/content-types';
import { contentDir, joinBase, noticePath, normaliseBase } from '../base/paths';
import { partSize, planIndexParts } from '../search/parts';
import { contentSettled, INDEXING_HEADER, markContentChanged, setContentErrors } from './dev-content-errors';
import { LOADS } from '../loaders/notices';

/** The address to reach a server listening on `address` from the same machine. */
export function loopbackUrl(address: AddressInfo, path: string): string {
  const host = address.address === '0.0.0.0' ? '127.0.0.1' : address.address === '::' ? '::1' : address.address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}${path}`;
}

export default function devServer(): AstroIntegration {
  let base = '/';
  let root = process.cwd();
  let content = '';
  let logger: AstroIntegrationLogger;
  let server: ViteDevServer;
  let address: AddressInfo | undefined;
  let refresh: (() => Promise<void>) | undefined;
  /** The folder whose pagefind/ is being served; replaced whole by each rebuild. */
  let current: string | undefined;
  // One update at a time (Pagefind's Node API runs one service); a change during an update asks for one more.
  let running: Promise<void> | undefined;
  let again = false;
  /** Files changed on disk since the content layer last read the notices; the site configuration changed. */
  let stale = false;
  let siteChanged = false;
  /** The check made when the server was set up, used by the first update instead of checking twice. */
  let first: ReturnType<typeof check> | undefined;

  /** Checks the content and logs its mistakes. */
  function check(): { notices: CheckedNotice[]; errors: Diagnostic[] } {
    const checked = checkContent(content, root);
    const errors = checked.diagnostics.filter((d) => d.severity === 'error');
    for (const d of checked.diagnostics) (d.severity === 'error' ? logger.error : logger.warn).call(logger, formatDiagnostic(d));
    if (errors.length) logger.error(`内容有 ${errors.length} 个错误，浏览器里的页面显示这些错误；改正并保存后页面自动刷新。`);
    return { notices: checked.notices, errors };
  }

  async function buildIndex(notices: CheckedNotice[]): Promise<void> {
    const started = performance.now();
    if (notices.length === 0) return;
    const site = mkdtempSync(join(tmpdir(), 'gongshi-dev-search-'));
    try {
      // Each notice page as the dev server renders it now, in the index form the build gives Pagefind (a site
      // test checks that Pagefind reads the same from a page and from the build's index document).
      const documents = new Map<string, string>();
      for (const n of notices) {
        const response = await fetch(loopbackUrl(address!, noticePath(base, n.slug)), { headers: { [INDEXING_HEADER]: '1' } });
        if (!response.ok) throw new Error(`通报页 ${n.slug} 返回 HTTP ${response.status}`);
        const document = toSearchIndexHtml(await response.text());
        if (document) documents.set(n.slug, document);
      }
      const parts = planIndexParts(
        notices.map((n) => ({ id: n.slug, date: n.data!.date })),
        partSize(),
      );
      const index = await buildSearchIndex(site, parts, { document: (id) => documents.get(id) ?? '' });
      const previous = current;
      current = site;
      if (previous) rmSync(previous, { recursive: true, force: true });
      logger.info(`搜索索引已更新：${index.pages} 个页面，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`);
    } catch (e) {
      if (current !== site) rmSync(site, { recursive: true, force: true });
      throw e;
    }
  }

  async function update(): Promise<void> {
    if (siteChanged) {
      // src/site.ts read the configuration when it was loaded: load the pages' modules afresh.
      siteChanged = false;
      for (const environment of Object.values(server.environments)) environment.moduleGraph.invalidateAll();
    }
    const { notices, errors } = first ?? check();
    first = undefined;
    // Re-reading the notices reloads open pages; they wait (src/integrations/dev-content-errors) until both
    // the notices and the check's outcome are current.
    if (stale) {
      stale = false;
      try {
        // Astro can answer a refresh without running the loader (seen while a sync of its own was under way),
        // which would leave the edit unseen: ask again until the loader has run.
        const loads = () => (globalThis as { [LOADS]?: number })[LOADS] ?? 0;
        for (let attempt = 1; refresh; attempt++) {
          const before = loads();
          await refresh();
          if (loads() !== before || attempt === 4) break;
          await new Promise((r) => setTimeout(r, 300));
        }
      } catch (e) {
        // The update is tried again, and must re-read the notices then (a save during this one set it too).
        stale = true;
        throw e;
      }
    }
    setContentErrors(errors);
    // With mistakes every page shows them, so there is nothing to index; the last index stays.
    if (errors.length === 0) await buildIndex(notices);
    server.environments.client.hot.send({ type: 'full-reload' });
  }

  /** Updates now, or once more after the update under way. Errors are logged, never thrown: dev goes on. */
  function schedule(): void {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      // Pages can fail to render while the server is still settling (dependencies re-optimised, a restart):
      // a failed update is tried again a few times before it is reported.
      let tries = 0;
      do {
        again = false;
        try {
          await update();
          tries = 0;
        } catch (e) {
          // Pages waiting for the check's outcome get the last one known.
          setContentErrors();
          if (++tries < 4) {
            await new Promise((r) => setTimeout(r, 1000));
            again = true;
            continue;
          }
          logger.error(`预览没有完全更新：${(e as Error).message}`);
          tries = 0;
        }
      } while (again);
      running = undefined;
    })();
  }

  return {
    name: 'gongshi:dev-server',
    hooks: {
      'astro:config:setup': ({ command, addMiddleware }) => {
        if (command === 'dev') addMiddleware({ entrypoint: new URL('./dev-content-overlay.ts', import.meta.url), order: 'pre' });
      },
      'astro:config:done': ({ config }) => {
        base = normaliseBase(config.base);
        root = resolve(decodeURIComponent(config.root.pathname));
        content = resolve(root, contentDir());
      },
      'astro:server:setup': ({ server: vite, logger: log, refreshContent }) => {
        logger = log;
        server = vite;
        refresh = refreshContent && (() => refreshContent({ loaders: ['gongshi:notices'] }));
        // Mistakes present at start are shown from the first page on.
        first = check();
        setContentErrors(first.errors);

        // A page asked for while a change is being checked waits for the outcome, so that a page reloaded at
        // once shows the new notice or its mistake, not the old state. Astro's middleware cannot see request
        // headers on static pages, so the wait is here; the update's own page requests must not wait for it.
        server.middlewares.use((req, _res, next) => {
          const path = (req.url ?? '').split('?')[0];
          if (req.headers[INDEXING_HEADER] || path.startsWith('/@') || /\.[a-z0-9]+$/i.test(path)) return next();
          contentSettled().then(() => next(), next);
        });

        const prefix = joinBase(base, 'pagefind/');
        server.middlewares.use((req, res, next) => {
          const path = decodeURIComponent((req.url ?? '').split('?')[0]);
          if (!path.startsWith(prefix)) return next();
          const folder = current && join(current, 'pagefind');
          const file = folder && resolve(folder, path.slice(prefix.length));
          if (!file || !file.startsWith(folder + sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
            res.statusCode = 404;
            res.end();
            return;
          }
          res.setHeader('Content-Type', contentType(file));
          res.setHeader('Cache-Control', 'no-store');
          res.end(readFileSync(file));
        });

        const notices = join(content, 'notices');
        server.watcher.add(content);
        let timer: NodeJS.Timeout | undefined;
        server.watcher.on('all', (_event, path) => {
          const changed = resolve(path);
          if (changed.startsWith(notices + sep) || changed === notices) stale = true;
          else if (changed === join(content, 'site.yaml')) siteChanged = true;
          else return;
          markContentChanged();
          clearTimeout(timer);
          timer = setTimeout(schedule, 200);
        });
        server.httpServer?.once('close', () => current && rmSync(current, { recursive: true, force: true }));
      },
      'astro:server:start': ({ address: listening }) => {
        address = listening;
        schedule();
      },
    },
  };
}
