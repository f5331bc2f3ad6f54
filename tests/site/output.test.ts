// The built site as a reader and a static host meet it: every page of both builds (domain root and
// sub-path) carries the contact, resolves its links, has one h1, is Chinese and valid HTML.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILDS, ROOT, type BuildName } from '../helpers/build';
import { readGitHistories } from '../../src/provenance/git';
import { hasRevisions } from '../../src/provenance/revisions';
import { listFiles, readPages } from '../helpers/dist';
import { htmlErrors } from '../helpers/html-validate';

const NOTICE = 'notices/2023-09-20-wuhan-industrial-investment/index.html';
/** The sample notice has been revised in this repository's history: its 修订对照, unless the clone is shallow. */
const REVISIONS = hasRevisions(
  readGitHistories(join(ROOT, 'content')).files.get(join(ROOT, 'content/notices/2023-09-20-wuhan-industrial-investment.md')),
)
  ? ['notices/2023-09-20-wuhan-industrial-investment/revisions/index.html']
  : [];
const EXPECTED_PAGES = [
  '404.html',
  'contact/index.html',
  'data/index.html',
  'index.html',
  'ledger/index.html',
  NOTICE,
  ...REVISIONS,
  'search/index.html',
  'sitemap/index.html',
];

describe.each(Object.keys(BUILDS) as BuildName[])('built site (%s)', (name) => {
  const { dir, base } = BUILDS[name];
  const pages = readPages(dir);

  it('has every page type', () => {
    expect(pages.map((p) => p.file).sort()).toEqual(EXPECTED_PAGES);
  });

  it.each(EXPECTED_PAGES)('%s carries the feedback contact as tel:, mailto: and text', (file) => {
    const page = pages.find((p) => p.file === file)!;
    const footer = page.doc.querySelector('footer address')!;
    expect(footer).toBeTruthy();
    expect(footer.querySelector('a[href="tel:027-85615369"]')?.text).toBe('027-85615369');
    expect(footer.querySelector('a[href="mailto:whtkjt@126.com"]')?.text).toBe('whtkjt@126.com');
    expect(footer.text).toContain('武汉市江汉区唐家墩路32号国创大厦B座武汉产业投资控股集团有限公司纪委、监察专员办公室');
    expect(footer.text).toContain('430021');
  });

  it.each(EXPECTED_PAGES)('%s is Chinese, has one h1, a header search box and a title', (file) => {
    const { doc } = pages.find((p) => p.file === file)!;
    expect(doc.querySelector('html')!.getAttribute('lang')).toBe('zh-CN');
    expect(doc.querySelectorAll('h1')).toHaveLength(1);
    expect(doc.querySelector('title')!.text.length).toBeGreaterThan(2);
    const forms = doc.querySelectorAll('form[role=search]');
    expect(forms.length).toBeGreaterThanOrEqual(1);
    expect(forms[0].getAttribute('action')).toBe(`${base}search/`);
    expect(doc.querySelector('header .site-title a')!.getAttribute('href')).toBe(base);
  });

  it('resolves every internal link and asset to a file in dist/', () => {
    const missing: string[] = [];
    for (const { file, doc } of pages) {
      const ids = new Set(doc.querySelectorAll('[id]').map((e) => e.id));
      for (const el of doc.querySelectorAll('[href], [src], form[action]')) {
        const ref = el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action')!;
        if (/^(tel:|mailto:)/.test(ref)) continue;
        expect(ref, `${file}: external reference ${ref}`).not.toMatch(/^[a-z]+:|^\/\//i);
        if (ref.startsWith('#')) {
          if (ref.length > 1 && !ids.has(decodeURIComponent(ref.slice(1)))) missing.push(`${file}: ${ref}`);
          continue;
        }
        expect(ref.startsWith(base), `${file}: ${ref} is not under ${base}`).toBe(true);
        const path = decodeURIComponent(ref.slice(base.length).split(/[?#]/)[0]);
        const target = join(dir, path, path === '' || path.endsWith('/') ? 'index.html' : '');
        if (!existsSync(target)) missing.push(`${file}: ${ref}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('gives every problem of the sample a stable anchor with a visible link, and a TOC entry', () => {
    const { doc } = pages.find((p) => p.file === NOTICE)!;
    const problems = doc.querySelectorAll('.notice-body h4[id]');
    expect(problems.map((h) => h.id)).toEqual([
      ...[1, 2, 3, 4, 5, 6, 7].map((n) => `s2-g1-p${n}`),
      ...[1, 2, 3, 4].map((n) => `s2-g2-p${n}`),
      ...[1, 2, 3].map((n) => `s2-g3-p${n}`),
      's2-g4-p1',
    ]);
    for (const h of problems) {
      expect(h.querySelector('a.problem-link')!.getAttribute('href')).toBe(`#${h.id}`);
      expect(doc.querySelector(`nav.toc a[href="#${h.id}"]`)).toBeTruthy();
    }
  });

  it('renders the notice in its official form', () => {
    const { doc } = pages.find((p) => p.file === NOTICE)!;
    expect(doc.querySelector('h1')!.text).toBe('中共武汉产业投资控股集团有限公司委员会关于巡察集中整改进展情况的通报');
    const meta = doc.querySelector('.notice-meta')!.text;
    for (const t of ['发布机构', '发布日期', '2023年9月20日', '巡察组', '市委第一巡察组', '巡察时间', '反馈时间', '2022年8月'])
      expect(meta).toContain(t);
    expect(doc.querySelectorAll('.notice-body h2:not(.visually-hidden)').map((h) => h.text)).toEqual([
      '一、巡察整改组织领导情况',
      '二、整改进展情况及成效',
      '三、下一步工作打算',
    ]);
    // Bold lead sentences and 整改情况 labels.
    expect(doc.querySelector('#s1-g1 > strong')!.text).toBe('（一）强化谋划部署，坚决扛牢巡察整改政治责任。');
    const labels = doc.querySelectorAll('.notice-body p.rectification > strong:first-child');
    expect(labels).toHaveLength(15);
    expect(labels.every((l) => l.text === '整改情况：')).toBe(true);
    // Closing: appeal, contact, signature and date in order, with links.
    const closing = doc.querySelectorAll('.notice-body p[class^="notice-"]').map((p) => p.classNames);
    expect(closing).toEqual(['notice-appeal', 'notice-contact', 'notice-contact', 'notice-contact', 'notice-signature', 'notice-date']);
    expect(doc.querySelector('.notice-body a[href="tel:027-85615369"]')).toBeTruthy();
    expect(doc.querySelector('.notice-body a[href="mailto:whtkjt@126.com"]')).toBeTruthy();
    expect(doc.querySelector('.notice-signature')!.text).toBe('中共武汉产业投资控股集团有限公司委员会');
    // The closing is a section of its own, named for screen readers, not part of 三、: search links there.
    const section = doc.querySelector('.notice-body > section.notice-closing')!;
    expect(section.getAttribute('aria-labelledby')).toBe('closing');
    expect(section.querySelector('h2#closing.visually-hidden')!.text).toBe('意见反馈');
    expect(section.querySelectorAll('p').map((p) => p.classNames)).toEqual(closing);
    expect(section.querySelector('a[href="tel:027-85615369"]')).toBeTruthy();
  });

  it('marks only notice content for the search index, with metadata and filters', () => {
    for (const { file, doc } of pages) {
      const body = doc.querySelectorAll('[data-pagefind-body]');
      expect(body.length, file).toBe(file === NOTICE ? 1 : 0);
    }
    const { doc } = pages.find((p) => p.file === NOTICE)!;
    const body = doc.querySelector('[data-pagefind-body]')!;
    expect(body.querySelector('footer')).toBeNull();
    expect(body.querySelector('[data-pagefind-meta="date[datetime]"]')!.getAttribute('datetime')).toBe('2023-09-20');
    expect(body.querySelector('[data-pagefind-filter="发布机构"]')!.text).toBe('中共武汉产业投资控股集团有限公司委员会');
    expect(body.querySelector('[data-pagefind-filter="年份"]')!.text).toBe('2023年');
    expect(existsSync(join(dir, 'pagefind/pagefind.js'))).toBe(true);
  });

  it("prints each page's own address; the 404 page, which answers every missing address, prints none without JavaScript", () => {
    for (const { file, doc } of pages) {
      const wrap = doc.querySelector('.print-meta .print-address')!;
      const url = doc.querySelector('[data-print-url]')!.text;
      if (file === '404.html') {
        expect(wrap.hasAttribute('hidden')).toBe(true);
        expect(url).toBe('');
      } else {
        expect(wrap.hasAttribute('hidden'), file).toBe(false);
        expect(url, file).toBe(`${base}${file.replace(/index\.html$/, '')}`);
      }
    }
  });

  it('the contact page describes the phone as a phone call, not a meeting', () => {
    const { doc } = pages.find((p) => p.file === 'contact/index.html')!;
    const phone = doc.querySelectorAll('.channel-list li').find((li) => li.text.includes('电话'))!;
    expect(phone.text).not.toContain('当面');
    expect(phone.text).toContain('电话里');
  });

  it('is valid HTML', async () => {
    expect(await htmlErrors(pages)).toEqual([]);
  });

  it('makes no request to another host: no external URL in any file', () => {
    // Namespaces and the URL-parsing base inside Pagefind's runtime are identifiers, never fetched; so are
    // JSON-LD's @context (notice pages), the JSON Schema dialect (data/schema.json) and the feed's Dublin Core namespace.
    const allowed =
      /^(http:\/\/www\.w3\.org\/|https:\/\/example\.com\$\{|https:\/\/schema\.org$|http:\/\/json-schema\.org\/draft-07\/schema#$|http:\/\/purl\.org\/dc\/elements\/1\.1\/$)/;
    const found: string[] = [];
    for (const file of listFiles(dir)) {
      if (
        // Pagefind's index and images are binary; a .gz is the gzipped copy of a file checked here itself.
        /\.(pf_\w+|pagefind|png|wasm|gz)$/.test(file) ||
        file.includes('pagefind/fragment') ||
        file.includes('pagefind/index') ||
        file.includes('pagefind/filter')
      )
        continue;
      const text = readFileSync(join(dir, file), 'utf8');
      for (const m of text.matchAll(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s"'<>)`]*/gi)) {
        if (!allowed.test(m[0])) found.push(`${file}: ${m[0]}`);
      }
    }
    expect(found).toEqual([]);
  });
});
