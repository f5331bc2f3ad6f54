import { describe, expect, it } from 'vitest';
import { closestKey, editDistance, formatDiagnostic } from '../../../src/base/diagnostics';
import { noticeSchema, siteSchema } from '../../../src/schemas';
import { colonProblems, keyPathAt, parseYamlWith } from '../../../src/base/yaml-data';

const SITE = `# comment
title: 巡察整改公示
organisation: 中共武汉产业投资控股集团有限公司委员会
contact:
  phone: 027-85615369
  address: 武汉市江汉区唐家墩路32号
  postcode: "430021"
  email: whtkjt@126.com
`;

describe('parseYamlWith', () => {
  it('returns the parsed data and no diagnostics for valid input', () => {
    const { data, diagnostics } = parseYamlWith(SITE, siteSchema, 'site.yaml');
    expect(diagnostics).toEqual([]);
    expect(data?.contact.postcode).toBe('430021');
  });

  it('accepts an unquoted postcode', () => {
    expect(parseYamlWith(SITE.replace('"430021"', '430021'), siteSchema, 'site.yaml').data?.contact.postcode).toBe('430021');
  });

  it.each([
    ['email', 'email: whtkjt@126.com', 'email: whtkjt at 126.com', 8, /电子邮箱格式不正确/],
    ['phone', 'phone: 027-85615369', 'phone: 无', 5, /电话号码应由数字组成/],
    ['postcode', 'postcode: "430021"', 'postcode: "43002"', 7, /邮政编码应为 6 位数字/],
  ])('names contact.%s with its line and what is expected', (field, from, to, line, message) => {
    const { data, diagnostics } = parseYamlWith(SITE.replace(from, to), siteSchema, 'site.yaml');
    expect(data).toBeUndefined();
    expect(diagnostics).toEqual([
      { file: 'site.yaml', line, field: `contact.${field}`, message: expect.stringMatching(message), severity: 'error' },
    ]);
  });

  it('says in Chinese which field is missing, even for an object', () => {
    const { diagnostics } = parseYamlWith(SITE.replace(/contact:[\s\S]*$/, ''), siteSchema, 'site.yaml');
    expect(diagnostics.map(formatDiagnostic)).toEqual(['错误 site.yaml:2: contact（联系方式）：缺少联系方式，请添加这个字段。']);
  });

  it('suggests the closest key for a misspelt one', () => {
    const { diagnostics } = parseYamlWith(SITE.replace('organisation:', 'organization:'), siteSchema, 'site.yaml');
    const typo = diagnostics.find((d) => d.field === 'organization');
    expect(typo).toMatchObject({ line: 3, message: expect.stringMatching(/是不是想写“organisation”/) });
  });

  it('lists the known keys when nothing is close', () => {
    const { diagnostics } = parseYamlWith(`${SITE}colour: red\n`, siteSchema, 'site.yaml');
    expect(diagnostics).toEqual([
      {
        file: 'site.yaml',
        line: 9,
        field: 'colour',
        message: expect.stringMatching(/不认识的字段“colour”。可用的字段：title、organisation/),
        severity: 'error',
      },
    ]);
  });

  it('adds the line offset (frontmatter starts after ---)', () => {
    const { diagnostics } = parseYamlWith('title: 甲\nissuer: 乙\ndate: 2023-02-30\n', noticeSchema, 'n.md', 1);
    expect(diagnostics).toEqual([
      { file: 'n.md', line: 4, field: 'date', message: expect.stringMatching(/2023-02-30/), severity: 'error' },
    ]);
  });

  it('reports YAML syntax errors at their own line', () => {
    const { diagnostics } = parseYamlWith('title: 甲\nissuer: 乙\ndate: [2023\n', noticeSchema, 'n.md', 1);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics[0].line).toBeGreaterThanOrEqual(4);
    expect(diagnostics[0].message).toMatch(/^YAML 格式错误/);
  });

  it('rejects a list or a scalar where fields are expected', () => {
    expect(parseYamlWith('- a\n- b\n', noticeSchema, 'n.md').diagnostics[0].message).toMatch(/键: 值/);
    expect(parseYamlWith('just text\n', noticeSchema, 'n.md').diagnostics[0].message).toMatch(/键: 值/);
  });
});

describe('parseYamlWith: one message per mistake, saying what to do', () => {
  const NOTICE = 'title: 甲\nissuer: 乙\ndate: 2023-09-20\n';
  const notice = (yaml: string) => parseYamlWith(yaml, noticeSchema, 'n.md', 1, { dateFields: ['date'] }).diagnostics;

  it('reports an unquoted postcode with a leading 0 once, asking for quotes', () => {
    const { diagnostics } = parseYamlWith(SITE.replace('"430021"', '010020'), siteSchema, 'site.yaml');
    expect(diagnostics).toEqual([
      {
        file: 'site.yaml',
        line: 7,
        field: 'contact.postcode',
        message: '“010020”以 0 开头，没有引号会被读成数字 10020，开头的 0 会丢失。请加上引号：postcode: "010020"。',
        severity: 'error',
      },
    ]);
  });

  it('reports an unquoted date in a frontmatter text field, which Astro would read as a Date', () => {
    expect(notice(`${NOTICE}inspection:\n  feedback: 2022-08-15\n`)).toEqual([
      {
        file: 'n.md',
        line: 6,
        field: 'inspection.feedback',
        message: expect.stringMatching(/会被读成日期.*请加上引号：feedback: "2022-08-15"/),
        severity: 'error',
      },
    ]);
    expect(notice(`${NOTICE}inspection:\n  feedback: "2022-08-15"\n`)).toEqual([]);
    // Outside frontmatter (site.yaml is read by the same parser at build time) a date-like text is just text.
    expect(parseYamlWith(`${SITE}description: 2022-08-15\n`, siteSchema, 'site.yaml').diagnostics).toEqual([]);
  });

  it('tells missing from empty, and an optional empty field may be deleted', () => {
    expect(notice('title: 甲\nissuer: 乙\n').map(formatDiagnostic)).toEqual([
      '错误 n.md:2: date（成文日期）：缺少成文日期，请添加这个字段。',
    ]);
    expect(notice('title:\nissuer: ""\ndate: 2023-09-20\nsummary:\n').map(formatDiagnostic)).toEqual([
      '错误 n.md:2: title（标题）：标题不能为空，请在冒号后面填写。',
      '错误 n.md:3: issuer（发布机构）：发布机构不能为空，请在冒号后面填写。',
      '错误 n.md:5: summary（摘要）：摘要不能为空，请在冒号后面填写，或删除这一行。',
    ]);
  });

  it('reports a misspelt required key once, as a misspelling', () => {
    expect(notice('tilte: 甲\nissuer: 乙\ndate: 2023-09-20\n')).toEqual([
      { file: 'n.md', line: 2, field: 'tilte', message: '不认识的字段“tilte”，是不是想写“title”？请改为 title。', severity: 'error' },
    ]);
  });

  it('uses the advice given for a known non-field', () => {
    const { diagnostics } = parseYamlWith(`${NOTICE}slug: x\n`, noticeSchema, 'n.md', 1, { keyAdvice: { slug: '网址由文件名决定。' } });
    expect(diagnostics).toEqual([{ file: 'n.md', line: 5, field: 'slug', message: '网址由文件名决定。', severity: 'error' }]);
  });

  it('says in Chinese what type is expected, and how to quote a number', () => {
    expect(parseYamlWith(SITE.replace(/contact:[\s\S]*$/, 'contact: 见页脚\n'), siteSchema, 'site.yaml').diagnostics[0].message).toBe(
      '联系方式应写成下一层的字段（另起一行，缩进两个空格）。',
    );
    expect(notice('title: 2023\nissuer: 乙\ndate: 2023-09-20\n')[0].message).toBe('标题应为文字。请给值加上引号：title: "2023"。');
  });

  it('returns the line of each top-level key', () => {
    expect(parseYamlWith(`# 注释\n${NOTICE}`, noticeSchema, 'n.md', 1).fieldLines).toEqual({ title: 3, issuer: 4, date: 5 });
  });
});

describe('parseYamlWith: YAML that does not parse', () => {
  const errors = (yaml: string) => parseYamlWith(yaml, noticeSchema, 'n.md', 1).diagnostics;

  it('reports a colon without a space, or a full-width colon, at its line and field', () => {
    expect(errors('title: 甲\nissuer:乙\ndate: 2023-09-20\n')).toEqual([
      {
        file: 'n.md',
        line: 3,
        field: 'issuer',
        message: '冒号后面缺少空格，YAML 读不出这个字段。请在冒号后面加一个空格：issuer: 乙',
        severity: 'error',
      },
    ]);
    expect(errors('title: 甲\nissuer: 乙\ndate：2023-09-20\n')).toEqual([
      { file: 'n.md', line: 4, field: 'date', message: expect.stringMatching(/中文冒号“：”.*date: 2023-09-20/), severity: 'error' },
    ]);
  });

  it('reports an unclosed quote at the line where the quote opens', () => {
    expect(errors('title: "甲\nissuer: 乙\ndate: 2023-09-20\n')).toEqual([
      { file: 'n.md', line: 2, field: 'title', message: expect.stringMatching(/^YAML 格式错误：引号没有配对/), severity: 'error' },
    ]);
  });

  it('reports a tab indent once, in Chinese, with the nested field', () => {
    expect(parseYamlWith(SITE.replace('  address:', '\taddress:'), siteSchema, 'site.yaml').diagnostics).toEqual([
      {
        file: 'site.yaml',
        line: 6,
        field: 'contact.address',
        message: 'YAML 格式错误：缩进用了 Tab 键。YAML 只能用空格缩进，请把 Tab 换成空格。',
        severity: 'error',
      },
    ]);
  });
});

describe('colonProblems and keyPathAt', () => {
  it('leave well-formed lines, URLs and comments alone', () => {
    expect(colonProblems(['title: 甲', 'contact:', '  email: a@b.cn', '  - https://example.com/', '# note:x'])).toEqual([]);
  });

  it('find the key path from the indentation, list items included', () => {
    const lines = ['inspected:', '  - name: 甲', '    short: 乙', 'contact:', '  email: a'];
    expect(keyPathAt(lines, 2)).toEqual(['inspected', 'short']);
    expect(keyPathAt(lines, 4)).toEqual(['contact', 'email']);
    expect(keyPathAt(lines, 0)).toEqual(['inspected']);
    expect(keyPathAt(['title: 甲', '  续行'], 1)).toEqual([]);
  });
});

describe('closestKey', () => {
  it('finds near misses and nothing for unrelated words', () => {
    expect(editDistance('tilte', 'title')).toBe(2);
    expect(closestKey('tilte', ['title', 'issuer', 'date'])).toBe('title');
    expect(closestKey('Date', ['title', 'issuer', 'date'])).toBe('date');
    expect(closestKey('colour', ['title', 'issuer', 'date'])).toBeUndefined();
  });
});
