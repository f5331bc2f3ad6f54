import { describe, expect, it } from 'vitest';
import { closestKey, editDistance, formatDiagnostic } from '../../src/lib/diagnostics';
import { noticeSchema, siteSchema } from '../../src/lib/schema';
import { parseYamlWith } from '../../src/lib/yaml-data';

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
    expect(diagnostics).toEqual([{ file: 'site.yaml', line, field: `contact.${field}`, message: expect.stringMatching(message), severity: 'error' }]);
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
      { file: 'site.yaml', line: 9, field: 'colour', message: expect.stringMatching(/不认识的字段“colour”。可用的字段：title、organisation/), severity: 'error' },
    ]);
  });

  it('adds the line offset (frontmatter starts after ---)', () => {
    const { diagnostics } = parseYamlWith('title: 甲\nissuer: 乙\ndate: 2023-02-30\n', noticeSchema, 'n.md', 1);
    expect(diagnostics).toEqual([{ file: 'n.md', line: 4, field: 'date', message: expect.stringMatching(/2023-02-30/), severity: 'error' }]);
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

describe('closestKey', () => {
  it('finds near misses and nothing for unrelated words', () => {
    expect(editDistance('tilte', 'title')).toBe(2);
    expect(closestKey('tilte', ['title', 'issuer', 'date'])).toBe('title');
    expect(closestKey('Date', ['title', 'issuer', 'date'])).toBe('date');
    expect(closestKey('colour', ['title', 'issuer', 'date'])).toBeUndefined();
  });
});
