// The importer end to end, and the fidelity of the committed sample to the seed.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readNoticeFile } from '../../../src/notice/file';
import { splitFrontmatter } from '../../../src/base/source-text';
import { ImportError, importNotice, cleanUpText } from '../../../src/importer';
import { slugFor, slugFromChinese } from '../../../src/base/slug';
import { escapeMarkdown } from '../../../src/importer/structure';
import { noticeSchema } from '../../../src/schemas';
import { parse as parseYaml } from 'yaml';
import { SAMPLE_METADATA, SAMPLE_NAME, SEED_PATH, sampleText, seedBytes, seedText, toCrlf, withBom } from '../../helpers/fixtures';
import { blockTexts, textLines } from '../../helpers/markdown-text';

const seedImport = () => importNotice(seedBytes(), { sourceName: SEED_PATH });

describe('fidelity of the committed sample', () => {
  it('is byte for byte what the importer makes of the seed', () => {
    const result = seedImport();
    expect(result.fileName).toBe(SAMPLE_NAME);
    expect(result.markdown).toBe(sampleText());
  });

  it('says, block by block, exactly what the seed says once annotations are removed, converted and re-punctuated', () => {
    const parts = splitFrontmatter(sampleText());
    expect(parts).toBeDefined();
    const blocks = blockTexts(parts!.body);
    const expected = textLines(cleanUpText(seedText()).text);
    expect(blocks).toHaveLength(expected.length);
    blocks.forEach((block, i) => expect(block, `block ${i + 1}`).toBe(expected[i]));
    // And character for character over the whole text.
    expect(blocks.join('')).toBe(expected.join(''));
  });

  it('has one block per non-empty line of the seed, in order', () => {
    const lines = textLines(seedText());
    expect(lines).toHaveLength(53);
    expect(blockTexts(splitFrontmatter(sampleText())!.body)).toHaveLength(53);
  });

  it('has a frontmatter that the schema accepts, with the recognised metadata', () => {
    const data = noticeSchema.parse(parseYaml(splitFrontmatter(sampleText())!.yaml));
    // The schema reads each contact field as a list: a notice may give several phones.
    const contact = Object.fromEntries(Object.entries(SAMPLE_METADATA.contact).map(([k, v]) => [k, [v]]));
    expect(data).toEqual({ ...SAMPLE_METADATA, contact });
  });

  it('writes the postcode as a quoted string so YAML keeps it text', () => {
    expect(sampleText()).toContain('  postcode: "430021"\n');
  });
});

describe('importNotice on the seed', () => {
  it('reports what it did', () => {
    expect(seedImport().report).toEqual({
      format: 'text',
      encoding: 'utf-8',
      crlf: false,
      annotationsRemoved: 1713,
      traditional: true,
      charactersConverted: 2768,
      punctuationRestored: 309,
      headings: 22,
      problems: 15,
      rectifications: 15,
      dateFrom: '落款',
      issuerFrom: '落款',
      contact: SAMPLE_METADATA.contact,
      warnings: [],
    });
  });

  it('renders the structure: 3 sections, 4 groups, 15 problems, bold leads and 整改情况', () => {
    const md = seedImport().markdown;
    expect(md.match(/^## /gm)).toHaveLength(3);
    expect(md.match(/^### /gm)).toHaveLength(4);
    expect(md.match(/^#### \d+、关于“/gm)).toHaveLength(15);
    expect(md.match(/^\*\*整改情况：\*\*/gm)).toHaveLength(15);
    expect(md).toContain('\n## 一、巡察整改组织领导情况\n');
    expect(md).toContain('\n### （一）关于“贯彻落实党中央决策部署和省、市委工作要求有差距”的问题。\n');
    expect(md).toContain('\n#### 1、关于“产投集团党委推动‘学宣贯’进企业不深入”的问题。\n');
    expect(md).toContain('\n**（一）强化谋划部署，坚决扛牢巡察整改政治责任。**集团党委坚持');
    expect(md).toContain('\n**（三）全面从严管党治企，持续优化企业政治生态。**坚持把政治监督');
    expect(md).toMatch(/\n\n中共武汉产业投资控股集团有限公司委员会\n\n2023年9月20日\n$/);
  });

  it('gives the same result from GB18030 with CRLF line ends', () => {
    const result = importNotice(iconv.encode(toCrlf(seedText()), 'gb18030'), { sourceName: SEED_PATH });
    expect(result.markdown).toBe(sampleText());
    expect(result.report).toMatchObject({ encoding: 'gb18030', crlf: true, annotationsRemoved: 1713, problems: 15 });
  });

  it('gives the same result from UTF-8 with a BOM and CRLF line ends', () => {
    const result = importNotice(withBom(toCrlf(seedText())), { sourceName: SEED_PATH });
    expect(result.markdown).toBe(sampleText());
    expect(result.report).toMatchObject({ encoding: 'utf-8-bom', crlf: true });
  });

  it('is idempotent: importing the normalised text gives the same notice and changes nothing', () => {
    const result = importNotice(Buffer.from(cleanUpText(seedText()).text), { sourceName: SEED_PATH });
    expect(result.markdown).toBe(sampleText());
    expect(result.report).toMatchObject({
      annotationsRemoved: 0,
      traditional: false,
      charactersConverted: 0,
      punctuationRestored: 0,
      problems: 15,
    });
  });

  it('lets --title override the derived title, and nothing else', () => {
    const result = importNotice(seedBytes(), { sourceName: SEED_PATH, title: '  关于巡察整改的通报  ' });
    expect(result.markdown).toBe(sampleText().replace(/^title: .*$/m, 'title: 关于巡察整改的通报'));
  });

  it('ignores a blank --title', () => {
    expect(importNotice(seedBytes(), { sourceName: SEED_PATH, title: '  ' }).markdown).toBe(sampleText());
  });

  it('takes the file name from --slug, else the source name, else the issuer’s short name', () => {
    expect(importNotice(seedBytes(), { sourceName: SEED_PATH, slug: 'wuhan' }).fileName).toBe('2023-09-20-wuhan.md');
    expect(importNotice(seedBytes(), { sourceName: '/tmp/Wuhan Notice (1).TXT' }).fileName).toBe('2023-09-20-wuhan-notice-1.md');
    expect(importNotice(seedBytes(), { sourceName: '/tmp/原文 (1).TXT' }).fileName).toBe('2023-09-20-wuhan-chanye-touzi-konggu-jituan.md');
    expect(importNotice(seedBytes()).fileName).toBe('2023-09-20-wuhan-chanye-touzi-konggu-jituan.md');
  });
});

describe('cleanUpText', () => {
  it('keeps the line structure of the input', () => {
    const seed = seedText();
    const { text } = cleanUpText(seed);
    expect(text.split('\n')).toHaveLength(seed.split('\n').length);
  });

  it('removes every annotation, leaves no Traditional numbering or ASCII Chinese punctuation', () => {
    const { text, pinyin, script, punctuation } = cleanUpText(seedText());
    expect([pinyin.removed, script.converted, punctuation.restored]).toEqual([1713, 2768, 309]);
    expect(text).not.toMatch(/[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/);
    expect(text).not.toMatch(/[,:;()]/);
    expect(text).toContain('联系电话：027-85615369');
    expect(text).toContain('电子邮箱：whtkjt@126.com');
    expect(text).toContain('邮政编码：430021');
    expect(text).toContain('《集团党委意识形态工作分析研判实施细则（试行）》');
  });
});

describe('slugFor', () => {
  it.each([
    ['2023-09-20-wuhan-industrial-investment.txt', 'wuhan-industrial-investment'],
    ['C:\\下载\\2023-09-20_Wuhan Notice.txt', 'wuhan-notice'],
    ['notes/WUHAN.final.txt', 'wuhan-final'],
    // A Chinese file name gives its words in pinyin, without the words every notice has.
    ['襄江城投巡察整改通报.txt', 'xiangjiang-chengtou'],
    // Names a CMS or a browser gives a file say nothing: the issuer's short name is used.
    ['通报.txt', 'wuhan-chanye-touzi-konggu-jituan'],
    ['P020230920512345678901.pdf', 'wuhan-chanye-touzi-konggu-jituan'],
    ['index.html', 'wuhan-chanye-touzi-konggu-jituan'],
    ['', 'wuhan-chanye-touzi-konggu-jituan'],
  ])('%s → %s', (source, slug) => {
    expect(slugFor({ date: '2023-09-20', sourceName: source, issuer: '中共武汉产业投资控股集团有限公司委员会' })).toBe(slug);
  });

  it.each([
    // Abbreviations the segmenter reads as single characters are cut where a name ends, not two by two.
    ['市卫健委', 'shi-weijianwei'],
    ['经开区党工委', 'jingkaiqu-danggongwei'],
    ['十堰市郧阳区纪委监委', 'shiyanshi-yunyangqu-jiwei-jianwei'],
    ['县人社局', 'xian-rensheju'],
    ['东湖高新区', 'donghu-gaoxinqu'],
    // Words the segmenter knows, and runs without a name's ending, as before.
    ['襄江城投', 'xiangjiang-chengtou'],
    ['武汉产业投资控股集团', 'wuhan-chanye-touzi-konggu-jituan'],
  ])('writes %s as %s', (name, slug) => {
    expect(slugFromChinese(name)).toBe(slug);
  });

  it('falls back to the title, then to notice', () => {
    expect(slugFor({ date: '2023-09-20', title: '关于东湖高新区巡察整改情况的通报' })).toMatch(/^donghu/);
    expect(slugFor({ date: '2023-09-20' })).toBe('notice');
  });

  it('is ASCII, at most 60 characters, cut between words', () => {
    const slug = slugFor({
      date: '2023-09-20',
      issuer: '中共湖北省交通投资集团有限公司东湖新技术开发区管理委员会纪律检查委员会驻某某单位纪检监察组',
    });
    expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(slug.length).toBeLessThanOrEqual(60);
  });
});

const SMALL = [
  '根据市委统一部署,2022年3月至5月,市委第二巡察组对某某局(以下简称“某局”)开展了巡察,并于2022年7月反馈了巡察意见。',
  '一、整改工作',
  '(一)加强领导。党委负总责。',
  '1、关于“学习不深入”的问题',
  '整改情况:一是加强学习。二是完善制度。',
  '二、下一步',
  '继续努力。',
  '中共某某市委员会',
  '2023年9月20日',
].join('\n');

describe('importNotice on other inputs', () => {
  it('imports a small clean Simplified notice without converting it', () => {
    const result = importNotice(Buffer.from(SMALL), { sourceName: 'small.txt' });
    expect(result.fileName).toBe('2023-09-20-small.md');
    expect(result.report).toMatchObject({
      traditional: false,
      charactersConverted: 0,
      annotationsRemoved: 0,
      headings: 3,
      problems: 1,
      warnings: [],
    });
    expect(result.markdown).toContain('title: 中共某某市委员会关于巡察整改进展情况的通报\n');
    expect(result.markdown).toContain('\n**（一）加强领导。**党委负总责。\n');
    expect(result.markdown).toContain('\n### 1、关于“学习不深入”的问题\n');
  });

  it('warns with the source line number about a line it cannot classify', () => {
    const text = SMALL.replace('继续努力。', '继续努力。\n\n附件：无\n巡察整改台账');
    const { warnings } = importNotice(Buffer.from(text)).report;
    expect(warnings.map((w) => w.line)).toEqual([9, 10]);
    expect(warnings[0].message).toContain('附件：无');
    expect(warnings[1].message).toContain('巡察整改台账');
  });

  it('warns, but imports, when there is a date and no signature', () => {
    const result = importNotice(Buffer.from(SMALL.replace('中共某某市委员会\n', '')));
    expect(result.report.warnings.map((w) => w.message).join()).toMatch(/落款单位/);
    expect(result.markdown).toContain('issuer: （请填写发布机构）');
  });

  // Found by the fuzz test (control-chars): they were written into the notice.
  it('removes invisible control characters, with a warning for each line', () => {
    const clean = SMALL.replace('继续努力。', '继续努力。'.repeat(1000)); // a few in a long text; many mean binary data
    const text = clean.replace('加强领导', '加强\u0007领导\u202e').replace('继续努力', '\u001b继续努力');
    const result = importNotice(Buffer.from(text));
    expect(result.markdown).toBe(importNotice(Buffer.from(clean)).markdown);
    expect(result.report.warnings).toEqual([
      { line: 3, message: '删除了 2 个看不见的控制字符（U+0007、U+202E），请核对这一行。' },
      { line: 7, message: '删除了 1 个看不见的控制字符（U+001B），请核对这一行。' },
    ]);
  });

  // The fuzz test once found a malformed contact refusing the whole notice, and it was then left out with a
  // warning; a webmaster must not lose a way to give feedback unnoticed, so it is refused with its line.
  it('refuses a contact line it cannot read, naming the line, rather than dropping it', () => {
    const text = SMALL.replace('中共某某市委员会', '联系电话：027-85615369\n电子邮箱：whtkjt\n中共某某市委员会');
    expect(() => importNotice(Buffer.from(text))).toThrow(
      /第 9 行：“电子邮箱”后面没有可识别的电子邮箱地址[^]*不会丢掉任何电话、邮箱或邮政编码/,
    );
  });

  it.each([
    ['an empty file', new Uint8Array(), /空/],
    ['a file of blank lines', Buffer.from('\n\r\n  \n'), /没有/],
    ['a binary file', Buffer.from([0x50, 0x4b, 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0, 0xde, 0xad, 0xbe, 0xef, 0, 0]), /不是文本/],
    ['English text', Buffer.from('Hello, world.\n1. An item\n2. Another\n'), /没有中文/],
    ['Chinese without structure', Buffer.from('这是一段中文，没有结构。\n第二段。'), /结构/],
    ['a notice without a signature date', Buffer.from(SMALL.replace(/\n2023年9月20日$/, '')), /落款日期/],
    [
      'a notice with an impossible signature date',
      Buffer.from(SMALL.replace(/2023年9月20日$/, '2023年2月30日')),
      /第 9 行.*2023年2月30日.*不是有效日期/,
    ],
    // Found by the fuzz test (shuffle-body, line-mutations, huge): these were written, and npm run check refused them.
    [
      'a gap in the numbering',
      Buffer.from(SMALL.replace('二、下一步', '三、下一步')),
      /编号有问题.*\n {2}第 6 行：编号“三、”不连续：“一、”之后应是第 2 项/,
    ],
    ['a repeated number', Buffer.from(SMALL.replace('二、下一步', '一、下一步')), /\n {2}第 6 行：编号重复：与第 2 行的编号相同/],
    [
      'a problem before any section',
      Buffer.from(SMALL.replace('一、整改工作\n', '')),
      /\n {2}第 3 行：“1、”出现在任何“一、”这一级标题之前/,
    ],
    [
      'numbered paragraphs that say nothing of an inspection',
      Buffer.from('正文。\n(一)加强领导。党委负总责。\n中共某某市委员会\n2023年9月20日'),
      /没有找到通报的结构.*也没有说到巡察、巡视或整改/,
    ],
    ['the seed repeated', Buffer.from(`${seedText()}\n`.repeat(3)), /编号有问题[^]*……另有 \d+ 处/],
    // Found by the fuzz test (long-lines, huge): a line of 200,000 characters took minutes.
    [
      'a line longer than 20,000 characters',
      Buffer.from(SMALL.replace('继续努力。', `继续${'努力'.repeat(10_001)}。`)),
      /第 7 行有 20005 个字符，超过了一个段落的上限（20000 个）/,
    ],
    [
      'the seed twice without its line breaks',
      Buffer.from(seedText().replace(/\n/g, '').repeat(2)),
      /第 1 行有 \d+ 个字符.*换行可能丢失了/,
    ],
    // Found by the fuzz test (encoding): Big5 read as GB18030 is nonsense; the message says what to try.
    [
      'the seed in Big5',
      iconv.encode(seedText().replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g, ''), 'big5'),
      /没有找到通报的结构.*GB18030.*Big5.*另存为/,
    ],
  ])('rejects %s with a clear ImportError', (_, bytes, message) => {
    let error: unknown;
    try {
      importNotice(bytes);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(message);
  });
});

/** The layout the first user met: `1.` problems, `整改进展：`, separate contact lines after a differently worded appeal. */
const COMMON = [
  '中共某某县交通运输局党组关于巡察整改进展情况的通报',
  '根据县委统一部署，2024年3月至5月，县委第一巡察组对县交通运输局党组开展了巡察，并于2024年6月反馈了巡察意见。',
  '一、整改工作开展情况',
  '局党组高度重视，成立整改工作领导小组。',
  '二、问题整改落实情况',
  '1.关于“学习贯彻不够深入”的问题。',
  '整改进展：一是加强学习。二是开展研讨。',
  '2.关于“项目管理不规范”的问题。',
  '整改进展：一是完善制度。',
  '3.关于“资金使用不规范”的问题。',
  '整改进展：一是开展自查。',
  '4.关于“作风建设有差距”的问题。',
  '整改进展：一是集中整治。',
  '三、下一步工作打算',
  '持续巩固整改成果。',
  '欢迎广大干部群众对巡察整改落实情况进行监督。',
  '联系电话：0710-3512345',
  '邮政地址：某某县某某路1号',
  '邮政编码：441000',
  '电子邮箱：jtj_jw@163.com',
  '中共某某县交通运输局党组',
  '2024年9月10日',
].join('\n');

const frontmatterOf = (markdown: string) => parseYaml(markdown.split('---\n')[1]);

describe('importNotice on the layouts real notices use', () => {
  it('keeps every contact line of the common layout in the frontmatter and out of 三、, and counts its 1. problems', () => {
    const result = importNotice(Buffer.from(COMMON), { sourceName: 'x.txt' });
    expect(result.report.warnings).toEqual([]);
    expect(result.report.problems).toBe(4);
    expect(result.report.rectifications).toBe(4);
    expect(frontmatterOf(result.markdown).contact).toEqual({
      phone: '0710-3512345',
      address: '某某县某某路1号',
      postcode: '441000',
      email: 'jtj_jw@163.com',
    });
    const parsed = noticeSchema.parse(frontmatterOf(result.markdown));
    expect(parsed.contact!.phone).toEqual(['0710-3512345']);
    // `1.关于` is not a list: no escape for a hand editor to trip over.
    expect(result.markdown).toContain('\n### 1.关于“学习贯彻不够深入”的问题。\n');
    expect(result.markdown).not.toContain('\\.');
    expect(result.markdown).toContain('\n**整改进展：**一是加强学习。二是开展研讨。\n');
  });

  it('takes a notice whose top level is （一）', () => {
    const text = COMMON.replace('一、整改工作开展情况', '（一）党组书记履行第一责任人职责情况')
      .replace('二、问题整改落实情况', '（二）巡察反馈问题整改落实情况')
      .replace('三、下一步工作打算', '（三）下一步工作打算');
    const result = importNotice(Buffer.from(text));
    expect(result.report.problems).toBe(4);
    expect(result.markdown).toContain('\n## （一）党组书记履行第一责任人职责情况\n');
    expect(result.markdown).toContain('\n### 1.关于“学习贯彻不够深入”的问题。\n');
  });

  it('takes a problem stated at length before its 整改情况, and （1） items inside it', () => {
    const text = COMMON.replace(
      '1.关于“学习贯彻不够深入”的问题。',
      '1.关于“学习贯彻不够深入”的问题。具体表现为学习流于形式。有的支部学习次数不足。',
    ).replace('整改进展：一是加强学习。二是开展研讨。', '整改进展：\n（1）加强学习。\n（2）开展研讨。');
    const result = importNotice(Buffer.from(text));
    expect(result.report.problems).toBe(4);
    expect(result.markdown).toContain(
      '\n### 1.关于“学习贯彻不够深入”的问题。\n\n具体表现为学习流于形式。有的支部学习次数不足。\n\n**整改进展：**\n\n**（1）加强学习。**\n',
    );
  });

  it('reads several phones, a postcode in parentheses, a two-line signature and a Chinese-numeral date', () => {
    const text = COMMON.replace('联系电话：0710-3512345', '监督电话：0710-3512345、13907101234\n举报电话：12388')
      .replace('邮政地址：某某县某某路1号\n邮政编码：441000', '通讯地址：某某县某某路1号（邮编：441000）')
      .replace('电子邮箱：', 'E-mail：')
      .replace('中共某某县交通运输局党组\n2024年9月10日', '中共某某县交通运输局党组\n某某县交通运输局\n二〇二四年九月十日');
    const result = importNotice(Buffer.from(text));
    const data = frontmatterOf(result.markdown);
    expect(data).toMatchObject({ issuer: '中共某某县交通运输局党组', date: '2024-09-10' });
    expect(data.contact).toEqual({
      phone: ['0710-3512345', '13907101234', '12388'],
      address: '某某县某某路1号',
      postcode: '441000',
      email: 'jtj_jw@163.com',
    });
  });

  it('keeps a table as a Markdown table', () => {
    const text = COMMON.replace(
      '持续巩固整改成果。',
      '整改情况见下表：\n| 序号 | 问题 | 完成情况 |\n|---|---|---|\n| 1 | 学习不深入 | 已完成 |\n| 2 | 管理不规范 | 持续推进 |',
    );
    const result = importNotice(Buffer.from(text));
    expect(result.markdown).toContain(
      '\n| 序号 | 问题 | 完成情况 |\n| --- | --- | --- |\n| 1 | 学习不深入 | 已完成 |\n| 2 | 管理不规范 | 持续推进 |\n',
    );
  });

  it.each([
    [
      'a contact line inside a section',
      COMMON.replace('持续巩固整改成果。', '持续巩固整改成果。\n举报电话：12388\n继续努力。'),
      /第 16 行：“举报电话：12388”是联系方式，但不在文末的联系方式部分/,
    ],
    ['a phone after the date', `${COMMON}\n咨询电话：0710-3512346`, /第 23 行“咨询电话：0710-3512346”写有联系方式.*落款之前/],
    [
      'a phone label without a number',
      COMMON.replace('联系电话：0710-3512345', '联系电话：见单位官网'),
      /第 17 行：“联系电话”后面没有可识别的电话号码/,
    ],
  ])('refuses %s, with the line number, rather than dropping it', (_, text, message) => {
    expect(() => importNotice(Buffer.from(text))).toThrow(message);
  });
});

describe('escapeMarkdown writes only the escapes Markdown needs', () => {
  it.each([
    ['1.关于“学习”的问题', '1.关于“学习”的问题'],
    ['1. 列表', '1\\. 列表'],
    ['#话题', '#话题'],
    ['# 标题', '\\# 标题'],
    ['- 列表', '\\- 列表'],
    ['-5℃', '-5℃'],
    ['---', '\\---'],
    ['> 引用', '\\> 引用'],
    ['a*b*c', 'a\\*b\\*c'],
    ['snake_case_name', 'snake_case_name'],
    ['_强调_', '\\_强调\\_'],
    ['【附件】[1]', '【附件】\\[1]'],
    ['8:00~12:00', '8:00~12:00'],
    ['~~删除~~', '\\~\\~删除\\~\\~'],
    ['A&B、&amp;', 'A&B、\\&amp;'],
    ['<script>、3<5', '\\<script>、3<5'],
  ])('%s → %s', (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
  });
});

describe('a notice without a signature date', () => {
  const UNDATED = SMALL.replace('\n2023年9月20日', '');
  const UNSIGNED = SMALL.replace('\n中共某某市委员会\n2023年9月20日', '');
  const titled = (text: string) => `中共某某区委员会关于巡察整改进展情况的通报\n${text}`;

  it('is refused with the way out: --date', () => {
    expect(() => importNotice(Buffer.from(UNDATED))).toThrow(/没有找到落款日期.*--date 2023-09-20/);
  });

  it('takes --date, and says so', () => {
    const result = importNotice(Buffer.from(UNDATED), { date: '2023-10-09' });
    expect(result.date).toBe('2023-10-09');
    expect(result.fileName).toMatch(/^2023-10-09-/);
    expect(result.report).toMatchObject({ dateFrom: '--date', issuerFrom: '落款' });
    expect(result.markdown).toContain('\ndate: 2023-10-09\n');
    // Nothing is added to the text: the date is the frontmatter's alone.
    expect(result.markdown).not.toContain('2023年10月9日');
    expect(result.markdown).toMatch(/\n\n中共某某市委员会\n$/);
  });

  it('refuses a --date that is no date, or that contradicts the signature date', () => {
    expect(() => importNotice(Buffer.from(UNDATED), { date: '2023/10/09' })).toThrow(/YYYY-MM-DD/);
    expect(() => importNotice(Buffer.from(UNDATED), { date: '2023-02-30' })).toThrow(/不是有效日期/);
    expect(() => importNotice(Buffer.from(SMALL), { date: '2023-10-09' })).toThrow(
      /--date 2023-10-09 与第 9 行的落款日期“2023年9月20日”（2023-09-20）不一致/,
    );
    expect(importNotice(Buffer.from(SMALL), { date: '2023-09-20' }).report.dateFrom).toBe('落款');
  });

  it('falls back on the file’s own date, with a warning to check it', async () => {
    const { importText } = await import('../../../src/importer');
    const result = importText(
      UNDATED,
      { format: 'html', encoding: 'utf-8', crlf: false, properties: { date: { iso: '2023-10-08', from: '网页元数据的发布时间 PubDate' } } },
      {},
    );
    expect(result.date).toBe('2023-10-08');
    expect(result.report.dateFrom).toBe('网页元数据的发布时间 PubDate');
    expect(result.report.warnings.map((w) => w.message).join()).toContain('成文日期取自网页元数据的发布时间 PubDate：2023-10-08。请核对');
    // --date wins over the file's date; an implausible file date (a template's, a clock's) is not used.
    const given = importText(
      UNDATED,
      { format: 'html', encoding: 'utf-8', crlf: false, properties: { date: { iso: '2023-10-08', from: 'x' } } },
      { date: '2023-10-01' },
    );
    expect(given.date).toBe('2023-10-01');
    expect(() =>
      importText(UNDATED, { format: 'docx', encoding: 'utf-8', crlf: false, properties: { date: { iso: '1980-01-01', from: 'x' } } }),
    ).toThrow(/没有找到落款日期/);
  });

  it('takes --issuer over the signature, and the issuer the title names when there is no signature', () => {
    expect(importNotice(Buffer.from(SMALL), { issuer: '某某局党组' }).markdown).toContain('\nissuer: 某某局党组\n');
    const fromTitle = importNotice(Buffer.from(titled(UNSIGNED)), { date: '2023-10-09' });
    expect(fromTitle.issuer).toBe('中共某某区委员会');
    expect(fromTitle.report.issuerFrom).toBe('标题');
    expect(fromTitle.report.warnings.map((w) => w.message).join()).toContain('发布机构取自标题：“中共某某区委员会”');
    const unnamed = importNotice(Buffer.from(UNSIGNED), { date: '2023-10-09' });
    expect(unnamed.issuer).toBe('（请填写发布机构）');
    expect(unnamed.report.warnings.map((w) => w.message).join()).toContain('--issuer');
  });
});

describe('a notice without numbered headings', () => {
  const SUMMARY = [
    '中共某某市卫生健康委员会关于巡察整改进展情况的通报',
    '根据市委统一部署，2023年4月10日至6月10日，市委第三巡察组对市卫健委党组开展了常规巡察。',
    '市卫健委党组高度重视巡察反馈问题整改工作，反馈的35个问题已完成整改28个。',
    '下一步，市卫健委党组将持续巩固整改成果，建立健全长效机制。',
    '现将整改进展情况向社会公开，接受干部群众监督。',
    '联系电话：0912-3456789',
    '通信地址：某某市某某区某某路8号（邮编：',
    '719000）',
    '电子邮箱：swjw@163.com',
    '中共某某市卫生健康委员会党组',
    '2023年11月20日',
  ].join('\n');

  it('is imported whole, without an outline, with a warning saying so', () => {
    const result = importNotice(Buffer.from(SUMMARY));
    expect(result.report).toMatchObject({ headings: 0, problems: 0 });
    expect(result.report.warnings).toEqual([{ line: 1, message: expect.stringMatching(/按不分部分的通报导入.*没有问题进入整改台账/) }]);
    expect(result.markdown).not.toMatch(/^#/m);
    expect(frontmatterOf(result.markdown)).toMatchObject({ progress: { total: 35, done: 28 }, contact: { postcode: '719000' } });
    // Every line of the source is in the notice (the wrapped contact line joined back).
    const body = result.markdown.split('---\n')[2];
    for (const line of SUMMARY.split('\n').slice(1, 6)) expect(body).toContain(line);
    expect(body).toContain('\n通信地址：某某市某某区某某路8号（邮编：719000）\n');
  });

  it('passes the check the site runs', () => {
    const { markdown } = importNotice(Buffer.from(SUMMARY));
    expect(readNoticeFile('x.md', Buffer.from(markdown)).diagnostics).toEqual([]);
  });
});

describe('a contact line broken after its label', () => {
  it.each([
    ['a postcode in brackets', ['通信地址：某某路8号（邮编：', '725000）'], { address: '某某路8号', postcode: '725000' }],
    ['an email', ['电子邮箱：', 'jw@163.com'], { email: 'jw@163.com' }],
    ['a phone in the appeal', ['欢迎监督。监督电话：', '0912-3456789'], { phone: '0912-3456789' }],
  ])('is joined back: %s', (_, broken, contact) => {
    const text = SMALL.replace('继续努力。', `继续努力。\n欢迎社会各界监督。\n${broken.join('\n')}`);
    const result = importNotice(Buffer.from(text));
    expect(frontmatterOf(result.markdown).contact).toMatchObject(contact);
    expect(result.markdown).toContain(`\n\n${broken.join('')}\n\n`);
  });
});

describe('problems written as fields, and headings that announce a rectification', () => {
  const FIELDS = [
    '中共某某县卫生健康局党组关于巡察整改进展情况的通报',
    '根据县委统一部署，2023年3月至5月，县委第二巡察组对县卫生健康局党组开展了巡察，并于2023年6月反馈了巡察意见。',
    '一、整改工作开展情况',
    '局党组高度重视，成立整改工作领导小组。',
    '二、反馈问题整改落实情况',
    '1.反馈问题：落实全面从严治党主体责任不到位。',
    '整改状态：已完成',
    '整改情况：一是召开专题会议。二是完善制度。',
    '责任单位：局办公室',
    '2.反馈问题：财务管理不规范。',
    '整改状态：阶段性完成',
    '整改情况：一是开展自查。二是追回资金3.5万元。',
    '三、下一步工作打算',
    '持续巩固整改成果。',
    '中共某某县卫生健康局党组',
    '2023年9月10日',
  ];

  it.each([
    ['numbered', FIELDS],
    ['without numbers', FIELDS.map((l) => l.replace(/^\d\.反馈问题/, '反馈问题'))],
  ])('reads each entry %s as a problem with its status, the labels in bold, without a warning', (_, source) => {
    const result = importNotice(Buffer.from(source.join('\n')));
    expect(result.report).toMatchObject({ problems: 2, rectifications: 2, warnings: [] });
    expect(result.markdown).toContain(
      '\n\n**整改状态：**已完成\n\n**整改情况：**一是召开专题会议。二是完善制度。\n\n**责任单位：**局办公室\n\n',
    );
    const { outline } = readNoticeFile('x.md', Buffer.from(result.markdown));
    expect(outline!.problems.map((p) => [p.title, p.status])).toEqual([
      ['落实全面从严治党主体责任不到位', '已完成'],
      ['财务管理不规范', '阶段性完成'],
    ]);
  });

  it('reads `1.关于“…”问题的整改` headings as problems, and their (1) points as part of the rectification', () => {
    const source = [
      '中共某某区委员会关于巡察整改进展情况的通报',
      '根据市委统一部署，2023年3月至5月，市委第二巡察组对某某区开展了巡察，并于2023年6月反馈了巡察意见。',
      '一、关于巡察反馈问题整改落实情况',
      '（一）关于党的建设方面',
      '1.关于“理论学习不深入”问题的整改',
      '区委制定学习计划，开展专题学习12次。',
      '(1)建立学习台账。',
      '(2)开展学习督查。',
      '2.关于“基层党组织建设薄弱”问题的整改情况',
      '开展软弱涣散党组织整顿，整顿15个。',
      '二、下一步工作打算',
      '持续巩固整改成果。',
      '中共某某区委员会',
      '2023年9月10日',
    ].join('\n');
    const result = importNotice(Buffer.from(source));
    expect(result.report).toMatchObject({ problems: 2, warnings: [] });
    // ASCII numbering is written as GB/T 9704 writes it, and stays inside the problem's text.
    expect(result.markdown).toContain('\n\n**（1）建立学习台账。**\n\n**（2）开展学习督查。**\n\n');
    const { outline } = readNoticeFile('x.md', Buffer.from(result.markdown));
    expect(outline!.problems.map((p) => [p.id, p.title, p.rectification])).toEqual([
      ['s1-g1-p1', '理论学习不深入', '区委制定学习计划，开展专题学习12次。\n（1）建立学习台账。\n（2）开展学习督查。'],
      ['s1-g1-p2', '基层党组织建设薄弱', '开展软弱涣散党组织整顿，整顿15个。'],
    ]);
  });
});
