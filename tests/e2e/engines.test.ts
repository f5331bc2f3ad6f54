// The built sample site in Firefox ESR and WebKitGTK (Safari's engine) from Debian packages: what can differ between
// engines, which the Chromium suite cannot see: Chinese search (Intl.Segmenter, WebAssembly, Pagefind's fetches),
// the Traditional-script conversion from stored settings, that nothing is fetched from another host, and the parts
// of the 适老化 reading aids an engine decides (tests/e2e/reading-aids.test.ts has the rest, in Chromium): cursor
// images, the shortcut and the panel, the caption and the guide following the keyboard focus, and what the page does
// with the engine's own speechSynthesis.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BUILDS } from '../helpers/build';
import { checkEngines, launchEngine, type EngineName, type EnginePage } from '../helpers/engines';
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

const NOTICE = 'notices/2023-09-20-wuhan-industrial-investment/';
const NOTICE_H1 = '巡察集中整改进展情况';
const TEL = 'tel:027-85615369';
const MAILTO = 'mailto:whtkjt@126.com';
/** public/reading-prefs.js and src/reading/prefs.ts read the reader's settings from this key. */
const READING_KEY = 'gongshi-reading';

const availability = checkEngines();
let site: StaticSite;

beforeAll(async () => {
  site = await serveStatic(BUILDS.root.dir, BUILDS.root.base);
});
afterAll(async () => {
  await site?.close();
});

interface NoticeState {
  lang: string;
  script: string | null;
  h1: string;
  tel: string[];
  mailto: string[];
}

/** What a reader sees of the notice page's language and contact block. Runs in the page: it may use nothing from this module. */
const readNotice = (): NoticeState => ({
  lang: document.documentElement.lang,
  script: document.documentElement.getAttribute('data-script'),
  h1: document.querySelector('h1')?.textContent?.trim() ?? '',
  tel: [...document.querySelectorAll('section.contact address a[href^="tel:"]')].map((a) => a.getAttribute('href') ?? ''),
  mailto: [...document.querySelectorAll('section.contact address a[href^="mailto:"]')].map((a) => a.getAttribute('href') ?? ''),
});

/** The search page's status once a query has finished (empty, 正在搜索… and 正在检索更早的通报… mean it has not). */
const finishedStatus = () => {
  const text = document.getElementById('search-status')?.textContent?.trim() ?? '';
  return text !== '' && !text.endsWith('…') ? text : '';
};

/** Whether the first element `selector` matches is drawn: in the layout and not hidden. Runs in the page. */
const shown = (selector: string) => {
  const el = document.querySelector(selector);
  return !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
};

/** Where the reading guide is (from its transform) and where the footer's email link ends, in whole pixels. Runs in the page. */
const guideUnderMailto = () => {
  const transform = document.querySelector<HTMLElement>('.reading-guide')!.style.transform;
  const y = /^translateY\((-?[\d.]+)px\)$/.exec(transform)?.[1];
  const bottom = document.querySelector('footer a[href^="mailto:"]')!.getBoundingClientRect().bottom;
  return { transform, y: y === undefined ? null : Math.round(Number(y)), bottom: Math.round(bottom) };
};

/** A call the page made to speechSynthesis, as the pass-through record below keeps it. */
interface SpeechCall {
  method: string;
  text?: string;
  lang?: string;
}

/**
 * Records every speak, cancel and pause the page makes to the real speechSynthesis, and passes each on, so the
 * browser answers as it would (a voice speaks, or it reports none). Runs in the page, once per document.
 */
const recordSpeech = () => {
  const w = window as unknown as { speechCalls?: SpeechCall[] };
  if (!('speechSynthesis' in window) || w.speechCalls) return;
  const calls: SpeechCall[] = [];
  w.speechCalls = calls;
  // On the prototype, not on window.speechSynthesis: WebKit may drop that object's wrapper, and with it
  // methods set on it, and hand the page a fresh one later (seen as a record that stayed empty).
  const proto = SpeechSynthesis.prototype;
  for (const method of ['speak', 'cancel', 'pause'] as const) {
    const original = proto[method] as (this: SpeechSynthesis, u?: SpeechSynthesisUtterance) => void;
    proto[method] = function (this: SpeechSynthesis, u?: SpeechSynthesisUtterance) {
      calls.push({ method, text: u?.text, lang: u?.lang });
      original.call(this, u);
    } as never;
  }
};

/** Off-site requests among those seen; data:, blob: and about: never leave the browser. */
function offSite(requests: string[]): string[] {
  return requests.filter((url) => !/^(data|blob|about):/.test(url) && new URL(url).origin !== site.origin);
}

for (const name of ['Firefox', 'WebKit'] as EngineName[]) {
  const { available, reason } = availability[name];

  describe.skipIf(!available)(`site in ${name}${reason ? ` (skipped: ${reason})` : ''}`, () => {
    // One browser per engine for the whole file: launching is the slow part (Firefox about 8 s).
    let engine: EnginePage;

    beforeAll(async () => {
      engine = await launchEngine(name);
      console.info(`[engines] ${name}: ${engine.version}`);
    });
    afterAll(async () => {
      await engine?.close();
    });

    async function search(query: string) {
      await engine.goto(site.url(`search/?q=${encodeURIComponent(query)}`));
      const status = await engine.waitFor(finishedStatus, 20_000);
      const first = await engine.evaluate(() => {
        const link = document.querySelector<HTMLAnchorElement>('#search-results > li a[href]');
        return link ? { href: link.href, text: link.textContent?.trim() ?? '' } : null;
      });
      return { status, first };
    }

    // First, while the browser's cache is empty: everything the pages load goes over the network, where it is seen.
    it('requests nothing from another host while a reader opens the home page, the notice and a search', async () => {
      engine.takeRequests();
      engine.takeErrors();
      await engine.goto(site.url());
      await engine.goto(site.url(NOTICE));
      const { status } = await search('违规借贷');
      expect(status).toMatch(/^找到 1 份/);
      const requests = engine.takeRequests();
      // The observation itself must work: the search fetched Pagefind's files.
      expect(
        requests.some((url) => url.startsWith(site.url('pagefind/'))),
        requests.join('\n'),
      ).toBe(true);
      expect(offSite(requests)).toEqual([]);
      // Firefox also reports uncaught page errors; WebKit over classic WebDriver cannot (undefined).
      const errors = engine.takeErrors();
      if (errors) expect(errors).toEqual([]);
    });

    it('a site indexed in parts answers from the newest part first, says it is still looking, then lists every part’s results', async () => {
      const held = await serveWithPartsHeld();
      try {
        await engine.goto(held.site.url(`search/?q=${encodeURIComponent(PARTS_QUERY)}`));
        await engine.waitFor(partialShown, 20_000);
        expect(await engine.evaluate(shownResults)).toEqual({
          status: PARTIAL_STATUS,
          progress: PROGRESS_NOTE,
          urls: [NEWEST_PART_RESULT],
        });
        held.release();
        expect(await engine.waitFor(finishedStatus, 20_000)).toBe(FINAL_STATUS);
        const final = await engine.evaluate(shownResults);
        expect(final.progress).toBeNull();
        // The first five of six, newest first, the newest part's result still at the top.
        expect(final.urls).toHaveLength(5);
        expect(final.urls[0]).toBe(NEWEST_PART_RESULT);
        expect(final.urls).toEqual([...final.urls].sort().reverse());
      } finally {
        await held.close();
      }
    });

    it('the notice page is in zh-CN and its contact block links the phone and the email', async () => {
      await engine.goto(site.url(NOTICE));
      const notice = await engine.evaluate(readNotice);
      expect(notice.lang).toBe('zh-CN');
      expect(notice.h1).toContain(NOTICE_H1);
      expect(notice.tel).toContain(TEL);
      expect(notice.mailto).toContain(MAILTO);
    });

    it.each([
      ['Simplified', '违规借贷'],
      ['Traditional', '董事會'],
    ])('search for a %s query (%s) finds the notice', async (_script, query) => {
      const { status, first } = await search(query);
      expect(status).toMatch(/^找到 1 份/);
      expect(first, `first result for ${query}`).not.toBeNull();
      expect(new URL(first!.href).pathname).toBe(`${site.base}${NOTICE}`);
      expect(first!.text).toContain(NOTICE_H1);
    });

    it('繁體 stored in the reading settings shows the notice in Traditional, and removing it brings Simplified back', async () => {
      await engine.goto(site.url(NOTICE));
      try {
        await engine.clearLocalStorage();
        await engine.goto(site.url(NOTICE));
        const simplified = await engine.evaluate(readNotice);
        expect(simplified).toMatchObject({ lang: 'zh-CN', script: null });

        await engine.setLocalStorage(READING_KEY, JSON.stringify({ script: 'hant' }));
        await engine.goto(site.url(NOTICE));
        // The converter is fetched after the page is drawn; lang changes once the text is converted.
        await engine.waitFor(() => document.documentElement.lang === 'zh-Hant', 20_000);
        const traditional = await engine.evaluate(readNotice);
        expect(traditional.script).toBe('hant');
        expect(traditional.h1).not.toBe(simplified.h1);
        expect(traditional.h1).not.toBe('');
        // The contact links are addresses, not text: converting must leave them working.
        expect(traditional.tel).toContain(TEL);
        expect(traditional.mailto).toContain(MAILTO);

        await engine.clearLocalStorage();
        await engine.goto(site.url(NOTICE));
        // A conversion would start right after load: give it the time one takes before reading the page.
        await engine.evaluate(() => new Promise((ok) => setTimeout(ok, 500)));
        const back = await engine.evaluate(readNotice);
        expect(back).toMatchObject({ lang: 'zh-CN', script: null, h1: simplified.h1 });
      } finally {
        // A failure above must not leave 繁體 on for the tests after it.
        await engine.clearLocalStorage().catch(() => undefined);
      }
    });

    describe('reading aids', () => {
      /** The notice, opened by a reader with these saved settings (none: the defaults). */
      async function openNotice(prefs?: Record<string, unknown>): Promise<void> {
        await engine.goto(site.url(NOTICE));
        await engine.clearLocalStorage();
        if (prefs) {
          await engine.setLocalStorage(READING_KEY, JSON.stringify(prefs));
          await engine.goto(site.url(NOTICE));
        }
      }

      /** Opens the 阅读辅助 panel with the mouse and waits for its controls to be loaded. */
      async function openPanel(): Promise<void> {
        await engine.click('.reading-controls [data-action="panel"]');
        await engine.waitFor(() => document.querySelector('#reading-panel[data-ready]:not([hidden])') !== null);
      }

      beforeEach(() => void engine.takeErrors());
      afterEach(() => {
        // Firefox reports uncaught page errors (a panel module failing to load, say); WebKit cannot (undefined).
        const errors = engine.takeErrors();
        if (errors) expect(errors).toEqual([]);
      });

      it('大鼠标: text, links and the page use the shipped 48 px cursor images, which load', async () => {
        try {
          await openNotice({ cursor: 'large' });
          expect(await engine.evaluate(() => document.documentElement.getAttribute('data-cursor'))).toBe('large');
          const cursors = await engine.evaluate(() => ({
            text: getComputedStyle(document.querySelector('.notice-body p')!).cursor,
            hand: getComputedStyle(document.querySelector('footer a[href^="tel:"]')!).cursor,
            arrow: getComputedStyle(document.querySelector('main')!).cursor,
          }));
          for (const [shape, value] of Object.entries(cursors)) {
            const url = /url\((["']?)([^"')]+)\1\)/.exec(value)?.[2];
            expect(url, `${shape}: ${value}`).toBeDefined();
            const path = new URL(url!, site.url()).pathname;
            expect(path).toMatch(new RegExp(`^/_astro/${shape}-48-black\\.[\\w-]+\\.svg$`));
            // Fetched by the page, as the browser fetches a cursor image: same origin, under the site's CSP.
            const answer = await engine.evaluate(
              (href: string) => fetch(href).then(async (r) => ({ status: r.status, svg: await r.text() })),
              url!,
            );
            expect(answer.status, url).toBe(200);
            expect(answer.svg).toContain('width="48"');
          }
        } finally {
          await engine.clearLocalStorage().catch(() => undefined);
        }
      });

      it('the panel opens with Alt+Shift+A and the mouse; 简约模式 hides the navigation and keeps the phone; 恢复默认 leaves it', async () => {
        try {
          await openNotice();
          expect(await engine.evaluate(shown, '#reading-panel')).toBe(false);
          // The keyboard: the shortcut opens the panel at its first control, Esc closes it.
          await engine.evaluate(() => document.querySelector<HTMLElement>('footer a[href^="tel:"]')!.focus());
          await engine.press('Alt+Shift+KeyA');
          await engine.waitFor(() => document.querySelector('#reading-panel[data-ready]:not([hidden])') !== null);
          expect(await engine.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action)).toBe('line-spacing');
          await engine.press('Escape');
          expect(await engine.evaluate(shown, '#reading-panel')).toBe(false);
          expect(await engine.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action)).toBe('panel');
          // The mouse.
          await openPanel();
          expect(await engine.evaluate(shown, '#reading-panel')).toBe(true);

          await engine.click('.reading-controls [data-action="plain"]');
          await engine.waitFor(() => document.documentElement.hasAttribute('data-plain'));
          expect(await engine.evaluate(shown, '.site-nav')).toBe(false);
          expect(await engine.evaluate(shown, 'footer address a[href^="tel:"]')).toBe(true);
          expect(await engine.evaluate(shown, '.reading-leave-plain')).toBe(true);

          await engine.click('.reading-controls [data-action="reset"]');
          await engine.waitFor(() => !document.documentElement.hasAttribute('data-plain'));
          expect(await engine.evaluate(shown, '.site-nav')).toBe(true);
          expect(await engine.evaluate(() => document.querySelector('[data-reading-status]')?.textContent)).toBe('已恢复默认阅读设置');
        } finally {
          await engine.clearLocalStorage().catch(() => undefined);
        }
      });

      it('大字幕 shows the focused link’s text at least 2.5 times the body text', async () => {
        try {
          await openNotice({ caption: true });
          // The caption is added by a module the page loads for a reader who has it on.
          await engine.waitFor(() => document.querySelector('.reading-caption') !== null);
          await engine.evaluate(() => document.querySelector<HTMLElement>('footer a[href^="tel:"]')!.focus());
          const link = await engine.evaluate(() => document.querySelector<HTMLElement>('footer a[href^="tel:"]')!.innerText.trim());
          expect(link).toContain('027-85615369');
          await engine.waitFor((text: string) => document.querySelector('.reading-caption')?.textContent === text, 5_000, link);
          const ratio = await engine.evaluate(
            () =>
              parseFloat(getComputedStyle(document.querySelector('.reading-caption')!).fontSize) /
              parseFloat(getComputedStyle(document.body).fontSize),
          );
          expect(ratio).toBeGreaterThanOrEqual(2.5);
          expect(await engine.evaluate(shown, '.reading-caption')).toBe(true);
        } finally {
          await engine.clearLocalStorage().catch(() => undefined);
        }
      });

      it('辅助线 goes under the focused link', async () => {
        try {
          await openNotice({ guide: 'line' });
          await engine.waitFor(() => document.querySelector('.reading-guide') !== null);
          expect(
            await engine.evaluate(() => [...document.querySelectorAll<HTMLElement>('.reading-guide')].map((g) => g.dataset.axis)),
          ).toEqual(['x']);
          // The link is at the foot of a long page: focusing it scrolls it into view. The guide may follow at once, or
          // after the next frame or the scroll.
          await engine.evaluate(() => document.querySelector<HTMLElement>('footer a[href^="mailto:"]')!.focus());
          await expect
            .poll(
              async () => {
                const guide = await engine.evaluate(guideUnderMailto);
                return guide.y === guide.bottom ? 'under the link' : guide;
              },
              { timeout: 2_000, message: 'the guide (its translateY, rounded) under the focused link (its bottom, rounded)' },
            )
            .toBe('under the link');
        } finally {
          await engine.clearLocalStorage().catch(() => undefined);
        }
      });

      it('语音阅读 queues the notice in zh-CN with the real speechSynthesis, or says why it cannot', async () => {
        const removeRecorder = await engine.addInitScript(recordSpeech);
        try {
          await openNotice();
          const before = await engine.evaluate(() => ({
            supported: 'speechSynthesis' in window,
            recording: Array.isArray((window as unknown as { speechCalls?: unknown }).speechCalls),
            h1: document.querySelector<HTMLElement>('main h1')!.innerText.replace(/\s+/g, ' ').trim(),
          }));
          await openPanel();
          await engine.click('.reading-controls [data-action="speech"]');
          await engine.waitFor(() => document.querySelector('#read-aloud:not([hidden])') !== null);
          const status = () => engine.evaluate(() => document.querySelector('[data-speech-status]')?.textContent ?? '');
          if (!before.supported) {
            await engine.waitFor(() => document.querySelector('[data-speech-status]')?.textContent?.includes('不支持语音朗读'));
            console.info(`[engines] ${name} 语音阅读: no speechSynthesis; the page says: ${await status()}`);
            return;
          }
          expect(before.recording, 'the pass-through record of speechSynthesis is in place').toBe(true);
          // The voices, once the browser has listed them (some list them late, as the page allows for).
          const voices = await engine.evaluate(
            () =>
              new Promise<string[]>((ok) => {
                const list = () => speechSynthesis.getVoices().map((v) => v.lang);
                if (list().length) ok(list());
                speechSynthesis.addEventListener('voiceschanged', () => ok(list()), { once: true });
                setTimeout(() => ok(list()), 1_500);
              }),
          );
          const chinese = voices.filter((lang) => /^(zh|cmn|yue)\b/i.test(lang.replace('_', '-'))).length;
          await engine.click('.reading-controls [data-speech="all"]');
          const calls = () => engine.evaluate(() => (window as unknown as { speechCalls: SpeechCall[] }).speechCalls);
          let branch: string;
          if (voices.length > 0 && chinese === 0) {
            // Voices, none of them Chinese: the page says so at once and queues nothing for a voice that cannot read it.
            await engine.waitFor(() => document.querySelector('[data-speech-status]')?.textContent?.includes('没有中文语音'), 10_000);
            expect((await calls()).filter((c) => c.method === 'speak')).toEqual([]);
            branch = 'voices but none Chinese: 没有中文语音 at once, nothing queued';
          } else {
            await engine.waitFor(
              () => (window as unknown as { speechCalls: SpeechCall[] }).speechCalls.filter((c) => c.method === 'speak').length >= 20,
              10_000,
            );
            const queued = (await calls()).filter((c) => c.method === 'speak');
            expect(queued[0].text).toBe(before.h1);
            expect(new Set(queued.map((c) => c.lang))).toEqual(new Set(['zh-CN']));
            // A voice speaks, or none does and the page says so (its watchdog gives the browser 6 s).
            const outcome = await engine.waitFor(
              () =>
                speechSynthesis.speaking
                  ? 'speaking'
                  : document.querySelector('[data-speech-status]')?.textContent?.includes('没有中文语音')
                    ? 'no voice'
                    : '',
              10_000,
            );
            branch = `${queued.length} sentences queued, then ${outcome === 'speaking' ? 'speechSynthesis.speaking' : '没有中文语音'}`;
          }
          // The record sees the page's own calls: every reading starts by cancelling the one before.
          expect((await calls()).map((c) => c.method)).toContain('cancel');
          console.info(
            `[engines] ${name} 语音阅读: ${voices.length} voices (${chinese} Chinese: ${voices.join(', ') || 'none'}); ${branch}; the page says: ${await status()}`,
          );
        } finally {
          await removeRecorder();
          // Leaving the page stops any voice (the page cancels on pagehide).
          await engine.goto(site.url()).catch(() => undefined);
        }
      });
    });
  });
}
