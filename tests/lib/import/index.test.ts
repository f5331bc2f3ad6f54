// The importer end to end, and the fidelity of the committed sample to the seed.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../../src/lib/notice-file';
import { ImportError, importNotice, normaliseText, slugify } from '../../../src/lib/import/index';
import { noticeSchema } from '../../../src/lib/schema';
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
    const expected = textLines(normaliseText(seedText()).text);
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
    expect(data).toEqual(SAMPLE_METADATA);
  });

  it('writes the postcode as a quoted string so YAML keeps it text', () => {
    expect(sampleText()).toContain('  postcode: "430021"\n');
  });
});

describe('importNotice on the seed', () => {
  it('reports what it did', () => {
    expect(seedImport().report).toEqual({
      encoding: 'utf-8',
      crlf: false,
      annotationsRemoved: 1713,
      traditional: true,
      charactersConverted: 2766,
      punctuationRestored: 309,
      headings: 22,
      problems: 15,
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
    const result = importNotice(Buffer.from(normaliseText(seedText()).text), { sourceName: SEED_PATH });
    expect(result.markdown).toBe(sampleText());
    expect(result.report).toMatchObject({ annotationsRemoved: 0, traditional: false, charactersConverted: 0, punctuationRestored: 0, problems: 15 });
  });

  it('lets --title override the derived title, and nothing else', () => {
    const result = importNotice(seedBytes(), { sourceName: SEED_PATH, title: '  关于巡察整改的通报  ' });
    expect(result.markdown).toBe(sampleText().replace(/^title: .*$/m, 'title: 关于巡察整改的通报'));
  });

  it('ignores a blank --title', () => {
    expect(importNotice(seedBytes(), { sourceName: SEED_PATH, title: '  ' }).markdown).toBe(sampleText());
  });

  it('takes the file name from --slug, else the source name, else “notice”', () => {
    expect(importNotice(seedBytes(), { sourceName: SEED_PATH, slug: 'wuhan' }).fileName).toBe('2023-09-20-wuhan.md');
    expect(importNotice(seedBytes(), { sourceName: '/tmp/原文 Notice (1).TXT' }).fileName).toBe('2023-09-20-notice-1.md');
    expect(importNotice(seedBytes()).fileName).toBe('2023-09-20-notice.md');
  });
});

describe('normaliseText', () => {
  it('keeps the line structure of the input', () => {
    const seed = seedText();
    const { text } = normaliseText(seed);
    expect(text.split('\n')).toHaveLength(seed.split('\n').length);
  });

  it('removes every annotation, leaves no Traditional numbering or ASCII Chinese punctuation', () => {
    const { text, pinyin, script, punctuation } = normaliseText(seedText());
    expect([pinyin.removed, script.converted, punctuation.restored]).toEqual([1713, 2766, 309]);
    expect(text).not.toMatch(/[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/);
    expect(text).not.toMatch(/[,:;()]/);
    expect(text).toContain('联系电话：027-85615369');
    expect(text).toContain('电子邮箱：whtkjt@126.com');
    expect(text).toContain('邮政编码：430021');
    expect(text).toContain('《集团党委意识形态工作分析研判实施细则（试行）》');
  });
});

describe('slugify', () => {
  it.each([
    ['2023-09-20-wuhan-industrial-investment.txt', 'wuhan-industrial-investment'],
    ['C:\\下载\\2023-09-20_Wuhan Notice.txt', 'wuhan-notice'],
    ['notes/WUHAN.final.txt', 'wuhan-final'],
    ['通报.txt', 'notice'],
    ['', 'notice'],
  ])('%s → %s', (source, slug) => {
    expect(slugify(source, '2023-09-20')).toBe(slug);
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
    expect(result.report).toMatchObject({ traditional: false, charactersConverted: 0, annotationsRemoved: 0, headings: 3, problems: 1, warnings: [] });
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

  // Found by the fuzz test (contact lines in line-mutations and notice-grammar): one malformed field refused the whole notice.
  it('leaves a malformed contact out of the frontmatter, with a warning, and keeps it in the text', () => {
    const text = SMALL.replace('中共某某市委员会', '联系电话：027-85615369\n电子邮箱：whtkjt\n中共某某市委员会');
    const result = importNotice(Buffer.from(text));
    expect(result.markdown).toContain('contact:\n  phone: 027-85615369\n---');
    expect(result.markdown).toContain('\n电子邮箱：whtkjt\n');
    expect(result.report.warnings).toEqual([{ line: 9, message: expect.stringMatching(/^电子邮箱格式不正确.*“whtkjt”没有写入文件头的 contact\.email/) }]);
  });

  it.each([
    ['an empty file', new Uint8Array(), /空/],
    ['a file of blank lines', Buffer.from('\n\r\n  \n'), /没有/],
    ['a binary file', Buffer.from([0x50, 0x4b, 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0, 0xde, 0xad, 0xbe, 0xef, 0, 0]), /不是文本/],
    ['English text', Buffer.from('Hello, world.\n1. An item\n2. Another\n'), /没有中文/],
    ['Chinese without structure', Buffer.from('这是一段中文，没有结构。\n第二段。'), /结构/],
    ['a notice without a signature date', Buffer.from(SMALL.replace(/\n2023年9月20日$/, '')), /落款日期/],
    ['a notice with an impossible signature date', Buffer.from(SMALL.replace(/2023年9月20日$/, '2023年2月30日')), /第 9 行.*2023年2月30日.*不是有效日期/],
    // Found by the fuzz test (shuffle-body, line-mutations, huge): these were written, and npm run check refused them.
    ['a gap in the numbering', Buffer.from(SMALL.replace('二、下一步', '三、下一步')), /编号有问题.*\n  第 6 行：编号“三、”不连续：“一、”之后应是第 2 项/],
    ['a repeated number', Buffer.from(SMALL.replace('二、下一步', '一、下一步')), /\n  第 6 行：编号重复：与第 2 行的编号相同/],
    ['a problem before any section', Buffer.from(SMALL.replace('一、整改工作\n', '')), /\n  第 3 行：“1、”出现在任何“一、”部分之前/],
    ['numbered paragraphs but no section', Buffer.from('正文。\n(一)加强领导。党委负总责。\n中共某某市委员会\n2023年9月20日'), /没有找到“一、”这样的部分标题/],
    ['the seed repeated', Buffer.from(`${seedText()}\n`.repeat(3)), /编号有问题[^]*……另有 \d+ 处/],
    // Found by the fuzz test (long-lines, huge): a line of 200,000 characters took minutes.
    ['a line longer than 20,000 characters', Buffer.from(SMALL.replace('继续努力。', `继续${'努力'.repeat(10_001)}。`)), /第 7 行有 20005 个字符，超过了一个段落的上限（20000 个）/],
    ['the seed twice without its line breaks', Buffer.from(seedText().replace(/\n/g, '').repeat(2)), /第 1 行有 \d+ 个字符.*换行可能丢失了/],
    // Found by the fuzz test (encoding): Big5 read as GB18030 is nonsense; the message says what to try.
    ['the seed in Big5', iconv.encode(seedText().replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g, ''), 'big5'), /没有找到通报的结构.*GB18030.*Big5.*另存为/],
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
