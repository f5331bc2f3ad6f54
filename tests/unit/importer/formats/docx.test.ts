// The Word reader on real .docx files made with the `docx` package: every paragraph back exactly and in
// order, bold leads, tables (merged cells), soft line breaks, Word's automatic numbering, footnotes, and
// damaged or encrypted files refused.
import { AlignmentType, Document, FootnoteReferenceRun, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../../src/importer/decode';
import { readDocx, readDocxDocument } from '../../../../src/importer/formats/docx';
import { todayInShanghai } from '../../../../src/notice/skeleton';
import { extractBlocks } from '../../../../src/importer/formats';
import { readZipEntry, writeZip, zipEntries } from '../../../../src/importer/formats/zip';
import { blocksFromText, docxFrom } from '../../../helpers/documents';
import { SAMPLE_BLOCKS, blockLines, boldLeads } from './notice-sample';

const paragraphs = (children: Paragraph[], extra: Partial<ConstructorParameters<typeof Document>[0]> = {}) =>
  Packer.toBuffer(new Document({ ...extra, sections: [{ children }] }));

async function refusal(bytes: Uint8Array): Promise<ImportError> {
  const error = await readDocx(bytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('readDocx', () => {
  it('gives back every paragraph of a realistic notice exactly, in order, and nothing else', async () => {
    const blocks = await readDocx(await docxFrom(SAMPLE_BLOCKS));
    expect(blockLines(blocks)).toEqual(blockLines(SAMPLE_BLOCKS));
  });

  it('keeps the bold leads (（一）…。 and 整改情况：) as bold, and only them', async () => {
    const blocks = await readDocx(await docxFrom(SAMPLE_BLOCKS));
    expect(boldLeads(blocks)).toEqual(boldLeads(SAMPLE_BLOCKS));
    expect(boldLeads(blocks).filter(Boolean)).toEqual([
      '（一）提高政治站位，压紧压实整改责任。',
      '（二）坚持统筹推进，确保整改取得实效。',
      '整改情况：',
      '整改情况：',
      '整改情况：',
    ]);
  });

  it('reads a table as a table, a merged cell as its text once', async () => {
    const blocks = await readDocx(
      await docxFrom([
        { kind: 'paragraph', text: '整改任务完成情况如下：' },
        { kind: 'table', rows: [['类别', '问题数', '已完成'], ['政治建设', '8', '7'], ['合计：14个问题，已完成13个']] },
        { kind: 'paragraph', text: '下一步，继续推进整改。' },
      ]),
    );
    expect(blocks).toEqual([
      { kind: 'paragraph', text: '整改任务完成情况如下：' },
      {
        kind: 'table',
        rows: [
          ['类别', '问题数', '已完成'],
          ['政治建设', '8', '7'],
          ['合计：14个问题，已完成13个', '', ''],
        ],
      },
      { kind: 'paragraph', text: '下一步，继续推进整改。' },
    ]);
  });

  it('a table of one column (a web page pasted into Word) is read as paragraphs', async () => {
    const wrapped = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Table({
                rows: [
                  new TableRow({ children: [new TableCell({ children: [new Paragraph('一、整改情况')] })] }),
                  new TableRow({
                    children: [new TableCell({ children: [new Paragraph('局党组高度重视整改工作。'), new Paragraph('2023年9月20日')] })],
                  }),
                ],
              }),
            ],
          },
        ],
      }),
    );
    expect(blockLines(await readDocx(wrapped))).toEqual(['一、整改情况', '局党组高度重视整改工作。', '2023年9月20日']);
  });

  it('a soft line break (Shift+Enter) splits a paragraph, except inside a sentence', async () => {
    const soft = (...parts: string[]) =>
      new Paragraph({ children: parts.map((text, i) => new TextRun({ text, break: i > 0 ? 1 : undefined })) });
    const blocks = await readDocx(
      await paragraphs([
        soft('联系电话：0999-12345678', '电子邮箱：jtj@example.gov.cn'),
        soft('中共示例市交通运输局党组', '2023年9月20日'),
        soft('坚持问题导向，', '确保整改取得实效。'),
        soft('对已完成的整改事项', '，适时开展“回头看”。'),
        soft('', '一、整改情况', ''),
      ]),
    );
    expect(blockLines(blocks)).toEqual([
      '联系电话：0999-12345678',
      '电子邮箱：jtj@example.gov.cn',
      '中共示例市交通运输局党组',
      '2023年9月20日',
      '坚持问题导向，确保整改取得实效。',
      '对已完成的整改事项，适时开展“回头看”。',
      '一、整改情况',
    ]);
  });

  it('drops empty paragraphs and trims full-width and ordinary indentation', async () => {
    const blocks = await readDocx(
      await paragraphs([
        new Paragraph(''),
        new Paragraph('\u3000\u3000根据统一部署，开展巡察。'),
        new Paragraph('   '),
        new Paragraph('  二、整改情况  '),
      ]),
    );
    expect(blocks).toEqual([
      { kind: 'paragraph', text: '根据统一部署，开展巡察。' },
      { kind: 'paragraph', text: '二、整改情况' },
    ]);
  });

  it('a paragraph wholly in bold has all of it as its bold lead; one starting plain has none', async () => {
    const blocks = await readDocx(
      await paragraphs([
        new Paragraph({ children: [new TextRun({ text: '（一）关于“甲”的问题。', bold: true })] }),
        new Paragraph({ children: [new TextRun('整改情况：'), new TextRun({ text: '一是', bold: true })] }),
      ]),
    );
    expect(blocks).toEqual([
      { kind: 'paragraph', text: '（一）关于“甲”的问题。', bold: '（一）关于“甲”的问题。' },
      { kind: 'paragraph', text: '整改情况：一是' },
    ]);
  });

  it('writes out Word’s automatic numbering (一、（一）1.), continuing and restarting as Word does', async () => {
    const numbered = (level: number, ...runs: TextRun[]) => new Paragraph({ numbering: { reference: 'notice', level }, children: runs });
    const doc = await paragraphs(
      [
        new Paragraph('根据统一部署，开展巡察。'),
        numbered(0, new TextRun('巡察整改组织领导情况')),
        numbered(1, new TextRun({ text: '提高政治站位。', bold: true }), new TextRun('局党组召开专题会议。')),
        numbered(1, new TextRun({ text: '坚持统筹推进。', bold: true }), new TextRun('局党组每月调度。')),
        numbered(0, new TextRun('整改进展情况')),
        numbered(1, new TextRun('关于“甲”的问题')),
        numbered(2, new TextRun('关于“乙”的问题。')),
        numbered(2, new TextRun('关于“丙”的问题。')),
        numbered(1, new TextRun('关于“丁”的问题')),
        numbered(2, new TextRun('关于“戊”的问题。')),
        new Paragraph({ children: [new TextRun('• 不是编号的段落')] }),
      ],
      {
        numbering: {
          config: [
            {
              reference: 'notice',
              levels: [
                { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
                { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
                { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT },
              ],
            },
          ],
        },
      },
    );
    const blocks = await readDocx(doc);
    expect(blockLines(blocks)).toEqual([
      '根据统一部署，开展巡察。',
      '一、巡察整改组织领导情况',
      '（一）提高政治站位。局党组召开专题会议。',
      '（二）坚持统筹推进。局党组每月调度。',
      '二、整改进展情况',
      '（一）关于“甲”的问题',
      '1.关于“乙”的问题。',
      '2.关于“丙”的问题。',
      '（二）关于“丁”的问题',
      '1.关于“戊”的问题。',
      '• 不是编号的段落',
    ]);
    // The number belongs to the bold lead when the paragraph starts bold.
    expect(boldLeads(blocks)[2]).toBe('（一）提高政治站位。');
  });

  it('leaves footnotes (reference and note) out', async () => {
    const doc = await paragraphs(
      [new Paragraph({ children: [new TextRun('开展巡察。'), new FootnoteReferenceRun(1), new TextRun('现予公布。')] })],
      {
        footnotes: { 1: { children: [new Paragraph('这是脚注的内容。')] } },
      },
    );
    expect(blockLines(await readDocx(doc))).toEqual(['开展巡察。现予公布。']);
  });

  it('refuses a damaged file (its XML broken) and one whose parts are encrypted, saying what to do', async () => {
    const good = await docxFrom([{ kind: 'paragraph', text: '一、整改情况' }]);
    const entries = zipEntries(good)!;
    const parts = entries.map((e) => ({ name: e.name, data: readZipEntry(good, e) }));
    const broken = writeZip(parts.map((p) => (p.name === 'word/document.xml' ? { ...p, data: p.data.subarray(0, p.data.length / 2) } : p)));
    const damaged = await refusal(broken);
    expect(damaged.message).toContain('已损坏');
    expect(damaged.message).toContain('另存为” .docx');

    const noDocument = writeZip(
      parts.filter((p) => p.name !== 'word/document.xml').concat({ name: 'word/document2.xml', data: new Uint8Array() }),
    );
    expect((await refusal(noDocument)).message).toContain('已损坏');

    // The “encrypted” flag of a ZIP entry (a docx protected by a ZIP password).
    const encrypted = Buffer.from(good);
    for (let at = 0; at + 4 <= encrypted.length; at++) {
      if (encrypted.readUInt32LE(at) === 0x02014b50) encrypted[at + 8] |= 1;
    }
    expect((await refusal(encrypted)).message).toContain('密码');
  });

  it('extractBlocks reads a Word file under any name', async () => {
    const result = await extractBlocks(await docxFrom(SAMPLE_BLOCKS.slice(0, 3)), '通报（定稿）.txt');
    expect(result?.format).toBe('docx');
    expect(blockLines(result!.blocks)).toEqual(blockLines(SAMPLE_BLOCKS.slice(0, 3)));
  });
});

describe('blocksFromText (the fixture maker the format tests share)', () => {
  it('makes paragraphs, bold leads, Markdown tables, a centred title and a right-aligned signature and date', () => {
    expect(
      blocksFromText(
        '关于巡察整改进展情况的通报\n\n**整改情况：**一是建立机制。\n| 类别 | 问题 |\n|---|---|\n| 政治建设 | 8 |\n中共示例委员会\n2023年9月20日\n',
      ),
    ).toEqual([
      { kind: 'paragraph', text: '关于巡察整改进展情况的通报', align: 'center' },
      { kind: 'paragraph', text: '整改情况：一是建立机制。', bold: '整改情况：' },
      {
        kind: 'table',
        rows: [
          ['类别', '问题'],
          ['政治建设', '8'],
        ],
      },
      { kind: 'paragraph', text: '中共示例委员会', align: 'right' },
      { kind: 'paragraph', text: '2023年9月20日', align: 'right' },
    ]);
  });
});

describe('a Word file’s own date', () => {
  it('is its last save (docProps/core.xml), as a day in China', async () => {
    const before = todayInShanghai();
    const { properties } = await readDocxDocument(await docxFrom(SAMPLE_BLOCKS));
    expect(properties.date?.from).toBe('Word 文档属性里的最后保存日期');
    expect([before, todayInShanghai()]).toContain(properties.date?.iso);
  });
});
