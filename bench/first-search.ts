// The bytes a reader's first search fetches: /search/?q=<query> opened in a fresh browser context, as a
// shared link would be, counting every byte the static server sends after the HTML document (pages, workers
// and shared workers alike) until the status line shows the outcome and the network is quiet.
//
// This is bench/measure.ts's SearchRunner.endToEnd with one difference: it polls the page with
// page.evaluate instead of page.waitForFunction, whose string form runs through eval in the page and is
// refused by the pages' Content-Security-Policy (no 'unsafe-eval'). Traffic counting, gzip sizes and the
// figures are measure.ts's own (endToEndFigures).
import type { Browser } from 'playwright-core';
import type { ServedResponse, StaticSite } from '../scripts/lib/static-server';
import { STATUS_OBSERVER, endToEndFigures, type EndToEnd, type GzipSizes, type Traffic } from './measure';

/** The figures of `SearchRunner.endToEnd`, from a build whose pages keep their security policy. */
export type FirstSearchFigures = EndToEnd;

export async function firstSearch(
  browser: Browser,
  site: StaticSite,
  traffic: Traffic,
  gzip: GzipSizes,
  query: string,
  timeoutMs = 60_000,
): Promise<FirstSearchFigures> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  try {
    await context.addInitScript(STATUS_OBSERVER);
    const page = await context.newPage();
    traffic.start();
    let responses: ServedResponse[];
    type Outcome = { ms: number; status: string } | null;
    let outcome: Outcome = null;
    try {
      await page.goto(site.url(`search/?q=${encodeURIComponent(query)}`), { waitUntil: 'commit' });
      const deadline = performance.now() + timeoutMs;
      while (!outcome && performance.now() < deadline) {
        outcome = (await page.evaluate(
          'window.__benchDone === undefined ? null : { ms: window.__benchDone, status: window.__benchStatus }',
        )) as Outcome;
        if (!outcome) await page.waitForTimeout(50);
      }
    } finally {
      responses = await traffic.stop();
    }
    const found = outcome as Outcome;
    if (!found) throw new Error(`no outcome in #search-status within ${timeoutMs / 1000} s`);
    return endToEndFigures(found, responses, site.base, gzip);
  } finally {
    await context.close();
  }
}
