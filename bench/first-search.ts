// A reader's first search: /search/?q=<query> opened in a fresh browser context, as a shared link would be.
// Two moments are recorded in the page (bench/measure.ts's STATUS_OBSERVER): the first results shown (on a
// site in parts, the newest part's, while the page says it is still looking) and the final outcome. For each:
// the time after the search page's HTML document arrived (its navigation entry's responseEnd) and after
// navigation start; for the first results, the bytes the static server had finished sending by then; for the
// final outcome, every byte sent until the network is quiet (pages, index, workers alike, counted by the
// server, as bench/measure.ts's Traffic does; as sent, and as a gzip-serving host would send them).
//
// The page is polled with page.evaluate instead of page.waitForFunction, whose string form runs through eval
// in the page and is refused by the pages' Content-Security-Policy (no 'unsafe-eval'); the moments themselves
// are taken in the page by a MutationObserver, so the polling interval does not change them.
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { ServedResponse, StaticSite } from '../scripts/lib/static-server';
import { STATUS_OBSERVER, responseFigures, type GzipSizes, type Traffic } from './measure';

/** A served response with the moment the server finished it (Date.now()), see `stampResponses`. */
export interface StampedResponse extends ServedResponse {
  at: number;
}

/**
 * Wraps a Traffic's `onResponse` for serveStatic so that each response carries the moment it ended, which
 * the first-results figures set against the page's own Date.now() (one machine, one clock).
 */
export function stampResponses(onResponse: (response: ServedResponse) => void): (response: ServedResponse) => void {
  return (response) => {
    const stamped: StampedResponse = { ...response, at: Date.now() };
    onResponse(stamped);
  };
}

export interface Transfer {
  /** Body bytes of the responses after the HTML document, as sent and under /pagefind/. */
  bytes: number;
  pagefindBytes: number;
  /** The same responses as a host that gzips text, JSON and wasm would send them. */
  gzipBytes: number;
  requests: number;
}

export interface FirstResults extends Transfer {
  /** ms after the search page's HTML document's responseEnd. */
  ms: number;
  /** ms since navigation start (performance.now() in the page). */
  sinceNavigationMs: number;
  status: string;
  /** Results in the list at that moment. */
  results: number;
}

export interface SearchPageFigures extends Transfer {
  query: string;
  /** The search page's HTML document's responseEnd, ms since navigation start. */
  htmlEndMs: number;
  /** The first results shown, with the responses the server had finished by then; null: none were shown. */
  first: FirstResults | null;
  /** The final outcome; null: not within the timeout. The Transfer fields count until it and a quiet network. */
  final: { ms: number; sinceNavigationMs: number; status: string } | null;
  /** Index parts the search page names (the main index and data-index-parts). */
  parts: number;
}

export interface SearchPageOptions {
  /** For the browser context (viewport, mobile emulation); locale zh-CN is set. */
  context?: BrowserContextOptions;
  /** Runs on the new page before it opens the search (network and CPU throttling through CDP). */
  prepare?: (page: Page, context: BrowserContext) => Promise<void>;
  /** How long to wait for the final outcome (the first results come before it). */
  timeoutMs?: number;
}

interface InPage {
  first?: number;
  firstAt?: number;
  firstStatus?: string;
  firstResults?: number;
  done?: number;
  status?: string;
  htmlEnd?: number;
  parts: number;
}

const READ = `({
  first: window.__benchFirst,
  firstAt: window.__benchFirstAt,
  firstStatus: window.__benchFirstStatus,
  firstResults: window.__benchFirstResults,
  done: window.__benchDone,
  status: window.__benchStatus,
  htmlEnd: (performance.getEntriesByType('navigation')[0] || {}).responseEnd,
  parts: 1 + ((document.querySelector('gongshi-search') || { dataset: {} }).dataset.indexParts || '').split(' ').filter(Boolean).length,
})`;

/**
 * Opens /search/?q=<query> in a fresh context and measures it. `traffic` must see the server's responses
 * through `stampResponses`. Resolves without a final outcome when the timeout passes (`final` null).
 */
export async function searchPage(
  browser: Browser,
  site: StaticSite,
  traffic: Traffic,
  gzip: GzipSizes,
  query: string,
  options: SearchPageOptions = {},
): Promise<SearchPageFigures> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const context = await browser.newContext({ locale: 'zh-CN', ...options.context });
  try {
    await context.addInitScript(STATUS_OBSERVER);
    const page = await context.newPage();
    await options.prepare?.(page, context);
    traffic.start();
    let responses: ServedResponse[];
    let seen: InPage | undefined;
    try {
      await page.goto(site.url(`search/?q=${encodeURIComponent(query)}`), { waitUntil: 'commit', timeout: timeoutMs });
      const deadline = performance.now() + timeoutMs;
      while (performance.now() < deadline) {
        seen = (await page.evaluate(READ)) as InPage;
        if (seen.done !== undefined) break;
        await page.waitForTimeout(100);
      }
    } finally {
      responses = await traffic.stop();
    }
    if (!seen || seen.htmlEnd === undefined) throw new Error(`the search page did not load within ${timeoutMs / 1000} s`);
    const htmlEnd = seen.htmlEnd;
    let first: FirstResults | null = null;
    if (seen.first !== undefined && seen.firstAt !== undefined) {
      if (responses.some((r) => (r as Partial<StampedResponse>).at === undefined))
        throw new Error('the static server’s responses carry no time: give serveStatic onResponse: stampResponses(traffic.onResponse)');
      // A response the server had finished by the first results (the page asks for nothing else before them:
      // the older parts are fetched after).
      const byThen = responses.filter((r) => (r as StampedResponse).at <= seen!.firstAt!);
      first = {
        ms: seen.first - htmlEnd,
        sinceNavigationMs: seen.first,
        status: seen.firstStatus ?? '',
        results: seen.firstResults ?? 0,
        ...responseFigures(byThen, site.base, gzip),
      };
    }
    return {
      query,
      htmlEndMs: htmlEnd,
      first,
      final: seen.done === undefined ? null : { ms: seen.done - htmlEnd, sinceNavigationMs: seen.done, status: seen.status ?? '' },
      parts: seen.parts,
      ...responseFigures(responses, site.base, gzip),
    };
  } finally {
    await context.close();
  }
}

/** The first search on the bench's host (no throttling): throws when the page shows no final outcome. */
export async function firstSearch(
  browser: Browser,
  site: StaticSite,
  traffic: Traffic,
  gzip: GzipSizes,
  query: string,
  timeoutMs = 60_000,
): Promise<SearchPageFigures & { final: NonNullable<SearchPageFigures['final']> }> {
  const { final, ...figures } = await searchPage(browser, site, traffic, gzip, query, { timeoutMs });
  if (!final) throw new Error(`no final outcome in #search-status within ${timeoutMs / 1000} s`);
  return { ...figures, final };
}
