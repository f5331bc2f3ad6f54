// Printing a notice (or saving it as PDF) in a real browser (system Chromium via playwright-core): the
// official-document layout from src/styles/print.css and the address/date line from
// src/site/client/print-meta. With print media emulated, the screen-only parts (skip link, header,
// navigation, search boxes, reading settings, table of contents, problem links, previous/next) are not
// rendered; the title is centred, the text is set in a serif Song/Fangsong face, the signature and date at
// the right. Chromium's own PDF is then read back with pdf.js: the notice's words are there, the screen
// chrome's are not. The PDF, its first page alone and a PNG of that page go to test-artifacts/print/.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBrowser, launchBrowser, type SessionOptions, withSession } from '../helpers/browser';
import { BUILDS, ROOT, type BuildName } from '../helpers/build';
import { serveStatic, type StaticSite } from '../helpers/static-server';

const NOTICE = 'notices/2023-09-20-wuhan-industrial-investment/';
const TITLE = '中共武汉产业投资控股集团有限公司委员会关于巡察集中整改进展情况的通报';
const SIGNATURE = '中共武汉产业投资控股集团有限公司委员会';
const DATE = '2023年9月20日';
const PHONE = '027-85615369';
const ARTIFACTS = resolve(ROOT, 'test-artifacts/print');
const PDFJS = resolve(ROOT, 'node_modules/pdfjs-dist/build');

/** What only the screen shows, by the selector that must not render in print. `optional`: may be absent from the page. */
const SCREEN_ONLY: Array<{ selector: string; label: string; optional?: boolean }> = [
  { selector: 'a.skip-link', label: 'skip link' },
  { selector: 'header.site-header', label: 'site header' },
  { selector: 'nav.site-nav', label: 'site navigation' },
  { selector: 'form[role=search]', label: 'search form' },
  { selector: 'nav.toc', label: 'table of contents' },
  { selector: 'nav.pager', label: 'previous/next' },
  { selector: 'a.problem-link', label: 'problem links' },
  { selector: '.reading-controls', label: 'reading controls', optional: true },
];

/** Text that only the screen chrome carries (none of it occurs in the sample notice or its metadata). */
const CHROME_TEXT = [
  '跳到正文',
  '巡察整改公示',
  '通报列表',
  '意见反馈',
  '搜索',
  '阅读设置',
  '恢复默认',
  '目录',
  '链接',
  '上一篇',
  '下一篇',
  '没有更早的通报',
  '没有更新的通报',
  '意见建议反映渠道',
];

/** The body text's font stack in print: Fangsong first, Song and the free serif CJK faces after it, `serif` last. */
const SERIF_STACK_START = ['FangSong'];
const SERIF_FALLBACKS = ['STFangsong', '仿宋', 'Songti SC', 'STSong', 'SimSun', 'Noto Serif CJK SC', 'Source Han Serif SC'];

const browserCheck = checkBrowser();
let browser: Browser;

/**
 * CJK Radicals Supplement → the unified ideograph drawn with the same glyph (Unicode's
 * EquivalentUnifiedIdeograph.txt, BMP targets). Chromium's PDFs map a glyph shared by a radical and an
 * ideograph to the radical's code point (月 comes out as ⽉ U+2F49, 页 as ⻚ U+2EDA); NFKC folds the Kangxi
 * radicals, this table the rest, so both the texts that must be there and those that must not are found.
 */
const RADICALS = new Map(
  [
    ...'⺁厂⺂乛⺃乚⺄乙⺅亻⺆冂⺈刀⺉刂⺊卜⺋㔾⺌小⺍小⺎兀⺏尣⺐尢⺒巳⺓幺⺔彑⺕彐⺖忄⺗心⺘扌⺙攵⺛旡⺜日⺝月⺞歺⺟母⺠民⺡氵⺢氺⺣灬⺤爫⺥爫⺦丬⺧牛⺨犭⺩王⺫目⺬示⺭礻⺯糹⺰纟⺱罓⺲罒⺳㓁⺴冗⺶羊⺹耂⺺肀⺻聿⺼肉⺾艹⺿艹⻀艹⻁虎⻂衤⻃覀⻄西⻅见⻆角⻈讠⻉贝⻋车⻌辶⻍辶⻎辶⻏邑⻐钅⻑長⻒镸⻓长⻔门⻖阝⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食⻟飠⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟',
  ]
    .map((c, i, all) => (i % 2 === 0 ? [c, all[i + 1]] : undefined))
    .filter((pair): pair is [string, string] => pair !== undefined),
);

/**
 * PDF text as the reader sees it: radicals folded to ideographs, NFKC, one dash for the glyph that em dash
 * and horizontal bar share (— U+2014 comes back as ― U+2015), and no white space (lines wrap anywhere).
 */
function compact(text: string): string {
  return [...text.normalize('NFKC')]
    .map((c) => RADICALS.get(c) ?? c)
    .join('')
    .replace(/[\u2015\u2500]/g, '\u2014')
    .replace(/\s+/g, '');
}

function fontList(value: string): string[] {
  return value.split(',').map((f) => f.trim().replace(/^["']|["']$/g, ''));
}

/**
 * A CJK font may draw two variant ideographs with one glyph, and the PDF then names that glyph by one
 * code point for both (this sample's 戶 comes back as 户). Up to this many such characters are tolerated
 * when reading the notice back, each only ideograph for ideograph, so every other character must match.
 */
const MAX_VARIANT_GLYPHS = 3;

/**
 * Reads the blocks one after another out of compacted PDF text, from where the first begins. Returns
 * where that was, the text after the last block, and the ideographs read back differently (`want→got`).
 * A missing, added or misplaced character shifts the rest, which then fails as many differences.
 */
function readInOrder(text: string, blocks: string[]): { start: number; rest: string; differ: string[] } {
  const wanted = blocks.map((b) => [...compact(b)]);
  const start = text.indexOf(wanted[0].slice(0, 20).join(''));
  const chars = [...text.slice(Math.max(start, 0))];
  const differ: string[] = [];
  let at = 0;
  for (const want of wanted) {
    for (const c of want) {
      const got = chars[at++] ?? '∅';
      if (got === c) continue;
      differ.push(/\p{Script=Han}/u.test(c) && /\p{Script=Han}/u.test(got) ? `${c}→${got}` : `${c}→${got} (not an ideograph)`);
    }
  }
  return { start, rest: chars.slice(at).join(''), differ };
}

/** The text of every page of a PDF, and each page's size in points, read with pdf.js (legacy build, for Node). */
async function readPdf(data: Uint8Array): Promise<{ pages: string[]; sizes: number[][] }> {
  const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    data: new Uint8Array(data),
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  const doc = await task.promise;
  try {
    const pages: string[] = [];
    const sizes: number[][] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
      sizes.push(page.view);
      page.cleanup();
    }
    return { pages, sizes };
  } finally {
    await task.destroy();
  }
}

/** Counts the page objects in a PDF's own bytes (`/Type /Page`, not `/Pages`), independently of the parser. */
function countPageObjects(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** Waits until print-meta.ts has filled in the print date. */
async function printMetaReady(page: Page) {
  await page.waitForFunction(() => (document.querySelector('[data-print-date]')?.textContent ?? '') !== '');
}

/** Elements matching the selector that the browser renders (a box, not display:none / visibility:hidden). */
function renderedCount(page: Page, selector: string): Promise<{ total: number; rendered: number }> {
  return page.evaluate((sel) => {
    const all = [...document.querySelectorAll(sel)];
    return { total: all.length, rendered: all.filter((el) => el.checkVisibility({ visibilityProperty: true })).length };
  }, selector);
}

describe.skipIf(!browserCheck.available)(`printing in Chromium${browserCheck.reason ? ` (skipped: ${browserCheck.reason})` : ''}`, () => {
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe.each(Object.keys(BUILDS) as BuildName[])('%s build', (name) => {
    const { dir } = BUILDS[name];
    let site: StaticSite;

    beforeAll(async () => {
      site = await serveStatic(dir, BUILDS[name].base);
    });
    afterAll(async () => {
      await site?.close();
    });

    /** Runs `fn` in a fresh context; afterwards no external request, console error or failed load may have happened. */
    const withPage = (fn: (page: Page) => Promise<void>, options: SessionOptions = {}) =>
      withSession(browser, site, fn, { timeout: 15_000, ...options });

    it('in print media the notice is an official document: no screen chrome, title centred, serif text, signature and date at the right, contact and address/date line', async () => {
      await withPage(async (page) => {
        await page.goto(site.url(NOTICE));
        await printMetaReady(page);

        // On screen the chrome is there, so hiding it in print is the stylesheet's doing.
        for (const { selector, label, optional } of SCREEN_ONLY) {
          if (optional || selector === 'a.skip-link') continue;
          expect((await renderedCount(page, selector)).rendered, `${label} on screen`).toBeGreaterThan(0);
        }
        expect(await page.locator('.print-meta').isVisible(), 'print-meta on screen').toBe(false);

        await page.emulateMedia({ media: 'print' });
        for (const { selector, label, optional } of SCREEN_ONLY) {
          const { total, rendered } = await renderedCount(page, selector);
          if (!optional) expect(total, `${label} exists in the page`).toBeGreaterThan(0);
          expect(rendered, `${label} rendered in print`).toBe(0);
        }
        // The site's footer contact is not printed: the notice carries its own.
        expect(await page.locator('footer.site-footer').isVisible(), 'site footer in print').toBe(false);

        const h1 = page.locator('article.notice h1');
        expect(await h1.innerText()).toBe(TITLE);
        expect(await h1.evaluate((el) => getComputedStyle(el).textAlign)).toBe('center');

        const styles = await page
          .locator('.notice-body p')
          .first()
          .evaluate((el) => {
            const s = getComputedStyle(el);
            const body = getComputedStyle(document.body);
            return { font: s.fontFamily, color: s.color, bodyColor: body.color, bodyBackground: body.backgroundColor };
          });
        const fonts = fontList(styles.font);
        expect(fonts.slice(0, SERIF_STACK_START.length), styles.font).toEqual(SERIF_STACK_START);
        expect(fonts.at(-1), styles.font).toBe('serif');
        for (const f of SERIF_FALLBACKS) expect(fonts, styles.font).toContain(f);
        expect(
          fonts.some((f) => /sans|hei|yahei|pingfang|system-ui/i.test(f)),
          styles.font,
        ).toBe(false);
        expect(styles.color).toBe('rgb(0, 0, 0)');
        expect(styles.bodyColor).toBe('rgb(0, 0, 0)');
        expect(styles.bodyBackground).toBe('rgb(255, 255, 255)');
        // The face Chromium actually draws the body text with is a serif one (Noto Serif CJK SC on Debian).
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('DOM.enable');
        await cdp.send('CSS.enable');
        const { root } = await cdp.send('DOM.getDocument');
        const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '.notice-body p' });
        const { fonts: used } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        const main = [...used].sort((a, b) => b.glyphCount - a.glyphCount)[0];
        expect(main?.familyName, JSON.stringify(used)).toMatch(/serif|song|fang|宋|仿/i);
        expect(main?.familyName, JSON.stringify(used)).not.toMatch(/sans/i);
        // The session stays open: detaching it would also drop the print emulation.

        for (const cls of ['notice-signature', 'notice-date']) {
          const p = page.locator(`.notice-body p.${cls}`);
          expect(await p.isVisible(), cls).toBe(true);
          expect(await p.evaluate((el) => getComputedStyle(el).textAlign), cls).toBe('right');
        }
        expect(await page.locator('p.notice-signature').innerText()).toBe(SIGNATURE);
        expect(await page.locator('p.notice-date').innerText()).toBe(DATE);

        const contact = page.locator('.notice-body p.notice-contact');
        expect(await contact.count()).toBe(3);
        for (let i = 0; i < 3; i++) expect(await contact.nth(i).isVisible(), `contact line ${i + 1}`).toBe(true);
        const contactText = (await contact.allInnerTexts()).join('\n');
        expect(contactText).toContain(PHONE);
        expect(contactText).toContain('430021');
        expect(contactText).toContain('whtkjt@126.com');

        // Section headings keep with what follows.
        for (const tag of ['h2', 'h3', 'h4']) {
          expect(
            await page
              .locator(`.notice-body ${tag}`)
              .first()
              .evaluate((el) => getComputedStyle(el).breakAfter),
            tag,
          ).toBe('avoid');
        }

        const meta = page.locator('p.print-meta');
        expect(await meta.isVisible()).toBe(true);
        const metaText = await meta.innerText();
        expect(metaText).toContain(site.url(NOTICE));
        expect(metaText).toMatch(/打印日期：\d{4}年\d{1,2}月\d{1,2}日/);
        const today = await page.evaluate(() => {
          const d = new Date();
          return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
        });
        expect(metaText).toContain(today);
        // Just before printing, the address is taken again (here after following an in-page link).
        await page.evaluate(() => {
          history.replaceState(null, '', '#s2-g1-p1');
          window.dispatchEvent(new Event('beforeprint'));
        });
        expect(await page.locator('[data-print-url]').textContent()).toBe(`${site.url(NOTICE)}#s2-g1-p1`);

        // Link addresses print after links to other sites, unless the text already is the address; never for in-page anchors.
        const after = await page.evaluate(() => {
          const body = document.querySelector('.notice-body')!;
          body.insertAdjacentHTML(
            'beforeend',
            '<p id="t-links"><a href="https://www.example.gov.cn/zc/">政策原文</a> <a href="https://www.example.gov.cn/zc/">https://www.example.gov.cn/zc/</a> <a href="www.example.gov.cn">www.example.gov.cn</a></p>',
          );
          window.dispatchEvent(new Event('beforeprint'));
          const content = (el: Element | null) => (el ? getComputedStyle(el, '::after').content : 'missing');
          const links = [...document.querySelectorAll('#t-links a')];
          const result = {
            named: content(links[0]),
            plain: content(links[1]),
            relative: content(links[2]),
            toc: content(document.querySelector('nav.toc a')),
            anchor: content(document.querySelector('.notice-body a[href^="#"]')),
            tel: content(document.querySelector('.notice-body a[href^="tel:"]')),
            mail: content(document.querySelector('.notice-body a[href^="mailto:"]')),
          };
          document.getElementById('t-links')!.remove();
          return result;
        });
        expect(after.named).toBe('"（https://www.example.gov.cn/zc/）"');
        expect(after).toMatchObject({ plain: 'none', relative: 'none', toc: 'none', anchor: 'none', tel: 'none', mail: 'none' });
      });
    });

    it('the other pages print without header, navigation, reading settings or search form, and with the contact once', async () => {
      await withPage(async (page) => {
        await page.emulateMedia({ media: 'print' });
        const pages: Array<[string, string, boolean]> = [
          ['home', site.url(), true],
          ['contact', site.url('contact/'), false],
          ['search', `${site.url('search/')}?q=${encodeURIComponent('违规借贷')}`, true],
        ];
        for (const [label, url, footer] of pages) {
          await page.goto(url);
          await printMetaReady(page);
          for (const { selector, label: what } of SCREEN_ONLY) {
            expect((await renderedCount(page, selector)).rendered, `${label}: ${what}`).toBe(0);
          }
          expect(await page.locator('main h1').isVisible(), `${label}: h1`).toBe(true);
          // The contact shows exactly once: in the footer, or in the page itself (the contact page).
          const contacts = await renderedCount(page, 'section.contact');
          expect(contacts.rendered, `${label}: contact blocks printed`).toBe(1);
          expect(await page.locator('footer.site-footer').isVisible(), `${label}: footer`).toBe(footer);
          const meta = await page.locator('p.print-meta').innerText();
          // The address as a reader would type it: the query in characters, not %-escapes.
          expect(meta, label).toContain(decodeURI(url));
          expect(meta, label).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
          const body = await page.locator('body').innerText();
          for (const text of ['跳到正文', '阅读设置']) expect(body, `${label}: ${text}`).not.toContain(text);
        }
        await page.locator('ol#search-results li.search-result').first().waitFor();
        expect(await page.locator('ol#search-results li.search-result').first().isVisible(), 'search results print').toBe(true);
      });
    });

    // The PDF of the root build only: the sub-path build prints the same.
    if (name !== 'root') return;

    /** The notice saved as PDF by Chromium, whole and its first page alone; made once, kept in test-artifacts/print/. */
    let printed: { pdf: Buffer; firstPage: Buffer; blocks: string[] } | undefined;
    async function printNotice() {
      if (printed) return printed;
      mkdirSync(ARTIFACTS, { recursive: true });
      let pdf: Buffer = Buffer.alloc(0);
      let firstPage: Buffer = Buffer.alloc(0);
      let blocks: string[] = [];
      await withPage(async (page) => {
        await page.goto(site.url(NOTICE));
        await printMetaReady(page);
        await page.evaluate(() => document.fonts.ready);
        pdf = await page.pdf({ format: 'A4', printBackground: false });
        firstPage = await page.pdf({ format: 'A4', printBackground: false, pageRanges: '1' });
        // Every heading and paragraph of the notice as printed (problem links hidden), to find in the PDF.
        await page.emulateMedia({ media: 'print' });
        blocks = await page.locator('.notice-body :is(h2, h3, h4, p):not(.visually-hidden, .problem-feedback)').allInnerTexts();
      });
      writeFileSync(join(ARTIFACTS, 'notice.pdf'), pdf);
      writeFileSync(join(ARTIFACTS, 'notice-page-1.pdf'), firstPage);
      printed = { pdf, firstPage, blocks };
      return printed;
    }

    it('Chromium saves the notice as an A4 PDF of several pages with the title, contact and signature and none of the screen chrome', async () => {
      const { pdf, firstPage, blocks } = await printNotice();

      for (const bytes of [pdf, firstPage]) {
        expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(bytes.subarray(-8).toString('latin1')).toContain('%%EOF');
      }
      const pageObjects = countPageObjects(pdf);
      expect(pageObjects).toBeGreaterThan(1);
      expect(countPageObjects(firstPage)).toBe(1);

      const { pages, sizes } = await readPdf(pdf);
      expect(pages.length).toBe(pageObjects);
      // A4 is 595.28 × 841.89 pt; Chromium rounds to whole pixels.
      for (const [x0, y0, x1, y1] of sizes) {
        expect(x1 - x0).toBeCloseTo(595.3, -1);
        expect(y1 - y0).toBeCloseTo(841.9, -1);
      }
      // A page number in the foot of every page, official style (— 1 —); taken out of the text so that
      // paragraphs read on across pages.
      const texts = pages.map((p, i) => {
        const text = compact(p);
        expect(text, `page ${i + 1} number`).toContain(`—${i + 1}—`);
        return text.replace(`—${i + 1}—`, '');
      });
      const all = texts.join('');
      const last = texts.at(-1)!;
      expect(texts[0].startsWith(TITLE), texts[0].slice(0, 80)).toBe(true);
      expect(all).toContain(PHONE);
      expect(all).toContain('whtkjt@126.com');
      expect(all).toContain('430021');
      expect(all.split(PHONE).length - 1, 'the contact phone printed once').toBe(1);
      // 落款 at the end, after the contact: the signing body, then the date, then only the address/date line.
      const signatureAt = last.lastIndexOf(`${SIGNATURE}${DATE}`);
      expect(signatureAt, `signature and date on the last page:\n${pages.at(-1)}`).toBeGreaterThan(-1);
      expect(all.lastIndexOf(PHONE)).toBeLessThan(all.lastIndexOf(`${SIGNATURE}${DATE}`));
      const tail = last.slice(signatureAt + SIGNATURE.length + DATE.length);
      expect(tail).toMatch(/^本页地址:/); // NFKC: ：→ :
      expect(tail).toContain(compact(site.url(NOTICE)));
      expect(tail).toMatch(/打印日期:\d{4}年\d{1,2}月\d{1,2}日/);
      // The whole notice body is in the PDF, in order and with nothing between its paragraphs, read back
      // character for character; so text that is missing really did not print.
      expect(blocks.length).toBeGreaterThan(50);
      const read = readInOrder(all, blocks);
      expect(read.start, 'the opening paragraph in the PDF').toBeGreaterThan(0);
      expect(read.differ.filter((d) => d.endsWith('(not an ideograph)'))).toEqual([]);
      expect(read.differ.length, `characters read back differently: ${read.differ.join(' ')}`).toBeLessThanOrEqual(MAX_VARIANT_GLYPHS);
      expect(read.rest).toMatch(/^本页地址:/);
      // Each problem heading once: the table of contents did not print.
      const firstProblem = compact(blocks.find((b) => /^1、关于/.test(b))!);
      expect(all.split(firstProblem).length - 1).toBe(1);
      for (const text of CHROME_TEXT) expect(all, `${text} in the PDF`).not.toContain(compact(text));
      expect(pdf.length).toBeGreaterThan(10_000);
    });

    it('the PDF’s first page renders (with pdf.js in Chromium) to a PNG artifact', async () => {
      const pdf = (await printNotice()).firstPage;
      const png = join(ARTIFACTS, 'notice-page-1.png');
      await withPage(async (page) => {
        // pdf.js and the PDF are served from the test site's origin, so nothing leaves the machine.
        const files: Record<string, [string, Buffer]> = {
          'pdf.mjs': ['text/javascript', readFileSync(join(PDFJS, 'pdf.mjs'))],
          'pdf.worker.mjs': ['text/javascript', readFileSync(join(PDFJS, 'pdf.worker.mjs'))],
          'page.pdf': ['application/pdf', pdf],
          'view.html': [
            'text/html; charset=utf-8',
            Buffer.from(`<!doctype html><html><body style="margin:0;background:#888">
<canvas id="page" style="display:block;background:#fff"></canvas>
<script type="module">
  import * as pdfjs from './pdf.mjs';
  pdfjs.GlobalWorkerOptions.workerSrc = new URL('./pdf.worker.mjs', location.href).href;
  const doc = await pdfjs.getDocument({ url: './page.pdf' }).promise;
  const page = await doc.getPage(1);
  const viewport = page.getViewport({ scale: 1.5 });
  const canvas = document.getElementById('page');
  canvas.width = viewport.width;
  canvas.height = viewport.height;
  await page.render({ canvas, viewport }).promise;
  document.body.dataset.rendered = String(doc.numPages);
</script></body></html>`),
          ],
        };
        const prefix = `${site.origin}/__print-test/`;
        await page.route(`${prefix}*`, (route) => {
          const entry = files[route.request().url().slice(prefix.length)];
          return entry ? route.fulfill({ status: 200, contentType: entry[0], body: entry[1] }) : route.fulfill({ status: 404 });
        });
        await page.setViewportSize({ width: 900, height: 1300 });
        await page.goto(`${prefix}view.html`);
        await page.waitForFunction(() => document.body.dataset.rendered !== undefined);
        expect(await page.evaluate(() => document.body.dataset.rendered)).toBe('1');
        const canvas = page.locator('canvas#page');
        // 1.5 × A4 in points.
        const size = await canvas.evaluate((c) => [(c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height]);
        expect(size[0]).toBeCloseTo(893, -1);
        expect(size[1]).toBeCloseTo(1263, -1);
        // Something was drawn: the page is not blank white.
        const inked = await canvas.evaluate((c) => {
          const el = c as HTMLCanvasElement;
          const data = el.getContext('2d')!.getImageData(0, 0, el.width, el.height).data;
          let dark = 0;
          for (let i = 0; i < data.length; i += 4) if (data[i] < 128 && data[i + 1] < 128 && data[i + 2] < 128) dark++;
          return dark / (data.length / 4);
        });
        expect(inked).toBeGreaterThan(0.01);
        expect(inked).toBeLessThan(0.5);
        await canvas.screenshot({ path: png });
      });
      expect(readFileSync(png).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      expect(statSync(png).size).toBeGreaterThan(10_000);
    });
  });
});
