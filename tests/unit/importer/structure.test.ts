import { describe, expect, it } from 'vitest';
import { cleanUpText } from '../../../src/importer';
import { addressAndPostcode } from '../../../src/notice/closing';
import { classifyLines, codeSpan, escapeMarkdown, recognise, renderBody, withoutColumnTags } from '../../../src/importer/structure';
import { SAMPLE_METADATA, seedText } from '../../helpers/fixtures';
import { blockTexts } from '../../helpers/markdown-text';

const render = (text: string) => renderBody(classifyLines(text).lines);

/** A small notice in normalised form (Simplified, full-width), with every kind of line. */
const NOTICE = [
  '根据市委巡察工作统一部署，2022年3月至5月，市委第二巡察组对某某局（以下简称“某局”）开展了巡察，并于2022年7月反馈了巡察意见。',
  '一、巡察整改组织领导情况',
  '（一）强化谋划部署，坚决扛牢巡察整改政治责任。集团党委坚持问题导向。',
  '二、整改进展情况及成效',
  '（一）关于“学习不深入”的问题。',
  '1、关于“理论学习不扎实”的问题',
  '整改情况：一是加强学习。每周一次。二是完善制度。',
  '2、关于“制度不健全”的问题。',
  '整改情况：一是修订制度。',
  '三、下一步工作打算',
  '继续努力，巩固成果。',
  '欢迎广大干部群众进行监督。如有意见建议，请及时向我们反映。',
  '联系电话：027-12345678',
  '邮件地址：某某市某某路1号，邮政编码：430000',
  '电子邮箱：abc@example.cn',
  '中共某某市委员会',
  '2023年9月20日',
].join('\n');

describe('classifyLines', () => {
  it('classifies every kind of line, keeping source line numbers', () => {
    const { lines, warnings } = classifyLines(NOTICE);
    expect(warnings).toEqual([]);
    expect(lines.map((l) => [l.line, l.kind, l.level])).toEqual([
      [1, 'paragraph', undefined],
      [2, 'heading', 2],
      [3, 'lead', undefined],
      [4, 'heading', 2],
      [5, 'heading', 3],
      [6, 'heading', 4],
      [7, 'rectification', undefined],
      [8, 'heading', 4],
      [9, 'rectification', undefined],
      [10, 'heading', 2],
      [11, 'paragraph', undefined],
      [12, 'appeal', undefined],
      [13, 'contact', undefined],
      [14, 'contact', undefined],
      [15, 'contact', undefined],
      [16, 'signature', undefined],
      [17, 'date', undefined],
    ]);
    expect(lines.filter((l) => l.kind === 'heading').map((l) => l.numbering)).toEqual([
      'section',
      'section',
      'group',
      'item',
      'item',
      'section',
    ]);
  });

  it('puts 1、 at level 3 when there is no （一） group above it', () => {
    const { lines } = classifyLines('一、整改情况\n1、关于“甲”的问题\n（一）关于“乙”的问题\n1、关于“丙”的问题');
    expect(lines.map((l) => l.level)).toEqual([2, 3, 3, 4]);
  });

  it('puts （一） at level 2 when there is no 一、 section', () => {
    const { lines } = classifyLines('（一）关于“甲”的问题\n1、关于“乙”的问题');
    expect(lines.map((l) => l.level)).toEqual([2, 3]);
  });

  it('counts blank lines and trims whitespace when numbering lines', () => {
    const { lines } = classifyLines('\n\n  一、标题  \n\n\u3000\u3000正文。\n');
    expect(lines).toEqual([
      { line: 3, kind: 'heading', level: 2, numbering: 'section', text: '一、标题' },
      { line: 5, kind: 'paragraph', text: '正文。' },
    ]);
  });

  it('recognises a title line at the top', () => {
    const { lines } = classifyLines('中共某某市委员会关于巡察整改进展情况的通报\n一、整改情况');
    expect(lines[0]).toMatchObject({ kind: 'title', line: 1 });
  });

  it('warns, with the line number, about lines it cannot classify', () => {
    const { lines, warnings } = classifyLines('一、整改情况\n正文。\n\n附件\n继续推进');
    expect(lines.map((l) => l.kind)).toEqual(['heading', 'paragraph', 'paragraph', 'paragraph']);
    expect(warnings).toHaveLength(2);
    expect(warnings[0].line).toBe(4);
    expect(warnings[0].message).toContain('“附件”');
    expect(warnings[1].line).toBe(5);
    expect(warnings[1].message).toContain('继续推进');
  });

  it('has nothing to warn about in the seed', () => {
    expect(classifyLines(cleanUpText(seedText()).text).warnings).toEqual([]);
  });

  it('refuses a text without any line', () => {
    expect(() => classifyLines('\n \n\u3000\n')).toThrow(/没有文字/);
  });

  // Found by the fuzz test (long-lines): the title pattern backtracked over the whole line from every 关于.
  it('does not take a long first line for the title', () => {
    const { lines } = classifyLines(`${'关于'.repeat(9_000)}情况\n一、整改情况`);
    expect(lines[0].kind).toBe('paragraph');
  });
});

describe('renderBody', () => {
  it('writes headings, bold leads, bold 整改情况 and plain paragraphs', () => {
    expect(render(NOTICE)).toBe(
      [
        NOTICE.split('\n')[0],
        '## 一、巡察整改组织领导情况',
        '**（一）强化谋划部署，坚决扛牢巡察整改政治责任。**集团党委坚持问题导向。',
        '## 二、整改进展情况及成效',
        '### （一）关于“学习不深入”的问题。',
        '#### 1、关于“理论学习不扎实”的问题',
        '**整改情况：**一是加强学习。每周一次。二是完善制度。',
        '#### 2、关于“制度不健全”的问题。',
        '**整改情况：**一是修订制度。',
        '## 三、下一步工作打算',
        ...NOTICE.split('\n').slice(10),
      ].join('\n\n') + '\n',
    );
  });

  it('drops the title line (it goes to the frontmatter)', () => {
    expect(render('某某委员会关于巡察整改情况的通报\n一、整改情况')).toBe('## 一、整改情况\n');
  });

  it('produces Markdown whose bold leads really are bold', async () => {
    const { parseMarkdown } = await import('../../../src/notice/markdown');
    const tree = parseMarkdown(render('一、甲\n（一）强化谋划部署。集团党委坚持。\n1、关于“乙”的问题\n整改情况：一是加强学习。'));
    const [, lead, , rect] = tree.children;
    expect(lead.type === 'paragraph' && lead.children[0].type).toBe('strong');
    expect(rect.type === 'paragraph' && rect.children[0].type).toBe('strong');
  });
});

describe('escapeMarkdown', () => {
  it.each([
    '星号*强调*和_下划线_和`代码`。',
    '<b>粗</b>和<!-- 注释 -->。',
    '[链接](http://example.com)和![图](x.png)。',
    '上午9:00~12:00，下午14:30~17:30。',
    '~~删除线~~。',
    'A&amp;B&nbsp;C&#20013;和&copy;。',
    '反斜杠\\和\\*。',
    '# 井号开头',
    '> 引用',
    '- 减号开头',
    '+ 加号开头',
    '---',
    '===',
    '1. 数字点开头',
    '2) 数字括号开头',
    '| 表格 | 竖线 |',
    'www.example.com，邮箱whtkjt@126.com。',
  ])('keeps every character of %s as text', (text) => {
    expect(blockTexts(escapeMarkdown(text))).toEqual([text]);
  });

  it.each([
    ['详见http://www.example.com/a，欢迎监督。', ['http://www.example.com/a']],
    ['详见http://example.com/list?a=1,2&b=x_y*z，谢谢。', ['http://example.com/list?a=1,2&b=x_y*z']],
    ['（详见http://example.com/a）和*重点*。', ['http://example.com/a']],
    ['网址www.example.gov.cn，或HTTPS://A.CN/x_y。', ['www.example.gov.cn', 'HTTPS://A.CN/x_y']],
    ['1http://a.cn和_www.b.cn和ftp://c.cn/d。', ['http://a.cn', 'www.b.cn', 'ftp://c.cn/d']],
    ['见http://a.cn/`x``y`，完。', ['http://a.cn/`x``y`']],
  ])('writes the web addresses in %s as code: shown whole, linked nowhere (check refuses links to other sites)', async (text, urls) => {
    const { parseMarkdown } = await import('../../../src/notice/markdown');
    const markdown = escapeMarkdown(text);
    expect(blockTexts(markdown)).toEqual([text]);
    const paragraph = parseMarkdown(markdown).children[0];
    const inline = paragraph.type === 'paragraph' ? paragraph.children : [];
    expect(inline.filter((c) => c.type === 'link')).toEqual([]);
    expect(inline.flatMap((c) => (c.type === 'inlineCode' ? [c.value] : []))).toEqual(urls);
  });

  it('keeps an email address a mailto: link, which the check allows', async () => {
    const { parseMarkdown } = await import('../../../src/notice/markdown');
    const paragraph = parseMarkdown(escapeMarkdown('电子邮箱：whtkjt@126.com')).children[0];
    const links = paragraph.type === 'paragraph' ? paragraph.children.filter((c) => c.type === 'link') : [];
    expect(links.map((l) => l.url)).toEqual(['mailto:whtkjt@126.com']);
  });

  it('keeps every character of headings, leads and paragraphs through renderBody', () => {
    const tricky = [
      '一、问题 #',
      '（一）强化*谋划*部署。9:00~17:00 A&amp;B',
      '1、关于“乙”的问题',
      '整改情况：一是<b>加强</b>_学习_。',
      '# 不是标题~',
    ];
    const blocks = blockTexts(render(tricky.join('\n')));
    expect(blocks).toEqual(tricky);
  });
});

describe('recognise', () => {
  it('reads issuer, date, derived title, inspection and contact from a notice', () => {
    expect(recognise(classifyLines(NOTICE).lines)).toEqual({
      issuer: '中共某某市委员会',
      date: '2023-09-20',
      title: '中共某某市委员会关于巡察整改进展情况的通报',
      inspected: [{ name: '某某局', short: '某局' }],
      inspection: { groups: ['市委第二巡察组'], period: '2022年3月至5月', feedback: '2022年7月' },
    });
  });

  it('prefers a title line at the top', () => {
    const text = `中共某某市委员会关于巡察集中整改落实情况的公告\n${NOTICE}`;
    expect(recognise(classifyLines(text).lines).title).toBe('中共某某市委员会关于巡察集中整改落实情况的公告');
  });

  it('recognises the seed’s metadata', () => {
    const found = recognise(classifyLines(cleanUpText(seedText()).text).lines);
    const { contact: _, ...metadata } = SAMPLE_METADATA;
    expect(found).toEqual(metadata);
  });

  // Found by the fuzz test (long-lines): lazy, unbounded patterns rescanned a long opening paragraph from
  // every position (quadratic: seconds at 20,000 characters, minutes at 200,000).
  it('reads the inspection from a long opening paragraph without punctuation', () => {
    const opening = `${'中'.repeat(19_000)}市委第一巡察组对某某有限公司（以下简称“某某”）开展了巡察，并于2022年7月向${'甲'.repeat(100)}反馈了巡察意见。`;
    const found = recognise(classifyLines(`${opening}\n一、整改情况\n中共某某委员会\n2023年9月20日`).lines);
    expect(found.inspection).toEqual({ groups: ['市委第一巡察组'], feedback: '2022年7月' });
    expect(found.inspected).toEqual([{ name: '某某有限公司', short: '某某' }]);
  });

  it.each([
    [
      '根据中央统一部署，2023年4月至6月，中央第二巡视组对某某省进行了巡视，8月25日反馈了巡视意见。',
      '巡视整改进展情况',
      { groups: ['中央第二巡视组'], period: '2023年4月至6月', feedback: '2023年8月25日' },
    ],
    [
      '2023年10月20日，市委第五巡察组向市卫健委党组反馈了巡察意见。',
      '巡察整改进展情况',
      { groups: ['市委第五巡察组'], feedback: '2023年10月20日' },
    ],
    [
      '按照集团党委部署，集团党委第一巡察组、第二巡察组于2022年3月至5月对所属企业开展了巡察，并于2022年7月反馈了巡察意见。',
      '巡察整改进展情况',
      { groups: ['集团党委第一巡察组', '集团党委第二巡察组'], period: '2022年3月至5月', feedback: '2022年7月' },
    ],
    ['2024年3月，市委巡察三组对市水务局党组开展了巡察“回头看”，并反馈了意见。', '巡察“回头看”整改进展情况', { groups: ['市委巡察三组'] }],
    [
      '2021年5月10日至7月10日，省委第一巡视组对某某市进行了巡视。2021年9月7日，省委第一巡视组向某某市委反馈了巡视意见。',
      '巡视整改进展情况',
      { groups: ['省委第一巡视组'], period: '2021年5月10日至7月10日', feedback: '2021年9月7日' },
    ],
    ['2023年5月，区委第二巡察组对区水务局开展了巡察集中整改督导。', '巡察集中整改进展情况', { groups: ['区委第二巡察组'] }],
  ])('reads the inspection of “%s” and names the notice after it', (opening, phrase, inspection) => {
    const found = recognise(classifyLines(`${opening}\n一、整改情况\n继续努力。\n中共某某委员会\n2023年9月20日`).lines);
    expect(found.title).toBe(`中共某某委员会关于${phrase}的通报`);
    expect(found.inspection).toEqual(inspection);
  });

  it.each([
    ['【巡察整改】中共某某委员会关于巡察整改进展情况的通报', '中共某某委员会关于巡察整改进展情况的通报'],
    ['[公示公告] 【巡察】中共某某委员会关于巡视整改进展情况的通报', '中共某某委员会关于巡视整改进展情况的通报'],
    ['中共某某委员会关于巡察整改进展情况的通报【图文】', '中共某某委员会关于巡察整改进展情况的通报'],
  ])('takes the column tags off the title “%s”, and says so', (line, title) => {
    const { lines, warnings } = classifyLines(`${line}\n一、整改情况\n继续努力。\n中共某某委员会\n2023年9月20日`);
    expect(recognise(lines).title).toBe(title);
    expect(warnings).toEqual([{ line: 1, message: expect.stringMatching(/带有栏目标签，已从标题中去掉/) }]);
  });

  it('keeps a title that is all brackets, and a 文号’s brackets', () => {
    expect(withoutColumnTags('【关于巡察整改情况的通报】')).toBe('【关于巡察整改情况的通报】');
    expect(withoutColumnTags('关于印发〔2023〕12号文件的通报')).toBe('关于印发〔2023〕12号文件的通报');
  });

  it('has no date when the last line is not a date, and takes a body’s name there as the signature', () => {
    const found = recognise(classifyLines('一、整改情况\n继续努力。\n中共某某市委员会').lines);
    expect(found.date).toBeUndefined();
    expect(found.issuer).toBe('中共某某市委员会');
    // A short last line that is no body's name stays the notice's text.
    expect(recognise(classifyLines('一、整改情况\n继续努力。\n持续推进').lines).issuer).toBeUndefined();
  });
});

describe('addressAndPostcode', () => {
  it.each([
    ['某某路1号，邮政编码：430021', { address: '某某路1号', postcode: '430021' }],
    ['某某路1号, 邮政编码 430021 ', { address: '某某路1号', postcode: '430021' }],
    ['某某路1号 ，  邮政编码：430021', { address: '某某路1号', postcode: '430021' }],
    ['某某路1号（邮编：441000）', { address: '某某路1号', postcode: '441000' }],
    ['某某路1号邮政编码：430021', { address: '某某路1号', postcode: '430021' }],
    ['邮政编码：430021', { address: '', postcode: '430021' }],
    ['某某路1号，邮政编码：4300210', { address: '某某路1号，邮政编码：4300210' }],
    [' 某某路1号 ', { address: '某某路1号' }],
  ])('%s', (value, expected) => {
    expect(addressAndPostcode(value)).toEqual(expected);
  });

  // Found by the fuzz test (long-lines): `^(.*?)[，,]?\s*邮政编码` backtracked over every run of spaces.
  it('reads an address with 100,000 spaces in it', () => {
    expect(addressAndPostcode(`某${' '.repeat(100_000)}路，邮政编码：430021`)).toEqual({
      address: `某${' '.repeat(100_000)}路`,
      postcode: '430021',
    });
  });
});

describe('codeSpan', () => {
  it.each([
    ['http://a.cn', '`http://a.cn`'],
    ['http://a.cn/`x`', '`` http://a.cn/`x` ``'],
    ['a``b', '```a``b```'],
  ])('%s → %s', (text, span) => {
    expect(codeSpan(text)).toBe(span);
    expect(blockTexts(`见${span}。`)).toEqual([`见${text}。`]);
  });
});
