// The site with every setting of a real organisation's site (tests/fixtures/live-site), under /gongshi/ with
// SITE_URL, in real Chromium: the footer's filings with the emblem drawn from the site itself, 返回主站 and
// the breadcrumbs, the 信息公开 table and the attachment on a phone, the print button where printing works,
// no request to another host, and axe finds nothing.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatViolations, runAxe } from '../helpers/axe';
import { checkBrowser, launchBrowser, openSession } from '../helpers/browser';
import { LIVE_BUILDS } from '../helpers/build';
import { serveStatic, type StaticSite } from '../helpers/static-server';

const NOTICE = 'notices/2023-09-20-wuhan-industrial-investment/';
const browserCheck = checkBrowser();

describe.skipIf(!browserCheck.available)(
  `a live site in Chromium${browserCheck.reason ? ` (skipped: ${browserCheck.reason})` : ''}`,
  () => {
    let browser: Browser;
    let site: StaticSite;
    beforeAll(async () => {
      browser = await launchBrowser();
      site = await serveStatic(LIVE_BUILDS.liveSub.dir, LIVE_BUILDS.liveSub.base);
    });
    afterAll(async () => {
      await browser?.close();
      await site?.close();
    });

    it('shows the filings with the emblem from the site itself, and the links out, with nothing fetched from elsewhere', async () => {
      const session = await openSession(browser, site);
      const { page } = session;
      await page.goto(site.url(NOTICE));
      const footer = page.locator('footer.site-footer');
      await expect.poll(() => footer.getByRole('link', { name: /鄂ICP备2023001234号-1/ }).isVisible()).toBe(true);
      const police = footer.getByRole('link', { name: /鄂公网安备42010302000123号/ });
      expect(await police.getAttribute('href')).toBe('https://beian.mps.gov.cn/#/query/webSearch?code=42010302000123');
      // The emblem is drawn from the site's own file.
      const emblem = police.locator('img');
      await expect.poll(() => emblem.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(20);
      expect(new URL(await emblem.evaluate((img: HTMLImageElement) => img.currentSrc)).origin).toBe(site.origin);
      // A link out says so to a screen reader: its accessible name ends with the words.
      const portal = page.getByRole('link', { name: /^返回主站\s*（将离开本站）$/ });
      expect(await portal.getAttribute('href')).toBe('https://www.example.cn/');
      expect(await footer.getByRole('link', { name: /^中央纪委国家监委网站\s*（将离开本站）$/ }).count()).toBe(1);
      // The visible arrow is the only thing the eye gets: the words are visually hidden.
      const arrow = await portal.evaluate((a) => getComputedStyle(a, '::after').content);
      expect(arrow).toMatch(/↗/);
      expect(await page.getByRole('navigation', { name: '当前位置' }).getByRole('link').first().textContent()).toContain(
        '武汉产业投资控股集团有限公司',
      );
      await session.finish();
    });

    it('has a print button that opens the print dialog', async () => {
      const session = await openSession(browser, site);
      const { page } = session;
      await page.goto(site.url(NOTICE));
      const button = page.getByRole('button', { name: '打印本页' });
      await expect.poll(() => button.isVisible()).toBe(true);
      await page.evaluate(() => {
        (window as unknown as { printed: number }).printed = 0;
        window.addEventListener('beforeprint', () => (window as unknown as { printed: number }).printed++);
      });
      await button.click();
      await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBeGreaterThan(0);
      // Not in print itself.
      await page.emulateMedia({ media: 'print' });
      expect(await button.isVisible()).toBe(false);
      await session.finish();
    });

    it('keeps the button hidden without JavaScript, where it could not work', async () => {
      const session = await openSession(browser, site, { javaScriptEnabled: false });
      const { page } = session;
      await page.goto(site.url(NOTICE));
      expect(await page.getByRole('button', { name: '打印本页' }).count()).toBe(0);
      // The attachment downloads without scripts.
      const href = await page.getByRole('link', { name: /^原文（PDF，/ }).getAttribute('href');
      const response = await page.request.get(new URL(href!, site.url(NOTICE)).href);
      expect(response.status()).toBe(200);
      expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
      await session.finish();
    });

    it('shows the 信息公开 table within a phone screen', async () => {
      const session = await openSession(browser, site, { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 });
      const { page } = session;
      await page.goto(site.url(NOTICE));
      const table = page.locator('table.notice-meta');
      const box = await table.boundingBox();
      expect(box!.width).toBeLessThanOrEqual(360);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect(await table.getByRole('rowheader', { name: '文号' }).count()).toBe(1);
      await session.finish();
    });

    it('keeps two lines of the notice apart in a search excerpt, as the reader saw them', async () => {
      const session = await openSession(browser, site);
      const { page } = session;
      await page.goto(`${site.url('search/')}?q=85615369`);
      await page.waitForFunction(() => (document.getElementById('search-status')?.textContent ?? '').startsWith('找到'));
      const excerpts = await page.locator('#search-results .search-excerpt').allTextContents();
      const closing = excerpts.find((e) => e.includes('邮件地址'));
      expect(closing, excerpts.join('\n')).toMatch(/85615369 邮件地址/);
      await session.finish();
    });

    it.each(['', NOTICE, 'sitemap/', 'contact/'])('axe finds no violation on /gongshi/%s', async (path) => {
      const session = await openSession(browser, site);
      const { page } = session;
      await page.goto(site.url(path));
      const violations = await runAxe(page);
      expect(violations, formatViolations(violations)).toEqual([]);
      await session.finish();
    });
  },
);
