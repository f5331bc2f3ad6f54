// The built 整改台账 (/ledger/) as plain HTML, before any script runs: the sample's 15 problems in order,
// each linking to its heading in the notice; table semantics; links under the /gongshi/ sub-path; the
// chart's text equivalent; the progress bar on notice pages; and the split into one page per year.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILDS, SEARCH_FIXTURE } from '../helpers/build';
import { listFiles } from '../helpers/dist';
import { buildLedgerFixture } from '../helpers/ledger-build';

const SAMPLE = 'notices/2023-09-20-wuhan-industrial-investment/';
const SAMPLE_ISSUER = '中共武汉产业投资控股集团有限公司委员会';

const page = (dir: string, path: string) => parse(readFileSync(join(dir, path, 'index.html'), 'utf8'));
const text = (el: HTMLElement | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

interface Row {
  title: string;
  href: string;
  issuer: string;
  date: string;
  place: string;
  measures: string;
  hidden: boolean;
}

function rowsOf(doc: HTMLElement): Row[] {
  return doc.querySelectorAll('table.ledger-table tbody tr').map((tr) => {
    const [issuer, date, place, measures] = tr.querySelectorAll('td');
    const link = tr.querySelector('th[scope="row"] a')!;
    return {
      title: text(link),
      href: link.getAttribute('href')!,
      issuer: text(issuer),
      date: date.querySelector('time')!.getAttribute('datetime')!,
      place: text(place),
      measures: text(measures),
      hidden: tr.hasAttribute('hidden'),
    };
  });
}

/** The chart's numbers as drawn (the SVG's texts) and as its data table gives them, per issuer. */
function chartNumbers(doc: HTMLElement) {
  const drawn = doc.querySelectorAll('.ledger-chart svg g.chart-issuer').map((g) => {
    const values = g.querySelectorAll('text.chart-value').map(text);
    return {
      issuer: g.querySelectorAll('text.chart-name').map(text).join(''),
      problems: Number(values[0].match(/^问题 (\d+) 个$/)![1]),
      done: values[1].startsWith('已整改') ? Number(values[1].match(/^已整改 (\d+) 个$/)![1]) : undefined,
      bars: g.querySelectorAll('rect').length,
    };
  });
  const table = doc.querySelectorAll('#ledger-chart-data tbody tr').map((tr) => {
    const [notices, problems, done] = tr.querySelectorAll('td').map(text);
    return { issuer: text(tr.querySelector('th[scope="row"]')), notices: Number(notices), problems: Number(problems), done };
  });
  return { drawn, table };
}

describe('ledger of the sample (root build)', () => {
  const { dir } = BUILDS.root;
  const doc = page(dir, 'ledger');
  const rows = rowsOf(doc);
  const notice = page(dir, SAMPLE);
  const headings = notice.querySelectorAll('.notice-body h4[id]');

  it('lists exactly the notice’s 15 problems, in the notice’s order', () => {
    expect(rows).toHaveLength(15);
    expect(headings).toHaveLength(15);
    expect(rows.map((r) => r.href)).toEqual(headings.map((h) => `/${SAMPLE}#${h.id}`));
  });

  it('each row links to an existing heading in the notice, which names the same problem', () => {
    const ids = new Set(notice.querySelectorAll('[id]').map((e) => e.id));
    for (const [i, row] of rows.entries()) {
      const id = row.href.split('#')[1];
      expect(ids.has(id), row.href).toBe(true);
      const heading = text(notice.querySelector(`#${id}`)).replace(/\s*本问题的链接.*$/, '');
      expect(heading, `row ${i + 1}`).toContain(row.title);
      expect(row.title).toMatch(/^关于“.+”的问题$/);
    }
    expect(rows[0].title).toBe('关于“产投集团党委推动‘学宣贯’进企业不深入”的问题');
    expect(rows[14].title).toBe('关于“产投集团整改长效机制不健全”的问题');
  });

  it('gives each row its date, issuer, section and group, and number of measures', () => {
    for (const row of rows) {
      expect(row.date).toBe('2023-09-20');
      expect(row.issuer).toBe(SAMPLE_ISSUER);
      expect(row.place).toMatch(/^二、整改进展情况及成效 （[一二三四]）关于“.+”的问题$/);
      expect(row.measures).toMatch(/^\d+$/);
    }
    expect(rows[0].place).toBe('二、整改进展情况及成效 （一）关于“贯彻落实党中央决策部署和省、市委工作要求有差距”的问题');
    expect(rows.map((r) => r.place.match(/（(.)）/)![1]).join('')).toBe('一一一一一一一二二二二三三三四');
    // The measures counted by the outline (一是、二是…), as the notice lists them.
    const measuresInNotice = headings.map((h) => {
      let el = h.nextElementSibling;
      let count = 0;
      while (el && el.tagName !== 'H4' && el.tagName !== 'H3' && el.tagName !== 'H2') {
        count += (text(el).match(/(?:^|[。；;：])[一二三四五六七八九十]{1,3}是/g) ?? []).length;
        el = el.nextElementSibling;
      }
      return String(count);
    });
    expect(rows.map((r) => r.measures)).toEqual(measuresInNotice);
    expect(rows.some((r) => r.measures !== '0')).toBe(true);
  });

  it('is a complete, proper table without JavaScript: caption, column and row headers, a labelled scrolling region', () => {
    const table = doc.querySelector('table.ledger-table')!;
    expect(text(table.querySelector('caption'))).toBe('全部问题（15 个），按发布日期从新到旧排列');
    expect(table.querySelectorAll('thead th').map((th) => [text(th), th.getAttribute('scope')])).toEqual([
      ['问题', 'col'],
      ['发布机构', 'col'],
      ['发布日期', 'col'],
      ['所在部分', 'col'],
      ['整改措施数', 'col'],
      ['意见反馈', 'col'],
    ]);
    expect(table.querySelector('th[aria-sort]')!.getAttribute('aria-sort')).toBe('descending');
    expect(table.querySelectorAll('tbody th[scope="row"]')).toHaveLength(15);
    expect(rows.every((r) => !r.hidden)).toBe(true);
    const region = table.parentNode!;
    expect(region.tagName).toBe('SECTION');
    expect(region.getAttribute('tabindex')).toBe('0');
    expect(region.getAttribute('aria-labelledby')).toBe(table.querySelector('caption')!.id);
    // The filters are there for the script to show; without it they stay hidden. The count is static text.
    expect(doc.querySelector('form.ledger-filters')!.hasAttribute('hidden')).toBe(true);
    expect(text(doc.querySelector('[data-ledger-status]'))).toBe('共 15 条');
    expect(doc.querySelector('[data-ledger-status]')!.getAttribute('role')).toBe('status');
    // One issuer and one year: no select for either, only the text box.
    expect(doc.querySelectorAll('form.ledger-filters select')).toHaveLength(0);
    expect(doc.querySelector('form.ledger-filters input[name="q"]')).toBeTruthy();
  });

  it('summarises the sample and says it states no progress', () => {
    expect(text(doc.querySelector('.ledger-summary'))).toContain('共 1 份通报、1 个发布机构，列出巡察反馈的问题 15 个');
    expect(text(doc.querySelector('.ledger-progress'))).toContain('这 1 份通报都没有说明已完成整改的问题数');
    expect(doc.querySelector('.ledger-progress .progress')).toBeNull();
  });

  it('draws the chart as SVG with a text equivalent: the caption names it, the table has the same numbers', () => {
    const svg = doc.querySelector('.ledger-chart svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    const labelled = svg.getAttribute('aria-labelledby')!.split(' ');
    expect(text(doc.querySelector(`#${labelled[0]}`))).toBe('各发布机构通报的问题数和已整改数');
    expect(doc.querySelector(`#${labelled[0]}`)!.tagName).toBe('FIGCAPTION');
    expect(text(doc.querySelector(`#${labelled[1]}`))).toContain('各项数字见下表');
    const { drawn, table } = chartNumbers(doc);
    expect(drawn).toEqual([{ issuer: SAMPLE_ISSUER, problems: 15, done: undefined, bars: 1 }]);
    expect(table).toEqual([{ issuer: SAMPLE_ISSUER, notices: 1, problems: 15, done: '未说明' }]);
  });

  it('the sample notice, which states no progress, has no progress bar', () => {
    expect(notice.querySelector('.progress')).toBeNull();
  });

  it('uses no inline style and loads its script only on the ledger page', () => {
    const html = readFileSync(join(dir, 'ledger/index.html'), 'utf8');
    expect(html).not.toMatch(/\sstyle=|<style/i);
    const scripts = (d: HTMLElement) => d.querySelectorAll('script[src]').map((s) => s.getAttribute('src')!);
    expect(scripts(doc).some((s) => /Ledger/.test(s))).toBe(true);
    for (const file of listFiles(dir).filter((f) => f.endsWith('.html') && !f.startsWith('ledger/'))) {
      const other = parse(readFileSync(join(dir, file), 'utf8'));
      expect(
        scripts(other).filter((s) => /Ledger|ledger/.test(s)),
        file,
      ).toEqual([]);
    }
  });
});

describe('ledger under the /gongshi/ sub-path', () => {
  const { dir, base } = BUILDS.sub;
  const doc = page(dir, 'ledger');
  const rows = rowsOf(doc);

  it('links every problem to /gongshi/notices/…#id, an id that exists', () => {
    expect(rows).toHaveLength(15);
    const notice = page(dir, SAMPLE);
    for (const row of rows) {
      expect(row.href.startsWith(`${base}${SAMPLE}#`), row.href).toBe(true);
      expect(notice.querySelector(`#${row.href.split('#')[1]}`), row.href).toBeTruthy();
    }
  });
});

describe('ledger of the 6-notice corpus (6 issuers, 2 stating progress)', () => {
  const { dir } = SEARCH_FIXTURE;
  const doc = page(dir, 'ledger');

  it('has one row per problem, newest first, and an issuer select', () => {
    const rows = rowsOf(doc);
    expect(rows.map((r) => r.date)).toEqual(['2023-06-10', '2023-05-10', '2023-04-10', '2023-03-10', '2023-02-10', '2023-01-10']);
    expect(doc.querySelectorAll('select[name="issuer"] option')).toHaveLength(7);
    expect(doc.querySelector('select[name="year"]')).toBeNull();
  });

  it('the chart’s text equivalent has the numbers drawn, rectified only where stated', () => {
    const { drawn, table } = chartNumbers(doc);
    expect(table).toHaveLength(6);
    expect(drawn.map((d) => d.issuer)).toEqual(table.map((t) => t.issuer));
    for (const [i, d] of drawn.entries()) {
      expect(d.problems, d.issuer).toBe(table[i].problems);
      expect(d.done === undefined ? '未说明' : String(d.done), d.issuer).toBe(table[i].done);
      expect(d.bars).toBe(d.done === undefined ? 1 : 2);
    }
    const byIssuer = Object.fromEntries(table.map((t) => [t.issuer, t.done]));
    expect(byIssuer['中共测试甲集团有限公司委员会']).toBe('1');
    expect(byIssuer['中共测试乙集团有限公司委员会']).toBe('0');
    expect(byIssuer['中共测试丙集团有限公司委员会']).toBe('未说明');
  });

  it('lists the progress of the notices that state it', () => {
    const items = doc.querySelectorAll('.progress-list li');
    expect(items.map((li) => text(li.querySelector('.progress-text')))).toEqual([
      '整改进度：已完成整改 0 个，共 1 个（0%）',
      '整改进度：已完成整改 1 个，共 1 个（100%）',
    ]);
    expect(text(doc.querySelector('.ledger-progress'))).toContain('另有 4 份通报没有说明已完成整改的问题数');
  });

  it('shows a notice’s stated progress in its header, right after the metadata, out of the search index', () => {
    const notice = page(dir, 'notices/2023-01-10-alpha');
    const bar = notice.querySelector('.notice-head .progress')!;
    expect(bar).toBeTruthy();
    expect(bar.hasAttribute('data-pagefind-ignore')).toBe(true);
    expect(text(bar)).toBe('整改进度：已完成整改 1 个，共 1 个（100%）');
    expect(bar.querySelector('svg')!.getAttribute('aria-hidden')).toBe('true');
    expect(bar.querySelector('rect.progress-done')!.getAttribute('width')).toBe('100');
    const order = notice
      .querySelector('.notice-head')!
      .childNodes.filter((n) => n.nodeType === 1)
      .map((n) => (n as HTMLElement).classNames || (n as HTMLElement).tagName);
    expect(order.indexOf('progress')).toBeGreaterThan(order.indexOf('notice-meta'));
    const none = page(dir, 'notices/2023-02-10-beta').querySelector('rect.progress-done')!;
    expect(none.getAttribute('width')).toBe('0');
    expect(page(dir, 'notices/2023-03-10-gamma').querySelector('.progress')).toBeNull();
  });
});

describe('ledger split by year (fixture corpus built with a threshold of 5 problems)', () => {
  let dir: string;
  beforeAll(() => {
    dir = buildLedgerFixture('split');
  });

  it('/ledger/ keeps the summary and the chart and links to one page per year, newest first', () => {
    const doc = page(dir, 'ledger');
    expect(doc.querySelector('table.ledger-table')).toBeNull();
    expect(text(doc.querySelector('.ledger-summary'))).toContain('2022年至2023年，共 4 份通报、3 个发布机构，列出巡察反馈的问题 10 个');
    expect(doc.querySelectorAll('.ledger-years li').map(text)).toEqual(['2023年：2 份通报，5 个问题', '2022年：2 份通报，5 个问题']);
    expect(doc.querySelectorAll('.ledger-years a').map((a) => a.getAttribute('href'))).toEqual(['/ledger/2023/', '/ledger/2022/']);
    const { drawn, table } = chartNumbers(doc);
    expect(table).toEqual([
      { issuer: '中共测试北方集团有限公司委员会', notices: 2, problems: 5, done: '18' },
      { issuer: '中共测试东方集团有限公司委员会', notices: 1, problems: 3, done: '3' },
      { issuer: '中共测试南方集团有限公司委员会', notices: 1, problems: 2, done: '未说明' },
    ]);
    expect(drawn.map((d) => [d.problems, d.done])).toEqual([
      [5, 18],
      [3, 3],
      [2, undefined],
    ]);
  });

  it('each year page is a complete table of that year, linking to existing anchors', () => {
    const all: Row[] = [];
    for (const year of ['2023', '2022']) {
      const doc = page(dir, `ledger/${year}`);
      const rows = rowsOf(doc);
      expect(rows).toHaveLength(5);
      expect(rows.every((r) => r.date.startsWith(year))).toBe(true);
      expect(text(doc.querySelector('h1'))).toBe(`整改台账（${year}年）`);
      expect(doc.querySelector('select[name="year"]')).toBeNull();
      expect(doc.querySelector(`.ledger-year-nav a[aria-current="page"]`)!.getAttribute('href')).toBe(`/ledger/${year}/`);
      for (const row of rows) {
        const [path, id] = row.href.split('#');
        expect(existsSync(join(dir, path, 'index.html')), row.href).toBe(true);
        expect(page(dir, path).querySelector(`#${id}`), row.href).toBeTruthy();
      }
      all.push(...rows);
    }
    expect(all.map((r) => r.title)).toEqual([
      '关于“东方集团财务管理不严格”的问题',
      '关于“东方集团制度执行不严格”的问题',
      '关于“东方集团档案管理不规范”的问题',
      '关于“北方集团干部队伍建设不力”的问题',
      '关于“北方集团选人用人不规范”的问题',
      '关于“南方集团采购管理混乱”的问题',
      '南方集团安全生产责任落实不到位',
      '关于“北方集团决策程序不规范”的问题',
      '关于“北方集团ＡＢＣ系统建设滞后”的问题',
      '关于“北方集团审计整改不彻底”的问题',
    ]);
    expect(all.map((r) => r.measures).join(' ')).toBe('3 2 0 2 1 4 1 3 1 2');
    expect(all[5].place).toBe('二、整改进展情况');
  });

  it('with the default threshold there are no year pages', () => {
    expect(existsSync(join(BUILDS.root.dir, 'ledger/2023'))).toBe(false);
    expect(listFiles(join(SEARCH_FIXTURE.dir, 'ledger'))).toEqual(['index.html']);
  });
});
