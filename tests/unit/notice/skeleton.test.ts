// The skeleton `npm run new` writes, its file name, and how its fields are given, asked for or defaulted.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyClosing, readContact, type ClosingKind } from '../../../src/notice/closing';
import { checkContent } from '../../../src/notice/check';
import { formatDiagnostic } from '../../../src/base/diagnostics';
import { slugFor } from '../../../src/base/slug';
import {
  contactLines,
  freeNoticeFileName,
  NewNoticeError,
  noticeFileName,
  parseIsoDate,
  resolveFields,
  skeletonNotice,
  todayInShanghai,
  type NoticeFields,
} from '../../../src/notice/skeleton';
import { readNoticeFile } from '../../../src/notice/file';
import { PLACEHOLDER, placeholderWarnings } from '../../../src/notice/placeholders';
import { readSiteConfig } from '../../../src/site/config';
import { CONTENT_DIR, SAMPLE_PATH, sampleBytes } from '../../helpers/fixtures';
import { copyOfContent } from '../../helpers/temp';
import { formatChineseDate } from '../../../src/base/format';

const site = readSiteConfig(join(CONTENT_DIR, 'site.yaml')).data!;
const FIELDS: NoticeFields = {
  title: '中共襄阳市襄江城市建设投资有限公司委员会关于巡察整改进展情况的通报',
  issuer: '中共襄阳市襄江城市建设投资有限公司委员会',
  date: '2024-09-10',
};

/** The texts of a notice's closing blocks and what each is, as the outline reads them. */
function closingOf(markdown: string) {
  const notice = readNoticeFile('skeleton.md', Buffer.from(markdown));
  return { notice, closing: notice.outline!.closing };
}

describe('skeletonNotice', () => {
  it('passes the notice checks, with the structure a notice has', () => {
    const { notice } = closingOf(skeletonNotice(FIELDS, site.contact));
    expect(notice.diagnostics).toEqual([]);
    expect(notice.data).toEqual(FIELDS);
    const outline = notice.outline!;
    expect(outline.sections.map((s) => s.heading)).toEqual(['一、巡察整改组织领导情况', '二、整改进展情况及成效', '三、下一步工作打算']);
    expect(outline.sections[1].groups.map((g) => g.heading)).toEqual([`（一）关于“${PLACEHOLDER}”的问题。`]);
    expect(outline.problems.map((p) => [p.id, p.heading])).toEqual([
      ['s2-g1-p1', `1、关于“${PLACEHOLDER}”的问题。`],
      ['s2-g1-p2', `2、关于“${PLACEHOLDER}”的问题。`],
    ]);
    for (const problem of outline.problems) expect(problem.measures.map((m) => m.marker)).toEqual(['一是', '二是']);
    expect(outline.signatureDate).toBe('2024-09-10');
    expect(outline.closing.map((c) => c.kind)).toEqual(['appeal', 'contact', 'contact', 'contact', 'signature', 'date']);
    expect(outline.closing.slice(-2).map((c) => c.text)).toEqual([FIELDS.issuer, '2024年9月10日']);
  });

  it('writes the site’s contact in labels the closing parser reads back', () => {
    const { closing } = closingOf(skeletonNotice(FIELDS, site.contact));
    const { contact, unplaced } = readContact(closing.map((c) => ({ text: c.text, line: c.line, kind: c.kind })));
    expect(unplaced).toEqual([]);
    expect(contact).toEqual({
      phone: [site.contact.phone],
      address: [site.contact.address],
      postcode: [site.contact.postcode],
      email: [site.contact.email],
      hours: [],
    });
  });

  it('adds the site’s hours when it has them, and reads back whatever contact it is given', () => {
    const contact = {
      phone: '0710-3512345',
      address: '襄阳市某某路1号',
      postcode: '441000',
      email: 'jw@example.cn',
      hours: '工作日 9:00—17:00',
    };
    const lines = contactLines(contact);
    expect(lines).toEqual([
      '联系电话：0710-3512345',
      '通信地址：襄阳市某某路1号，邮政编码：441000',
      '电子邮箱：jw@example.cn',
      '受理时间：工作日 9:00—17:00',
    ]);
    const texts = [...lines, FIELDS.issuer, '2024年9月10日'];
    const kinds = classifyClosing(texts);
    expect(kinds).toEqual(['contact', 'contact', 'contact', 'contact', 'signature', 'date']);
    const read = readContact(texts.map((text, i) => ({ text, line: i + 1, kind: kinds[i] as ClosingKind })));
    expect(read.contact).toEqual({
      phone: ['0710-3512345'],
      address: ['襄阳市某某路1号'],
      postcode: ['441000'],
      email: ['jw@example.cn'],
      hours: ['工作日 9:00—17:00'],
    });
    expect(contactLines({ phone: '12388' })).toEqual(['联系电话：12388']);
  });

  it('keeps a title that plain YAML would misread', () => {
    const fields = { ...FIELDS, title: '关于“巡察”整改: 第 #1 期 - [草稿] 的通报' };
    const { notice } = closingOf(skeletonNotice(fields, site.contact));
    expect(notice.diagnostics).toEqual([]);
    expect(notice.data?.title).toBe(fields.title);
  });

  it('passes checkContent in a content folder, with one warning for the placeholders', () => {
    const { dir, content } = copyOfContent();
    const name = freeNoticeFileName(join(content, 'notices'), FIELDS);
    writeFileSync(join(content, 'notices', name), skeletonNotice(FIELDS, site.contact));
    const result = checkContent(content, dir);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(
        new RegExp(`^警告 content/notices/${name}:\\d+: 还有 8 行留着占位的“……”（第 [\\d、]+ 行），会原样发布。.*npm run new`),
      ),
    ]);
    expect(result.notices.find((n) => n.file.endsWith(name))?.problemCount).toBe(2);
  });
});

describe('placeholderWarnings', () => {
  it('says nothing about a finished notice', () => {
    expect(placeholderWarnings(readNoticeFile(SAMPLE_PATH, sampleBytes()))).toEqual([]);
  });

  it('points at the first placeholder line and lists them all, in file lines', () => {
    const markdown = skeletonNotice(FIELDS, site.contact);
    const [warning] = placeholderWarnings(readNoticeFile('x.md', Buffer.from(markdown)));
    const lines = markdown.split('\n').flatMap((text, i) => (text.includes(PLACEHOLDER) ? [i + 1] : []));
    expect(warning).toMatchObject({ file: 'x.md', line: lines[0], severity: 'warning' });
    expect(warning.message).toContain(`（第 ${lines.join('、')} 行）`);
  });

  it('is gone once every placeholder is filled in', () => {
    const filled = skeletonNotice(FIELDS, site.contact).replaceAll(PLACEHOLDER, '某某');
    const notice = readNoticeFile('x.md', Buffer.from(filled));
    expect(notice.diagnostics).toEqual([]);
    expect(placeholderWarnings(notice)).toEqual([]);
  });

  it('lists at most eight lines', () => {
    const body = Array.from({ length: 10 }, () => PLACEHOLDER).join('\n\n');
    const [warning] = placeholderWarnings({ file: 'x.md', body, bodyLineOffset: 4 });
    expect(warning.line).toBe(5);
    expect(warning.message).toContain('还有 10 行');
    expect(warning.message).toContain('（第 5、7、9、11、13、15、17、19 行等）');
  });
});

describe('file names', () => {
  it('are the date and the title in pinyin, by the importer’s slug function', () => {
    const fields = { ...FIELDS, title: '襄江城投关于巡察整改进展情况的通报' };
    expect(noticeFileName(fields)).toBe('2024-09-10-xiangjiang-chengtou.md');
    expect(noticeFileName(fields)).toBe(`2024-09-10-${slugFor({ date: '2024-09-10', title: fields.title })}.md`);
    expect(noticeFileName(FIELDS)).toBe('2024-09-10-xiangyangshi-xiangjiang-chengshi-jianshe-touzi.md');
  });

  it('are safe whatever the title holds', () => {
    for (const title of ['a/b\\c:d*e?f"g<h>i|j', '../../etc/passwd', '关于/巡察\\整改:*?"<>|的通报', '😀\u0000\t 通报']) {
      expect(noticeFileName({ ...FIELDS, title })).toMatch(/^2024-09-10-[a-z0-9][a-z0-9-]*\.md$/);
    }
  });

  it('fall back to the issuer when the title has no words of its own', () => {
    expect(noticeFileName({ ...FIELDS, title: '关于巡察整改进展情况的通报' })).toBe(noticeFileName(FIELDS));
    expect(noticeFileName({ title: '通报', issuer: 'ABC', date: '2024-09-10' })).toBe('2024-09-10-notice.md');
  });

  it('get -2, -3 when the name is taken, never an existing file', () => {
    const { content } = copyOfContent();
    const dir = join(content, 'notices');
    const base = noticeFileName(FIELDS);
    expect(freeNoticeFileName(dir, FIELDS)).toBe(base);
    writeFileSync(join(dir, base), 'first');
    expect(freeNoticeFileName(dir, FIELDS)).toBe(base.replace(/\.md$/, '-2.md'));
    writeFileSync(join(dir, base.replace(/\.md$/, '-2.md')), 'second');
    expect(freeNoticeFileName(dir, FIELDS)).toBe(base.replace(/\.md$/, '-3.md'));
    expect(readFileSync(join(dir, base), 'utf8')).toBe('first');
  });
});

describe('dates', () => {
  it('accepts only a calendar date written YYYY-MM-DD', () => {
    expect(parseIsoDate('2024-09-10')).toBe('2024-09-10');
    expect(parseIsoDate(' 2024-02-29 ')).toBe('2024-02-29');
    for (const bad of ['2023-02-29', '2024-13-01', '2024-9-10', '2024/09/10', '2024年9月10日', '20240910', '', 'today']) {
      expect(parseIsoDate(bad)).toBeUndefined();
    }
  });

  it('takes today in China, whatever the server’s time zone', () => {
    expect(todayInShanghai(new Date('2024-09-09T16:30:00Z'))).toBe('2024-09-10');
    expect(todayInShanghai(new Date('2024-09-09T15:30:00Z'))).toBe('2024-09-09');
  });

  it('signs with the date as notices write it', () => {
    expect(formatChineseDate('2024-09-10')).toBe('2024年9月10日');
    expect(formatChineseDate('2025-12-01')).toBe('2025年12月1日');
  });
});

describe('resolveFields', () => {
  const defaults = { organisation: site.organisation, today: '2024-09-10' };

  it('takes the given values as they are, asking nothing', async () => {
    const ask = () => Promise.reject(new Error('asked'));
    expect(await resolveFields({ ...FIELDS, title: `  ${FIELDS.title}\n` }, defaults, ask)).toEqual({ fields: FIELDS, defaulted: [] });
  });

  it('defaults without a terminal: the site’s organisation, the usual title, today', async () => {
    expect(await resolveFields({}, defaults)).toEqual({
      fields: { title: `${site.organisation}关于巡察整改进展情况的通报`, issuer: site.organisation, date: '2024-09-10' },
      defaulted: ['title', 'issuer', 'date'],
    });
    const { fields } = await resolveFields({ issuer: FIELDS.issuer }, defaults);
    expect(fields.title).toBe(FIELDS.title);
  });

  it.each([
    [{ date: '2024-02-30' }, '--date “2024-02-30”不是有效日期：请写成 YYYY-MM-DD，例如 2024-09-10。'],
    [{ date: '2024/9/10' }, '--date “2024/9/10”不是有效日期：请写成 YYYY-MM-DD，例如 2024-09-10。'],
    [{ title: ' ' }, '--title 不能为空：请写上标题，或者不写这个选项。'],
    [{ issuer: '某某公司，纪委' }, '--issuer “某某公司，纪委”不能用作落款：'],
    [{ issuer: '1. 某某' }, '--issuer “1. 某某”不能用作落款：'],
  ])('refuses %j, naming the option', async (given, message) => {
    const ask = () => Promise.reject(new Error('asked'));
    const error = await resolveFields(given, defaults, ask).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NewNoticeError);
    expect((error as Error).message.startsWith(message)).toBe(true);
  });

  it('refuses a site organisation no signature can be, when it would be the default', async () => {
    await expect(resolveFields({}, { ...defaults, organisation: '某某公司，纪委' })).rejects.toThrow(
      /^没有给出 --issuer，默认的“某某公司，纪委”不能用作落款/,
    );
  });

  it('asks for what is missing, issuer first, and asks again after an impossible date', async () => {
    const questions: string[] = [];
    const answers = ['', '襄江城投关于巡察整改进展情况的通报', '2024-02-30', '2024-02-29'];
    const ask = async (question: string) => {
      questions.push(question);
      return answers.shift()!;
    };
    expect(await resolveFields({}, defaults, ask)).toEqual({
      fields: { title: '襄江城投关于巡察整改进展情况的通报', issuer: site.organisation, date: '2024-02-29' },
      defaulted: [],
    });
    expect(questions).toEqual([
      `发布机构（落款单位）［直接回车：${site.organisation}］：`,
      `标题［直接回车：${site.organisation}关于巡察整改进展情况的通报］：`,
      '落款日期（YYYY-MM-DD）［直接回车：2024-09-10］：',
      '“2024-02-30”不是有效日期：请写成 YYYY-MM-DD，例如 2024-09-10。\n落款日期（YYYY-MM-DD）［直接回车：2024-09-10］：',
    ]);
  });

  it('asks only for what was not given, and builds the default title from the given issuer', async () => {
    const questions: string[] = [];
    const ask = async (question: string) => (questions.push(question), '');
    const { fields } = await resolveFields({ issuer: FIELDS.issuer, date: '2024-01-02' }, defaults, ask);
    expect(questions).toEqual([`标题［直接回车：${FIELDS.title}］：`]);
    expect(fields).toEqual({ ...FIELDS, date: '2024-01-02' });
  });
});
