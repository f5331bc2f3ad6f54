// Markup-looking text in the content is shown as text, never run. tests/fixtures/safe-html carries payloads
// (<script>, "><img onerror>, javascript:, &lt;script&gt;) in every frontmatter and site.yaml field that a
// page shows, and as HTML entities in the body (entities are text, so the check lets them through). The
// site is built for real and every page is parsed. Raw HTML and javascript:/data:/vbscript: links in a
// body are refused before the build: see tests/fixtures/bad/html-* and link-* (tests/cli/bad-input.test.ts).
// Search results are built with DOM nodes and textContent (src/search/client/search-page), never from HTML strings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runScript } from '../helpers/cli';
import { readPages, type Page } from '../helpers/dist';
import { ROOT } from '../helpers/fixtures';
import { tempDir } from '../helpers/temp';

const CONTENT = join(ROOT, 'tests/fixtures/safe-html');
const ALPHA = parseYaml(readFileSync(join(CONTENT, 'notices/2023-03-10-alpha.md'), 'utf8').split('---')[1]);
const BETA = parseYaml(readFileSync(join(CONTENT, 'notices/2023-03-11-beta.md'), 'utf8').split('---')[1]);
const SITE = parseYaml(readFileSync(join(CONTENT, 'site.yaml'), 'utf8'));

/** The site's own scripts: the early reading-settings script and Astro's bundled modules. */
const OWN_SCRIPT = /^\/(?:reading-prefs\.js|_astro\/[\w.-]+\.js)$/;
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'poster', 'data', 'xlink:href', 'srcset', 'background'];
/** A URL a browser would run: scheme read as the browser does (tabs, newlines and leading controls ignored). */
const RUNNABLE_URL = /^(?:javascript|data|vbscript):/i;
const browserUrl = (value: string) => value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');

let dir: string;
let pages: Page[];
const page = (file: string) => pages.find((p) => p.file === file)!;
const text = (el: HTMLElement | null) => el?.text.trim();

beforeAll(async () => {
  dir = join(tempDir('gongshi-safe-html-'), 'site');
  const result = await runScript('build', ['--out-dir', dir], {
    cwd: ROOT,
    env: { GONGSHI_CONTENT: CONTENT, GONGSHI_CACHE_DIR: tempDir('gongshi-safe-html-cache-'), BASE_PATH: '', SITE_URL: '' },
    timeout: 240_000,
  });
  if (result.code !== 0) throw new Error(`build of tests/fixtures/safe-html failed:\n${result.stderr}`);
  pages = readPages(dir);
});

describe('a site built from markup-looking content', () => {
  it('has every page', () => {
    expect(pages.map((p) => p.file)).toEqual(
      expect.arrayContaining([
        'index.html',
        'notices/2023-03-10-alpha/index.html',
        'notices/2023-03-11-beta/index.html',
        'search/index.html',
        'contact/index.html',
        '404.html',
      ]),
    );
  });

  it('runs no script but its own, each from a file', () => {
    for (const { file, doc } of pages) {
      // JSON-LD blocks are data, never run; checked below.
      const scripts = doc.querySelectorAll('script').filter((s) => s.getAttribute('type') !== 'application/ld+json');
      expect(scripts.length, file).toBeGreaterThan(0);
      for (const script of scripts) {
        expect(script.getAttribute('src'), `${file}: ${script.outerHTML.slice(0, 120)}`).toMatch(OWN_SCRIPT);
        expect(script.rawText.trim(), `${file}: inline script`).toBe('');
      }
    }
  });

  it('has no iframe, object or embed, no on… attribute and no runnable URL', () => {
    for (const { file, doc } of pages) {
      expect(
        doc.querySelectorAll('iframe, object, embed, frame, base').map((e) => e.outerHTML),
        file,
      ).toEqual([]);
      for (const el of doc.querySelectorAll('*')) {
        const attributes = Object.keys(el.attributes);
        expect(
          attributes.filter((a) => /^on/i.test(a)),
          `${file}: ${el.outerHTML.slice(0, 120)}`,
        ).toEqual([]);
        for (const name of URL_ATTRIBUTES) {
          const value = el.getAttribute(name);
          if (value !== undefined) expect(browserUrl(value), `${file}: ${name} of <${el.tagName}>`).not.toMatch(RUNNABLE_URL);
        }
      }
    }
  });

  it('never writes a payload into the source unescaped', () => {
    for (const { file, html } of pages) {
      // Inside a double-quoted attribute value (its own quotes escaped) `<` and `>` are plain text.
      const outsideAttributes = html.replace(/="[^"]*"/g, '=""');
      expect(html.length - outsideAttributes.length, file).toBeGreaterThan(0);
      for (const raw of [
        '<script>alert',
        '<img src=x',
        '<svg onload',
        '<iframe src',
        '<object data',
        '<embed src',
        '<a href="javascript:',
      ]) {
        expect(outsideAttributes.includes(raw), `${file} contains ${raw}`).toBe(false);
      }
    }
    // The site description is in every page's meta description, its quote escaped.
    expect(page('404.html').doc.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(SITE.description);
  });
});

describe('the payloads in the open data are data', () => {
  it('JSON-LD: one block per notice page, no `<` inside to end it, parsing back to the frontmatter text', () => {
    for (const { file, doc } of pages) {
      const blocks = doc.querySelectorAll('script[type="application/ld+json"]');
      expect(blocks.length, file).toBe(file.startsWith('notices/') ? 1 : 0);
    }
    const { doc } = page('notices/2023-03-10-alpha/index.html');
    const raw = doc.querySelector('script[type="application/ld+json"]')!.rawText;
    expect(raw).not.toMatch(/[<>]/);
    const ld = JSON.parse(raw);
    expect(ld).toMatchObject({ headline: ALPHA.title, description: ALPHA.summary, publisher: { name: ALPHA.issuer } });
    expect(doc.querySelector('meta[property="og:title"]')?.getAttribute('content')).toBe(ALPHA.title);
  });

  it('feed.xml is well-formed and notices.json carries the payloads as text', async () => {
    const { XMLParser, XMLValidator } = await import('fast-xml-parser');
    const xml = readFileSync(join(dir, 'data/feed.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const items = new XMLParser({ isArray: (name) => name === 'item' }).parse(xml).rss.channel.item;
    expect(items.map((i: { title: string }) => i.title)).toEqual([BETA.title, ALPHA.title]);
    const json = JSON.parse(readFileSync(join(dir, 'data/notices.json'), 'utf8'));
    expect(json.notices[1]).toMatchObject({ title: ALPHA.title, issuer: ALPHA.issuer, summary: ALPHA.summary });
  });
});

describe('the payloads are shown as the text they are', () => {
  it('in the notice page: title, h1, meta description, metadata', () => {
    const { doc, html } = page('notices/2023-03-10-alpha/index.html');
    expect(text(doc.querySelector('title'))).toBe(`${ALPHA.title} - ${SITE.title}`);
    expect(text(doc.querySelector('h1'))).toBe(ALPHA.title);
    expect(doc.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(ALPHA.summary);
    // `&lt;script&gt;` in the summary is literal text: escaped once more in the source.
    expect(html).toMatch(/&(?:#38|amp);lt;script&(?:#38|amp);gt;alert\(1\)/);
    const meta = text(doc.querySelector('.notice-meta'))!;
    for (const value of [
      ALPHA.issuer,
      ALPHA.indexNumber,
      ALPHA.inspection.groups.join('、'),
      ALPHA.inspection.period,
      ALPHA.inspection.feedback,
    ]) {
      expect(meta).toContain(value);
    }
  });

  it('in the notice body: HTML entities become text, in paragraphs, headings and their link labels', () => {
    const { doc } = page('notices/2023-03-10-alpha/index.html');
    const body = text(doc.querySelector('.notice-body'))!;
    expect(body).toContain('正文里的 <script>alert(1)</script> 是文字。');
    expect(body).toContain('集团党委写明：<iframe src=javascript:alert(1)></iframe> 只是文字');
    expect(body).toContain('"><svg onload=alert(1)> 也是文字');
    const problem = doc.querySelector('#s2-g1-p1');
    expect(text(problem)).toMatch(/^1、关于“<img src=x onerror=alert\(1\)>”的问题/);
    expect(problem?.querySelector('a.problem-link')?.getAttribute('aria-label')).toBe(
      '本问题的链接：1、关于“<img src=x onerror=alert(1)>”的问题',
    );
  });

  it('in the notice list, the pager and on every page’s header and footer', () => {
    const { doc } = page('index.html');
    const cards = doc.querySelectorAll('.notice-card');
    expect(cards.map((c) => text(c.querySelector('h2 a')))).toEqual([BETA.title, ALPHA.title]);
    expect(text(cards[1].querySelector('.notice-card-summary'))).toBe(ALPHA.summary);
    expect(text(cards[1].querySelector('.notice-card-meta'))).toContain(ALPHA.issuer);
    const pager = page('notices/2023-03-11-beta/index.html').doc.querySelector('a[rel="prev"]');
    expect(text(pager)).toContain(ALPHA.title);
    for (const { file, doc: d } of pages) {
      expect(text(d.querySelector('.site-title')), file).toBe(SITE.title);
      const footer = text(d.querySelector('footer'))!;
      for (const value of [SITE.organisation, SITE.contact.address, SITE.contact.hours]) expect(footer, file).toContain(value);
    }
    expect(text(doc.querySelector('.lead'))).toBe(SITE.description);
  });
});
