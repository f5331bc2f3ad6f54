// The 索引号 module: its form, the next free number, the rules across notices (alone and inside checkContent,
// cached or not), and how a new notice gets its number.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/notice/check';
import { CheckCache } from '../../../src/notice/check-cache';
import { formatDiagnostic } from '../../../src/base/diagnostics';
import { readNoticeFile } from '../../../src/notice/file';
import {
  checkIndexNumbers,
  formatIndexNumber,
  IndexNumberError,
  indexNumberFor,
  indexNumbersIn,
  nextIndexNumber,
  noticeYear,
  parseIndexNumber,
  withIndexNumber,
  type IndexedNotice,
} from '../../../src/notice/index-number';
import { skeletonNotice } from '../../../src/notice/skeleton';
import { lineStartingWith, SAMPLE_NAME, sampleText } from '../../helpers/fixtures';
import { copyOfContent, tempDir } from '../../helpers/temp';

const PREFIX = '91420100MA4KX0000X';

describe('formatIndexNumber and parseIndexNumber', () => {
  it('write and read <prefix>/<year>-<5-digit sequence>', () => {
    expect(formatIndexNumber('000014349', 2017, 110)).toBe('000014349/2017-00110');
    expect(formatIndexNumber(PREFIX, '2023', 1)).toBe(`${PREFIX}/2023-00001`);
    expect(parseIndexNumber('000014349/2017-00110')).toEqual({ prefix: '000014349', year: 2017, sequence: 110 });
    expect(parseIndexNumber(` ${PREFIX}/2023-99999 `)).toEqual({ prefix: PREFIX, year: 2023, sequence: 99999 });
    expect(parseIndexNumber('a-b-1/2024-00002')).toEqual({ prefix: 'a-b-1', year: 2024, sequence: 2 });
  });

  it.each(['011043-2023-00012', `${PREFIX}/2023-1`, `${PREFIX}/23-00001`, `${PREFIX}/2023-000001`, '/2023-00001', `${PREFIX}／2023-00001`])(
    'reads %s as not in the usual form',
    (value) => expect(parseIndexNumber(value)).toBeUndefined(),
  );

  it('refuses a sequence that 5 digits cannot hold', () => {
    expect(() => formatIndexNumber(PREFIX, 2023, 0)).toThrow(RangeError);
    expect(() => formatIndexNumber(PREFIX, 2023, 100000)).toThrow(RangeError);
    expect(() => formatIndexNumber(PREFIX, 2023, 1.5)).toThrow(RangeError);
  });
});

describe('nextIndexNumber', () => {
  it('starts a year at 00001', () => {
    expect(nextIndexNumber(PREFIX, 2023, [])).toBe(`${PREFIX}/2023-00001`);
  });

  it('takes the highest sequence used + 1, never filling a gap (a number once published is not given again)', () => {
    const existing = [`${PREFIX}/2023-00001`, `${PREFIX}/2023-00007`, `${PREFIX}/2023-00003`];
    expect(nextIndexNumber(PREFIX, 2023, existing)).toBe(`${PREFIX}/2023-00008`);
  });

  it('counts only its own prefix and year, and skips other forms and notices without a number', () => {
    const existing = [`${PREFIX}/2022-00040`, `000014349/2023-00110`, `${PREFIX}-2023-00050`, undefined, `${PREFIX}/2023-00002`];
    expect(nextIndexNumber(PREFIX, 2023, existing)).toBe(`${PREFIX}/2023-00003`);
    expect(nextIndexNumber(PREFIX, '2024', existing)).toBe(`${PREFIX}/2024-00001`);
  });

  it('says when a year has no free number left', () => {
    expect(() => nextIndexNumber(PREFIX, 2023, [`${PREFIX}/2023-99999`])).toThrow(IndexNumberError);
    expect(() => nextIndexNumber(PREFIX, 2023, [`${PREFIX}/2023-99999`])).toThrow(/2023 年没有空号了/);
  });

  it('counts the year of publication, which is the date unless published says otherwise', () => {
    expect(noticeYear({ date: '2023-12-30' })).toBe(2023);
    expect(noticeYear({ date: '2023-12-30', published: '2024-01-05' })).toBe(2024);
  });
});

/** A notice as checkContent hands it over, with its indexNumber on line 5. */
const notice = (file: string, indexNumber?: string, date = '2023-09-20', published?: string): IndexedNotice => ({
  file: `content/notices/${file}`,
  data: { date, ...(published && { published }), ...(indexNumber !== undefined && { indexNumber }) },
  fieldLines: { title: 2, date: 4, ...(indexNumber !== undefined && { indexNumber: 5 }) },
});
const check = (notices: IndexedNotice[], prefix?: string) => checkIndexNumbers(notices, prefix, 'content/notices').map(formatDiagnostic);

describe('checkIndexNumbers with the site’s indexNumberPrefix', () => {
  it('passes numbers in the form with that prefix', () => {
    expect(check([notice('a.md', `${PREFIX}/2023-00001`), notice('b.md', `${PREFIX}/2024-00001`, '2024-01-02')], PREFIX)).toEqual([]);
  });

  it('refuses another form at the line of the field, with the form and an example from the real prefix', () => {
    expect(check([notice('a.md', `${PREFIX}/2023-00001`), notice('b.md', '011043-2023-00012')], PREFIX)).toEqual([
      `错误 content/notices/b.md:5: indexNumber（索引号）：索引号“011043-2023-00012”的写法不对。索引号应写成“${PREFIX}/年份-5 位序号”（前缀是 indexNumberPrefix，年份是发布年份），例如 ${PREFIX}/2023-00002（这一年的下一个空号）。请改正。`,
    ]);
  });

  it('names a prefix that is not the site’s, and counts the example in the year of publication', () => {
    const diagnostics = checkIndexNumbers([notice('a.md', '000014349/2023-00110', '2023-12-30', '2024-01-05')], PREFIX, 'content/notices');
    expect(diagnostics).toEqual([
      {
        file: 'content/notices/a.md',
        line: 5,
        field: 'indexNumber',
        severity: 'error',
        message: `索引号“000014349/2023-00110”的前缀 000014349 与网站配置 site.yaml 的 indexNumberPrefix 不同。索引号应写成“${PREFIX}/年份-5 位序号”（前缀是 indexNumberPrefix，年份是发布年份），例如 ${PREFIX}/2024-00001（这一年的下一个空号）。请改正。`,
      },
    ]);
  });

  it('refuses the same number in two notices, on the second, naming both files', () => {
    const same = `${PREFIX}/2023-00001`;
    expect(check([notice('a.md', same), notice('b.md', `${PREFIX}/2023-00002`), notice('c.md', same)], PREFIX)).toEqual([
      `错误 content/notices/c.md:5: indexNumber（索引号）：与 content/notices/a.md 的索引号相同（${same}）：一个索引号只能标识一份文件。已经发布的索引号不要改，请给后发布的一份另编一个：例如 ${PREFIX}/2023-00003（这一年的下一个空号）。`,
    ]);
  });

  it('lists the notices without a number in one warning, each with the exact number to write, never the same twice', () => {
    const diagnostics = checkIndexNumbers(
      [notice('a.md', `${PREFIX}/2023-00004`), notice('b.md'), notice('c.md', undefined, '2024-03-01'), notice('d.md')],
      PREFIX,
      'content/notices',
    );
    expect(diagnostics).toEqual([
      {
        file: 'content/notices',
        field: 'indexNumber',
        severity: 'warning',
        message: `3 份通报没有索引号：b.md（indexNumber: ${PREFIX}/2023-00005）、c.md（indexNumber: ${PREFIX}/2024-00001）、d.md（indexNumber: ${PREFIX}/2023-00006）。npm run new 和 npm run import 新建的通报会自动写上索引号；已有的通报请在文件头 date 的下一行写上括号里的那一行（按发布年份接着已用的最大序号编排）。`,
      },
    ]);
  });

  it('names at most 20 notices without a number, and counts the rest', () => {
    const many = Array.from({ length: 23 }, (_, i) => notice(`n${String(i + 1).padStart(2, '0')}.md`));
    const [warning] = check(many, PREFIX);
    expect(warning).toMatch(
      /^警告 content\/notices: indexNumber（索引号）：23 份通报没有索引号：n01\.md（indexNumber: [^）]+\/2023-00001）、/,
    );
    expect(warning).toContain(`n20.md（indexNumber: ${PREFIX}/2023-00020），另有 3 份。`);
    expect(warning).not.toContain('n21.md');
    expect(check(many, PREFIX)).toHaveLength(1);
  });

  it('leaves a notice whose frontmatter did not pass to its own errors', () => {
    expect(check([{ file: 'content/notices/bad.md' }, notice('a.md', `${PREFIX}/2023-00001`)], PREFIX)).toEqual([]);
  });
});

describe('checkIndexNumbers without a prefix', () => {
  it('still refuses two documents sharing a number, in any form', () => {
    expect(check([notice('a.md', '011043-2023-00012'), notice('b.md', '011043-2023-00012')])).toEqual([
      '错误 content/notices/b.md:5: indexNumber（索引号）：与 content/notices/a.md 的索引号相同（011043-2023-00012）：一个索引号只能标识一份文件。已经发布的索引号不要改，请给后发布的一份另编一个索引号。',
    ]);
  });

  it('checks neither the form nor missing numbers', () => {
    expect(check([notice('a.md', '011043-2023-00012'), notice('b.md'), notice('c.md', `${PREFIX}/2023-1`)])).toEqual([]);
  });
});

describe('the rules in checkContent', () => {
  /** The sample content with the prefix set and a second notice (another title) carrying `indexNumber`. */
  function setUp(sampleNumber: string | undefined, secondNumber: string) {
    const { dir, content } = copyOfContent();
    writeFileSync(join(content, 'site.yaml'), `${readFileSync(join(content, 'site.yaml'), 'utf8')}indexNumberPrefix: ${PREFIX}\n`);
    const withNumber = (text: string, value: string | undefined) =>
      value === undefined ? text : text.replace(/^date: .*\n/m, (line) => `${line}# 索引号\nindexNumber: ${value}\n`);
    writeFileSync(join(content, 'notices', SAMPLE_NAME), withNumber(sampleText(), sampleNumber));
    const second = withNumber(sampleText().replace(/^title: .*$/m, 'title: 第二份通报'), secondNumber);
    writeFileSync(join(content, 'notices', '2023-09-21-second.md'), second);
    return { dir, content, second, cacheFile: join(tempDir(), 'check.json') };
  }

  it('reports a duplicate at the line of the indexNumber field, from a fresh check and from the cache', () => {
    const same = `${PREFIX}/2023-00001`;
    const { dir, content, second, cacheFile } = setUp(same, same);
    const expected = [
      `错误 content/notices/2023-09-21-second.md:${lineStartingWith(second, 'indexNumber:')}: indexNumber（索引号）：与 content/notices/${SAMPLE_NAME} 的索引号相同（${same}）：一个索引号只能标识一份文件。已经发布的索引号不要改，请给后发布的一份另编一个：例如 ${PREFIX}/2023-00002（这一年的下一个空号）。`,
    ];
    expect(checkContent(content, dir, new CheckCache(cacheFile)).diagnostics.map(formatDiagnostic)).toEqual(expected);
    const cached = new CheckCache(cacheFile);
    expect(checkContent(content, dir, cached).diagnostics.map(formatDiagnostic)).toEqual(expected);
    expect(cached.hits).toBe(2);
  });

  it('applies a prefix set after the notices were checked and cached (the rules are not cached)', () => {
    const { dir, content, cacheFile } = setUp(`${PREFIX}/2023-00001`, '011043-2023-00012');
    const site = join(content, 'site.yaml');
    const withPrefix = readFileSync(site, 'utf8');
    writeFileSync(site, withPrefix.replace(/^indexNumberPrefix: .*\n/m, ''));
    expect(checkContent(content, dir, new CheckCache(cacheFile)).diagnostics).toEqual([]);
    writeFileSync(site, withPrefix);
    const cached = new CheckCache(cacheFile);
    const diagnostics = checkContent(content, dir, cached).diagnostics;
    expect(cached.hits).toBe(2);
    expect(diagnostics.map((d) => [d.file, d.line, d.field, d.severity])).toEqual([
      ['content/notices/2023-09-21-second.md', 6, 'indexNumber', 'error'],
    ]);
  });

  it('warns about a notice without a number, naming it with the number to write', () => {
    const { dir, content } = setUp(undefined, `${PREFIX}/2023-00001`);
    expect(checkContent(content, dir).diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^警告 content/notices: indexNumber（索引号）：1 份通报没有索引号：${SAMPLE_NAME}（indexNumber: ${PREFIX}/2023-00002）。`,
        ),
      ),
    ]);
  });
});

describe('numbering a new notice', () => {
  const fields = { title: '襄江城投关于巡察整改进展情况的通报', issuer: '中共襄江城投委员会', date: '2024-09-10' };
  const skeleton = skeletonNotice(fields, { phone: '0710-3512345' });

  it('writes indexNumber on the line after date, and the notice still passes the per-file check', () => {
    const markdown = withIndexNumber(skeleton, `${PREFIX}/2024-00001`);
    expect(markdown.split('\n').slice(0, 6)).toEqual([
      '---',
      `title: ${fields.title}`,
      `issuer: ${fields.issuer}`,
      'date: 2024-09-10',
      `indexNumber: ${PREFIX}/2024-00001`,
      expect.stringMatching(/^# 可选字段/),
    ]);
    expect(markdown.replace(`indexNumber: ${PREFIX}/2024-00001\n`, '')).toBe(skeleton);
    const read = readNoticeFile('x.md', Buffer.from(markdown));
    expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(read.data?.indexNumber).toBe(`${PREFIX}/2024-00001`);
    expect(read.fieldLines?.indexNumber).toBe(5);
  });

  it('quotes a kept number that YAML would otherwise misread', () => {
    const markdown = withIndexNumber(skeleton, '编号: 12 #3');
    expect(readNoticeFile('x.md', Buffer.from(markdown)).data?.indexNumber).toBe('编号: 12 #3');
  });

  it('refuses Markdown without a date line (a defect, not a user mistake)', () => {
    expect(() => withIndexNumber('---\ntitle: x\n---\n\n正文\n', `${PREFIX}/2024-00001`)).toThrow(/no date line/);
  });

  it('counts from the notices in the folder, skipping one that cannot be read, and keeps a replaced notice’s number', () => {
    const dir = join(tempDir(), 'notices');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.md'), withIndexNumber(skeleton, `${PREFIX}/2024-00003`));
    writeFileSync(join(dir, 'b.md'), `---\ntitle: [broken\nindexNumber: ${PREFIX}/2024-00009\n---\n`);
    writeFileSync(join(dir, 'c.md'), withIndexNumber(skeleton, '011043-2024-00012'));
    writeFileSync(join(dir, 'notes.txt'), `indexNumber: ${PREFIX}/2024-00050\n`);
    expect(indexNumbersIn(dir).sort()).toEqual(['011043-2024-00012', `${PREFIX}/2024-00003`]);
    expect(indexNumbersIn(join(dir, 'none'))).toEqual([]);

    expect(indexNumberFor(skeleton, { prefix: PREFIX, dir })).toEqual({ value: `${PREFIX}/2024-00004`, kept: false });
    expect(indexNumberFor(skeleton, { prefix: PREFIX, dir, replacing: join(dir, 'c.md') })).toEqual({
      value: '011043-2024-00012',
      kept: true,
    });
    // A replaced notice keeps its number even when the site has no prefix: an existing number never changes.
    expect(indexNumberFor(skeleton, { dir, replacing: join(dir, 'a.md') })).toEqual({ value: `${PREFIX}/2024-00003`, kept: true });
    expect(indexNumberFor(skeleton, { dir, replacing: join(dir, 'b.md') })).toBeUndefined();
    expect(indexNumberFor(skeleton, { prefix: PREFIX, dir, replacing: join(dir, 'b.md') })).toEqual({
      value: `${PREFIX}/2024-00004`,
      kept: false,
    });
  });

  it('numbers a notice in the year it is published', () => {
    const dir = join(tempDir(), 'notices');
    const published = skeleton.replace('date: 2024-09-10\n', 'date: 2024-09-10\npublished: 2025-01-02\n');
    expect(indexNumberFor(published, { prefix: PREFIX, dir })).toEqual({ value: `${PREFIX}/2025-00001`, kept: false });
  });
});
