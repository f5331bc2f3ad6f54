// Open data as a journalist or an auditor downloads it: notices.json validated against schema.json with Ajv,
// problems.csv parsed back with csv-parse, feed.xml read with fast-xml-parser, the notice page's Open Graph
// tags and JSON-LD; and, in a build with SITE_URL, absolute URLs, the sitemap and robots.txt.
import Ajv from 'ajv';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_COLUMNS } from '../../src/open-data/open-data';
import { buildInto, BUILDS, ROOT, SEARCH_FIXTURE, type BuildName } from '../helpers/build';
import { listFiles, readPages } from '../helpers/dist';

const SLUG = '2023-09-20-wuhan-industrial-investment';
const NOTICE = `notices/${SLUG}/index.html`;
/** The sample's 15 problems and how many measures (一是、二是…) each lists, in the order of the text. */
const SAMPLE_PROBLEMS = [
  ...[1, 2, 3, 4, 5, 6, 7].map((n) => `s2-g1-p${n}`),
  ...[1, 2, 3, 4].map((n) => `s2-g2-p${n}`),
  ...[1, 2, 3].map((n) => `s2-g3-p${n}`),
  's2-g4-p1',
];

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const json = (dir: string, file: string) => JSON.parse(read(dir, file));
const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['item', 'url', 'sitemap'].includes(name) });

interface JsonProblem {
  id: string;
  title: string;
  rectification?: string;
  measures: Array<{ marker: string; lead: string }>;
}
interface JsonNotice {
  id: string;
  url: string;
  date: string;
  title: string;
  provenance: { sha256: string; published?: string; revised?: string };
  outline: { sections: Array<{ problems: JsonProblem[]; groups: Array<{ problems: JsonProblem[] }> }> };
}
const problemsOf = (n: JsonNotice) => n.outline.sections.flatMap((s) => [...s.problems, ...s.groups.flatMap((g) => g.problems)]);
const csvRows = (dir: string) =>
  parseCsv(readFileSync(join(dir, 'data/problems.csv')), { bom: true, columns: true, record_delimiter: '\r\n' }) as Array<
    Record<string, string>
  >;

function validate(dir: string) {
  const check = new Ajv({ allErrors: true, strict: true }).compile(json(dir, 'data/schema.json'));
  const document = json(dir, 'data/notices.json');
  return { valid: check(document), errors: check.errors, document: document as { notices: JsonNotice[]; url?: string } };
}

describe.each(Object.keys(BUILDS) as BuildName[])('open data (%s build)', (name) => {
  const { dir, base } = BUILDS[name];
  const noticeUrl = `${base}notices/${SLUG}/`;

  it('notices.json validates against schema.json and lists the sample’s 15 problems with their measures', () => {
    const { valid, errors, document } = validate(dir);
    expect(valid, JSON.stringify(errors)).toBe(true);
    expect(document.notices).toHaveLength(1);
    const [notice] = document.notices;
    expect(notice).toMatchObject({ id: SLUG, url: noticeUrl, date: '2023-09-20', problemCount: 15 });
    expect(notice.provenance.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(document.url).toBeUndefined();
    const problems = problemsOf(notice);
    expect(problems.map((p) => p.id)).toEqual(SAMPLE_PROBLEMS);
    expect(problems[0].title).toBe('产投集团党委推动‘学宣贯’进企业不深入');
    expect(problems[0].measures.map((m) => m.marker)).toEqual(['一是', '二是', '三是', '四是']);
    expect(problems[0].measures[0].lead).toBe('领导班子带头讲。');
    expect(problems.every((p) => p.measures.every((m) => p.rectification!.includes(m.marker) && p.rectification!.includes(m.lead)))).toBe(
      true,
    );
  });

  it('notices.json’s fingerprint is the SHA-256 of the Markdown source', async () => {
    const { createHash } = await import('node:crypto');
    const source = readFileSync(join(ROOT, 'content/notices', `${SLUG}.md`));
    expect(validate(dir).document.notices[0].provenance.sha256).toBe(createHash('sha256').update(source).digest('hex'));
  });

  it('problems.csv starts with the BOM, uses CRLF and parses back to the 15 problems in the documented columns', () => {
    const bytes = readFileSync(join(dir, 'data/problems.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n|\r/);
    const rows = csvRows(dir);
    expect(Object.keys(rows[0])).toEqual(PROBLEM_COLUMNS.map((c) => c.name));
    expect(rows.map((r) => r.问题编号)).toEqual(SAMPLE_PROBLEMS);
    expect(rows.every((r) => r.通报编号 === SLUG && r.发布日期 === '2023-09-20' && r.部分 === '二、整改进展情况及成效')).toBe(true);
    expect(rows.map((r) => r.链接)).toEqual(SAMPLE_PROBLEMS.map((id) => `${noticeUrl}#${id}`));
    expect(rows[0].类别).toBe('（一）关于“贯彻落实党中央决策部署和省、市委工作要求有差距”的问题。');
    expect(rows.map((r) => r.问题序号)).toEqual(['1', '2', '3', '4', '5', '6', '7', '1', '2', '3', '4', '1', '2', '3', '1']);
    // The same measures as notices.json.
    const problems = problemsOf(validate(dir).document.notices[0]);
    expect(rows.map((r) => Number(r.整改措施数))).toEqual(problems.map((p) => p.measures.length));
    expect(rows.map((r) => r.问题)).toEqual(problems.map((p) => p.title));
  });

  it('feed.xml is well-formed RSS 2.0 with links from the domain root, and every page’s head links it', () => {
    const feed = read(dir, 'data/feed.xml');
    expect(XMLValidator.validate(feed)).toBe(true);
    const { rss } = xml.parse(feed);
    expect(rss['@_version']).toBe('2.0');
    expect(rss.channel.link).toBe(base);
    expect(rss.channel.item.map((i: { link: string }) => i.link)).toEqual([noticeUrl]);
    expect(feed).not.toMatch(/https?:\/\//);
    const pages = readPages(dir);
    expect(pages.length).toBeGreaterThanOrEqual(6);
    for (const { file, doc } of pages) {
      const links = doc.querySelectorAll('head link[rel="alternate"][type="application/rss+xml"]');
      expect(
        links.map((l) => l.getAttribute('href')),
        file,
      ).toEqual([`${base}data/feed.xml`]);
      expect(links[0].getAttribute('title'), file).toContain('订阅');
    }
  });

  it('without SITE_URL: no sitemap, no robots.txt, no og:url and no url in the JSON-LD', () => {
    const files = listFiles(dir);
    // The 网站地图 page (sitemap/index.html) is for readers, and not the XML sitemap.
    expect(files.filter((f) => /sitemap.*\.xml$|robots/.test(f))).toEqual([]);
    const { doc } = readPages(dir).find((p) => p.file === NOTICE)!;
    expect(doc.querySelector('meta[property="og:url"]')).toBeNull();
    expect(JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.rawText).url).toBeUndefined();
  });

  it('the notice page carries Open Graph tags and a JSON-LD Report with its dates and publisher', () => {
    const { doc } = readPages(dir).find((p) => p.file === NOTICE)!;
    const og = Object.fromEntries(
      doc.querySelectorAll('head meta[property]').map((m) => [m.getAttribute('property'), m.getAttribute('content')]),
    );
    const title = '中共武汉产业投资控股集团有限公司委员会关于巡察集中整改进展情况的通报';
    expect(og).toMatchObject({
      'og:type': 'article',
      'og:title': title,
      'og:site_name': '巡察整改公示',
      'og:locale': 'zh_CN',
      'article:published_time': '2023-09-20',
    });
    expect(og['og:description']).toBe(doc.querySelector('meta[name="description"]')!.getAttribute('content'));
    const blocks = doc.querySelectorAll('script[type="application/ld+json"]');
    expect(blocks).toHaveLength(1);
    const ld = JSON.parse(blocks[0].rawText);
    const { revised } = validate(dir).document.notices[0].provenance;
    expect(ld).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Report',
      headline: title,
      name: title,
      description: og['og:description'],
      dateCreated: '2023-09-20',
      datePublished: '2023-09-20',
      ...(revised && { dateModified: revised }),
      publisher: { '@type': 'Organization', name: '中共武汉产业投资控股集团有限公司委员会' },
      inLanguage: 'zh-CN',
    });
    expect(og['article:modified_time']).toBe(revised);
  });

  it('the /data/ page links every file, documents every column and is in the navigation', () => {
    const pages = readPages(dir);
    const { doc } = pages.find((p) => p.file === 'data/index.html')!;
    const hrefs = doc.querySelectorAll('main a').map((a) => a.getAttribute('href'));
    for (const file of ['notices.json', 'schema.json', 'problems.csv', 'feed.xml']) {
      expect(hrefs).toContain(`${base}data/${file}`);
      expect(existsSync(join(dir, 'data', file))).toBe(true);
    }
    const columns = doc.querySelectorAll('table').find((t) => t.querySelector('caption')?.text.includes('problems.csv'))!;
    expect(columns.querySelectorAll('tbody th').map((th) => th.text)).toEqual(PROBLEM_COLUMNS.map((c) => c.name));
    const fields = doc.querySelectorAll('main table code').map((c) => c.text);
    for (const field of [
      'id',
      'url',
      'outline.sections',
      'provenance',
      'sha256',
      'published',
      'revised',
      'measures',
      'rectification',
      'inspection.groups',
    ]) {
      expect(fields).toContain(field);
    }
    for (const { file, doc: page } of pages) {
      const nav = page.querySelector('nav.site-nav')!;
      expect(nav.querySelector(`a[href="${base}data/"]`)?.text, file).toBe('开放数据');
    }
    expect(doc.querySelector(`nav.site-nav a[href="${base}data/"]`)!.getAttribute('aria-current')).toBe('page');
  });
});

describe('the feed of a six-notice site', () => {
  it('lists every notice, newest first, in the order of notices.json', () => {
    const { dir } = SEARCH_FIXTURE;
    const feed = read(dir, 'data/feed.xml');
    expect(XMLValidator.validate(feed)).toBe(true);
    const items = xml.parse(feed).rss.channel.item as Array<{ link: string; pubDate: string; title: string }>;
    const notices = json(dir, 'data/notices.json').notices as JsonNotice[];
    expect(items).toHaveLength(6);
    expect(items.map((i) => i.link)).toEqual(notices.map((n) => n.url));
    expect(items.map((i) => i.title)).toEqual(notices.map((n) => n.title));
    const dates = items.map((i) => Date.parse(i.pubDate));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(new Set(dates).size).toBe(6);
    expect(notices.map((n) => n.date)).toEqual(
      notices
        .map((n) => n.date)
        .sort()
        .reverse(),
    );
  });
});

describe('a build with SITE_URL', () => {
  const SITE_URL = 'https://xc.example.gov.cn';
  const base = '/gongshi/';
  const origin = `${SITE_URL}${base}`;
  let dir: string;
  let work: string;

  beforeAll(() => {
    mkdirSync(join(ROOT, '.test-build'), { recursive: true });
    work = mkdtempSync(join(ROOT, '.test-build/site-url-'));
    dir = join(work, 'site');
    buildInto(dir, { env: { SITE_URL, BASE_PATH: base, GONGSHI_CACHE_DIR: join(work, 'cache') } });
  }, 300_000);
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('writes a well-formed sitemap listing every HTML page but the 404 page, and robots.txt pointing to it', () => {
    const robots = read(dir, 'robots.txt');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toContain(`Sitemap: ${origin}sitemap-index.xml\n`);
    const index = read(dir, 'sitemap-index.xml');
    expect(XMLValidator.validate(index)).toBe(true);
    const sitemaps = xml.parse(index).sitemapindex.sitemap.map((s: { loc: string }) => s.loc) as string[];
    expect(sitemaps).toEqual([`${origin}sitemap-0.xml`]);
    const sitemap = read(dir, 'sitemap-0.xml');
    expect(XMLValidator.validate(sitemap)).toBe(true);
    const listed = (xml.parse(sitemap).urlset.url as Array<{ loc: string }>).map((u) => u.loc).sort();
    const pages = listFiles(dir)
      .filter((f) => f.endsWith('.html') && f !== '404.html')
      .map((f) => origin + f.replace(/index\.html$/, ''))
      .sort();
    expect(pages).toContain(`${origin}data/`);
    expect(listed).toEqual(pages);
  });

  it('gives absolute URLs on SITE_URL in og:url, the JSON-LD, the feed, notices.json and problems.csv', () => {
    const noticeUrl = `${origin}notices/${SLUG}/`;
    const { doc } = readPages(dir).find((p) => p.file === NOTICE)!;
    expect(doc.querySelector('meta[property="og:url"]')!.getAttribute('content')).toBe(noticeUrl);
    expect(JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.rawText).url).toBe(noticeUrl);

    const feed = read(dir, 'data/feed.xml');
    expect(XMLValidator.validate(feed)).toBe(true);
    const { channel } = xml.parse(feed).rss;
    expect(channel.link).toBe(origin);
    expect(channel['atom:link']['@_href']).toBe(`${origin}data/feed.xml`);
    expect(channel.item.map((i: { link: string }) => i.link)).toEqual([noticeUrl]);

    const { valid, errors, document } = validate(dir);
    expect(valid, JSON.stringify(errors)).toBe(true);
    expect(document.url).toBe(origin);
    expect(document.notices[0].url).toBe(noticeUrl);
    expect(csvRows(dir).map((r) => r.链接)).toEqual(SAMPLE_PROBLEMS.map((id) => `${noticeUrl}#${id}`));
  });

  it('names no other host than SITE_URL’s in any absolute URL it writes', () => {
    const allowed =
      /^(https:\/\/xc\.example\.gov\.cn\/gongshi\/|http:\/\/www\.w3\.org\/|http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9$|https:\/\/example\.com\$\{|https:\/\/schema\.org$|http:\/\/json-schema\.org\/draft-07\/schema#$)/;
    const found: string[] = [];
    for (const file of listFiles(dir).filter((f) => !f.startsWith('pagefind/') && !/\.(js|gz)$/.test(f))) {
      for (const m of read(dir, file).matchAll(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s"'<>)`]*/gi)) {
        if (!allowed.test(m[0])) found.push(`${file}: ${m[0]}`);
      }
    }
    expect(found).toEqual([]);
  });
});
