// The built sample site in Firefox ESR and WebKitGTK (Safari's engine) from Debian packages: what can differ between
// engines, which the Chromium suite cannot see: Chinese search (Intl.Segmenter, WebAssembly, Pagefind's fetches),
// the Traditional-script conversion from stored settings, and that nothing is fetched from another host.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILDS } from '../helpers/build';
import { checkEngines, launchEngine, type EngineName, type EnginePage } from '../helpers/engines';
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

/** The search page's status once a query has finished (empty and 正在搜索… mean it has not). */
const finishedStatus = () => {
  const text = document.getElementById('search-status')?.textContent?.trim() ?? '';
  return text !== '' && !text.startsWith('正在搜索') ? text : '';
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
  });
}
