import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../src/base/diagnostics';
import { isSafeUrl, linkProblem, readNoticeFile } from '../../../src/notice/file';
import { decodeUtf8, splitFrontmatter } from '../../../src/base/source-text';
import { lineStartingWith, replaceOnce, sampleText, toCrlf, withBom } from '../../helpers/fixtures';

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
  it('suggests title for a misspelt tilte key, in one message (not also “missing title”)', () => {
    const diagnostics = read(edited(/^title:/m, 'tilte:')).diagnostics;
    expect(diagnostics).toHaveLength(1);
    const typo = diagnostics[0];
    expect(typo).toMatchObject({ file: FILE, line: 2, field: 'tilte', severity: 'error' });
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
    expect(email).toMatchObject({
      field: 'contact.email',
      line: lineStartingWith(sampleText(), '  email:'),
      message: expect.stringMatching(/电子邮箱格式不正确/),
    });
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
    expect(d).toMatchObject({ line: lineStartingWith(text, 'date: 2023-09-21'), field: 'date' });
    expect(d.message).toMatch(/字段“date”写了两次。请删除多余的一行/);
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
        message: expect.stringMatching(/成文日期 2023-09-21 与正文落款日期“2023年9月20日”（2023-09-20）不一致/),
        severity: 'error',
      },
    ]);
  });

  it('reports an impossible signature date', () => {
    const text = edited(/2023年9月20日\n$/, '2023年2月30日\n');
    expect(messages(text)).toEqual([
      `错误 ${FILE}:${lineStartingWith(text, '2023年2月30日')}: 落款日期“2023年2月30日”不是有效日期，请检查年月日。`,
    ]);
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

  it('reports a javascript: link that a browser would still run: upper case, a tab entity, leading space', () => {
    for (const url of ['JAVA&#9;SCRIPT:alert(1)', 'jav&#x0A;ascript:alert(1)', '&#32;javascript:alert(1)']) {
      const text = edited('同时，对需要', `[同时](${url})，对需要`);
      expect(read(text).diagnostics, url).toEqual([
        { file: FILE, line: lineStartingWith(text, '[同时]'), message: expect.stringMatching(/不安全的链接地址/), severity: 'error' },
      ]);
    }
  });

  it('reports raw HTML once per line, naming the tag', () => {
    const text = edited('同时，对需要', '<a href="javascript:alert(1)">同时</a>，对需要');
    expect(messages(text)).toEqual([
      `错误 ${FILE}:${lineStartingWith(text, '<a href')}: 正文里有 HTML 代码“<a href="javascript:alert(1)">”。通报正文只用 Markdown 文字，请删除这段 HTML。`,
    ]);
  });

  it('keeps a web address in the text, which becomes a link to another site, for the link policy of the site to decide', () => {
    const text = edited('同时，对需要', '详见 www.example.gov.cn 。同时，对需要');
    expect(messages(text)).toEqual([]);
    expect(read(text).outboundLinks).toEqual([{ url: 'http://www.example.gov.cn', line: lineStartingWith(text, '详见') }]);
    expect(read(edited('同时，对需要', '详见 example.gov.cn 、[第二部分](#s2)、whtkjt@126.com。同时，对需要')).diagnostics).toEqual([]);
  });

  it('reports a reference once, at the definition that holds the address', () => {
    const text = edited('同时，对需要', '[同时][x]，[再次][x]，对需要').replace(/\n$/, '\n\n[x]: javascript:alert(1)\n');
    expect(read(text).diagnostics).toEqual([
      {
        file: FILE,
        line: lineStartingWith(text, '[x]:'),
        message: expect.stringMatching(/^不安全的链接地址“javascript:alert\(1\)”/),
        severity: 'error',
      },
    ]);
  });

  it('reports a local image, which the build could not find', () => {
    for (const image of ['![照片](./photo.jpg)', '![照片][p]\n\n[p]: ../images/photo.jpg']) {
      const text = edited('同时，对需要', `${image}\n\n同时，对需要`);
      const line = lineStartingWith(text, image.includes('[p]:') ? '[p]:' : '![照片]');
      expect(read(text).diagnostics, image).toEqual([
        {
          file: FILE,
          line,
          message: expect.stringMatching(/图片“\.{1,2}\/.*photo\.jpg”在构建时找不到.*请删除这张图片/),
          severity: 'error',
        },
      ]);
    }
  });

  it('takes a body without numbered headings, and warns when a paragraph reads as a heading written as text', () => {
    const head = '---\ntitle: 标题\nissuer: 某某委员会\ndate: 2023-09-20\n---\n\n';
    expect(read(`${head}正文。\n\n（一）加强领导。党委负总责。\n`).diagnostics).toEqual([]);
    expect(read(`${head}正文。\n\n一、整改工作情况\n\n党委负总责。\n`).diagnostics).toEqual([
      { file: FILE, line: 9, message: expect.stringMatching(/“一、整改工作情况”像是标题.*请在行首加上 ## 和空格/), severity: 'warning' },
    ]);
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

  it('reports a blank line before the frontmatter', () => {
    expect(read(`\n${sampleText()}`).diagnostics).toEqual([
      { file: FILE, line: 1, message: expect.stringMatching(/前面有空行.*第一行必须就是 ---/), severity: 'error' },
    ]);
  });

  it('reports an unterminated frontmatter', () => {
    const text = edited('\n---\n\n根据', '\n\n根据');
    expect(read(text).diagnostics).toEqual([{ file: FILE, line: 1, message: expect.stringMatching(/没有结束/), severity: 'error' }]);
  });
});

describe('isSafeUrl', () => {
  it.each([
    'https://example.com/',
    'http://a.cn',
    'mailto:a@b.cn',
    'tel:027-85615369',
    '#s2-g1-p1',
    '../notices/x/',
    '/contact/',
    '关于:x',
  ])('allows %s', (url) => {
    expect(isSafeUrl(url)).toBe(true);
  });
  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:x',
    'java\tscript:x',
    'java\nscript:x',
    '\u0001javascript:x',
    'data:text/html,x',
    'vbscript:x',
    'file:///etc/passwd',
  ])('refuses %j', (url) => {
    expect(isSafeUrl(url)).toBe(false);
  });
});

describe('linkProblem', () => {
  it.each([
    ['link', '#s2-g1-p1', undefined],
    ['link', '../2023-09-21-x/', undefined],
    ['link', 'mailto:whtkjt@126.com', undefined],
    ['link', 'tel:027-85615369', undefined],
    // Which other sites a notice may link to is the site's link policy's to say (src/site/link-policy).
    ['link', 'https://www.example.gov.cn/', undefined],
    ['link', '//example.gov.cn/', /没有写明协议/],
    ['link', 'javascript:alert(1)', /^不安全的链接地址/],
    ['image', 'https://example.gov.cn/a.png', /来自其他网站/],
    ['image', 'photo.jpg', /在构建时找不到/],
    ['image', 'data:image/png;base64,AAAA', /^不安全的链接地址/],
  ] as const)('%s %s', (kind, url, problem) => {
    if (problem) expect(linkProblem(kind, url)).toMatch(problem);
    else expect(linkProblem(kind, url)).toBeUndefined();
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
