// Chinese search on a small fixture corpus (tests/fixtures/search-corpus), in real Chromium through the
// search page itself. Each case is a failure Pagefind's default Chinese search showed (issue 4): the
// results must be exactly the pages whose indexed text contains every query term (ground truth from
// the built HTML), whatever was searched before, in Simplified or Traditional, and only the matched
// words may be highlighted.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { GroundTruth, readIndexedPages } from '../../bench/ground-truth';
import { indexFolders } from '../../src/search/pagefind-bundle';
import { checkBrowser, launchBrowser, openSession, type Session } from '../helpers/browser';
import { SEARCH_FIXTURE } from '../helpers/build';
import {
  FINAL_STATUS,
  NEWEST_PART_RESULT,
  PARTIAL_STATUS,
  partialShown,
  PARTS_QUERY,
  PROGRESS_NOTE,
  serveWithPartsHeld,
  shownResults,
} from '../helpers/parts-search';
import { serveStatic, type StaticSite } from '../helpers/static-server';

const browserCheck = checkBrowser();
let browser: Browser;
let site: StaticSite;
let truth: GroundTruth;

const notice = (slug: string) => `/notices/${slug}/`;
const ALPHA = notice('2023-01-10-alpha');
const BETA = notice('2023-02-10-beta');
const GAMMA = notice('2023-03-10-gamma');
const EPSILON = notice('2023-05-10-epsilon');

interface PageResults {
  status: string;
  urls: string[];
  marks: string[];
}

/** Runs a query through the search form of an open search page and reads what the reader sees. */
async function submit(page: Page, query: string): Promise<PageResults> {
  await page.evaluate(() => (document.getElementById('search-status')!.textContent = ''));
  const input = page.locator('main form[role=search] input[name=q]');
  await input.fill(query);
  await input.press('Enter');
  await page.waitForFunction(() => {
    const text = document.getElementById('search-status')?.textContent ?? '';
    return text !== '' && !text.endsWith('…');
  });
  // Results come five at a time: ask for the rest.
  while (await page.locator('#search-more').isVisible()) {
    const before = await page.locator('#search-results > li').count();
    await page.locator('#search-more').click();
    await page.waitForFunction((n) => document.querySelectorAll('#search-results > li').length > n, before);
  }
  return page.evaluate(() => ({
    status: document.getElementById('search-status')!.textContent ?? '',
    urls: [...document.querySelectorAll('#search-results > li h2 a')].map((a) => new URL((a as HTMLAnchorElement).href).pathname),
    marks: [...document.querySelectorAll('#search-results mark')].map((m) => m.textContent ?? ''),
  }));
}

async function withSearchPage<T>(fn: (page: Page, session: Session) => Promise<T>): Promise<T> {
  const session = await openSession(browser, site);
  session.page.setDefaultTimeout(10_000);
  try {
    await session.page.goto(site.url('search/'));
    const result = await fn(session.page, session);
    await session.finish();
    return result;
  } catch (err) {
    await session.context.close();
    throw err;
  }
}

/** A query in a freshly opened page, so nothing searched before can help or hurt. */
const fresh = (query: string) => withSearchPage((page) => submit(page, query));

describe.skipIf(!browserCheck.available)(
  `Chinese search in Chromium${browserCheck.reason ? ` (skipped: ${browserCheck.reason})` : ''}`,
  () => {
    beforeAll(async () => {
      truth = new GroundTruth(readIndexedPages(SEARCH_FIXTURE.dir));
      site = await serveStatic(SEARCH_FIXTURE.dir, SEARCH_FIXTURE.base);
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await site?.close();
    });

    it('the fixture corpus holds the traps the cases rely on', () => {
      expect(truth.pages).toHaveLength(6);
      // Pages with the characters of a name or place apart, but not the name itself.
      expect(truth.relevant('张建国')).not.toContain(BETA);
      expect(truth.pages.find((p) => p.url === BETA)!.text).toMatch(/张建明[\s\S]*国有/);
      expect(truth.relevant('东湖高新区')).not.toContain(BETA);
      expect(truth.relevant('东湖 高新区')).toContain(BETA);
      // 监事会审议 has 会审 in the middle of other words; 董事会审议 appears in two pages.
      expect([...truth.relevant('董事会审议')].sort()).toEqual([ALPHA, GAMMA]);
      expect(truth.relevant('监事会审议')).toEqual(new Set([BETA]));
    });

    it('searches an index built in parts, as a site of thousands of notices is, and lists results newest first across them', async () => {
      const parts = indexFolders(SEARCH_FIXTURE.dir);
      // Parts of two notices at most are the fixture's months: June is the main index.
      expect(parts.map((dir) => relative(SEARCH_FIXTURE.dir, dir))).toEqual([
        'pagefind',
        ...['01', '02', '03', '04', '05'].map((month) => `pagefind/part-2023-${month}`),
      ]);
      const html = readFileSync(join(SEARCH_FIXTURE.dir, 'search/index.html'), 'utf8');
      expect(html).toContain('data-index-parts="part-2023-05 part-2023-04 part-2023-03 part-2023-02 part-2023-01"');
      const { urls } = await fresh('集团');
      const newestFirst = truth.pages
        .map((p) => p.url)
        .sort()
        .reverse();
      expect(urls).toEqual(newestFirst);
    });

    it('answers from the newest part first and says it is still looking, then shows the result of every part', async () => {
      const held = await serveWithPartsHeld();
      const session = await openSession(browser, held.site);
      try {
        const { page } = session;
        await page.goto(held.site.url(`search/?q=${encodeURIComponent(PARTS_QUERY)}`));
        await page.waitForFunction(partialShown);
        const partial = await page.evaluate(shownResults);
        expect(partial).toEqual({ status: PARTIAL_STATUS, progress: PROGRESS_NOTE, urls: [NEWEST_PART_RESULT] });
        // Both are status regions: a screen reader hears the count so far and that older notices are being searched.
        expect(await page.locator('#search-status').getAttribute('role')).toBe('status');
        expect(await page.getByRole('status').filter({ hasText: PROGRESS_NOTE }).count()).toBe(1);
        held.release();
        await page.waitForFunction((status) => document.getElementById('search-status')?.textContent === status, FINAL_STATUS);
        const final = await page.evaluate(shownResults);
        expect(final.progress).toBeNull();
        expect(final.urls[0]).toBe(NEWEST_PART_RESULT);
        expect(final.urls).toHaveLength(5);
        // Exactly what a search of every part gives.
        expect((await submit(page, PARTS_QUERY)).urls).toEqual([...truth.relevant(PARTS_QUERY)].sort().reverse());
        await session.finish();
      } catch (err) {
        await session.context.close();
        throw err;
      } finally {
        await held.close();
      }
    });

    it.each([
      '违规借贷',
      '借贷',
      '董事会',
      '董事会审议',
      '"董事会审议"',
      '监事会审议',
      '董事会 审议',
      '东湖高新区',
      '张建国',
      '高新区',
      '2022年',
      '2022年度',
      '２０２２年',
      '85615369',
      '027-85615369',
      '整改率100%',
      '改进',
      '审议',
      '国有企业',
      '巡察整改',
    ])('%s finds exactly the pages that contain it', async (query) => {
      const expected = [...truth.relevant(query)].sort();
      const { urls, status } = await fresh(query);
      expect([...urls].sort(), status).toEqual(expected);
      if (expected.length) expect(status).toBe(`找到 ${expected.length} 份与“${query}”相关的通报。`);
      else expect(status).toContain('没有找到');
    });

    it('a name is not matched by its characters scattered over a page', async () => {
      const { urls } = await fresh('张建国');
      expect(urls).toContain(ALPHA);
      expect(urls).toContain(EPSILON);
      expect(urls).not.toContain(BETA);
    });

    it.each([
      ['借貸', '借贷'],
      ['違規', '违规'],
      ['董事會', '董事会'],
      ['董事會審議', '董事会审议'],
      ['東湖高新區', '东湖高新区'],
      ['張建國', '张建国'],
      ['違規借貸 董事會', '违规借贷 董事会'],
    ])('the Traditional query %s returns exactly the results of %s', async (traditional, simplified) => {
      const expected = await fresh(simplified);
      expect(expected.urls.length).toBeGreaterThan(0);
      const got = await fresh(traditional);
      expect(got.urls).toEqual(expected.urls);
      expect(got.status).toContain(`已按简体“${simplified}”搜索`);
    });

    it('the Traditional converter is fetched only for a query with Traditional characters', async () => {
      await withSearchPage(async (page, session) => {
        const converter = () => session.observed.requests.filter((u) => /\/_astro\/t2cn\.[^/]+\.js$/.test(u));
        await submit(page, '董事会审议');
        expect(converter()).toEqual([]);
        await submit(page, '董事會審議');
        expect(converter()).toHaveLength(1);
      });
    });

    it.each([
      ['会审', '董事会审议'],
      ['东湖', '东湖高新区'],
      ['张', '张建国'],
      ['董事會', '董事会 审议'],
    ])('results for %s first and %s next equal those in a fresh page', async (before, query) => {
      const expected = await fresh(query);
      const after = await withSearchPage(async (page) => {
        await submit(page, before);
        return submit(page, query);
      });
      expect(after.urls).toEqual(expected.urls);
    });

    it.each([
      ['改', ['改']],
      ['董事会', ['董事会']],
      ['张建国', ['张建国']],
      ['董事会 审议', ['董事会', '审议', '董事会审议']],
      ['2022年', ['2022年']],
      ['85615369', ['85615369']],
    ])('highlighting for %s marks the matched words only', async (query, allowed) => {
      const { marks, urls } = await fresh(query);
      expect(urls.length).toBeGreaterThan(0);
      expect(marks.length).toBeGreaterThan(0);
      for (const mark of marks) expect(allowed).toContain(mark);
    });

    it('shows five results first, and the rest on request with focus on the first one added', async () => {
      const expected = truth.relevant('集团');
      expect(expected.size).toBe(6);
      await withSearchPage(async (page) => {
        await page.goto(`${site.url('search/')}?q=${encodeURIComponent('集团')}`);
        await page.waitForFunction(() => (document.getElementById('search-status')?.textContent ?? '').startsWith('找到'));
        expect(await page.locator('#search-results > li').count()).toBe(5);
        const more = page.locator('#search-more');
        expect(await more.textContent()).toBe('显示更多结果（还有 1 份）');
        await more.click();
        await expect.poll(() => page.locator('#search-results > li').count()).toBe(6);
        expect(await more.isHidden()).toBe(true);
        const focused = await page.evaluate(
          () => document.activeElement?.closest('#search-results > li') === document.querySelectorAll('#search-results > li')[5],
        );
        expect(focused).toBe(true);
      });
    });

    it('excerpts keep the notice’s own full-width punctuation', async () => {
      const { urls } = await fresh('违规借贷');
      expect(urls).toContain(GAMMA);
      await withSearchPage(async (page) => {
        await submit(page, '违规借贷');
        const excerpt = await page
          .locator('#search-results > li', { has: page.locator(`a[href="${GAMMA}"]`) })
          .locator('.search-excerpt')
          .first()
          .textContent();
        expect(excerpt).toContain('严禁违规借贷。');
      });
    });
  },
);
