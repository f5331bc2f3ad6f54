// `npm run dev` as a webmaster uses it while writing a notice, in real Chromium: search works from the
// start, the ledger and reading controls work, an edited notice shows up on reload and in search, and a
// mistake is shown in the browser's error overlay in the words of `npm run check`, without a stack trace.
// The server runs on a copy of content/ (GONGSHI_CONTENT) so that the test can edit notices.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBrowser, launchBrowser, withSession } from '../helpers/browser';
import { ROOT } from '../helpers/build';
import { runScript, STACK_TRACE } from '../helpers/cli';
import { freePort } from '../helpers/ports';
import { copyOfContent, tempDir } from '../helpers/temp';

const SLUG = '2023-09-20-wuhan-industrial-investment';
const NEW_WORDS = '新增核对用语甲乙丙';

const browserCheck = checkBrowser();

describe.skipIf(!browserCheck.available)(`npm run dev${browserCheck.reason ? ` (skipped: ${browserCheck.reason})` : ''}`, () => {
  let browser: Browser;
  let dev: ChildProcess;
  let output = '';
  let origin: string;
  let content: string;
  const site = { origin: '', base: '/', url: (path = '') => `${origin}/${path}`, close: async () => {} };
  const noticeFile = () => join(content, 'notices', `${SLUG}.md`);

  /** Resolves when the server's output, from `from` on, matches `pattern`. */
  async function waitForOutput(pattern: RegExp, from: number, timeout = 40_000) {
    const until = Date.now() + timeout;
    while (!pattern.test(output.slice(from))) {
      if (Date.now() > until) throw new Error(`npm run dev never printed ${pattern}; it printed:\n${output}`);
      if (dev.exitCode !== null) throw new Error(`npm run dev exited with ${dev.exitCode}:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  beforeAll(async () => {
    content = copyOfContent().content;
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    site.origin = origin;
    dev = spawn('npm', ['run', 'dev', '--', '--port', String(port), '--host', '127.0.0.1'], {
      cwd: ROOT,
      detached: true,
      env: { ...process.env, NO_COLOR: '1', GONGSHI_CONTENT: content, GONGSHI_CACHE_DIR: join(tempDir(), 'cache') },
    });
    dev.stdout!.on('data', (chunk) => (output += chunk));
    dev.stderr!.on('data', (chunk) => (output += chunk));
    browser = await launchBrowser();
    await waitForOutput(/搜索索引已更新/, 0, 180_000);
  });

  afterAll(async () => {
    await browser?.close();
    // npm runs the server in a shell of its own: end the whole process group.
    if (dev?.pid && dev.exitCode === null) process.kill(-dev.pid, 'SIGTERM');
  });

  const withPage = (fn: (page: Page) => Promise<void>) => withSession(browser, site, fn, { timeout: 30_000 });

  /**
   * Opens `url`. After an edit the dev server tells open pages to reload, and Astro can send that twice (its
   * data store's own file watcher echoes the write when the machine is busy): a reload arriving during the
   * navigation cuts it short, which is the dev server working, so the navigation is made again.
   */
  async function open(page: Page, url: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await page.goto(url);
        return;
      } catch (e) {
        if (attempt === 3 || !String(e).includes('net::ERR_ABORTED')) throw e;
      }
    }
  }

  async function search(page: Page, query: string): Promise<string[]> {
    await open(page, `${site.url('search/')}?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(() => {
      const text = document.getElementById('search-status')?.textContent ?? '';
      return text !== '' && !text.endsWith('…');
    });
    return page.locator('ol#search-results > li.search-result h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  }

  it('serves search from the start: a query finds the notice and its link opens it', async () => {
    await withPage(async (page) => {
      expect(await search(page, '违规借贷')).toContain(`/notices/${SLUG}/`);
      expect(await page.locator('#search-status').textContent()).toMatch(/^找到 1 份/);
    });
  });

  it('serves the ledger with its filters, and the reading controls change and keep the text size', async () => {
    await withPage(async (page) => {
      await page.goto(site.url('ledger/'));
      await page.locator('#ledger-q').fill('法人治理');
      await expect.poll(() => page.locator('[data-ledger-status]').textContent()).toMatch(/^显示 [1-9]\d* 条，共 \d+ 条/);
      await page.goto(site.url(`notices/${SLUG}/`));
      await page.getByRole('button', { name: '增大字号' }).click();
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.textSize)).toBe('125');
      await page.reload();
      expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe('125');
    });
  });

  it('shows an edited notice on reload, and finds its new words', async () => {
    const from = output.length;
    const before = readFileSync(noticeFile(), 'utf8');
    // Saved twice, the second time while the first save's update is under way (editors save in bursts).
    writeFileSync(noticeFile(), before.replace('坚决扛起', '坚决地扛起'));
    await waitForOutput(/通报：1 份，其中 1 份是新的或有改动/, from);
    writeFileSync(noticeFile(), before.replace('坚决扛起', `${NEW_WORDS}，坚决扛起`));
    await waitForOutput(/搜索索引已更新[^]*通报：1 份，其中 1 份是新的或有改动[^]*搜索索引已更新/, from);
    await withPage(async (page) => {
      await open(page, site.url(`notices/${SLUG}/`));
      expect(await page.locator('main').textContent()).toContain(NEW_WORDS);
      expect(await search(page, NEW_WORDS)).toEqual([`/notices/${SLUG}/`]);
    });
  });

  it('shows a mistake in the error overlay as npm run check words it, then the page again once it is fixed', async () => {
    const good = readFileSync(noticeFile(), 'utf8');
    let from = output.length;
    writeFileSync(noticeFile(), good.replace(/^date: .*$/m, 'date: 2023-13-45'));
    await waitForOutput(/内容有 1 个错误/, from);

    const check = await runScript('check', [content], { cwd: ROOT });
    expect(check.code).toBe(1);
    const message = check.stderr.split('\n').find((line) => line.startsWith('错误 '))!;
    expect(message).toContain('2023-13-45');
    // The terminal says it in the same words.
    expect(output.slice(from)).toContain(message);

    const context = await browser.newContext({ locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      let navigated = Date.now();
      page.on('framenavigated', () => (navigated = Date.now()));
      await page.goto(site.url(`notices/${SLUG}/`));
      const overlay = page.locator('vite-error-overlay');
      // Vite reloads a page once when its first visit makes it bundle more dependencies; a reload sent
      // while a page is still loading reaches no one, so the fix below waits for the page to settle.
      await expect.poll(async () => (await overlay.count()) === 1 && Date.now() - navigated > 3000).toBe(true);
      const shown = await overlay.evaluate((el) => {
        const root = el.shadowRoot!;
        const text = (selector: string) => root.querySelector(selector)?.textContent?.trim() ?? '';
        return { message: text('#message-content'), hint: text('#hint-content'), stack: text('#stack-content') };
      });
      expect(shown.message).toBe(message);
      expect(shown.hint).toContain('npm run check');
      expect(shown.stack).toBe('');
      expect(shown.message).not.toMatch(STACK_TRACE);

      // Fixed and saved: the open page reloads by itself and shows the notice.
      from = output.length;
      writeFileSync(noticeFile(), good);
      await waitForOutput(/搜索索引已更新/, from);
      await expect
        .poll(() => page.locator('h1').textContent(), {
          timeout: 30_000,
          message: `the page never came back; npm run dev printed:\n${output}`,
        })
        .toContain('巡察集中整改进展情况');
      expect(await page.locator('vite-error-overlay').count()).toBe(0);
    } finally {
      await context.close();
    }
    expect(output).not.toMatch(STACK_TRACE);
  });

  it('takes a changed site configuration on reload, and shows a mistake in it the same way', async () => {
    const file = join(content, 'site.yaml');
    const good = readFileSync(file, 'utf8');
    let from = output.length;
    writeFileSync(file, good.replace(/^title: .*$/m, 'title: 改过名字的公示网站'));
    await waitForOutput(/搜索索引已更新/, from);
    await withPage(async (page) => {
      await page.goto(site.url());
      await expect.poll(() => page.title()).toBe('改过名字的公示网站');
    });

    from = output.length;
    writeFileSync(file, good.replace(/^title: .*$/m, 'title: ""'));
    await waitForOutput(/内容有 1 个错误/, from);
    const context = await browser.newContext({ locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      await page.goto(site.url());
      const overlay = page.locator('vite-error-overlay');
      await expect.poll(() => overlay.count()).toBe(1);
      const message = await overlay.evaluate((el) => el.shadowRoot!.querySelector('#message-content')?.textContent ?? '');
      expect(message).toMatch(/^错误 .*site\.yaml:\d+: title/);
    } finally {
      await context.close();
      writeFileSync(file, good);
    }
    expect(output).not.toMatch(STACK_TRACE);
  });
});
