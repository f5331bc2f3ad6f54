// The ledger's pure parts (src/ledger/ledger): rows from notices, Chinese substring matching with
// full-/half-width folding, sorting that keeps a notice's problems in order, the split by year, the
// per-issuer totals and the chart's geometry.
import { describe, expect, it } from 'vitest';
import {
  buildRows,
  chartLayout,
  chartTotals,
  filterRows,
  keepsRow,
  issuerTotals,
  LEDGER_SPLIT_AT,
  ledgerSplitAt,
  matchesTerms,
  nextSort,
  comparableText,
  parseSort,
  formatSort,
  planLedger,
  problemTitle,
  progressPercent,
  progressText,
  queryTerms,
  rowText,
  sortRows,
  summarise,
  type LedgerNotice,
} from '../../../src/ledger/ledger';
import type { ProblemSummary } from '../../../src/notice/outline';

const section = { id: 's2', label: '二、', heading: '二、整改进展情况及成效' };
const group = (n: number, heading: string) => ({ id: `s2-g${n}`, label: `（${n}）`, heading });

function problem(id: string, title: string, measures: number, g?: ReturnType<typeof group>): ProblemSummary {
  const label = `${id.slice(-1)}、`;
  // A title ending in 。 stands for a heading not in the 关于“…”的问题 form.
  const heading = title.endsWith('。') ? `${label}${title}` : `${label}关于“${title}”的问题。`;
  return { id, label, heading, title, section, ...(g && { group: g }), measures };
}

function notice(
  id: string,
  issuer: string,
  date: string,
  problems: ProblemSummary[],
  progress?: { total: number; done: number },
): LedgerNotice {
  return { id, data: { title: `${issuer}关于巡察整改进展情况的通报`, issuer, date, problems, ...(progress && { progress }) } };
}

const G1 = group(1, '（一）关于“党的领导作用发挥不充分”的问题。');
// Newest first, as getNotices() gives them.
const NOTICES: LedgerNotice[] = [
  notice(
    '2023-08-01-east',
    '东方集团党委',
    '2023-08-01',
    [problem('s2-g1-p1', '东方集团财务管理不严格', 3, G1), problem('s2-g1-p2', '东方集团档案管理不规范', 0, G1)],
    {
      total: 3,
      done: 3,
    },
  ),
  notice('2022-11-20-south', '南方集团党委', '2022-11-20', [
    problem('s2-p1', '南方集团采购管理混乱', 4),
    problem('s2-p2', '南方集团安全生产责任落实不到位。', 1),
  ]),
  notice(
    '2022-03-15-north',
    '北方集团党委',
    '2022-03-15',
    [problem('s2-g1-p1', '北方集团ＡＢＣ系统建设滞后', 1, G1), problem('s2-g1-p2', '北方集团决策程序不规范', 3, G1)],
    {
      total: 18,
      done: 16,
    },
  ),
];

describe('buildRows', () => {
  const rows = buildRows(NOTICES, '/');

  it('gives one row per problem, notices in the given order and problems in the notice order', () => {
    expect(rows.map((r) => `${r.noticeId}#${r.href.split('#')[1]}`)).toEqual([
      '2023-08-01-east#s2-g1-p1',
      '2023-08-01-east#s2-g1-p2',
      '2022-11-20-south#s2-p1',
      '2022-11-20-south#s2-p2',
      '2022-03-15-north#s2-g1-p1',
      '2022-03-15-north#s2-g1-p2',
    ]);
    expect(rows.map((r) => r.order)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('carries the date, year, issuer, place and measures, and names the problem as 关于“…”的问题', () => {
    expect(rows[0]).toEqual({
      order: 0,
      noticeId: '2023-08-01-east',
      notice: '东方集团党委关于巡察整改进展情况的通报',
      date: '2023-08-01',
      year: '2023',
      issuer: '东方集团党委',
      title: '关于“东方集团财务管理不严格”的问题',
      section: '二、整改进展情况及成效',
      group: '（一）关于“党的领导作用发挥不充分”的问题',
      measures: 3,
      href: '/notices/2023-08-01-east/#s2-g1-p1',
    });
    // A problem directly under its section has no group.
    expect(rows[2].group).toBeUndefined();
    // A heading that was not in the 关于“…”的问题 form is shown as written.
    expect(rows[3].title).toBe('南方集团安全生产责任落实不到位');
  });

  it('links into the notice under a sub-path', () => {
    expect(buildRows(NOTICES, '/gongshi/')[0].href).toBe('/gongshi/notices/2023-08-01-east/#s2-g1-p1');
    expect(buildRows(NOTICES, 'gongshi')[0].href).toBe('/gongshi/notices/2023-08-01-east/#s2-g1-p1');
  });

  it('problemTitle is the heading as written, without its numbering and closing full stop', () => {
    expect(problemTitle({ label: '1、', heading: '1、关于“测试不严格”的问题。' })).toBe('关于“测试不严格”的问题');
    expect(problemTitle({ label: '2、', heading: '2、存在的突出问题' })).toBe('存在的突出问题');
    expect(problemTitle({ label: '3、', heading: '3、安全责任不到位。' })).toBe('安全责任不到位');
    // A problem written as fields is named by its words, not by the field's label.
    expect(problemTitle({ label: '1.', heading: '1.反馈问题：财务管理不规范。' })).toBe('财务管理不规范');
    expect(problemTitle({ label: '', heading: '存在问题：制度不健全' })).toBe('制度不健全');
  });

  it('carries each problem’s 整改状态, and finds rows by it', () => {
    const notice = {
      id: 'x',
      data: {
        title: 't',
        issuer: '某局',
        date: '2023-09-10',
        problems: [
          {
            id: 's1-p1',
            label: '1.',
            heading: '1.反馈问题：甲。',
            title: '甲',
            section: { id: 's1', label: '一、', heading: '一、乙' },
            measures: 1,
            status: '持续推进',
          },
          {
            id: 's1-p2',
            label: '2.',
            heading: '2.反馈问题：丙。',
            title: '丙',
            section: { id: 's1', label: '一、', heading: '一、乙' },
            measures: 0,
          },
        ],
      },
    };
    const rows = buildRows([notice], '/');
    expect(rows.map((r) => r.status)).toEqual(['持续推进', undefined]);
    expect(filterRows(rows, { query: '持续推进' }).map((r) => r.title)).toEqual(['甲']);
  });
});

describe('matching', () => {
  it('folds full-width letters, digits and quotes, case and spaces', () => {
    expect(comparableText('ＡＢＣ　系统２０２２年')).toBe('abc系统2022年');
    expect(comparableText('关于“测试”的问题')).toBe(comparableText('关于"测试"的问题'));
  });

  it('splits a query into words on spaces, commas and 、', () => {
    expect(queryTerms('  财务  管理，东方、Ａ ')).toEqual(['财务', '管理', '东方', 'a']);
    expect(queryTerms('   ')).toEqual([]);
  });

  it('is a Chinese substring match: characters in a row, every word', () => {
    const text = rowText({ title: '关于“东方集团财务管理不严格”的问题', section: '二、整改进展情况', issuer: '东方集团党委' });
    expect(matchesTerms(text, queryTerms('财务管理'))).toBe(true);
    expect(matchesTerms(text, queryTerms('财务 严格'))).toBe(true);
    // The same characters, not in a row.
    expect(matchesTerms(text, queryTerms('财管'))).toBe(false);
    expect(matchesTerms(text, queryTerms('财务 采购'))).toBe(false);
    // Section and issuer are searched too.
    expect(matchesTerms(text, queryTerms('整改进展'))).toBe(true);
    expect(matchesTerms(text, queryTerms('东方集团党委'))).toBe(true);
    expect(matchesTerms(text, [])).toBe(true);
  });

  it('filterRows combines issuer, year and text, and ignores full-/half-width differences', () => {
    const rows = buildRows(NOTICES, '/');
    const ids = (filter: Parameters<typeof filterRows>[1]) => filterRows(rows, filter).map((r) => `${r.noticeId}#${r.href.split('#')[1]}`);
    expect(ids({})).toHaveLength(6);
    expect(ids({ issuer: '南方集团党委' })).toEqual(['2022-11-20-south#s2-p1', '2022-11-20-south#s2-p2']);
    expect(ids({ year: '2022' })).toHaveLength(4);
    expect(ids({ year: '2022', query: '管理' })).toEqual(['2022-11-20-south#s2-p1']);
    expect(ids({ query: 'abc' })).toEqual(['2022-03-15-north#s2-g1-p1']);
    expect(ids({ query: 'ＡＢＣ系统' })).toEqual(['2022-03-15-north#s2-g1-p1']);
    expect(ids({ query: '党的领导' })).toHaveLength(4);
    expect(ids({ issuer: '南方集团党委', query: '党的领导' })).toEqual([]);
  });

  it('keepsRow also matches the text the row is shown in (Traditional), read only when its own text does not match', () => {
    const row = { issuer: '东方集团党委', year: '2023', text: comparableText('财务管理不规范') };
    let reads = 0;
    const shown = () => (reads++, comparableText('財務管理不規範'));
    expect(keepsRow(row, { issuer: '', year: '', terms: queryTerms('財務') }, shown)).toBe(true);
    expect(reads).toBe(1);
    expect(keepsRow(row, { issuer: '', year: '', terms: queryTerms('财务') }, shown)).toBe(true);
    expect(reads).toBe(1);
    expect(keepsRow(row, { issuer: '', year: '', terms: queryTerms('財務') })).toBe(false);
    expect(keepsRow(row, { issuer: '', year: '2022', terms: queryTerms('财务') }, shown)).toBe(false);
    expect(keepsRow(row, { issuer: '南方集团党委', year: '', terms: [] }, shown)).toBe(false);
  });
});

describe('sorting', () => {
  const rows = buildRows(NOTICES, '/');
  const order = (sorted: typeof rows) => sorted.map((r) => r.order);

  it('by date, both ways, keeps each notice’s problems in the notice order', () => {
    expect(order(sortRows(rows, { key: 'date', direction: 'descending' }))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(order(sortRows(rows, { key: 'date', direction: 'ascending' }))).toEqual([4, 5, 2, 3, 0, 1]);
  });

  it('by number of measures, ties in the default order', () => {
    expect(sortRows(rows, { key: 'measures', direction: 'ascending' }).map((r) => r.measures)).toEqual([0, 1, 1, 3, 3, 4]);
    expect(order(sortRows(rows, { key: 'measures', direction: 'ascending' }))).toEqual([1, 3, 4, 0, 5, 2]);
    expect(order(sortRows(rows, { key: 'measures', direction: 'descending' }))).toEqual([2, 0, 5, 3, 4, 1]);
  });

  it('by issuer and by problem in Chinese (pinyin) order', () => {
    // 北 běi < 东 dōng < 南 nán
    expect([...new Set(sortRows(rows, { key: 'issuer', direction: 'ascending' }).map((r) => r.issuer))]).toEqual([
      '北方集团党委',
      '东方集团党委',
      '南方集团党委',
    ]);
    expect([...new Set(sortRows(rows, { key: 'issuer', direction: 'descending' }).map((r) => r.issuer))]).toEqual([
      '南方集团党委',
      '东方集团党委',
      '北方集团党委',
    ]);
    const titles = sortRows(rows, { key: 'title', direction: 'ascending' }).map((r) => r.title);
    // 关于 (guān) sorts the 关于“…”的问题 titles together, 北方 before 东方; 南 (nán) after 关 (guān).
    expect(titles.slice(0, 2).every((t) => t.startsWith('关于“北方'))).toBe(true);
    expect(titles.slice(2, 4).every((t) => t.startsWith('关于“东方'))).toBe(true);
    expect(titles.at(-1)).toBe('南方集团安全生产责任落实不到位');
  });

  it('does not change the rows it is given', () => {
    const copy = [...rows];
    sortRows(rows, { key: 'measures', direction: 'descending' });
    expect(rows).toEqual(copy);
  });

  it('a header press sorts by that column ascending, a second press descending', () => {
    expect(nextSort({ key: 'date', direction: 'descending' }, 'measures')).toEqual({ key: 'measures', direction: 'ascending' });
    expect(nextSort({ key: 'measures', direction: 'ascending' }, 'measures')).toEqual({ key: 'measures', direction: 'descending' });
    expect(nextSort({ key: 'date', direction: 'descending' }, 'date')).toEqual({ key: 'date', direction: 'ascending' });
  });

  it('sort in the address: -date ⇄ date descending; anything else is ignored', () => {
    expect(formatSort({ key: 'date', direction: 'descending' })).toBe('-date');
    expect(parseSort('-date')).toEqual({ key: 'date', direction: 'descending' });
    expect(parseSort('measures')).toEqual({ key: 'measures', direction: 'ascending' });
    for (const bad of ['', null, 'place', '--date', 'date;x']) expect(parseSort(bad)).toBeUndefined();
  });
});

describe('the split by year', () => {
  it('keeps one table up to the threshold, and splits above it; years newest first', () => {
    expect(planLedger(NOTICES, 6).split).toBe(false);
    const plan = planLedger(NOTICES, 5);
    expect(plan.split).toBe(true);
    expect(plan.years.map((y) => [y.year, y.notices.map((n) => n.id), y.problems])).toEqual([
      ['2023', ['2023-08-01-east'], 2],
      ['2022', ['2022-11-20-south', '2022-03-15-north'], 4],
    ]);
  });

  it('splits at 2,000 problems by default: a portal of 10,000 notices gets a page per year', () => {
    const many = (n: number, year: string) =>
      Array.from({ length: n }, (_, i) =>
        notice(
          `${year}-${i}`,
          '某集团党委',
          `${year}-01-01`,
          Array.from({ length: 15 }, (_, k) => problem(`s2-p${k + 1}`, `问题${k}`, 1)),
        ),
      );
    expect(planLedger(many(133, '2023')).split).toBe(false); // 1,995 problems
    const big = planLedger([...many(5000, '2024'), ...many(5000, '2023')]);
    expect(big.split).toBe(true);
    expect(big.years.map((y) => y.problems)).toEqual([75000, 75000]);
  });

  it('reads the threshold from GONGSHI_LEDGER_SPLIT_AT (tests), else the default', () => {
    expect(ledgerSplitAt({ GONGSHI_LEDGER_SPLIT_AT: '5' })).toBe(5);
    expect(ledgerSplitAt({ GONGSHI_LEDGER_SPLIT_AT: 'x' })).toBe(LEDGER_SPLIT_AT);
    expect(ledgerSplitAt({ GONGSHI_LEDGER_SPLIT_AT: '0' })).toBe(LEDGER_SPLIT_AT);
    expect(ledgerSplitAt({})).toBe(LEDGER_SPLIT_AT);
  });
});

describe('progress, totals and the chart', () => {
  it('says progress in words, never 100% before the last problem nor 0% after the first', () => {
    expect(progressText({ total: 18, done: 16 })).toBe('已完成整改 16 个，共 18 个（89%）');
    expect(progressPercent({ total: 3, done: 3 })).toBe(100);
    expect(progressPercent({ total: 200, done: 199 })).toBe(99);
    expect(progressPercent({ total: 1000, done: 1 })).toBe(1);
    expect(progressPercent({ total: 5, done: 0 })).toBe(0);
  });

  it('adds up per issuer, most problems first; rectified only where a notice states it', () => {
    const totals = issuerTotals([
      ...NOTICES,
      notice('2021-01-01-north', '北方集团党委', '2021-01-01', [problem('s2-p1', '北方集团旧问题', 2)]),
    ]);
    expect(totals).toEqual([
      { issuer: '北方集团党委', notices: 2, problems: 3, stated: 1, done: 16 },
      { issuer: '东方集团党委', notices: 1, problems: 2, stated: 1, done: 3 },
      { issuer: '南方集团党委', notices: 1, problems: 2, stated: 0 },
    ]);
  });

  it('summarises notices, problems, issuers, years and stated progress', () => {
    expect(summarise(NOTICES)).toEqual({
      notices: 3,
      problems: 6,
      issuers: 3,
      firstYear: '2022',
      lastYear: '2023',
      progress: { notices: 2, total: 21, done: 19 },
    });
    expect(summarise([NOTICES[1]]).progress).toBeUndefined();
  });

  it('the chart shows at most 20 issuers, the rest added up as one', () => {
    const totals = Array.from({ length: 25 }, (_, i) => ({
      issuer: `机构${i}`,
      notices: 1,
      problems: 100 - i,
      stated: i % 2,
      ...(i % 2 && { done: 1 }),
    }));
    const shown = chartTotals(totals);
    expect(shown).toHaveLength(20);
    expect(shown[18].issuer).toBe('机构18');
    expect(shown[19]).toEqual({ issuer: '其他 6 个发布机构', notices: 6, problems: 81 + 80 + 79 + 78 + 77 + 76, stated: 3, done: 3 });
    expect(chartTotals(totals.slice(0, 20))).toHaveLength(20);
  });

  it('lays out bars in proportion, names wrapped, blocks one below the other', () => {
    const layout = chartLayout(issuerTotals(NOTICES));
    const [north, east, south] = layout.bars;
    expect(layout.width).toBe(480);
    // The longest bar is the largest number: 北方 rectified 16.
    expect(north.doneWidth).toBe(340);
    expect(north.problemsWidth).toBe(42.5);
    expect(east.doneWidth).toBeCloseTo(east.problemsWidth * 1.5, 0);
    expect(south.done).toBeUndefined();
    expect(south.doneWidth).toBe(0);
    for (const b of layout.bars) expect(b.doneY).toBeGreaterThan(b.problemsY);
    expect(east.lines[0].y).toBeGreaterThan(north.doneY);
    expect(layout.height).toBeGreaterThan(south.doneY);
    const long = chartLayout([{ issuer: '中'.repeat(30), notices: 1, problems: 1, stated: 0 }]);
    expect(long.bars[0].lines.map((l) => l.text.length)).toEqual([24, 6]);
  });
});
