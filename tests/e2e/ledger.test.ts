// The 整改台账 in real Chromium: every link lands on the problem it names; filters by issuer, year and
// text change the visible rows without reloading and announce the count; a filtered view is shared by its
// address; sorting by column with aria-sort; without JavaScript every row is there. Also the contrast of
// the chart and progress bars in each theme, reflow at 320 px and 200% text, and docs/screenshot-ledger.png.
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORAGE_KEY, type ReadingPrefs } from '../../src/reading/prefs';
import { checkBrowser, launchBrowser, withSession, type SessionOptions } from '../helpers/browser';
import { BUILDS, ROOT } from '../helpers/build';
import { buildLedgerFixture } from '../helpers/ledger-build';
import { serveStatic, type StaticSite } from '../helpers/static-server';

const NORTH = '中共测试北方集团有限公司委员会';
const SOUTH = '中共测试南方集团有限公司委员会';

const browserCheck = checkBrowser();
let browser: Browser;
let root: StaticSite;
let sub: StaticSite;
let fixture: StaticSite;

interface Options extends SessionOptions {
  prefs?: Partial<ReadingPrefs>;
}

function session(site: StaticSite, fn: (page: Page) => Promise<void>, { prefs, ...options }: Options = {}) {
  return withSession(
    browser,
    site,
    async (page) => {
      if (prefs)
        await page
          .context()
          .addInitScript(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, JSON.stringify(prefs)] as const);
      await fn(page);
    },
    options,
  );
}

/** The rows a reader sees: problem, issuer, date, measures. */
function visibleRows(page: Page) {
  return page.locator('table.ledger-table tbody tr').evaluateAll((trs) =>
    trs
      .filter((tr) => (tr as HTMLElement).checkVisibility())
      .map((tr) => {
        const cells = (tr as HTMLTableRowElement).cells;
        return {
          title: cells[0].textContent!.trim(),
          issuer: cells[1].textContent!.trim(),
          date: cells[2].querySelector('time')!.dateTime,
          measures: Number(cells[4].textContent),
        };
      }),
  );
}

const status = (page: Page) => page.locator('[data-ledger-status]').textContent();

/** Waits until the status line says `显示 N 条，共 M 条` (the text box waits a moment after typing). */
async function expectShown(page: Page, shown: number, total: number) {
  // In 繁體 reading mode the page converts the line too.
  await expect.poll(() => status(page)).toMatch(new RegExp(`^[显顯]示 ${shown} [条條]，共 ${total} [条條]`));
  expect(await visibleRows(page)).toHaveLength(shown);
}

/** Marks the document, so a test can tell that filtering did not load a new one. */
const markDocument = (page: Page) => page.evaluate(() => ((window as unknown as { ledgerMark: number }).ledgerMark = 1));
const sameDocument = (page: Page) => page.evaluate(() => (window as unknown as { ledgerMark?: number }).ledgerMark === 1);

async function openLedger(page: Page, site: StaticSite, query = '') {
  await page.goto(site.url(`ledger/${query}`));
  await page.locator('form.ledger-filters').waitFor({ state: 'visible' });
}

describe.skipIf(!browserCheck.available)(`ledger in Chromium${browserCheck.reason ? ` (skipped: ${browserCheck.reason})` : ''}`, () => {
  beforeAll(async () => {
    const dir = buildLedgerFixture('whole');
    browser = await launchBrowser();
    [root, sub, fixture] = await Promise.all([
      serveStatic(BUILDS.root.dir, BUILDS.root.base),
      serveStatic(BUILDS.sub.dir, BUILDS.sub.base),
      serveStatic(dir, '/'),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([root?.close(), sub?.close(), fixture?.close()]);
  });

  it.each([
    ['root', () => root],
    ['/gongshi/ sub-path', () => sub],
  ])(
    'every link of the sample’s ledger (%s) lands on the heading of the problem it names',
    async (_, site) => {
      await session(site(), async (page) => {
        await openLedger(page, site());
        const links = await page
          .locator('table.ledger-table tbody th a')
          .evaluateAll((as) => as.map((a) => ({ href: (a as HTMLAnchorElement).href, title: a.textContent!.trim() })));
        expect(links).toHaveLength(15);
        for (const [i, link] of links.entries()) {
          await page.locator('table.ledger-table tbody th a').nth(i).click();
          await expect.poll(() => page.url()).toBe(link.href);
          await page.waitForLoadState('load');
          await expect.poll(() => page.evaluate(() => document.querySelector(':target')?.id)).toBe(new URL(link.href).hash.slice(1));
          const target = await page.evaluate(() => {
            const el = document.querySelector(':target');
            const r = el?.getBoundingClientRect();
            return (
              el && { tag: el.tagName, id: el.id, text: el.textContent ?? '', top: r!.top, inView: r!.top >= 0 && r!.top < innerHeight }
            );
          });
          expect(target, link.href).not.toBeNull();
          expect(target!.tag).toBe('H4');
          expect(target!.id).toBe(new URL(link.href).hash.slice(1));
          expect(target!.text, `row ${i + 1}`).toContain(link.title);
          expect(target!.inView, `${link.href}: heading scrolled into view`).toBe(true);
          await page.goBack();
          await page.locator('form.ledger-filters').waitFor({ state: 'visible' });
        }
      });
      // Fifteen page loads and as many returns: allow for a busy machine.
    },
    180_000,
  );

  it('filters by issuer, year and text without reloading, and announces the count politely', async () => {
    await session(fixture, async (page) => {
      await openLedger(page, fixture);
      await markDocument(page);
      expect(await page.locator('[data-ledger-status]').getAttribute('role')).toBe('status');
      expect(await status(page)).toBe('共 10 条');
      expect(await visibleRows(page)).toHaveLength(10);

      await page.getByLabel('发布机构', { exact: true }).selectOption(NORTH);
      await expectShown(page, 5, 10);
      expect((await visibleRows(page)).every((r) => r.issuer === NORTH)).toBe(true);
      expect(new URL(page.url()).searchParams.get('issuer')).toBe(NORTH);

      await page.getByLabel('年份', { exact: true }).selectOption('2022');
      await expectShown(page, 3, 10);
      expect((await visibleRows(page)).every((r) => r.issuer === NORTH && r.date.startsWith('2022'))).toBe(true);

      // Half-width letters find the full-width ＡＢＣ in the problem's name.
      await page.getByLabel('查找问题', { exact: true }).fill('abc');
      await expectShown(page, 1, 10);
      expect((await visibleRows(page))[0].title).toBe('关于“北方集团ＡＢＣ系统建设滞后”的问题');

      await page.getByLabel('发布机构', { exact: true }).selectOption('');
      await page.getByLabel('年份', { exact: true }).selectOption('');
      // A Chinese substring: characters in a row, in the problem, section, group or issuer.
      await page.getByLabel('查找问题', { exact: true }).fill('管理');
      await expectShown(page, 3, 10);
      expect((await visibleRows(page)).map((r) => r.title)).toEqual([
        '关于“东方集团财务管理不严格”的问题',
        '关于“东方集团档案管理不规范”的问题',
        '关于“南方集团采购管理混乱”的问题',
      ]);
      await page.getByLabel('查找问题', { exact: true }).fill('监督责任');
      await expectShown(page, 1, 10);
      await page.getByLabel('查找问题', { exact: true }).fill('南方集团');
      await expectShown(page, 2, 10);
      // Words separated by a space must all occur.
      await page.getByLabel('查找问题', { exact: true }).fill('管理 北方');
      await expectShown(page, 0, 10);
      expect(await page.locator('[data-ledger-empty]').isVisible()).toBe(true);
      await page.getByLabel('查找问题', { exact: true }).fill('财务 严格');
      await expectShown(page, 1, 10);
      expect(new URL(page.url()).searchParams.get('q')).toBe('财务 严格');

      await page.getByRole('button', { name: '清除筛选' }).click();
      await expectShown(page, 10, 10);
      expect(new URL(page.url()).search).toBe('');
      expect(await sameDocument(page), 'the page was not reloaded').toBe(true);
    });
  });

  it('a filtered view can be shared: its address opens with the same filters', async () => {
    await session(fixture, async (page) => {
      await openLedger(page, fixture, `?issuer=${encodeURIComponent(SOUTH)}&q=${encodeURIComponent('采购')}&sort=-measures`);
      await expectShown(page, 1, 10);
      expect(await page.getByLabel('发布机构', { exact: true }).inputValue()).toBe(SOUTH);
      expect(await page.getByLabel('查找问题', { exact: true }).inputValue()).toBe('采购');
      expect(
        await page
          .locator('th[aria-sort]')
          .evaluate((th) => [th.querySelector('button')!.firstChild!.textContent, th.getAttribute('aria-sort')]),
      ).toEqual(['整改措施数', 'descending']);
      // An unknown issuer or sort in the address is ignored.
      await openLedger(page, fixture, '?issuer=nobody&sort=place');
      expect(await page.getByLabel('发布机构', { exact: true }).inputValue()).toBe('');
      expect(await visibleRows(page)).toHaveLength(10);
    });
  });

  it('sorts by column with the header buttons, and says so with aria-sort', async () => {
    await session(fixture, async (page) => {
      await openLedger(page, fixture);
      await markDocument(page);
      const sorted = () =>
        page
          .locator('thead th[aria-sort]')
          .evaluateAll((ths) => ths.map((th) => [th.querySelector('button')!.firstChild!.textContent, th.getAttribute('aria-sort')]));
      expect(await sorted()).toEqual([['发布日期', 'descending']]);
      const dates = (await visibleRows(page)).map((r) => r.date);
      expect(dates).toEqual([...dates].sort().reverse());

      const measures = page.getByRole('button', { name: '整改措施数' });
      await measures.click();
      expect(await sorted()).toEqual([['整改措施数', 'ascending']]);
      expect((await visibleRows(page)).map((r) => r.measures)).toEqual([0, 1, 1, 1, 2, 2, 2, 3, 3, 4]);
      expect(await status(page)).toBe('显示 10 条，共 10 条，按整改措施数从少到多排列');
      expect(new URL(page.url()).searchParams.get('sort')).toBe('measures');
      expect(await page.locator('table.ledger-table caption').textContent()).toBe('全部问题（10 个），按整改措施数从少到多排列');
      await measures.click();
      expect(await sorted()).toEqual([['整改措施数', 'descending']]);
      expect((await visibleRows(page)).map((r) => r.measures)).toEqual([4, 3, 3, 2, 2, 2, 1, 1, 1, 0]);

      await page.getByRole('button', { name: '发布日期' }).click();
      expect(await sorted()).toEqual([['发布日期', 'ascending']]);
      const rows = await visibleRows(page);
      expect(rows.map((r) => r.date)).toEqual([...rows.map((r) => r.date)].sort());
      // Within a notice the problems stay in the notice's order.
      expect(rows.slice(0, 3).map((r) => r.title)).toEqual([
        '关于“北方集团决策程序不规范”的问题',
        '关于“北方集团ＡＢＣ系统建设滞后”的问题',
        '关于“北方集团审计整改不彻底”的问题',
      ]);

      await page.getByRole('button', { name: '发布机构' }).click();
      expect([...new Set((await visibleRows(page)).map((r) => r.issuer))]).toEqual([NORTH, '中共测试东方集团有限公司委员会', SOUTH]);

      // Sorting keeps the filter.
      await page.getByLabel('年份', { exact: true }).selectOption('2023');
      await page.getByRole('button', { name: '整改措施数' }).click();
      expect((await visibleRows(page)).map((r) => r.measures)).toEqual([0, 1, 2, 2, 3]);
      expect(await sameDocument(page)).toBe(true);
    });
  });

  it('in 繁體 reading mode the text box finds rows typed in either script', async () => {
    await session(
      fixture,
      async (page) => {
        await openLedger(page, fixture);
        await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
        expect(await page.locator('table.ledger-table tbody th a').first().textContent()).toContain('財務');
        for (const query of ['财务管理', '財務管理']) {
          await page
            .getByLabel('查找問題', { exact: true })
            .or(page.getByLabel('查找问题', { exact: true }))
            .fill(query);
          await expectShown(page, 1, 10);
        }
      },
      { prefs: { script: 'hant' } },
    );
  });

  it('prints the whole table as a table, without the filters', async () => {
    await session(fixture, async (page) => {
      await openLedger(page, fixture);
      await page.emulateMedia({ media: 'print' });
      const printed = await page.evaluate(() => ({
        form: getComputedStyle(document.querySelector('form.ledger-filters')!).display,
        table: getComputedStyle(document.querySelector('table.ledger-table')!).display,
        row: getComputedStyle(document.querySelector('table.ledger-table tbody tr')!).display,
        rows: [...document.querySelectorAll('table.ledger-table tbody tr')].filter((tr) => (tr as HTMLElement).checkVisibility()).length,
      }));
      expect(printed).toEqual({ form: 'none', table: 'table', row: 'table-row', rows: 10 });
    });
  });

  it('without JavaScript every row is there, and no control that would not work', async () => {
    await session(
      fixture,
      async (page) => {
        await page.goto(fixture.url('ledger/'));
        expect(await visibleRows(page)).toHaveLength(10);
        expect(await page.locator('form.ledger-filters').isVisible()).toBe(false);
        expect(await page.locator('table.ledger-table button').count()).toBe(0);
        expect(await status(page)).toBe('共 10 条');
        expect(await page.locator('.ledger-chart svg').isVisible()).toBe(true);
        expect(await page.locator('.progress-list .progress-bar').count()).toBe(3);
      },
      { javaScriptEnabled: false },
    );
    await session(
      root,
      async (page) => {
        await page.goto(root.url('ledger/'));
        expect(await visibleRows(page)).toHaveLength(15);
      },
      { javaScriptEnabled: false },
    );
  });

  it.each([
    ['default', {}, false, 4.5],
    ['dark', {}, true, 4.5],
    ['high contrast', { contrast: 'high' as const }, false, 7],
    ['high contrast, dark', { contrast: 'high' as const }, true, 7],
  ])(
    '%s theme: the chart’s and progress bars’ colours have contrast (bars 3:1 against the page, text 4.5:1 or 7:1)',
    async (_, prefs, dark, textMinimum) => {
      await session(
        fixture,
        async (page) => {
          await page.goto(fixture.url('ledger/'));
          const found = await page.evaluate(() => {
            const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
            const lum = (c: string) => {
              const [r, g, b] = rgb(c).map((v) => {
                const s = v / 255;
                return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
              });
              return 0.2126 * r + 0.7152 * g + 0.0722 * b;
            };
            const ratio = (a: string, b: string) => {
              const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
              return (x + 0.05) / (y + 0.05);
            };
            const bg = getComputedStyle(document.body).backgroundColor;
            const fill = (sel: string) => getComputedStyle(document.querySelector(sel)!).fill;
            return {
              bars: {
                problems: ratio(fill('.chart-bar-problems'), bg),
                done: ratio(fill('.chart-bar-done'), bg),
                progress: ratio(fill('.progress-done'), fill('.progress-track')),
                track: ratio(getComputedStyle(document.querySelector('.progress-track')!).stroke, bg),
              },
              text: {
                name: ratio(fill('.chart-name'), bg),
                value: ratio(fill('.chart-value'), bg),
                none: ratio(fill('.chart-none'), bg),
              },
            };
          });
          for (const [name, r] of Object.entries(found.bars)) expect(r, name).toBeGreaterThanOrEqual(3);
          for (const [name, r] of Object.entries(found.text)) expect(r, name).toBeGreaterThanOrEqual(textMinimum);
        },
        { prefs, colorScheme: dark ? 'dark' : 'light' },
      );
    },
  );

  it('at 320 px and 200% text the page does not scroll sideways, and every problem is readable as a card', async () => {
    await session(
      fixture,
      async (page) => {
        await openLedger(page, fixture);
        const r = await page.evaluate(() => {
          const de = document.documentElement;
          const region = document.querySelector('.ledger .table-scroll')!;
          return {
            scroll: de.scrollWidth,
            client: de.clientWidth,
            region: region.scrollWidth - region.clientWidth,
            size: de.dataset.textSize,
          };
        });
        expect(r.size).toBe('200');
        expect(r.scroll).toBe(r.client);
        expect(r.region, 'the table fits without scrolling inside its region').toBeLessThanOrEqual(1);
        // Each cell is labelled when the table is shown as cards.
        const label = await page
          .locator('table.ledger-table tbody td')
          .nth(1)
          .evaluate((td) => getComputedStyle(td, '::before').content);
        expect(label).toBe('"发布日期："');
      },
      { viewport: { width: 320, height: 640 }, prefs: { size: 200 } },
    );
  });

  it('docs/screenshot-ledger.png: the ledger at 1280×800, one year selected', async () => {
    const file = resolve(ROOT, 'docs/screenshot-ledger.png');
    mkdirSync(resolve(ROOT, 'docs'), { recursive: true });
    await session(
      fixture,
      async (page) => {
        await openLedger(page, fixture);
        await page.getByLabel('年份', { exact: true }).selectOption('2023');
        await expectShown(page, 5, 10);
        await page.evaluate(() => document.fonts.ready);
        // From the page's title down: the summary, the filters and the first rows of the table.
        await page.evaluate(() => scrollTo(0, document.querySelector('h1')!.getBoundingClientRect().top + scrollY - 16));
        await page.screenshot({ path: file });
      },
      { viewport: { width: 1280, height: 800 } },
    );
    expect(statSync(file).size).toBeGreaterThan(20_000);
    expect(readFileSync(file).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  });
});
