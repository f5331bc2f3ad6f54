// Accessibility of the built site in real Chromium: axe-core (WCAG 2.2 A/AA and best practices) on every
// page in every reading mode a reader can choose, a keyboard-only walk through each page, landmarks and
// headings, the reading controls (with and without JavaScript), colour contrast of the themes, reduced
// motion, and screenshots of the reading controls for the README. Modes are set the way a reader's saved
// choice is: in localStorage before the page loads (src/reading/prefs).
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PREFS, STORAGE_KEY, type ReadingPrefs } from '../../src/reading/prefs';
import { formatViolations, runAxe } from '../helpers/axe';
import { checkBrowser, launchBrowser, openSession, type Session, type SessionOptions } from '../helpers/browser';
import { BUILDS, ROOT, SEARCH_FIXTURE } from '../helpers/build';
import { openPanel } from '../helpers/reading';
import { serveStatic, type StaticSite } from '../helpers/static-server';

const NOTICE = 'notices/2023-09-20-wuhan-industrial-investment/';
const QUERY = '董事会';
const SCREENSHOTS = resolve(ROOT, 'test-artifacts/screenshots');

const browserCheck = checkBrowser();
let browser: Browser;
let root: StaticSite;
let sub: StaticSite;
let fixture: StaticSite;

/** One page of a build, and what to wait for before looking at it. */
interface SitePage {
  label: string;
  path: string;
  /** The search page with `?q=`: wait until its results are on the page. */
  results?: boolean;
  notFound?: boolean;
}

/** Every page of a build: the list, each notice, search (empty and with results), contact and a missing page. */
function sitePages(dir: string): SitePage[] {
  // Read when the file is collected, after the global setup built the site (an absent build: no notices, and the page-list test fails).
  const notices = existsSync(join(dir, 'notices')) ? readdirSync(join(dir, 'notices')).sort() : [];
  return [
    { label: 'home', path: '' },
    ...notices.map((slug) => ({ label: `notice ${slug}`, path: `notices/${slug}/` })),
    { label: 'search (empty)', path: 'search/' },
    { label: `search results for ${QUERY}`, path: `search/?q=${encodeURIComponent(QUERY)}`, results: true },
    { label: 'contact', path: 'contact/' },
    { label: 'open data', path: 'data/' },
    { label: 'ledger', path: 'ledger/' },
    { label: '404', path: 'nope/', notFound: true },
  ];
}

/** A reading mode: the reader's saved settings and the system's colour scheme. */
interface Mode {
  name: string;
  prefs?: Partial<ReadingPrefs>;
  dark?: boolean;
}
const MODES: Mode[] = [
  { name: 'default' },
  { name: 'large text (200%)', prefs: { size: 200 } },
  { name: 'high contrast', prefs: { contrast: 'high' } },
  { name: 'Traditional', prefs: { script: 'hant' } },
  { name: 'dark', dark: true },
];

interface Options extends SessionOptions {
  /** Saved reading settings, written to localStorage before every page load, as a returning reader has them. */
  prefs?: Partial<ReadingPrefs>;
  dark?: boolean;
}

/** Runs `fn` in a fresh context; afterwards nothing may have gone to another host and no error may have been logged. */
async function withSession<T>(site: StaticSite, options: Options, fn: (page: Page, session: Session) => Promise<T>): Promise<T> {
  const { prefs, dark, ...rest } = options;
  const session = await openSession(browser, site, { colorScheme: dark ? 'dark' : 'light', ...rest });
  session.page.setDefaultTimeout(10_000);
  try {
    if (prefs) {
      await session.context.addInitScript(
        ([key, value]) => {
          try {
            localStorage.setItem(key, value);
          } catch {
            // about:blank has no storage.
          }
        },
        [STORAGE_KEY, JSON.stringify(prefs)] as const,
      );
    }
    const result = await fn(session.page, session);
    await session.finish();
    return result;
  } catch (err) {
    await session.context.close();
    const found = session.problems();
    if (found.length && err instanceof Error) err.message += `\nthe browser also reported:\n${found.map((p) => `  ${p}`).join('\n')}`;
    throw err;
  }
}

/** Opens one page of a site and waits until it is what a reader sees: scripts started, results shown, script converted. */
async function open(page: Page, site: StaticSite, target: SitePage, prefs: Partial<ReadingPrefs> = {}, js = true) {
  const response = await page.goto(site.url(target.path));
  expect(response?.status(), target.label).toBe(target.notFound ? 404 : 200);
  if (!js) return;
  await page.locator('.reading-controls').waitFor({ state: 'visible' });
  if (target.results) await resultsShown(page);
  if (prefs.script === 'hant') await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
}

/** Waits until the search page says what it found and shows the results. */
function resultsShown(page: Page) {
  return page.waitForFunction(() => {
    const status = document.getElementById('search-status')?.textContent ?? '';
    return status.startsWith('找到') && document.querySelectorAll('#search-results > li').length > 0;
  });
}

const sessionFor = (site: StaticSite, target: SitePage, options: Options = {}): Options =>
  target.notFound ? { ...options, expect404: [site.url(target.path)] } : options;

/** Runs `fn` over the items, at most `limit` at a time (each usually in its own browser context), results in order. */
async function inParallel<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  const errors: unknown[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      try {
        out[i] = await fn(items[i]);
      } catch (err) {
        errors.push(err);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (errors.length) throw errors[0];
  return out;
}

/** axe on every page of a site in one mode; one line per violated rule, with the details as the failure message. */
async function axeEveryPage(site: StaticSite, pages: SitePage[], mode: Mode) {
  const found = await inParallel(pages, 2, (target) =>
    withSession(site, sessionFor(site, target, { prefs: mode.prefs, dark: mode.dark }), async (page) => {
      await open(page, site, target, mode.prefs);
      return { target, violations: await runAxe(page) };
    }),
  );
  const failed = found.filter((f) => f.violations.length > 0);
  const summary = failed.flatMap(({ target, violations }) => violations.map((v) => `${target.label}: ${v.id}`));
  const details = failed.map(
    ({ target, violations }) => `${target.label} (${mode.name}, ${site.base}${target.path}):\n${formatViolations(violations)}`,
  );
  expect(summary, `axe found violations in ${mode.name} mode:\n${details.join('\n')}`).toEqual([]);
  expect(found).toHaveLength(pages.length);
}

/** What the keyboard focus is on after a key press, and how it shows. */
interface Focus {
  /** Position among the page's tabbable elements (document order); -1 for anything else (body: focus left the page). */
  index: number;
  desc: string;
  tag: string;
  indicator: boolean;
  style: string;
  inView: boolean;
  toc: boolean;
  problem: boolean;
  footerContact: string;
  action: string;
  id: string;
}

/** The page's tabbable elements in document order, as a keyboard user should meet them; kept on window for `focused`. */
function listTabbables(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]';
    const list = [...document.querySelectorAll<HTMLElement>(selector)].filter(
      (el) =>
        el.tabIndex >= 0 &&
        !(el as HTMLButtonElement).disabled &&
        !el.closest('[inert]') &&
        el.checkVisibility({ visibilityProperty: true }) &&
        (el.tagName !== 'SUMMARY' || el.parentElement?.firstElementChild === el),
    );
    (window as unknown as { tabbables: HTMLElement[] }).tabbables = list;
    return list.map(
      (el) =>
        `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} ${el.getAttribute('href') ?? ''} ${(el.textContent ?? '').trim().slice(0, 20)}`,
    );
  });
}

function focused(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const list = (window as unknown as { tabbables?: HTMLElement[] }).tabbables ?? [];
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    const r = el.getBoundingClientRect();
    const href = el.getAttribute('href') ?? '';
    return {
      index: list.indexOf(el),
      desc: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''}${href ? `[href="${href}"]` : ''} “${(el.textContent ?? '').trim().slice(0, 20)}”`,
      tag: el.tagName,
      indicator: outline || shadow,
      style: `outline: ${style.outlineStyle} ${style.outlineWidth}; box-shadow: ${style.boxShadow}`,
      inView: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
      toc: el.tagName === 'A' && !!el.closest('nav.toc'),
      problem: el.classList.contains('problem-link'),
      footerContact: el.closest('footer address') && /^(tel|mailto):/.test(href) ? href.split(':')[0] : '',
      action: el.closest('.reading-controls') ? (el.dataset.action ?? '') : '',
      id: el.id,
    };
  });
}

async function tab(page: Page, key = 'Tab'): Promise<Focus> {
  await page.keyboard.press(key);
  return focused(page);
}

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`; fails if it never does. */
async function tabTo(page: Page, selector: string, key = 'Tab', max = 80): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(key);
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return i;
  }
  throw new Error(`${max} presses of ${key} never reached ${selector}; focus is on ${(await focused(page)).desc}`);
}

/** Tabs from the top of a freshly loaded page until focus comes back to the first element (at most `max` presses). */
async function walk(page: Page, max = 200) {
  const tabbables = await listTabbables(page);
  const steps: Focus[] = [];
  for (let i = 0; i < max; i++) {
    const step = await tab(page);
    steps.push(step);
    if (step.index === 0 && steps.some((s) => s.index === tabbables.length - 1)) break;
  }
  return { tabbables, steps };
}

// Colour contrast as WCAG 2 defines it, from the colours the browser computed.
type Rgba = [number, number, number, number];
function parseColor(css: string): Rgba {
  const m = /rgba?\(([^)]+)\)/.exec(css);
  if (!m) throw new Error(`cannot read colour ${css}`);
  const [r, g, b, a = 1] = m[1]
    .split(/[\s,/]+/)
    .filter(Boolean)
    .map(Number);
  return [r, g, b, a];
}
function luminance([r, g, b]: Rgba): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}
function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
}
function contrast(fg: Rgba, bg: Rgba): number {
  const [hi, lo] = [luminance(over(fg, bg)), luminance(bg)].sort((a, b) => b - a);
  return (hi + 0.05) / (lo + 0.05);
}

/** Text colour and the background behind it (every ancestor's background, composited) of each element with its own text. */
interface TextSample {
  label: string;
  color: string;
  backgrounds: string[];
}
function textSamples(page: Page, named: Record<string, string>): Promise<{ named: Record<string, TextSample | null>; all: TextSample[] }> {
  return page.evaluate((named) => {
    const sample = (el: Element, label: string) => {
      const backgrounds: string[] = [];
      for (let e: Element | null = el; e; e = e.parentElement) backgrounds.push(getComputedStyle(e).backgroundColor);
      return { label, color: getComputedStyle(el).color, backgrounds };
    };
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''} “${(el.textContent ?? '').trim().slice(0, 16)}”`;
    const all = [...document.body.querySelectorAll('*')]
      .filter((el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.nodeValue!.trim() !== ''))
      .filter((el) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && !el.closest('[aria-hidden="true"]'))
      .map((el) => sample(el, describe(el)));
    const picked: Record<string, ReturnType<typeof sample> | null> = {};
    for (const [label, selector] of Object.entries(named)) {
      const el = document.querySelector(selector);
      picked[label] = el ? sample(el, `${label} (${selector})`) : null;
    }
    return { named: picked, all };
  }, named);
}
function ratioOf(sample: TextSample, canvas: Rgba): number {
  const bg = sample.backgrounds.reduceRight<Rgba>((below, css) => over(parseColor(css), below), canvas);
  return contrast(parseColor(sample.color), bg);
}

const pressed = (page: Page, action: string) => page.locator(`.reading-controls [data-action="${action}"]`).getAttribute('aria-pressed');
/** Opens the 阅读辅助 panel (line spacing, contrast, 简/繁 and the other aids) unless it is open. */
const htmlAttr = (page: Page, name: string) => page.evaluate((n) => document.documentElement.getAttribute(n), name);
const stored = (page: Page) => page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);

describe.skipIf(!browserCheck.available)(
  `accessibility in Chromium${browserCheck.reason ? ` (skipped: ${browserCheck.reason})` : ''}`,
  () => {
    const rootPages = sitePages(BUILDS.root.dir);
    const noticePage = rootPages.find((p) => p.path === NOTICE)!;

    beforeAll(async () => {
      browser = await launchBrowser();
      [root, sub, fixture] = await Promise.all([
        serveStatic(BUILDS.root.dir, BUILDS.root.base),
        serveStatic(BUILDS.sub.dir, BUILDS.sub.base),
        serveStatic(SEARCH_FIXTURE.dir, SEARCH_FIXTURE.base),
      ]);
    });
    afterAll(async () => {
      await browser?.close();
      await Promise.all([root?.close(), sub?.close(), fixture?.close()]);
    });

    // Each test loads every page of a build and runs axe on it: minutes on a loaded 2-core machine.
    describe('axe-core: no WCAG 2.2 A/AA or best-practice violations', { timeout: 240_000 }, () => {
      it('the root build has the pages to check', () => {
        expect(rootPages.map((p) => p.label)).toEqual([
          'home',
          'notice 2023-09-20-wuhan-industrial-investment',
          'search (empty)',
          `search results for ${QUERY}`,
          'contact',
          'open data',
          'ledger',
          '404',
        ]);
      });

      it.each(MODES.map((m) => [m.name, m] as const))('every page of the root build, %s mode', async (_, mode) => {
        await axeEveryPage(root, rootPages, mode);
      });

      it('every page of the /gongshi/ sub-path build, default mode', async () => {
        await axeEveryPage(sub, sitePages(BUILDS.sub.dir), MODES[0]);
      });

      it('every page of the 6-notice corpus (search filters shown), default mode', async () => {
        const pages = sitePages(SEARCH_FIXTURE.dir);
        expect(pages.filter((p) => p.label.startsWith('notice'))).toHaveLength(6);
        await axeEveryPage(fixture, pages, MODES[0]);
      });
    });

    describe('keyboard only', () => {
      it('on every page the first Tab reaches the visible skip link 跳到正文, and Enter on it moves focus into main', async () => {
        for (const target of rootPages) {
          await withSession(root, sessionFor(root, target), async (page) => {
            await open(page, root, target);
            const first = await tab(page);
            expect(first.desc, target.label).toMatch(/^a\.skip-link\[href="#main"\] “跳到正文”$/);
            expect(first.inView, `${target.label}: skip link shown when focused`).toBe(true);
            expect(first.indicator, `${target.label}: skip link focus indicator (${first.style})`).toBe(true);
            await page.keyboard.press('Enter');
            expect(await page.evaluate(() => document.activeElement?.id), target.label).toBe('main');
            expect(new URL(page.url()).hash).toBe('#main');
            // The next Tab continues inside the content, not back in the header.
            const next = await tab(page);
            expect(
              await page.evaluate(() => !!document.activeElement?.closest('main, footer')),
              `${target.label}: Tab after the skip link went to ${next.desc}`,
            ).toBe(true);
          });
        }
      });

      it.each(rootPages.map((p) => [p.label, p] as const))(
        'Tab walks through the whole %s page and back to the start, with a visible focus on everything',
        async (_, target) => {
          await withSession(root, sessionFor(root, target), async (page) => {
            await open(page, root, target);
            const { tabbables, steps } = await walk(page);
            const trace = () => steps.map((s, i) => `  ${i + 1}. ${s.desc}`).join('\n');
            expect(tabbables.length, 'tabbable elements').toBeGreaterThan(8);
            // Every Tab moves focus: never stuck on one element, never on something invisible or unexpected.
            for (let i = 1; i < steps.length; i++) {
              expect(steps[i].index === steps[i - 1].index && steps[i].index >= 0, `focus stuck at Tab ${i + 1}:\n${trace()}`).toBe(false);
            }
            const strays = steps.filter((s) => s.index < 0 && s.tag !== 'BODY').map((s) => s.desc);
            expect(strays, 'focus went to elements that are not visible tabbables').toEqual([]);
            // One full cycle in document order, then back to the start.
            const cycle = steps.map((s) => s.index).filter((i) => i >= 0);
            expect(cycle.slice(0, tabbables.length), `walk:\n${trace()}`).toEqual(tabbables.map((_, i) => i));
            expect(steps.at(-1)!.index, `focus never came back to the start after ${steps.length} presses:\n${trace()}`).toBe(0);
            const noIndicator = steps.filter((s) => s.index >= 0 && !s.indicator).map((s) => `${s.desc}: ${s.style}`);
            expect(noIndicator, 'focused elements without a visible focus indicator').toEqual([]);
            const hidden = steps.filter((s) => s.index >= 0 && !s.inView).map((s) => s.desc);
            expect(hidden, 'focused elements scrolled out of view').toEqual([]);
            // What every page must let a keyboard user reach.
            expect(steps[0].desc).toContain('跳到正文');
            expect(new Set(steps.map((s) => s.footerContact).filter(Boolean))).toEqual(new Set(['tel', 'mailto']));
            // The reading aids' entry comes right after the skip link; the panel's controls are reached once it is open.
            expect(steps[1].action, 'the first stop after the skip link').toBe('panel');
            expect(new Set(steps.map((s) => s.action).filter(Boolean))).toEqual(new Set(['panel', 'larger']));
            const header = target.path === '' || target.path === NOTICE || target.path === 'contact/';
            if (header) expect(steps.some((s) => s.id === 'header-search')).toBe(true);
            if (target.path.startsWith('search/')) expect(steps.some((s) => s.id === 'search-page-input')).toBe(true);
            if (target.notFound) expect(steps.some((s) => s.id === 'not-found-search')).toBe(true);
            if (target.path === NOTICE) {
              const counts = await page.evaluate(() => ({
                toc: document.querySelectorAll('nav.toc a').length,
                problems: document.querySelectorAll('.problem-link').length,
              }));
              expect(counts.problems).toBe(15);
              expect(new Set(steps.filter((s) => s.toc).map((s) => s.desc)).size).toBe(counts.toc);
              expect(new Set(steps.filter((s) => s.problem).map((s) => s.desc)).size).toBe(counts.problems);
            }
            if (target.results) expect(steps.filter((s) => /^a\[href="\/notices\//.test(s.desc)).length).toBeGreaterThan(0);
          });
        },
      );

      it('the header search box is reachable; typing and Enter open the search results', async () => {
        await withSession(root, {}, async (page) => {
          await open(page, root, rootPages[0]);
          await tabTo(page, '#header-search');
          await page.keyboard.type(QUERY);
          await page.keyboard.press('Enter');
          await expect.poll(() => new URL(page.url()).pathname).toBe('/search/');
          expect(new URL(page.url()).searchParams.get('q')).toBe(QUERY);
          await resultsShown(page);
          expect(await page.locator('#search-results a').first().getAttribute('href')).toBe(`/${NOTICE}`);
          // And from the results, the keyboard reaches the notice.
          await tabTo(page, `#search-results a[href="/${NOTICE}"]`);
          await page.keyboard.press('Enter');
          await expect.poll(() => new URL(page.url()).pathname).toBe(`/${NOTICE}`);
        });
      });

      it('on a notice, Enter on a table-of-contents link moves to its section, and the next Tab continues from there', async () => {
        await withSession(root, {}, async (page) => {
          await open(page, root, noticePage);
          await tabTo(page, 'nav.toc a[href="#s2-g3-p2"]');
          await page.keyboard.press('Enter');
          await expect.poll(() => new URL(page.url()).hash).toBe('#s2-g3-p2');
          expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('s2-g3-p2');
          const inView = () =>
            page.locator('#s2-g3-p2').evaluate((el) => {
              const r = el.getBoundingClientRect();
              return r.top >= 0 && r.bottom <= innerHeight;
            });
          await expect.poll(inView).toBe(true);
          const next = await tab(page);
          expect(next.desc, 'the first Tab after the jump').toContain('[href="#s2-g3-p2"]');
          expect(next.problem).toBe(true);
          // The problem's own link works from the keyboard too.
          await tabTo(page, '.problem-link[href="#s2-g4-p1"]');
          await page.keyboard.press('Enter');
          await expect.poll(() => new URL(page.url()).hash).toBe('#s2-g4-p1');
          await expect
            .poll(() =>
              page.locator('#s2-g4-p1').evaluate((el) => {
                const r = el.getBoundingClientRect();
                return r.top >= 0 && r.bottom <= innerHeight;
              }),
            )
            .toBe(true);
        });
      });

      it('the reading controls are reachable and work with Enter and with Space; focus stays on them', async () => {
        await withSession(root, {}, async (page) => {
          await open(page, root, noticePage);
          const onAction = () =>
            page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action ?? document.activeElement?.tagName);
          // 100% → 125% with Enter, → 150% with Space.
          await tabTo(page, '[data-action="larger"]');
          await page.keyboard.press('Enter');
          expect(await htmlAttr(page, 'data-text-size')).toBe('125');
          await page.keyboard.press('Space');
          expect(await htmlAttr(page, 'data-text-size')).toBe('150');
          expect(await onAction()).toBe('larger');
          expect(await page.locator('[data-size-value]').textContent()).toBe('150%');
          // Alt+Shift+A opens the panel at its first control; 加大行距 with Space on, Enter off.
          await page.keyboard.press('Alt+Shift+A');
          expect(await page.locator('[data-action="panel"]').getAttribute('aria-expanded')).toBe('true');
          expect(await onAction()).toBe('line-spacing');
          await page.locator('#reading-panel[data-ready]').waitFor();
          await page.keyboard.press('Space');
          expect(await htmlAttr(page, 'data-line-spacing')).toBe('wide');
          expect(await pressed(page, 'line-spacing')).toBe('true');
          await page.keyboard.press('Enter');
          expect(await htmlAttr(page, 'data-line-spacing')).toBeNull();
          expect(await pressed(page, 'line-spacing')).toBe('false');
          // 高对比度 with Enter, 繁體 with Space.
          expect((await tab(page)).action).toBe('contrast');
          await page.keyboard.press('Enter');
          expect(await htmlAttr(page, 'data-contrast')).toBe('high');
          expect(await pressed(page, 'contrast')).toBe('true');
          expect((await tab(page)).action).toBe('script');
          await page.keyboard.press('Space');
          await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
          expect(await pressed(page, 'script')).toBe('true');
          expect(await onAction()).toBe('script');
          // 恢复默认 with Space clears everything.
          await tabTo(page, '[data-action="reset"]');
          await page.keyboard.press('Space');
          await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
          for (const name of ['data-text-size', 'data-line-spacing', 'data-contrast', 'data-script'])
            expect(await htmlAttr(page, name), name).toBeNull();
          expect(await onAction()).toBe('reset');
          // Esc closes the panel and returns to its button.
          await page.keyboard.press('Escape');
          expect(await page.locator('[data-action="panel"]').getAttribute('aria-expanded')).toBe('false');
          expect(await onAction()).toBe('panel');
          // Up to 200% from the keyboard: when + is disabled the focus is not lost.
          await tabTo(page, '[data-action="larger"]');
          for (let i = 0; i < 4; i++) await page.keyboard.press('Enter');
          expect(await htmlAttr(page, 'data-text-size')).toBe('200');
          expect(await page.locator('[data-action="larger"]').isDisabled()).toBe(true);
          expect(await onAction(), 'focus after + became disabled').toBe('smaller');
          await page.keyboard.press('Enter');
          expect(await htmlAttr(page, 'data-text-size')).toBe('175');
          for (let i = 0; i < 3; i++) await page.keyboard.press('Space');
          expect(await htmlAttr(page, 'data-text-size')).toBeNull();
          expect(await page.locator('[data-action="smaller"]').isDisabled()).toBe(true);
          expect(await onAction(), 'focus after − became disabled').toBe('larger');
        });
      });
    });

    describe('landmarks and headings', () => {
      const check = async (site: StaticSite, pages: SitePage[]) => {
        for (const target of pages) {
          await withSession(site, sessionFor(site, target), async (page) => {
            await open(page, site, target);
            const label = target.label;
            expect(await page.getByRole('banner').count(), `${label}: banner`).toBe(1);
            expect(await page.getByRole('main').count(), `${label}: main`).toBe(1);
            expect(await page.getByRole('main').getAttribute('id'), label).toBe('main');
            expect(await page.getByRole('contentinfo').count(), `${label}: contentinfo`).toBe(1);
            expect(await page.getByRole('banner').getByRole('navigation', { name: '网站导航' }).count(), `${label}: site navigation`).toBe(
              1,
            );
            const address = page.getByRole('contentinfo').locator('address');
            expect(await address.count(), `${label}: footer address`).toBe(1);
            expect(await address.locator('a[href^="tel:"]').count(), `${label}: tel: link`).toBe(1);
            expect(await address.locator('a[href^="mailto:"]').count(), `${label}: mailto: link`).toBe(1);
            const unnamed = await page.getByRole('navigation').evaluateAll((navs) =>
              navs
                .filter((nav) => {
                  const by = nav.getAttribute('aria-labelledby');
                  const name = nav.getAttribute('aria-label') ?? (by ? document.getElementById(by)?.textContent : '');
                  return !name?.trim();
                })
                .map((nav) => nav.outerHTML.slice(0, 80)),
            );
            expect(unnamed, `${label}: navigation landmarks without a name`).toEqual([]);
            const headings = await page.evaluate(() =>
              [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
                .filter((h) => h.checkVisibility() && !h.closest('[aria-hidden="true"]'))
                .map((h) => ({ level: Number(h.tagName[1]), text: (h.textContent ?? '').trim().slice(0, 24) })),
            );
            const outline = headings.map((h) => `${'  '.repeat(h.level - 1)}h${h.level} ${h.text}`).join('\n');
            expect(
              headings.filter((h) => h.level === 1),
              `${label}: one h1\n${outline}`,
            ).toHaveLength(1);
            expect(headings[0].level, `${label}: the first heading is the h1\n${outline}`).toBe(1);
            const gaps = headings.filter((h, i) => i > 0 && h.level > headings[i - 1].level + 1).map((h) => `h${h.level} ${h.text}`);
            expect(gaps, `${label}: heading levels skipped\n${outline}`).toEqual([]);
            if (target.path.startsWith('search/')) {
              const status = page.locator('#search-status');
              const live = [await status.getAttribute('role'), await status.getAttribute('aria-live')];
              expect(live[0] === 'status' || live[1] === 'polite', `${label}: #search-status is a live region (${live})`).toBe(true);
            }
          });
        }
      };

      it('every page of the root build: one banner with a named navigation, one main, one contentinfo with the contact address; headings without gaps', async () => {
        await check(root, rootPages);
      });

      it('the same on the home and notice pages of the 6-notice corpus', async () => {
        await check(
          fixture,
          sitePages(SEARCH_FIXTURE.dir).filter((p) => p.path === '' || p.path.startsWith('notices/')),
        );
      });
    });

    describe('reading controls', () => {
      it('without JavaScript there is no toolbar, and every page is still fully readable', async () => {
        await withSession(root, { javaScriptEnabled: false, expect404: [root.url('nope/')] }, async (page) => {
          for (const target of rootPages) {
            await open(page, root, target, {}, false);
            expect(await page.locator('.reading-controls').isVisible(), target.label).toBe(false);
            expect(await page.locator('button[data-action]').filter({ visible: true }).count(), target.label).toBe(0);
            expect(await page.locator('h1').isVisible(), target.label).toBe(true);
            expect((await page.locator('main').innerText()).length, target.label).toBeGreaterThan(40);
            expect(await page.locator('footer address a[href^="tel:"]').isVisible(), target.label).toBe(true);
            expect(await page.locator('footer address a[href^="mailto:"]').isVisible(), target.label).toBe(true);
          }
        });
      });

      it('settings persist across pages (150% and high contrast), and 恢复默认 clears them and the saved choice', async () => {
        await withSession(root, {}, async (page) => {
          await open(page, root, noticePage);
          const bar = page.locator('.reading-controls');
          await bar.locator('[data-action="larger"]').click();
          await bar.locator('[data-action="larger"]').click();
          await openPanel(page);
          await bar.locator('[data-action="contrast"]').click();
          await page.locator('.site-nav a', { hasText: '通报列表' }).click();
          await expect.poll(() => new URL(page.url()).pathname).toBe('/');
          await open(page, root, rootPages[0]);
          expect(await htmlAttr(page, 'data-text-size')).toBe('150');
          expect(await htmlAttr(page, 'data-contrast')).toBe('high');
          expect(await htmlAttr(page, 'data-line-spacing')).toBeNull();
          expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('24px');
          // The panel shows the saved settings when it opens on the new page.
          await openPanel(page);
          expect(await pressed(page, 'contrast')).toBe('true');
          expect(await pressed(page, 'line-spacing')).toBe('false');
          expect(await pressed(page, 'script')).toBe('false');
          expect(await bar.locator('[data-size-value]').textContent()).toBe('150%');
          expect(await bar.locator('[data-action="smaller"]').isDisabled()).toBe(false);
          expect(JSON.parse((await stored(page))!)).toEqual({ ...DEFAULT_PREFS, size: 150, contrast: 'high' });

          await openPanel(page);
          await bar.locator('[data-action="reset"]').click();
          for (const name of ['data-text-size', 'data-line-spacing', 'data-contrast', 'data-script'])
            expect(await htmlAttr(page, name), name).toBeNull();
          expect(await pressed(page, 'contrast')).toBe('false');
          expect(await bar.locator('[data-size-value]').textContent()).toBe('100%');
          expect(await bar.locator('[data-action="smaller"]').isDisabled()).toBe(true);
          expect(await bar.locator('[data-reading-status]').textContent()).toBe('已恢复默认阅读设置');
          const saved = await stored(page);
          expect(saved === null || JSON.stringify(JSON.parse(saved)) === JSON.stringify(DEFAULT_PREFS), `saved after reset: ${saved}`).toBe(
            true,
          );
          await page.goto(root.url(NOTICE));
          for (const name of ['data-text-size', 'data-contrast']) expect(await htmlAttr(page, name), `${name} after reload`).toBeNull();
        });
      });

      it('+ steps the text size 100 → 125 → 150 → 175 → 200%, then is disabled', async () => {
        await withSession(root, {}, async (page) => {
          await open(page, root, noticePage);
          const bar = page.locator('.reading-controls');
          const larger = bar.locator('[data-action="larger"]');
          const sizes = () =>
            page.evaluate(() => ({
              root: getComputedStyle(document.documentElement).fontSize,
              body: parseFloat(getComputedStyle(document.querySelector('.notice-body p')!).fontSize),
            }));
          const start = await sizes();
          expect(start.root).toBe('16px');
          expect(await bar.locator('[data-action="smaller"]').isDisabled()).toBe(true);
          let body = start.body;
          for (const size of [125, 150, 175, 200]) {
            expect(await larger.isDisabled(), `+ at ${size - 25}%`).toBe(false);
            await larger.click();
            expect(await htmlAttr(page, 'data-text-size')).toBe(String(size));
            expect(await bar.locator('[data-size-value]').textContent()).toBe(`${size}%`);
            expect(await bar.locator('[data-reading-status]').textContent()).toBe(`字号 ${size}%`);
            const now = await sizes();
            expect(now.root).toBe(`${(16 * size) / 100}px`);
            expect(now.body, `body text at ${size}%`).toBeGreaterThan(body);
            body = now.body;
          }
          expect(body / start.body).toBeGreaterThanOrEqual(1.8);
          expect(await larger.isDisabled()).toBe(true);
          expect(await bar.locator('[data-action="smaller"]').isDisabled()).toBe(false);
          expect(JSON.parse((await stored(page))!).size).toBe(200);
        });
      });

      it.each([
        ['200%', { size: 200 }],
        ['200%, wide spacing, high contrast and Traditional', { size: 200, lineSpacing: 'wide', contrast: 'high', script: 'hant' }],
      ] as const)('at %s and 320 CSS px wide no page scrolls sideways', async (_, prefs) => {
        const overflowing = await inParallel(rootPages, 2, (target) =>
          withSession(root, sessionFor(root, target, { prefs, viewport: { width: 320, height: 640 } }), async (page) => {
            await open(page, root, target, prefs);
            expect(await htmlAttr(page, 'data-text-size')).toBe('200');
            const r = await page.evaluate(() => {
              const de = document.documentElement;
              const wide = [...document.body.querySelectorAll('*')]
                .filter((e) => e.getBoundingClientRect().right > de.clientWidth + 0.5)
                .map((e) => `${e.tagName.toLowerCase()}.${e.className} right=${Math.round(e.getBoundingClientRect().right)}`);
              return { scrollWidth: de.scrollWidth, clientWidth: de.clientWidth, wide: wide.slice(0, 5) };
            });
            expect(r.clientWidth).toBe(320);
            return r.scrollWidth > r.clientWidth ? `${target.label}: scrollWidth ${r.scrollWidth}; ${r.wide.join(', ')}` : '';
          }),
        );
        expect(overflowing.filter(Boolean)).toEqual([]);
      });

      it('繁體 shows the notice in Traditional, persists to the search page (which still finds it), and 简体 restores the exact text', async () => {
        await withSession(root, {}, async (page) => {
          await open(page, root, noticePage);
          const original = await page.evaluate(() => ({
            h1: document.querySelector('h1')!.textContent,
            main: document.querySelector('main')!.textContent,
            title: document.title,
            label: document.querySelector('.problem-link')!.getAttribute('aria-label'),
          }));
          expect(original.h1).toContain('产业');
          const script = page.locator('.reading-controls [data-action="script"]');
          await openPanel(page);
          await script.click();
          await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
          const h1 = await page.locator('h1').textContent();
          expect(h1).toContain('產業');
          expect(h1).toContain('關於');
          expect(await page.title()).toContain('產業');
          expect(await page.locator('.problem-link').first().getAttribute('aria-label')).toContain('關於');
          expect(await pressed(page, 'script')).toBe('true');
          expect(await htmlAttr(page, 'data-script')).toBe('hant');

          await page.locator('.site-nav a[href="/search/"]').click();
          await expect.poll(() => new URL(page.url()).pathname).toBe('/search/');
          await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
          expect(await page.locator('main .lead').textContent()).toContain('通報');
          for (const query of ['董事会', '董事會']) {
            await page.evaluate(() => (document.getElementById('search-status')!.textContent = ''));
            const input = page.locator('main form[role=search] input[name=q]');
            await input.fill(query);
            await input.press('Enter');
            await page.waitForFunction(() => (document.getElementById('search-status')?.textContent ?? '').startsWith('找到'));
            const result = page.locator(`#search-results a[href="/${NOTICE}"]`);
            expect(await result.count(), `results for ${query}`).toBe(1);
            expect(await result.textContent(), `result title for ${query} is shown in Traditional`).toContain('產業');
            expect(await input.inputValue(), 'the query stays as typed').toBe(query);
          }
          expect(await page.locator('#search-status').textContent()).toContain('通報');

          await page.locator(`#search-results a[href="/${NOTICE}"]`).click();
          await expect.poll(() => new URL(page.url()).pathname).toBe(`/${NOTICE}`);
          await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
          expect(await page.locator('h1').textContent()).toBe(h1);
          await openPanel(page);
          await page.locator('.reading-controls [data-action="script"]').click();
          await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
          const back = await page.evaluate(() => ({
            h1: document.querySelector('h1')!.textContent,
            main: document.querySelector('main')!.textContent,
            title: document.title,
            label: document.querySelector('.problem-link')!.getAttribute('aria-label'),
          }));
          expect(back).toEqual(original);
          expect(await pressed(page, 'script')).toBe('false');
          expect(await htmlAttr(page, 'data-script')).toBeNull();
        });
      });
    });

    describe('colour contrast of the themes', () => {
      const WHITE: Rgba = [255, 255, 255, 1];
      const BLACK: Rgba = [0, 0, 0, 1];
      const NAMED: Record<string, Record<string, string>> = {
        home: { 'body text': 'main .notice-card-summary', link: 'main .notice-list a', 'muted text': 'main .notice-card-meta' },
        notice: { 'body text': '.notice-body p', link: 'nav.toc a', 'muted text': '.notice-meta th' },
        contact: { 'body text': 'main .channel-list li', link: 'main address a[href^="mailto:"]', 'muted text': 'main .contact-note' },
      };
      const pages: Array<[string, string]> = [
        ['home', ''],
        ['notice', NOTICE],
        ['contact', 'contact/'],
      ];

      const measure = async (options: Options, canvas: Rgba) =>
        inParallel(pages, 2, ([label, path]) =>
          withSession(root, options, async (page) => {
            await open(page, root, { label, path }, options.prefs);
            const samples = await textSamples(page, { ...NAMED[label], 'footer text': '.footer-org', 'footer link': 'footer address a' });
            const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
            return { label, samples, bg, canvas };
          }),
        );

      const expectAll = (measured: Awaited<ReturnType<typeof measure>>, minimum: number) => {
        for (const { label, samples, canvas } of measured) {
          for (const [name, sample] of Object.entries(samples.named)) {
            expect(sample, `${label}: ${name} exists`).not.toBeNull();
            expect(
              ratioOf(sample!, canvas),
              `${label}: ${name} (${sample!.color} on ${sample!.backgrounds.join(' / ')})`,
            ).toBeGreaterThanOrEqual(minimum);
          }
          expect(samples.all.length, label).toBeGreaterThan(10);
          const low = samples.all.filter((s) => ratioOf(s, canvas) < minimum).map((s) => `${s.label}: ${ratioOf(s, canvas).toFixed(2)}:1`);
          expect(low, `${label}: text below ${minimum}:1`).toEqual([]);
        }
      };

      it('high contrast: body text, links and muted text are at least 7:1, light and dark', async () => {
        expectAll(await measure({ prefs: { contrast: 'high' } }, WHITE), 7);
        const dark = await measure({ prefs: { contrast: 'high' }, dark: true }, BLACK);
        expectAll(dark, 7);
        for (const { bg } of dark) expect(luminance(parseColor(bg))).toBeLessThan(0.02);
      });

      it('the pressed reading-control buttons keep 7:1 in high contrast', async () => {
        await withSession(root, { prefs: { contrast: 'high', lineSpacing: 'wide' } }, async (page) => {
          await open(page, root, noticePage);
          await openPanel(page);
          const samples = await textSamples(page, {
            pressed: '.reading-controls [data-action="contrast"]',
            disabled: '.reading-controls [data-action="smaller"]',
            button: '.reading-controls [data-action="reset"]',
          });
          expect(await pressed(page, 'contrast')).toBe('true');
          for (const [name, sample] of Object.entries(samples.named)) {
            expect(ratioOf(sample!, WHITE), `${name} (${sample!.color} on ${sample!.backgrounds[0]})`).toBeGreaterThanOrEqual(7);
          }
        });
      });

      it('dark mode (prefers-color-scheme: dark): a dark background and every text at least 4.5:1', async () => {
        const measured = await measure({ dark: true }, BLACK);
        expectAll(measured, 4.5);
        for (const { label, bg } of measured) expect(luminance(parseColor(bg)), `${label}: body background ${bg}`).toBeLessThan(0.05);
      });
    });

    it('with prefers-reduced-motion: reduce nothing animates or transitions', async () => {
      await withSession(root, { reducedMotion: 'reduce' }, async (page) => {
        await open(page, root, noticePage);
        // Put the page in states where a transition would start: focused skip link, hovered link and button.
        await page.keyboard.press('Tab');
        await page.locator('nav.toc a').first().hover();
        await page.locator('.reading-controls [data-action="larger"]').hover();
        const moving = await page.evaluate(() => {
          const long = (list: string) => list.split(',').some((d) => parseFloat(d) > 0);
          const found: string[] = [];
          let checked = 0;
          for (const el of [document.documentElement, ...document.body.querySelectorAll('*')]) {
            for (const pseudo of [null, '::before', '::after']) {
              const style = getComputedStyle(el, pseudo);
              checked++;
              const what = `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''}${pseudo ?? ''}`;
              if (style.animationName !== 'none' && long(style.animationDuration))
                found.push(`${what}: animation ${style.animationName} ${style.animationDuration}`);
              if (long(style.transitionDuration)) found.push(`${what}: transition ${style.transitionProperty} ${style.transitionDuration}`);
            }
          }
          const running = document.getAnimations().filter((a) => a.playState === 'running').length;
          return { found, checked, running, scroll: getComputedStyle(document.documentElement).scrollBehavior };
        });
        expect(moving.checked).toBeGreaterThan(300);
        expect(moving.found).toEqual([]);
        expect(moving.running).toBe(0);
        expect(moving.scroll).toBe('auto');
      });
    });

    describe('screenshots of the reading controls', () => {
      it.each([
        ['reading-controls-notice-1280x800-default', { width: 1280, height: 800 }, undefined],
        [
          'reading-controls-notice-1280x800-150-high-contrast-traditional',
          { width: 1280, height: 800 },
          { size: 150, contrast: 'high', script: 'hant' },
        ],
        ['reading-controls-notice-390x844', { width: 390, height: 844 }, undefined],
      ] as const)('%s.png', async (name, viewport, prefs) => {
        mkdirSync(SCREENSHOTS, { recursive: true });
        await withSession(root, { viewport, prefs }, async (page) => {
          await open(page, root, noticePage, prefs);
          await page.evaluate(() => document.fonts.ready);
          const box = await page.locator('.reading-controls').boundingBox();
          expect(box, 'toolbar on screen').not.toBeNull();
          expect(box!.y).toBeGreaterThanOrEqual(0);
          expect(box!.y + box!.height, 'the whole toolbar is in the first screen').toBeLessThanOrEqual(viewport.height);
          if (prefs) expect(await pressed(page, 'contrast')).toBe('true');
          const file = join(SCREENSHOTS, `${name}.png`);
          await page.screenshot({ path: file });
          expect(statSync(file).size, file).toBeGreaterThan(5000);
          expect(readFileSync(file).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
        });
      });
    });
  },
);
