// The 适老化 reading aids of issue 17 in real Chromium: the 阅读辅助 panel and its shortcut, 大鼠标, 辅助线, 大字幕,
// 简约模式 and 语音阅读 (observed through the real speechSynthesis, with a pass-through record of its calls), each by
// mouse and keyboard, saved for the next page and announced; axe with every aid on; line and paragraph spacing in
// every mode; and the notice's text within the first screen of a phone.
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORAGE_KEY, type ReadingPrefs } from '../../src/reading/prefs';
import { formatViolations, runAxe } from '../helpers/axe';
import { checkBrowser, launchBrowser, withSession } from '../helpers/browser';
import { BUILDS, ROOT } from '../helpers/build';
import { openPanel } from '../helpers/reading';
import { serveStatic, type StaticSite } from '../helpers/static-server';

const NOTICE = 'notices/2023-09-20-wuhan-industrial-investment/';
const browserCheck = checkBrowser();

let browser: Browser;
let root: StaticSite;
let sub: StaticSite;

beforeAll(async () => {
  if (!browserCheck.available) return;
  browser = await launchBrowser();
  root = await serveStatic(BUILDS.root.dir, BUILDS.root.base);
  sub = await serveStatic(BUILDS.sub.dir, BUILDS.sub.base);
});
afterAll(async () => {
  await browser?.close();
  await root?.close();
  await sub?.close();
});

const html = (page: Page, name: string) => page.evaluate((n) => document.documentElement.getAttribute(n), name);
const status = (page: Page) => page.locator('[data-reading-status]').textContent();
const stored = async (page: Page): Promise<Partial<ReadingPrefs>> =>
  JSON.parse((await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)) ?? '{}') as Partial<ReadingPrefs>;
const control = (page: Page, action: string) => page.locator(`.reading-controls [data-action="${action}"]`);

/** Saved settings, as a returning reader has them. */
async function withPrefs(page: Page, prefs: Partial<ReadingPrefs>): Promise<void> {
  await page.context().addInitScript(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, JSON.stringify(prefs)] as const);
}

describe.skipIf(!browserCheck.available)('reading aids in Chromium', () => {
  it('阅读辅助 is the first stop after the skip link; Alt+Shift+A opens its panel at the first control and Esc closes it', async () => {
    await withSession(browser, root, async (page) => {
      await page.goto(root.url(NOTICE));
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.action)).toBe('panel');
      const toggle = control(page, 'panel');
      expect(await toggle.getAttribute('aria-keyshortcuts')).toBe('Alt+Shift+A');
      expect(await page.locator('#reading-panel').isVisible()).toBe(false);
      // The shortcut is said on the page, not only in an attribute.
      expect(await page.locator('.reading-controls').innerText()).toContain('Alt+Shift+A');
      // From anywhere on the page.
      await page.locator('footer a[href^="tel:"]').focus();
      await page.keyboard.press('Alt+Shift+A');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await page.locator('#reading-panel').isVisible()).toBe(true);
      expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.action)).toBe('line-spacing');
      await page.keyboard.press('Escape');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.action)).toBe('panel');
      // The mouse opens it too.
      await toggle.click();
      expect(await page.locator('#reading-panel').isVisible()).toBe(true);
    });
  });

  it.each([
    { action: 'cursor', attr: 'data-cursor', values: ['large', 'larger', null], said: ['已开启大鼠标', '已换成特大鼠标', '已关闭大鼠标'] },
    { action: 'guide', attr: 'data-guide', values: ['line', 'cross', null], said: ['已开启辅助线', '已换成十字辅助线', '已关闭辅助线'] },
    { action: 'caption', attr: 'data-caption', values: ['', null], said: ['已开启大字幕', '已关闭大字幕'] },
    { action: 'plain', attr: 'data-plain', values: ['', null], said: ['已进入简约模式，只显示正文和联系方式', '已退出简约模式'] },
  ])(
    '$action steps through its states by mouse and keyboard, is announced, and holds on the next page',
    async ({ action, attr, values, said }) => {
      await withSession(browser, root, async (page) => {
        await page.goto(root.url(NOTICE));
        await openPanel(page);
        // Mouse for the first state, keyboard (Enter, then Space) for the rest.
        for (const [i, value] of values.entries()) {
          if (i === 0) await control(page, action).click();
          else {
            await control(page, action).focus();
            await page.keyboard.press(i === 1 ? 'Enter' : 'Space');
          }
          expect(await html(page, attr), `${action} step ${i + 1}`).toBe(value);
          expect(await control(page, action).getAttribute('aria-pressed')).toBe(String(value !== null));
          expect(await status(page)).toBe(said[i]);
          expect(await page.locator('[data-reading-status]').getAttribute('role')).toBe('status');
          if (i === 0) {
            // Saved: the next page starts with it from the first paint (public/reading-prefs.js).
            await page.goto(root.url('contact/'));
            expect(await html(page, attr)).toBe(value);
            await page.goto(root.url(NOTICE));
            await openPanel(page);
            expect(await control(page, action).getAttribute('aria-pressed')).toBe('true');
          }
        }
        expect(Object.values(await stored(page)).length).toBeGreaterThan(0);
      });
    },
  );

  it('大鼠标: body text, links and buttons use the shipped cursor images (black on light, white on dark), at the root and under /gongshi/', async () => {
    for (const [site, prefix] of [
      [root, '/_astro/'],
      [sub, '/gongshi/_astro/'],
    ] as const) {
      for (const [cursor, size] of [
        ['large', 48],
        ['larger', 64],
      ] as const) {
        for (const dark of [false, true]) {
          await withSession(
            browser,
            site,
            async (page) => {
              await withPrefs(page, { cursor });
              await page.goto(site.url(NOTICE));
              const cursors = await page.evaluate(() => ({
                text: getComputedStyle(document.querySelector('.notice-body p')!).cursor,
                link: getComputedStyle(document.querySelector('footer a[href^="tel:"]')!).cursor,
                button: getComputedStyle(document.querySelector('[data-action="panel"]')!).cursor,
                page: getComputedStyle(document.querySelector('main')!).cursor,
              }));
              const colour = dark ? 'white' : 'black';
              const expected = { text: 'text', link: 'hand', button: 'hand', page: 'arrow' } as const;
              for (const [where, shape] of Object.entries(expected)) {
                const value = cursors[where as keyof typeof cursors];
                const url = /url\("([^"]+)"\)/.exec(value)?.[1];
                expect(url, `${where}: ${value}`).toBeDefined();
                const path = new URL(url!).pathname;
                expect(path.startsWith(prefix), path).toBe(true);
                expect(path).toMatch(new RegExp(`/${shape}-${size}-${colour}\\.[\\w-]+\\.svg$`));
                const response = await page.request.get(url!);
                expect(response.status(), url).toBe(200);
                expect(await response.text()).toContain(`width="${size}"`);
              }
            },
            { colorScheme: dark ? 'dark' : 'light' },
          );
        }
      }
    }
  });

  it('辅助线 follows the pointer and the keyboard focus; the crosshair adds a vertical line; neither catches a click', async () => {
    await withSession(browser, root, async (page) => {
      await withPrefs(page, { guide: 'cross' });
      await page.goto(root.url(NOTICE));
      const lines = page.locator('.reading-guide');
      await expect.poll(() => lines.count()).toBe(2);
      await page.mouse.move(300, 420);
      const box = () =>
        page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('.reading-guide')].map((g) => {
            const r = g.getBoundingClientRect();
            return { axis: g.dataset.axis, top: Math.round(r.top), left: Math.round(r.left), events: getComputedStyle(g).pointerEvents };
          }),
        );
      expect(await box()).toEqual([
        { axis: 'x', top: 420, left: 0, events: 'none' },
        { axis: 'y', top: 0, left: 300, events: 'none' },
      ]);
      await page.mouse.move(500, 200);
      expect((await box()).map((b) => (b.axis === 'x' ? b.top : b.left))).toEqual([200, 500]);
      // Keyboard: the line goes under the focused element.
      await page.locator('footer a[href^="mailto:"]').focus();
      const under = await page.locator('footer a[href^="mailto:"]').evaluate((a) => Math.round(a.getBoundingClientRect().bottom));
      expect((await box())[0].top).toBe(under);
      // A click under the line reaches the link.
      await page.locator('.site-nav a', { hasText: '意见反馈' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/contact/');
      await expect.poll(() => page.locator('.reading-guide').count()).toBe(2);
    });
  });

  it('大字幕 shows the hovered paragraph or the focused control at least 2.5 times the body text, and hides from screen readers', async () => {
    await withSession(browser, root, async (page) => {
      await withPrefs(page, { caption: true });
      await page.goto(root.url(NOTICE));
      const caption = page.locator('.reading-caption');
      await expect.poll(() => caption.count()).toBe(1);
      expect(await caption.getAttribute('aria-hidden')).toBe('true');
      const paragraph = page.locator('.notice-body p').nth(2);
      await paragraph.scrollIntoViewIfNeeded();
      await paragraph.hover();
      await expect.poll(() => caption.textContent()).not.toBe('');
      const shown = (await caption.textContent())!;
      const text = (await paragraph.innerText()).replace(/\s+/g, ' ').trim();
      expect(text).toContain(shown);
      expect(shown.length).toBeGreaterThan(5);
      const ratio = await page.evaluate(
        () =>
          parseFloat(getComputedStyle(document.querySelector('.reading-caption')!).fontSize) /
          parseFloat(getComputedStyle(document.body).fontSize),
      );
      expect(ratio).toBeGreaterThanOrEqual(2.5);
      expect(await caption.isVisible()).toBe(true);
      // Keyboard focus: the focused control's text.
      await page.locator('footer a[href^="tel:"]').focus();
      await expect.poll(() => caption.textContent()).toBe((await page.locator('footer a[href^="tel:"]').innerText()).trim());
    });
  });

  it('简约模式 shows the notice and its contact only, at the reader’s text size, with one control to leave it', async () => {
    await withSession(browser, root, async (page) => {
      await withPrefs(page, { plain: true, size: 150 });
      await page.goto(root.url(NOTICE));
      for (const chrome of ['.site-nav', '.site-header .search-form', 'nav.toc', '.notice-meta', '.provenance', '.pager', '.problem-link'])
        expect(await page.locator(chrome).first().isVisible(), chrome).toBe(false);
      for (const kept of [
        'h1',
        '.notice-body p',
        'footer address a[href^="tel:"]',
        'footer address a[href^="mailto:"]',
        '.reading-leave-plain',
      ])
        expect(await page.locator(kept).first().isVisible(), kept).toBe(true);
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('24px');
      await page.locator('.reading-leave-plain').click();
      // The first use of a panel setting loads the panel's module.
      await expect.poll(() => html(page, 'data-plain')).toBeNull();
      expect(await page.locator('.site-nav').isVisible()).toBe(true);
      expect(await page.locator('.reading-leave-plain').isVisible()).toBe(false);
      expect(await status(page)).toBe('已退出简约模式');
    });
  });

  it('axe finds no violation with every aid on, on the notice, home and search pages', async () => {
    await withSession(browser, root, async (page) => {
      await withPrefs(page, {
        size: 200,
        lineSpacing: 'wide',
        contrast: 'high',
        script: 'hant',
        cursor: 'larger',
        guide: 'cross',
        caption: true,
        plain: true,
      });
      for (const path of [NOTICE, '', 'search/?q=违规借贷']) {
        await page.goto(root.url(path));
        await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
        await openPanel(page);
        await control(page, 'speech').click();
        await page.locator('main h1').hover();
        const violations = await runAxe(page);
        expect(violations, formatViolations(violations)).toEqual([]);
      }
    });
  });

  it('docs/screenshot-reading-aids.png: the panel open on a notice at 1280×800, with the guide and the caption on', async () => {
    const file = resolve(ROOT, 'docs/screenshot-reading-aids.png');
    mkdirSync(resolve(ROOT, 'docs'), { recursive: true });
    await withSession(
      browser,
      root,
      async (page) => {
        await withPrefs(page, { size: 125, cursor: 'large', guide: 'line', caption: true });
        await page.goto(root.url(NOTICE));
        await openPanel(page);
        await page.evaluate(() => document.fonts.ready);
        // The page's top: the panel open, the title under the pointer, shown in the caption with the guide under it.
        await page.locator('main h1').hover();
        await expect.poll(() => page.locator('.reading-caption').textContent()).not.toBe('');
        await page.screenshot({ path: file });
      },
      { viewport: { width: 1280, height: 800 } },
    );
    expect(statSync(file).size).toBeGreaterThan(20_000);
    expect(readFileSync(file).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  });

  describe('语音阅读', () => {
    /** Records every call to the real speechSynthesis (and passes it on): text, lang, rate and the utterance. */
    async function recordSpeech(page: Page): Promise<void> {
      await page.context().addInitScript(() => {
        const calls: { method: string; text?: string; lang?: string; rate?: number }[] = [];
        const utterances: SpeechSynthesisUtterance[] = [];
        Object.assign(window, { speechCalls: calls, speechUtterances: utterances });
        const synth = window.speechSynthesis;
        for (const method of ['speak', 'cancel', 'pause', 'resume'] as const) {
          const original = synth[method].bind(synth) as (u?: SpeechSynthesisUtterance) => void;
          synth[method] = ((u?: SpeechSynthesisUtterance) => {
            calls.push({ method, text: u?.text, lang: u?.lang, rate: u?.rate });
            if (u) utterances.push(u);
            original(u);
            // A test's look at each queued utterance, before the browser can answer it.
            if (u)
              (window as unknown as { onSpeak?: (u: SpeechSynthesisUtterance, i: number) => void }).onSpeak?.(u, utterances.length - 1);
          }) as never;
        }
      });
    }
    const spoken = (page: Page) =>
      page.evaluate(
        () => (window as unknown as { speechCalls: { method: string; text?: string; lang?: string; rate?: number }[] }).speechCalls,
      );

    it('从头朗读 queues the notice sentence by sentence in reading order, in zh-CN, and the highlight follows each start', async () => {
      await withSession(browser, root, async (page) => {
        await recordSpeech(page);
        await page.goto(root.url(NOTICE));
        await openPanel(page);
        await control(page, 'speech').click();
        expect(await control(page, 'speech').getAttribute('aria-expanded')).toBe('true');
        // The highlight is the sentence whose utterance started: the start event is dispatched on the real utterance
        // object as it is queued (without a Chinese voice the browser answers it with an error soon after).
        await page.evaluate(() => {
          const w = window as unknown as {
            onSpeak?: (u: SpeechSynthesisUtterance, i: number) => void;
            seen?: { said: string; marked: string };
          };
          w.onSpeak = (u, i) => {
            if (i !== 3) return;
            u.dispatchEvent(new Event('start'));
            const h = (CSS as unknown as { highlights: Map<string, { values(): IterableIterator<Range> }> }).highlights.get(
              'gongshi-reading',
            );
            w.seen = { said: u.text, marked: h ? [...h.values()].map((r) => r.toString()).join('') : '' };
          };
        });
        await page.locator('[data-speech="all"]').click();
        await expect.poll(async () => (await spoken(page)).filter((c) => c.method === 'speak').length).toBeGreaterThan(50);
        const highlighted = (await page.evaluate(() => (window as unknown as { seen: { said: string; marked: string } }).seen))!;
        const queued = (await spoken(page)).filter((c) => c.method === 'speak');
        expect(new Set(queued.map((c) => c.lang))).toEqual(new Set(['zh-CN']));
        expect(queued[0].text).toBe((await page.locator('h1').innerText()).replace(/\s+/g, ' ').trim());
        // In reading order: every sentence of the first paragraph, then on; the contents and provenance are not read.
        const all = queued.map((c) => c.text).join('');
        const first = (await page.locator('.notice-body p').first().innerText()).replace(/\s+/g, '');
        expect(all.replace(/\s+/g, '')).toContain(first);
        expect(all.indexOf('一、')).toBeGreaterThan(all.indexOf(first.slice(0, 20)));
        expect(all).toContain('027-85615369');
        expect(all).not.toContain('目录');
        expect(highlighted.marked.replace(/\s+/g, ' ').trim()).toBe(highlighted.said);
        // Pause and stop go to the real speechSynthesis; stopping (by the reader, or for want of a voice) cancels
        // the queue and clears the highlight.
        if (await page.locator('[data-speech="pause"]').isEnabled()) {
          await page.locator('[data-speech="pause"]').click();
          await page.locator('[data-speech="stop"]').click();
          expect((await spoken(page)).map((c) => c.method)).toContain('pause');
        }
        await expect.poll(async () => (await spoken(page)).map((c) => c.method).at(-1)).toBe('cancel');
        await expect
          .poll(() => page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('gongshi-reading')))
          .toBe(false);
        expect(await page.locator('[data-speech="stop"]').isDisabled()).toBe(true);
      });
    });

    it('reads in zh-TW when the page is in Traditional, at the saved speed; says so where no Chinese voice speaks', async () => {
      await withSession(browser, root, async (page) => {
        await recordSpeech(page);
        await withPrefs(page, { script: 'hant', speechRate: 1.25 });
        await page.goto(root.url(NOTICE));
        await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
        await openPanel(page);
        await control(page, 'speech').click();
        await expect.poll(() => page.locator('[data-rate-value]').textContent()).toBe('1.25');
        await page.locator('[data-speech="here"]').click();
        await expect.poll(async () => (await spoken(page)).filter((c) => c.method === 'speak').length).toBeGreaterThan(0);
        const queued = (await spoken(page)).filter((c) => c.method === 'speak');
        expect(new Set(queued.map((c) => c.lang))).toEqual(new Set(['zh-TW']));
        expect(new Set(queued.map((c) => c.rate))).toEqual(new Set([1.25]));
        expect(queued[0].text).toMatch(/[關於產業]/);
        // This machine's Chromium has no voices unless one is installed: then the control says so, after a while.
        const voices = await page.evaluate(() => speechSynthesis.getVoices().filter((v) => /^(zh|cmn|yue)/i.test(v.lang)).length);
        if (voices === 0) {
          await expect.poll(() => page.locator('[data-speech-status]').textContent(), { timeout: 8000 }).toMatch(/沒有中文語音/); // in the page's script, Traditional here
          expect(await page.locator('[data-speech="stop"]').isDisabled()).toBe(true);
        } else {
          await expect.poll(() => page.evaluate(() => speechSynthesis.speaking), { timeout: 8000 }).toBe(true);
        }
        // Speed steps are saved for the next page.
        await page.locator('[data-speech="slower"]').click();
        expect((await stored(page)).speechRate).toBe(1);
      });
    });

    it('指读 reads what the pointer rests on or the keyboard focuses', async () => {
      await withSession(browser, root, async (page) => {
        await recordSpeech(page);
        await page.goto(root.url(NOTICE));
        await openPanel(page);
        await control(page, 'speech').click();
        await page.locator('[data-speech="point"]').click();
        // Read-aloud's code is loaded on its first use.
        await expect.poll(() => page.locator('[data-speech="point"]').getAttribute('aria-pressed')).toBe('true');
        await page.locator('footer a[href^="mailto:"]').focus();
        await expect
          .poll(async () => (await spoken(page)).filter((c) => c.method === 'speak').map((c) => c.text))
          .toContain((await page.locator('footer a[href^="mailto:"]').innerText()).trim());
        const heading = page.locator('.notice-body h2').first();
        await heading.scrollIntoViewIfNeeded();
        await heading.hover();
        await expect
          .poll(async () => (await spoken(page)).filter((c) => c.method === 'speak').map((c) => c.text))
          .toContain((await heading.innerText()).replace(/\s+/g, ' ').trim());
      });
    });
  });

  describe('spacing and the first screen', () => {
    it.each([
      { name: 'default', prefs: {} },
      { name: 'wide line spacing', prefs: { lineSpacing: 'wide' as const } },
      { name: '200% text', prefs: { size: 200 as const } },
      { name: 'plain mode, high contrast', prefs: { plain: true, contrast: 'high' as const } },
    ])('$name: line spacing ≥ 1.3 and paragraph spacing ≥ 1.3 × the line spacing', async ({ prefs }) => {
      await withSession(browser, root, async (page) => {
        await withPrefs(page, prefs);
        await page.goto(root.url(NOTICE));
        const m = await page.evaluate(() => {
          const ps = [...document.querySelectorAll('.notice-body p')].slice(0, 6);
          return ps.slice(0, -1).map((p, i) => {
            const style = getComputedStyle(p);
            const line = parseFloat(style.lineHeight);
            const size = parseFloat(style.fontSize);
            // From one paragraph's last line to the next paragraph's first line, against line to line inside one.
            const rects = p.getClientRects();
            const next = ps[i + 1].getBoundingClientRect();
            const last = p.getBoundingClientRect();
            return { line: line / size, paragraph: (next.top - last.bottom + line) / line, lines: rects.length };
          });
        });
        expect(m.length).toBeGreaterThan(2);
        for (const { line, paragraph } of m) {
          expect(line).toBeGreaterThanOrEqual(1.3);
          expect(paragraph).toBeGreaterThanOrEqual(1.3);
        }
      });
    });

    it('at 390×844 the notice’s first paragraph starts within the first screen, the contents are closed, and nothing shifts', async () => {
      await withSession(
        browser,
        root,
        async (page) => {
          await page.context().addInitScript(() => {
            const shifts: number[] = [];
            Object.assign(window, { shifts });
            new PerformanceObserver((list) => {
              for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
                if (!e.hadRecentInput) shifts.push(e.value);
            }).observe({ type: 'layout-shift', buffered: true });
          });
          await page.goto(root.url(NOTICE));
          await page.waitForLoadState('load');
          await page.waitForTimeout(300);
          const m = await page.evaluate(() => ({
            top: document.querySelector('.notice-body p')!.getBoundingClientRect().top + scrollY,
            tocOpen: document.querySelector<HTMLDetailsElement>('nav.toc details')!.open,
            bar: document.querySelector('.reading-bar')!.getBoundingClientRect().height,
            cls: (window as unknown as { shifts: number[] }).shifts.reduce((a, b) => a + b, 0),
          }));
          expect(m.top).toBeLessThanOrEqual(844);
          expect(m.tocOpen).toBe(false);
          expect(await page.locator('nav.toc a').first().isVisible()).toBe(false);
          // One compact row: the bar is no taller than one row of 44 px buttons and its padding.
          expect(m.bar).toBeLessThan(70);
          expect(m.cls).toBe(0);
          // The reader can open the contents.
          await page.locator('nav.toc summary').click();
          expect(await page.locator('nav.toc a').first().isVisible()).toBe(true);
        },
        { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
      );
    });

    it('on a wide screen the contents are open', async () => {
      await withSession(
        browser,
        root,
        async (page) => {
          await page.goto(root.url(NOTICE));
          expect(await page.locator('nav.toc details').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
          expect(await page.locator('nav.toc a').first().isVisible()).toBe(true);
        },
        { viewport: { width: 1280, height: 800 } },
      );
    });
  });
});
