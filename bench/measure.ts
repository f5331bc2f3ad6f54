// Runs queries in Chromium against the served benchmark site and measures what a reader's browser does.
//
// - `search`: queries through the engine's API in a fresh browser context (nothing cached), timing the
//   search call alone. Engine `gongshi` is the site's own: `window.gongshiSearch` on /search/. Engine
//   `pagefind` is the baseline: Pagefind's `search(query)` with default options, imported from
//   /pagefind/pagefind.js on the home page (which loads no search code of its own).
// - `endToEnd`: opens /search/?q=… in a fresh context, as a shared link would, and records when the status
//   line shows the final outcome (and when the first results were shown: on a site in parts, the newest
//   part's, before the others are merged) and every byte the static server sent for it (pages, workers and
//   shared workers alike, which the browser's own network events do not all report).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ServedResponse, StaticSite } from '../scripts/lib/static-server';
import { BenchError } from './errors';

export const ENGINES = ['gongshi', 'pagefind'] as const;
export type Engine = (typeof ENGINES)[number];

export interface SearchRun {
  ids: string[];
  /** What the engine says it found (gongshi: `total`; pagefind: the number of results). */
  total: number;
  /** Wall time of the search call, in the page, ms. */
  ms: number;
}

export interface EndToEnd {
  /** performance.now() when the status line showed the final outcome: ms since navigation start. */
  ms: number;
  status: string;
  /** performance.now() when the first results were shown (STATUS_OBSERVER); absent when none were. */
  firstMs?: number;
  /** Body bytes of every response after the HTML document, and of those under /pagefind/. */
  bytes: number;
  pagefindBytes: number;
  /** The same responses as a host that gzips text, JSON and wasm would send them (nginx `gzip on`, GitHub Pages). */
  gzipBytes: number;
  requests: number;
}

// Pagefind's .pf_* files are gzipped already; hosts compress these types on the fly.
const COMPRESSIBLE = /\.(html|css|js|mjs|json|svg|wasm|pagefind|xml|txt)$/;

/** Bytes of one response body as a gzip-serving host would send it (cached per file). */
export class GzipSizes {
  private readonly cache = new Map<string, number>();
  constructor(
    private readonly dist: string,
    private readonly base: string,
  ) {}

  of(response: ServedResponse): number {
    const rel = response.path.slice(this.base.length).replace(/(^|\/)$/, '$1index.html');
    if (!COMPRESSIBLE.test(rel) || response.status !== 200) return response.bytes;
    let size = this.cache.get(rel);
    if (size === undefined) {
      try {
        size = Math.min(response.bytes, gzipSync(readFileSync(join(this.dist, rel)), { level: 6 }).length);
      } catch {
        size = response.bytes;
      }
      this.cache.set(rel, size);
    }
    return size;
  }
}

const TIMEOUT = 60_000;

// In-page code is passed as source text: tsx would otherwise add helpers the page does not have.
const GONGSHI_SEARCH = `async (queries) => {
  const engine = window.gongshiSearch;
  await engine.ready;
  const runs = [];
  for (const query of queries) {
    const started = performance.now();
    const result = await engine.search(query);
    runs.push({ ids: [...result.ids], total: result.total, ms: performance.now() - started });
  }
  return runs;
}`;

// Pagefind's init() only creates the instance; filters() waits for it to load, as the site's own page does.
const PAGEFIND_SEARCH = `async ({ queries, base }) => {
  const pagefind = await import(base + 'pagefind/pagefind.js');
  await pagefind.init();
  await pagefind.filters();
  const runs = [];
  for (const query of queries) {
    const started = performance.now();
    const result = await pagefind.search(query);
    runs.push({ ids: result.results.map((r) => r.id), total: result.results.length, ms: performance.now() - started });
  }
  return runs;
}`;

/**
 * Records two moments of the search page, in the page's clock (performance.now(): ms since navigation start)
 * and as Date.now() (to set against the static server's clock):
 * - the first results shown (`__benchFirst`): the first `#search-results > li` is there and the status line
 *   says something other than 正在搜索… (on a site in parts, 已找到 N 份…较新通报，正在检索更早的通报…, while the
 *   older parts are merged; on a site of one part the final status);
 * - the final outcome (`__benchDone`): a status that does not end with '…' (找到 N 份…。, 没有找到…。, or a
 *   message such as 请输入要搜索的词语。).
 * A query without results has a final outcome and no first results.
 */
export const STATUS_OBSERVER = `(() => {
  const observer = new MutationObserver(() => {
    const status = document.getElementById('search-status');
    const text = ((status && status.textContent) || '').trim();
    if (!text || text.startsWith('正在搜索')) return;
    const now = performance.now();
    if (window.__benchFirst === undefined && document.querySelector('#search-results > li')) {
      window.__benchFirst = now;
      window.__benchFirstAt = Date.now();
      window.__benchFirstStatus = text;
      window.__benchFirstResults = document.querySelectorAll('#search-results > li').length;
    }
    if (window.__benchDone === undefined && !text.endsWith('…')) {
      window.__benchDone = now;
      window.__benchDoneAt = Date.now();
      window.__benchStatus = text;
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})();`;

/** Counts what the static server sends; hook it up through serveStatic's options. */
export class Traffic {
  private inflight = 0;
  private lastActivity = 0;
  private log: ServedResponse[] | undefined;

  readonly onRequest = () => {
    this.inflight++;
    this.lastActivity = performance.now();
  };

  readonly onResponse = (response: ServedResponse) => {
    this.inflight--;
    this.lastActivity = performance.now();
    this.log?.push(response);
  };

  start(): void {
    this.log = [];
  }

  /** Waits until nothing has been in flight for `idleMs`, then returns what was sent since start(). */
  async stop(idleMs = 300, timeoutMs = 15_000): Promise<ServedResponse[]> {
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline && (this.inflight > 0 || performance.now() - this.lastActivity < idleMs)) {
      await new Promise((ok) => setTimeout(ok, 50));
    }
    const log = this.log ?? [];
    this.log = undefined;
    return log;
  }
}

export class SearchRunner {
  /** Page errors and console errors seen so far, for the report. */
  readonly pageProblems: string[] = [];

  constructor(
    private readonly browser: Browser,
    private readonly site: StaticSite,
    private readonly engine: Engine,
    private readonly traffic: Traffic,
    private readonly gzip: GzipSizes,
  ) {}

  /** Runs the queries one after another in one fresh page. */
  async search(queries: string[]): Promise<SearchRun[]> {
    return this.withPage(async (page) => {
      if (this.engine === 'pagefind') {
        await page.goto(this.site.url(''));
        return evaluate<SearchRun[]>(page, PAGEFIND_SEARCH, { queries, base: this.site.base });
      }
      await page.goto(this.site.url('search/'));
      try {
        await page.waitForFunction('typeof window.gongshiSearch === "object" && window.gongshiSearch !== null', null, { timeout: 15_000 });
      } catch {
        throw new BenchError(
          `${this.site.url('search/')} does not expose window.gongshiSearch ({ ready: Promise<void>, search(query, options?) → Promise<{ total, ids }> }).\n` +
            'The search engine this benchmark measures is not in this build; run with --engine pagefind for the Pagefind baseline.',
        );
      }
      return evaluate<SearchRun[]>(page, GONGSHI_SEARCH, queries);
    });
  }

  /** Opens /search/?q=<query> in a fresh context: time to the outcome in the status line, and bytes sent. */
  async endToEnd(query: string): Promise<EndToEnd> {
    return this.withPage(async (page, context) => {
      await context.addInitScript(STATUS_OBSERVER);
      const path = `search/?q=${encodeURIComponent(query)}`;
      this.traffic.start();
      let responses: ServedResponse[];
      let outcome: { ms: number; status: string; firstMs?: number };
      try {
        await page.goto(this.site.url(path), { waitUntil: 'commit' });
        await page.waitForFunction('window.__benchDone !== undefined', null, { timeout: TIMEOUT });
        outcome = await evaluate(
          page,
          '() => ({ ms: window.__benchDone, status: window.__benchStatus, firstMs: window.__benchFirst })',
          null,
        );
      } finally {
        responses = await this.traffic.stop();
      }
      return endToEndFigures(outcome, responses, this.site.base, this.gzip);
    });
  }

  private async withPage<T>(run: (page: Page, context: BrowserContext) => Promise<T>): Promise<T> {
    // The benchmark drives the page with in-page code (string predicates), which the site's CSP rightly refuses;
    // the policy itself is tested in tests/e2e/security.test.ts.
    const context = await this.browser.newContext({ locale: 'zh-CN', bypassCSP: true });
    try {
      const page = await context.newPage();
      page.on('pageerror', (error) => this.pageProblems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') this.pageProblems.push(`console error: ${message.text()}`);
      });
      return await run(page, context);
    } finally {
      await context.close();
    }
  }
}

/** page.evaluate of a function given as source text, with a timeout. */
async function evaluate<T>(page: Page, fn: string, arg: unknown): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`in-page call did not finish within ${TIMEOUT / 1000} s`)), TIMEOUT);
  });
  try {
    return await Promise.race([page.evaluate(`(${fn})(${JSON.stringify(arg)})`) as Promise<T>, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Bytes and requests of `responses` after the search page's HTML document (as sent, and as a gzip host sends them). */
export function responseFigures(
  responses: ServedResponse[],
  base: string,
  gzip: GzipSizes,
): { bytes: number; pagefindBytes: number; gzipBytes: number; requests: number } {
  const first = responses.findIndex((r) => r.path === `${base}search/`);
  const afterDocument = responses.filter((_, i) => i !== first);
  const sent = afterDocument.filter((r) => r.complete);
  return {
    bytes: sum(sent.map((r) => r.bytes)),
    pagefindBytes: sum(sent.filter((r) => r.path.startsWith(`${base}pagefind/`)).map((r) => r.bytes)),
    gzipBytes: sum(sent.map((r) => gzip.of(r))),
    requests: afterDocument.length,
  };
}

/** What opening the search page cost: the bytes of every response after the search page's HTML document. */
export function endToEndFigures(
  outcome: { ms: number; status: string; firstMs?: number },
  responses: ServedResponse[],
  base: string,
  gzip: GzipSizes,
): EndToEnd {
  return { ms: outcome.ms, status: outcome.status, firstMs: outcome.firstMs, ...responseFigures(responses, base, gzip) };
}
