// A site as a real organisation in mainland China publishes it (tests/fixtures/live-site: every setting of
// content/site.yaml and the 信息公开 fields of a notice), read from the built files at the domain root and
// under /gongshi/ with SITE_URL; and the sample site, which has none of the settings, without any of it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { BUILDS, LIVE_BUILDS, LIVE_CONTENT, type LiveBuildName } from '../helpers/build';
import type { HTMLElement } from 'node-html-parser';
import { listFiles, readPages } from '../helpers/dist';
import { htmlErrors } from '../helpers/html-validate';

const SLUG = '2023-09-20-wuhan-industrial-investment';
const NOTICE = `notices/${SLUG}/index.html`;
/** A 巡视 notice written as fields: 反馈问题 / 整改状态 / 整改情况, and one `关于“…”问题的整改` problem. */
const FIELDS_SLUG = '2023-06-15-xunshi-zhenggai';
const STATUSES = ['已完成', '阶段性完成', '持续推进'];
const FIELD_PROBLEMS = ['主体责任落实不够到位', '监督检查覆盖不全', '关于“干部交流轮岗不够”问题的整改'];
const ICP = '鄂ICP备2023001234号-1';
const POLICE = '鄂公网安备42010302000123号';
const LEAVES = '（将离开本站）';
/** A row's value as a reader sees it: a date cell also holds the hidden year filter for search. */
const cellText = (tr: HTMLElement) => (tr.querySelector('td time') ?? tr.querySelector('td')!).text.trim();

describe.each(Object.keys(LIVE_BUILDS) as LiveBuildName[])('a site with every setting (%s)', (name) => {
  const { dir, base, siteUrl } = LIVE_BUILDS[name];
  const pages = readPages(dir);
  const page = (file: string) => pages.find((p) => p.file === file)!.doc;
  const meta = (doc: ReturnType<typeof page>, tag: string) =>
    doc.querySelectorAll('meta').filter((m) => m.getAttribute('name')?.toLowerCase() === tag.toLowerCase());

  it('shows the filings, 主办单位, 网站标识码, the links and the sitemap link in the footer of every page', () => {
    expect(pages.length).toBeGreaterThanOrEqual(8);
    for (const { file, doc } of pages) {
      const footer = doc.querySelector('footer.site-footer')!;
      const icp = footer.querySelector('a[href="https://beian.miit.gov.cn/"]');
      expect(icp?.text, file).toBe(`${ICP}${LEAVES}`);
      const police = footer.querySelector('a.police-filing')!;
      expect(police.getAttribute('href'), file).toBe('https://beian.mps.gov.cn/#/query/webSearch?code=42010302000123');
      expect(police.text, file).toBe(`${POLICE}${LEAVES}`);
      const emblem = police.querySelector('img')!;
      expect(emblem.getAttribute('src'), file).toBe(`${base}beian/police-emblem.png`);
      expect([emblem.getAttribute('alt'), emblem.getAttribute('width'), emblem.getAttribute('height')], file).toEqual(['', '20', '20']);
      expect(footer.text, file).toContain('主办单位：中共武汉产业投资控股集团有限公司委员会');
      expect(footer.text, file).toContain('网站标识码：4201000040');
      expect(
        footer.querySelectorAll('.footer-links a').map((a) => [a.getAttribute('href'), a.text]),
        file,
      ).toEqual([
        ['https://www.ccdi.gov.cn/', `中央纪委国家监委网站${LEAVES}`],
        ['https://www.hbjwjc.gov.cn/', `湖北省纪委监委网站${LEAVES}`],
      ]);
      expect(footer.querySelector(`a[href="${base}sitemap/"]`)?.text, file).toBe('网站地图');
      // The contact block stays.
      expect(footer.querySelector('a[href="tel:027-85615369"]'), file).toBeTruthy();
    }
  });

  it('publishes the emblem as the file the webmaster gave, and nothing else from the filing systems', () => {
    expect(readFileSync(join(dir, 'beian/police-emblem.png'))).toEqual(readFileSync(join(LIVE_CONTENT, 'images/gongan.png')));
  });

  it('marks every link out of the site: rel="noopener noreferrer" and words saying it leaves the site', () => {
    for (const { file, doc } of pages) {
      for (const a of doc.querySelectorAll('a[href^="http"]')) {
        expect(a.getAttribute('rel'), `${file} ${a.getAttribute('href')}`).toBe('noopener noreferrer');
        expect(a.querySelector('.visually-hidden')?.text, `${file} ${a.getAttribute('href')}`).toBe(LEAVES);
      }
    }
    // The notice's own link to a host listed under allowedHosts.
    const link = page(NOTICE).querySelector('.notice-body a[href="https://www.gov.cn/"]')!;
    expect(link.text).toBe(`中央政府门户网站${LEAVES}`);
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('links 返回主站 in the header and puts the portal first in the breadcrumbs', () => {
    for (const { file, doc } of pages) {
      const portal = doc.querySelector('header .portal-link a')!;
      expect([portal.getAttribute('href'), portal.text], file).toEqual(['https://www.example.cn/', `返回主站${LEAVES}`]);
    }
    const crumbs = page(NOTICE).querySelectorAll('nav.breadcrumbs li');
    expect(crumbs.map((li) => li.text)).toEqual([
      `武汉产业投资控股集团有限公司${LEAVES}`,
      '巡察整改公示',
      '中共武汉产业投资控股集团有限公司委员会关于巡察集中整改进展情况的通报',
    ]);
    expect(crumbs[0].querySelector('a')!.getAttribute('href')).toBe('https://www.example.cn/');
    expect(crumbs[1].querySelector('a')!.getAttribute('href')).toBe(base);
    expect(crumbs[2].querySelector('[aria-current="page"]')).toBeTruthy();
    expect(
      page('index.html')
        .querySelectorAll('nav.breadcrumbs li')
        .map((li) => li.text),
    ).toEqual([`武汉产业投资控股集团有限公司${LEAVES}`, '巡察整改公示']);
  });

  it('carries the page tags of 政府网站网页设计规范 on every page, and the article tags on the notice page', () => {
    for (const { file, doc } of pages) {
      expect(
        meta(doc, 'SiteName').map((m) => m.getAttribute('content')),
        file,
      ).toEqual(['巡察整改公示']);
      expect(
        meta(doc, 'SiteIDCode').map((m) => m.getAttribute('content')),
        file,
      ).toEqual(['4201000040']);
      expect(
        meta(doc, 'SiteDomain').map((m) => m.getAttribute('content')),
        file,
      ).toEqual(siteUrl ? ['xc.example.cn'] : []);
      expect(meta(doc, 'ColumnName'), file).toHaveLength(1);
      expect(meta(doc, 'ColumnType'), file).toHaveLength(1);
      // The page's description, as every page has it.
      expect(doc.querySelectorAll('meta[name="description"]'), file).toHaveLength(1);
    }
    expect(meta(page('ledger/index.html'), 'ColumnName')[0].getAttribute('content')).toBe('整改台账');
    expect(meta(page('contact/index.html'), 'ColumnType')[0].getAttribute('content')).toBe('互动交流');
    const notice = page(NOTICE);
    const tags = Object.fromEntries(
      ['ArticleTitle', 'PubDate', 'ContentSource', 'Keywords', 'Author', 'Description'].map((t) => [
        t,
        meta(notice, t)[0]?.getAttribute('content'),
      ]),
    );
    expect(tags).toMatchObject({
      ArticleTitle: '中共武汉产业投资控股集团有限公司委员会关于巡察集中整改进展情况的通报',
      PubDate: '2023-09-21 00:00',
      ContentSource: '中共武汉产业投资控股集团有限公司委员会',
      Author: '中共武汉产业投资控股集团有限公司委员会',
    });
    expect(tags.Keywords).toContain('市委第一巡察组');
    expect(tags.Description).toMatch(/^根据市委巡察工作统一部署/);
    expect(notice.querySelector('meta[name="Description"]')!.getAttribute('content')).toBe(
      notice.querySelector('meta[name="description"]')!.getAttribute('content'),
    );
    expect(meta(notice, 'Url').map((m) => m.getAttribute('content'))).toEqual(siteUrl ? [`${siteUrl}${base}notices/${SLUG}/`] : []);
    expect(meta(page('index.html'), 'ArticleTitle')).toHaveLength(0);
  });

  it('shows the 信息公开 table above the text: 索引号, 发布机构, 成文日期, 发布日期, 文号', () => {
    const rows = page(NOTICE)
      .querySelectorAll('table.notice-meta tr')
      .map((tr) => [tr.querySelector('th')!.text.trim(), cellText(tr)]);
    expect(rows.slice(0, 5)).toEqual([
      ['索引号', '91420100MA4KX0000X/2023-00001'],
      ['发布机构', '中共武汉产业投资控股集团有限公司委员会'],
      ['成文日期', '2023年9月20日'],
      ['发布日期', '2023年9月21日'],
      ['文号', '武投控党〔2023〕12号'],
    ]);
  });

  it('lists the attachment under 附件 with its type and size, published byte for byte and kept out of the search index', () => {
    const section = page(NOTICE)
      .querySelectorAll('section, div')
      .find((el) => el.querySelector('h2')?.text.trim() === '附件')!;
    expect(section).toBeTruthy();
    const link = section.querySelector('a')!;
    expect(link.text.replace(/\s+/g, '')).toMatch(/^原文（PDF，\d+(\.\d+)?(KB|字节|B)）$/);
    const href = link.getAttribute('href')!;
    expect(href.startsWith(`${base}attachments/${SLUG}/`)).toBe(true);
    expect(href).toMatch(/\.pdf$/);
    expect(readFileSync(join(dir, href.slice(base.length)))).toEqual(readFileSync(join(LIVE_CONTENT, 'sources/2023-09-20-yuanwen.pdf')));
    expect(section.closest('[data-pagefind-ignore]') ?? section.getAttribute('data-pagefind-ignore')).toBeTruthy();
  });

  it('has a print button that stays hidden until a script finds the browser can print', () => {
    const button = page(NOTICE).querySelector('gongshi-print-button button')!;
    expect(button.text).toBe('打印本页');
    expect(button.hasAttribute('hidden')).toBe(true);
  });

  it('has a 网站地图 page that links every page of the site', () => {
    const links = new Set(
      page('sitemap/index.html')
        .querySelectorAll('main a')
        .map((a) => a.getAttribute('href')),
    );
    const htmlPages = listFiles(dir)
      .filter((f) => f.endsWith('.html') && f !== '404.html' && f !== 'sitemap/index.html')
      .map((f) => `${base}${f.replace(/index\.html$/, '')}`);
    for (const p of htmlPages) expect(links, p).toContain(p);
  });

  it('puts the 信息公开 fields into notices.json, problems.csv, the feed and the JSON-LD', () => {
    const { notices } = JSON.parse(readFileSync(join(dir, 'data/notices.json'), 'utf8'));
    expect(notices[0]).toMatchObject({
      date: '2023-09-20',
      published: '2023-09-21',
      number: '武投控党〔2023〕12号',
      indexNumber: '91420100MA4KX0000X/2023-00001',
    });
    expect(notices[0].attachments).toHaveLength(1);
    const rows = parseCsv(readFileSync(join(dir, 'data/problems.csv'), 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows[0]).toMatchObject({
      成文日期: '2023-09-20',
      发布日期: '2023-09-21',
      文号: '武投控党〔2023〕12号',
      索引号: '91420100MA4KX0000X/2023-00001',
    });
    const feed = readFileSync(join(dir, 'data/feed.xml'), 'utf8');
    expect(feed).toContain('<pubDate>Wed, 20 Sep 2023 16:00:00 GMT</pubDate>');
    expect(feed).toContain('<dc:identifier>91420100MA4KX0000X/2023-00001</dc:identifier>');
    const ld = JSON.parse(page(NOTICE).querySelector('script[type="application/ld+json"]')!.text);
    expect(ld).toMatchObject({ dateCreated: '2023-09-20', datePublished: '2023-09-21', reportNumber: '武投控党〔2023〕12号' });
  });

  it('shows a 巡视 notice’s groups as 巡视组, and each problem’s 整改状态 beside it, in the ledger and in the open data', () => {
    const notice = page(`notices/${FIELDS_SLUG}/index.html`);
    const rows = notice.querySelectorAll('table.notice-meta tr').map((tr) => [tr.querySelector('th')!.text.trim(), cellText(tr)]);
    expect(rows).toContainEqual(['巡视组', '省委第三巡视组']);
    expect(rows).toContainEqual(['巡视时间', '2022年10月10日至12月10日']);
    expect(rows.map(([label]) => label)).not.toContain('巡察组');
    expect(notice.querySelectorAll('.notice-body .problem-status').map((p) => p.text)).toEqual(STATUSES.map((s) => `整改状态：${s}`));
    expect(notice.querySelectorAll('.toc .toc-status').map((s) => s.text)).toEqual(STATUSES.map((s) => `（${s}）`));
    // The sample's notice states no status: its page has none.
    expect(page(NOTICE).querySelectorAll('.problem-status')).toHaveLength(0);

    const ledger = page('ledger/index.html');
    const headers = ledger.querySelectorAll('table.ledger-table thead th').map((th) => th.text.trim());
    expect(headers.slice(-2)).toEqual(['整改状态', '意见反馈']);
    const statusOf = new Map(
      ledger
        .querySelectorAll('table.ledger-table tbody tr')
        .map((tr) => [tr.querySelector('th a')!.text.trim(), tr.querySelector('td.ledger-status')!.text.trim()]),
    );
    expect(FIELD_PROBLEMS.map((title) => statusOf.get(title))).toEqual(STATUSES);
    expect(statusOf.get('关于“产投集团党委推动‘学宣贯’进企业不深入”的问题')).toBe('未写明');

    const { notices } = JSON.parse(readFileSync(join(dir, 'data/notices.json'), 'utf8'));
    const fields = notices.find((n: { id: string }) => n.id === FIELDS_SLUG);
    const problems = fields.outline.sections.flatMap((s: { groups: Array<{ problems: unknown[] }> }) =>
      s.groups.flatMap((g) => g.problems),
    );
    expect(problems.map((p: { title: string; status?: string }) => [p.title, p.status])).toEqual([
      ['主体责任落实不够到位', '已完成'],
      ['监督检查覆盖不全', '阶段性完成'],
      ['干部交流轮岗不够', '持续推进'],
    ]);
    const csv = parseCsv(readFileSync(join(dir, 'data/problems.csv'), 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(csv.filter((r) => r.通报编号 === FIELDS_SLUG).map((r) => r.整改状态)).toEqual(STATUSES);
    expect(new Set(csv.filter((r) => r.通报编号 === SLUG).map((r) => r.整改状态))).toEqual(new Set(['']));
  });

  it('is valid HTML', async () => {
    expect(await htmlErrors(pages)).toEqual([]);
  });
});

describe('the sample site, which has none of these settings', () => {
  const pages = readPages(BUILDS.root.dir);

  it('shows no filing, portal, breadcrumbs, links or site code, and names the organisation as 主办单位', () => {
    for (const { file, doc } of pages) {
      expect(doc.querySelector('.footer-filing'), file).toBeNull();
      expect(doc.querySelector('.footer-links'), file).toBeNull();
      expect(doc.querySelector('.footer-code'), file).toBeNull();
      expect(doc.querySelector('.portal-link'), file).toBeNull();
      expect(doc.querySelector('nav.breadcrumbs'), file).toBeNull();
      expect(doc.querySelector('meta[name="SiteIDCode"]'), file).toBeNull();
      expect(doc.querySelector('a[href^="http"]'), file).toBeNull();
      expect(doc.querySelector('.footer-org')!.text, file).toBe('主办单位：中共武汉产业投资控股集团有限公司委员会');
    }
  });

  it('labels the signature date 成文日期 and gives it as the 发布日期 too', () => {
    const notice = pages.find((p) => p.file === NOTICE)!.doc;
    const rows = Object.fromEntries(
      notice.querySelectorAll('table.notice-meta tr').map((tr) => [tr.querySelector('th')!.text, cellText(tr)]),
    );
    expect(rows).toMatchObject({ 成文日期: '2023年9月20日', 发布日期: '2023年9月20日' });
    expect(rows.索引号).toBeUndefined();
    expect(rows.文号).toBeUndefined();
  });
});
