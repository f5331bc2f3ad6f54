import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/lib/diagnostics';
import { decodeUtf8, readNoticeFile, splitFrontmatter } from '../../src/lib/notice-file';
import { lineStartingWith, replaceOnce, sampleText, toCrlf, withBom } from '../helpers/fixtures';

const FILE = 'content/notices/2023-09-20-wuhan-industrial-investment.md';
const read = (text: string | Buffer) => readNoticeFile(FILE, typeof text === 'string' ? Buffer.from(text) : text);
/** The sample with one edit; the edit must match exactly once. */
const edited = (search: string | RegExp, replacement: string) => replaceOnce(sampleText(), search, replacement);
const messages = (text: string | Buffer) => read(text).diagnostics.map(formatDiagnostic);

describe('readNoticeFile on the committed sample', () => {
  it('reads it without a diagnostic', () => {
    const notice = read(sampleText());
    expect(notice.diagnostics).toEqual([]);
    expect(notice.data?.title).toBe('中共武汉产业投资控股集团有限公司委员会关于巡察集中整改进展情况的通报');
    expect(notice.data?.date).toBe('2023-09-20');
    expect(notice.outline?.problems).toHaveLength(15);
    expect(notice.bodyLineOffset).toBe(lineStartingWith(sampleText(), '根据市委') - 2);
  });

  it('reads it the same with a BOM and CRLF line ends', () => {
    const plain = read(sampleText());
    const bomCrlf = read(withBom(toCrlf(sampleText())));
    expect(bomCrlf.diagnostics).toEqual([]);
    expect(bomCrlf.data).toEqual(plain.data);
    expect(bomCrlf.body).toBe(plain.body);
    expect(bomCrlf.outline).toEqual(plain.outline);
  });
});

describe('readNoticeFile reports schema errors with file, line and field', () => {
  it('suggests title for a misspelt tilte key', () => {
    const diagnostics = read(edited(/^title:/m, 'tilte:')).diagnostics;
    const typo = diagnostics.find((d) => d.field === 'tilte');
    expect(typo).toMatchObject({ file: FILE, line: 2, severity: 'error' });
    expect(typo!.message).toMatch(/不认识的字段“tilte”.*title/);
    expect(formatDiagnostic(typo!)).toMatch(/^错误 content\/notices\/2023-09-20-wuhan-industrial-investment\.md:2: tilte/);
  });

  it('names a missing title', () => {
    const diagnostics = read(edited(/^title: .*\n/m, '')).diagnostics;
    expect(diagnostics).toEqual([{ file: FILE, line: 2, field: 'title', message: '缺少标题，请添加这个字段。', severity: 'error' }]);
    expect(formatDiagnostic(diagnostics[0])).toBe(`错误 ${FILE}:2: title（标题）：缺少标题，请添加这个字段。`);
  });

  it('rejects an impossible date and says what is expected', () => {
    const diagnostics = read(edited('date: 2023-09-20', 'date: 2023-02-30')).diagnostics;
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: FILE, line: 4, field: 'date' });
    expect(diagnostics[0].message).toMatch(/“2023-02-30”不是有效日期，应为 YYYY-MM-DD/);
  });

  it('rejects a date in another format', () => {
    const [d] = read(edited('date: 2023-09-20', 'date: 2023年9月20日')).diagnostics;
    expect(d).toMatchObject({ line: 4, field: 'date', message: expect.stringMatching(/YYYY-MM-DD/) });
  });

  it('names a bad contact email and phone in the frontmatter', () => {
    const [email] = read(edited('email: whtkjt@126.com', 'email: whtkjt126.com')).diagnostics;
    expect(email).toMatchObject({ field: 'contact.email', line: lineStartingWith(sampleText(), '  email:'), message: expect.stringMatching(/电子邮箱格式不正确/) });
    const [phone] = read(edited('phone: 027-85615369', 'phone: 请拨打电话')).diagnostics;
    expect(phone).toMatchObject({ field: 'contact.phone', message: expect.stringMatching(/例如 027-85615369/) });
  });

  it('suggests the right key for a misspelt nested key', () => {
    const [d] = read(edited('  groups:', '  grops:')).diagnostics;
    expect(d).toMatchObject({ field: 'inspection.grops', line: lineStartingWith(sampleText(), '  groups:') });
    expect(d.message).toMatch(/groups/);
  });

  it('reports a YAML syntax error at the line where it is', () => {
    const [d] = read(edited('issuer: 中共', 'issuer: : 中共')).diagnostics;
    expect(d.line).toBe(lineStartingWith(sampleText(), 'issuer:'));
    expect(d.message).toMatch(/^YAML 格式错误/);
  });

  it('reports a duplicate key at the second occurrence', () => {
    const text = edited('inspected:\n', 'date: 2023-09-21\ninspected:\n');
    const [d] = read(text).diagnostics;
    expect(d.line).toBe(lineStartingWith(text, 'date: 2023-09-21'));
    expect(d.message).toMatch(/同一个字段写了两次/);
  });
});

describe('readNoticeFile reports structure problems with file and line', () => {
  it('reports numbering that skips from 一、 to 三、', () => {
    const text = edited('## 二、整改进展情况及成效', '## 三、整改进展情况及成效');
    const [first] = read(text).diagnostics;
    expect(first).toMatchObject({ file: FILE, line: lineStartingWith(text, '## 三、整改进展'), severity: 'error' });
    expect(first.message).toMatch(/“三、”不连续/);
  });

  it('reports a duplicate problem number', () => {
    const text = edited('#### 3、关于“商贸集团督促', '#### 2、关于“商贸集团督促');
    const diagnostics = read(text).diagnostics;
    const line = lineStartingWith(text, '#### 2、关于“商贸集团督促');
    expect(diagnostics.some((d) => d.line === line && /编号重复：与第 \d+ 行的编号相同（锚点 #s2-g1-p2）/.test(d.message))).toBe(true);
  });

  it('reports a frontmatter date that differs from the signature date, at the signature line', () => {
    const text = edited('date: 2023-09-20', 'date: 2023-09-21');
    expect(read(text).diagnostics).toEqual([
      {
        file: FILE,
        line: lineStartingWith(text, '2023年9月20日'),
        field: 'date',
        message: expect.stringMatching(/发布日期 2023-09-21 与正文落款日期“2023年9月20日”（2023-09-20）不一致/),
        severity: 'error',
      },
    ]);
  });

  it('reports an impossible signature date', () => {
    const text = edited(/2023年9月20日\n$/, '2023年2月30日\n');
    expect(messages(text)).toEqual([`错误 ${FILE}:${lineStartingWith(text, '2023年2月30日')}: 落款日期“2023年2月30日”不是有效日期，请检查年月日。`]);
  });

  it('reports raw HTML blocks and inline HTML with their lines', () => {
    const block = edited('同时，对需要', '<div>同时</div>，对需要');
    expect(read(block).diagnostics).toEqual([
      { file: FILE, line: lineStartingWith(block, '<div>'), message: expect.stringMatching(/HTML/), severity: 'error' },
    ]);
    const inline = edited('**整改情况：**一是修订集团公司章程。', '**整改情况：**一是<b>修订</b>集团公司章程。');
    const line = lineStartingWith(inline, '**整改情况：**一是<b>');
    const diagnostics = read(inline).diagnostics;
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.every((d) => d.line === line && /HTML/.test(d.message))).toBe(true);
  });

  it('reports an unsafe link', () => {
    const text = edited('同时，对需要', '[同时](javascript:alert(1))，对需要');
    expect(read(text).diagnostics).toEqual([
      { file: FILE, line: lineStartingWith(text, '[同时]'), message: expect.stringMatching(/不安全的链接地址/), severity: 'error' },
    ]);
  });

  it('reports a body without a section heading', () => {
    const d = read('---\ntitle: 标题\nissuer: 某某委员会\ndate: 2023-09-20\n---\n\n正文。\n').diagnostics;
    expect(d).toEqual([{ file: FILE, line: 6, message: expect.stringMatching(/没有找到“一、”/), severity: 'error' }]);
  });

  it('reports an empty body', () => {
    const d = read('---\ntitle: 标题\nissuer: 某某委员会\ndate: 2023-09-20\n---\n\n  \n').diagnostics;
    expect(d).toEqual([{ file: FILE, line: 6, message: expect.stringMatching(/正文是空的/), severity: 'error' }]);
  });
});

describe('readNoticeFile reports file-level problems', () => {
  it('tells the editor to run the importer for a GB18030 file', () => {
    const diagnostics = read(iconv.encode(sampleText(), 'gb18030')).diagnostics;
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: FILE, severity: 'error' });
    expect(diagnostics[0].message).toMatch(/不是 UTF-8.*GB18030.*npm run import/);
  });

  it('reports a missing frontmatter', () => {
    const body = sampleText().replace(/^---\n[\s\S]*?\n---\n/, '');
    expect(read(body).diagnostics).toEqual([{ file: FILE, line: 1, message: expect.stringMatching(/缺少文件头/), severity: 'error' }]);
  });

  it('reports an unterminated frontmatter', () => {
    const text = edited('\n---\n\n根据', '\n\n根据');
    expect(read(text).diagnostics).toEqual([{ file: FILE, line: 1, message: expect.stringMatching(/没有结束/), severity: 'error' }]);
  });
});

describe('decodeUtf8 and splitFrontmatter', () => {
  it('decodes UTF-8, drops a BOM and normalises line ends', () => {
    expect(decodeUtf8(withBom('甲\r\n乙\r丙\n'))).toBe('甲\n乙\n丙\n');
    expect(decodeUtf8(iconv.encode('中文', 'gb18030'))).toBeUndefined();
  });

  it('splits the frontmatter and counts its lines', () => {
    expect(splitFrontmatter('---\ntitle: a\n---\nbody\n')).toEqual({ yaml: 'title: a\n', body: 'body\n', bodyLineOffset: 3 });
    expect(splitFrontmatter('---\n---\n')).toEqual({ yaml: '', body: '', bodyLineOffset: 2 });
    expect(splitFrontmatter('title: a\n')).toBeUndefined();
  });
});
