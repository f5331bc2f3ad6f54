// The built site in a real browser (system Chromium via playwright-core), served by a plain static host
// at the domain root and under the sub-path /gongshi/: a reader follows the notice list, searches with
// Pagefind, jumps to a problem, finds the contact on every page, and reads without JavaScript. Nothing
// may be fetched from another host and no page may log an error. Screenshots go to test-artifacts/.
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBrowser, launchBrowser, type SessionOptions, withSession } from '../helpers/browser';
import { BUILDS, ROOT, type BuildName } from '../helpers/build';
import { serveStatic, type StaticSite } from '../helpers/static-server';

const NOTICE = 'notices/2023-09-20-wuhan-industrial-investment/';
const NOTICE_H1 = '巡察集中整改进展情况';
const TEL = 'tel:027-85615369';
const MAILTO = 'mailto:whtkjt@126.com';
const SCREENSHOTS = resolve(ROOT, 'test-artifacts/screenshots');

const browserCheck = checkBrowser();
let browser: Browser;

/** Waits until the search page has finished a query and returns its status line. */
async function searchStatus(page: Page): Promise<string> {
  const status = page.locator('#search-status');
  await page.waitForFunction(() => {
    const text = document.getElementById('search-status')?.textContent ?? '';
    return text !== '' && !text.endsWith('…');
  });
  return (await status.textContent()) ?? '';
}

/** Asserts the search page found the sample notice and that its link points into the build's base path. */
async function expectNoticeResult(page: Page, site: StaticSite, query: string) {
  const status = await searchStatus(page);
  expect(status, `status for ${query}`).toMatch(/^找到 \d+ 份/);
  expect(status).toContain(query);
  const links = page.locator('ol#search-results > li.search-result h2 a');
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs, `results for ${query}`).toContain(`${site.base}${NOTICE}`);
  const link = links.filter({ hasText: NOTICE_H1 }).first();
  expect(await link.evaluate((a) => (a as HTMLAnchorElement).href)).toBe(site.url(NOTICE));
  return link;
}

/** Polls the address bar's path, so a wrong navigation fails with the path it went to. */
function expectPath(page: Page, path: string) {
  return expect.poll(() => new URL(page.url()).pathname, { timeout: 15_000 }).toBe(path);
}

async function expectOnNotice(page: Page, site: StaticSite) {
  await expectPath(page, `${site.base}${NOTICE}`);
  await expect.poll(() => page.locator('h1').textContent()).toContain(NOTICE_H1);
}

describe.skipIf(!browserCheck.available)(`site in Chromium${browserCheck.reason ? ` (skipped: ${browserCheck.reason})` : ''}`, () => {
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe.each(Object.keys(BUILDS) as BuildName[])('%s build', (name) => {
    const { dir, base } = BUILDS[name];
    let site: StaticSite;

    beforeAll(async () => {
      site = await serveStatic(dir, base);
    });
    afterAll(async () => {
      await site?.close();
    });

    /** Runs `fn` in a fresh context; afterwards no external request, console error or failed load may have happened. */
    const withPage = (fn: (page: Page) => Promise<void>, options: SessionOptions = {}) => withSession(browser, site, fn, options);

    it('the notice list links to the notice', async () => {
      await withPage(async (page) => {
        await page.goto(site.url());
        await expect.poll(() => page.locator('h1').textContent()).toBeTruthy();
        const link = page.locator('main .notice-list').getByRole('link', { name: new RegExp(NOTICE_H1) });
        expect(await link.getAttribute('href')).toBe(`${base}${NOTICE}`);
        await link.click();
        await expectOnNotice(page, site);
      });
    });

    it.each(['违规借贷', '董事会'])('typing %s into the search page finds the notice, and its link opens it', async (query) => {
      await withPage(async (page) => {
        await page.goto(site.url('search/'));
        const input = page.locator('main form[role=search] input[name=q]');
        await input.fill(query);
        await input.press('Enter');
        const link = await expectNoticeResult(page, site, query);
        // The query is written into the address so the results can be shared.
        expect(new URL(page.url()).searchParams.get('q')).toBe(query);
        expect(new URL(page.url()).pathname).toBe(`${base}search/`);
        await link.click();
        await expectOnNotice(page, site);
      });
    });

    it.each(['违规借贷', '董事会'])('?q=%s in the address runs the search on load', async (query) => {
      await withPage(async (page) => {
        await page.goto(`${site.url('search/')}?q=${encodeURIComponent(query)}`);
        await expectNoticeResult(page, site, query);
        expect(await page.locator('main form[role=search] input[name=q]').inputValue()).toBe(query);
      });
    });

    it('the header search box on another page leads to the search results', async () => {
      await withPage(async (page) => {
        await page.goto(site.url(NOTICE));
        expect(await page.locator('header form[role=search]').getAttribute('action')).toBe(`${base}search/`);
        const input = page.locator('header form[role=search] input[name=q]');
        await input.fill('违规借贷');
        await input.press('Enter');
        await expectPath(page, `${base}search/`);
        await expectNoticeResult(page, site, '违规借贷');
      });
    });

    // The closing is not part of 三、: a reader looking for where to send feedback lands on it.
    it.each(['国创大厦', '027-85615369'])(
      'a sub-result for the notice’s own contact (%s) opens its closing, not the last section',
      async (query) => {
        await withPage(async (page) => {
          await page.goto(`${site.url('search/')}?q=${encodeURIComponent(query)}`);
          await expectNoticeResult(page, site, query);
          const subs = await page
            .locator('ol#search-results ul.search-subresults li > a')
            .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
          expect(subs).toEqual([`${base}${NOTICE}#closing`]);
          await page.locator('ol#search-results ul.search-subresults li > a').first().click();
          await expect
            .poll(() => page.evaluate(() => document.querySelector(':target')?.closest('section')?.className))
            .toBe('notice-closing');
          expect(await page.locator(`section.notice-closing a[href="tel:027-85615369"]`).count()).toBe(1);
        });
      },
    );

    it.each([
      ['学宣贯', 's2-g1-p1'],
      ['法人治理结构', 's2-g1-p2'],
    ])('a sub-result for %s opens the notice at problem #%s, in view', async (query, id) => {
      await withPage(async (page) => {
        await page.goto(`${site.url('search/')}?q=${encodeURIComponent(query)}`);
        await expectNoticeResult(page, site, query);
        const sub = page.locator('ol#search-results ul.search-subresults li > a').filter({ hasText: query }).first();
        const href = await sub.getAttribute('href');
        expect(href).toBe(`${base}${NOTICE}#${id}`);
        const title = (await sub.textContent())!.trim();
        await sub.click();
        await expectPath(page, `${base}${NOTICE}`);
        await expect.poll(() => new URL(page.url()).hash).toMatch(/^#s2-g1-p\d+$/);
        expect(new URL(page.url()).hash).toBe(`#${id}`);
        const target = page.locator(`[id="${id}"]`);
        expect(await target.evaluate((el) => el.tagName)).toBe('H4');
        // The browser marks the target once the new document has processed its fragment.
        await expect.poll(() => page.evaluate(() => document.querySelector(':target')?.id)).toBe(id);
        const heading = await target.evaluate((el) => {
          const copy = el.cloneNode(true) as HTMLElement;
          copy.querySelector('.problem-link')?.remove();
          return copy.textContent!.trim();
        });
        expect(heading).toBe(title);
        expect(heading).toContain(query);
        await expect
          .poll(() =>
            target.evaluate((el) => {
              const r = el.getBoundingClientRect();
              const top = document.elementFromPoint(r.left + 2, r.top + r.height / 2);
              return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0 && !!top && el.contains(top);
            }),
          )
          .toBe(true);
        // The heading's own link points at the same anchor.
        expect(await target.locator('a.problem-link').getAttribute('href')).toBe(`#${id}`);
      });
    });

    it('every page type carries the tel: and mailto: contact links in its footer', async () => {
      const missing = site.url('no-such-page/');
      await withPage(
        async (page) => {
          const pages: Array<[string, string, number]> = [
            ['home', site.url(), 200],
            ['notice', site.url(NOTICE), 200],
            ['search', site.url('search/'), 200],
            ['contact', site.url('contact/'), 200],
            ['404', missing, 404],
          ];
          for (const [label, url, status] of pages) {
            const response = await page.goto(url);
            expect(response?.status(), label).toBe(status);
            if (label === '404') await expect.poll(() => page.locator('h1').textContent()).toBe('找不到这个页面');
            const address = page.locator('footer.site-footer address');
            const tel = address.locator('a[href^="tel:"]');
            const mail = address.locator('a[href^="mailto:"]');
            expect(await tel.getAttribute('href'), label).toBe(TEL);
            expect(await mail.getAttribute('href'), label).toBe(MAILTO);
            expect(await tel.isVisible(), `${label}: tel link visible`).toBe(true);
            expect(await mail.isVisible(), `${label}: mailto link visible`).toBe(true);
            expect(await tel.textContent(), label).toBe('027-85615369');
            expect(await mail.textContent(), label).toBe('whtkjt@126.com');
            const text = await address.innerText();
            expect(text, label).toContain('430021');
            expect(text, label).toContain('唐家墩路32号');
          }
        },
        { expect404: [missing] },
      );
    });

    it('beside every problem, 对此问题提意见 opens a mail to the notice’s address about that problem, and the phone is one tap away', async () => {
      await withPage(async (page) => {
        await page.goto(site.url(NOTICE));
        const problems = await page.locator('.notice-body :is(h2, h3, h4, h5, h6)[id*="-p"]').evaluateAll((hs) => hs.map((h) => h.id));
        expect(problems).toHaveLength(15);
        const actions = page.locator('.notice-body .problem-feedback');
        expect(await actions.count()).toBe(15);
        const title = (await page.locator('h1').textContent())!.trim();
        // The first problem's mail, as the browser reads its address: the Chinese text decodes exactly.
        const mail = actions.first().getByRole('link', { name: /^对此问题提意见/ });
        const decoded = await mail.evaluate((a) => {
          const url = new URL((a as HTMLAnchorElement).href);
          return { protocol: url.protocol, to: url.pathname, subject: url.searchParams.get('subject'), body: url.searchParams.get('body') };
        });
        const problem = '关于“产投集团党委推动‘学宣贯’进企业不深入”的问题';
        expect(decoded).toEqual({
          protocol: 'mailto:',
          to: 'whtkjt@126.com',
          subject: `对《${title}》“${problem}”的意见`,
          body: `通报：《${title}》\r\n问题：${problem}\r\n网页：${base}${NOTICE}#s2-g1-p1\r\n\r\n我的意见：\r\n`,
        });
        // Its accessible name says which problem, and starts with what the reader sees.
        expect(await mail.evaluate((a) => a.firstChild?.textContent)).toBe('对此问题提意见');
        // (Chromium puts a space before the visually hidden part: spacing aside, the name is this.)
        const squash = (s: string) => s.replace(/\s+/g, '');
        expect(squash(await actions.first().ariaSnapshot())).toContain(
          squash(`link "对此问题提意见：${problem}（发电子邮件给 whtkjt@126.com）"`),
        );
        const call = actions.first().getByRole('link', { name: '打电话 027-85615369' });
        expect(await call.getAttribute('href')).toBe(TEL);
        // It sits after the problem's own text: the next block is the next problem's heading.
        expect(await actions.first().evaluate((p) => p.nextElementSibling?.id)).toBe('s2-g1-p2');
        // Large enough to tap, and gone on paper.
        const box = await mail.boundingBox();
        expect(box!.height).toBeGreaterThanOrEqual(40);
        await page.emulateMedia({ media: 'print' });
        expect(await actions.first().isVisible()).toBe(false);
        await page.emulateMedia({ media: 'screen' });

        await page.goto(site.url('ledger/'));
        const row = page.locator('table.ledger-table tbody tr').first();
        expect(await page.locator('table.ledger-table thead th').last().textContent()).toBe('意见反馈');
        const rowMail = row.getByRole('link', { name: /^对此问题提意见/ });
        expect(await rowMail.evaluate((a) => new URL((a as HTMLAnchorElement).href).searchParams.get('subject'))).toBe(decoded.subject);
        expect(await row.getByRole('link', { name: '打电话 027-85615369' }).getAttribute('href')).toBe(TEL);
      });
    });

    it('the home page and every notice page offer 订阅更新, the feed the site writes', async () => {
      await withPage(async (page) => {
        for (const path of ['', NOTICE]) {
          await page.goto(site.url(path));
          const link = page.locator('main .subscribe').getByRole('link', { name: '订阅更新' });
          expect(await link.getAttribute('href'), path).toBe(`${base}data/feed.xml`);
          expect(await page.locator('main .subscribe').innerText()).toMatch(/有新通报发布时.*阅读器/);
          const feed = await page.request.get(site.url('data/feed.xml'));
          expect(feed.status()).toBe(200);
          expect(await feed.text()).toContain('<rss');
        }
      });
    });

    it('the 404 page prints the address that was asked for, not its own', async () => {
      const missing = site.url('no-such-page/?from=链接');
      await withPage(
        async (page) => {
          expect((await page.goto(missing))?.status()).toBe(404);
          await page.emulateMedia({ media: 'print' });
          await expect.poll(() => page.locator('[data-print-url]').textContent()).toBe(decodeURI(new URL(missing).href));
          expect(await page.locator('.print-address').isVisible()).toBe(true);
          expect(await page.locator('.print-meta').innerText()).not.toContain('/404/');
        },
        { expect404: [new URL(missing).href] },
      );
    });

    it('no page requests anything from another host, and none logs an error', async () => {
      const missing = site.url('missing/page.html');
      const observed = await withPage(
        async (page) => {
          for (const path of ['', NOTICE, 'contact/', `search/?q=${encodeURIComponent('违规借贷')}`]) {
            await page.goto(site.url(path));
            await page.waitForLoadState('networkidle');
          }
          await searchStatus(page);
          await page.goto(missing);
          await page.waitForLoadState('networkidle');
        },
        { expect404: [missing] },
      );
      expect(observed.requests.length).toBeGreaterThan(5);
      expect(observed.external).toEqual([]);
      expect(observed.requests.filter((u) => !u.startsWith(`${site.origin}/`))).toEqual([]);
      // Pagefind is loaded from the site's own copy under the base path.
      expect(observed.requests).toContain(site.url('pagefind/pagefind.js'));
      expect(observed.requests.some((u) => u.startsWith(site.url('pagefind/fragment/')))).toBe(true);
    });

    describe('without JavaScript', () => {
      it('the search page says search needs JavaScript and links to the notice list', async () => {
        await withPage(
          async (page) => {
            await page.goto(site.url('search/'));
            const box = page.locator('main .notice-box');
            expect(await box.isVisible()).toBe(true);
            expect(await box.innerText()).toContain('JavaScript');
            const link = box.locator('a');
            expect(await link.getAttribute('href')).toBe(base);
            await link.click();
            await expectPath(page, base);
            expect(await page.locator('main .notice-list a').first().getAttribute('href')).toBe(`${base}${NOTICE}`);
          },
          { javaScriptEnabled: false },
        );
      });

      it('the notice page is fully readable', async () => {
        await withPage(
          async (page) => {
            await page.goto(site.url(NOTICE));
            expect(await page.locator('h1').innerText()).toContain(NOTICE_H1);
            const hidden = await page.evaluate(() =>
              [...document.querySelectorAll('article.notice :is(h1, h2, h3, h4, p, li, dt, dd)')]
                .filter((el) => !el.checkVisibility() || (el.textContent!.trim() !== '' && (el as HTMLElement).innerText.trim() === ''))
                .map((el) => `${el.tagName}${el.id ? `#${el.id}` : ''}: ${el.textContent!.slice(0, 30)}`),
            );
            expect(hidden).toEqual([]);
            expect(await page.locator('article.notice h4').count()).toBe(15);
            expect(await page.locator('nav.toc a').count()).toBeGreaterThanOrEqual(15);
            expect(await page.locator('nav.toc').isVisible()).toBe(true);
            for (const cls of ['notice-appeal', 'notice-contact', 'notice-signature', 'notice-date']) {
              expect(await page.locator(`p.${cls}`).first().isVisible(), cls).toBe(true);
            }
            expect(await page.locator('p.notice-date').innerText()).toBe('2023年9月20日');
            // Table-of-contents anchors work as plain links.
            await page.locator('nav.toc a[href="#s2-g3-p2"]').click();
            expect(new URL(page.url()).hash).toBe('#s2-g3-p2');
            const inView = await page.locator('#s2-g3-p2').evaluate((el) => {
              const r = el.getBoundingClientRect();
              return r.top >= 0 && r.bottom <= window.innerHeight;
            });
            expect(inView).toBe(true);
          },
          { javaScriptEnabled: false },
        );
      });
    });

    // Screenshots of the root build only: the sub-path build looks the same.
    if (name !== 'root') return;
    it.each([
      [360, 800],
      [1280, 800],
    ])('screenshots at %ix%i of home, notice and search results (no sideways scrolling)', async (width, height) => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await withPage(
        async (page) => {
          const shots: Array<[string, string]> = [
            ['home', site.url()],
            ['notice', site.url(NOTICE)],
            ['search-results', `${site.url('search/')}?q=${encodeURIComponent('违规借贷')}`],
          ];
          for (const [label, url] of shots) {
            await page.goto(url);
            if (label === 'search-results') await expectNoticeResult(page, site, '违规借贷');
            await page.evaluate(() => document.fonts.ready);
            const file = join(SCREENSHOTS, `${name}-${label}-${width}x${height}.png`);
            await page.screenshot({ path: file, fullPage: true });
            expect(statSync(file).size, file).toBeGreaterThan(1000);
            expect(readFileSync(file).subarray(0, 8).toString('hex'), file).toBe('89504e470d0a1a0a');
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            expect(overflow, `${label} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
          }
        },
        { viewport: { width, height } },
      );
    });
  });
});
