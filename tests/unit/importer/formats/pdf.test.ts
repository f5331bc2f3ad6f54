// The PDF reader: the line-to-paragraph layout on typeset pages (always), and the whole reader on PDFs that
// Chromium prints (A4, wrapping lines and pages, page numbers, a running header) and on scanned, blank,
// encrypted and damaged PDFs. Nothing may be printed while reading.
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ImportError } from '../../../../src/importer/decode';
import { extractBlocks } from '../../../../src/importer/formats';
import { readPdf, readPdfDocument } from '../../../../src/importer/formats/pdf';
import { todayInShanghai } from '../../../../src/notice/skeleton';
import { layoutBlocks, type PageText, type PositionedText } from '../../../../src/importer/formats/pdf-layout';
import { checkBrowser } from '../../../helpers/browser';
import { PDF_RUNNING_HEADER, closePdfBrowser, pdfFrom, scannedPdf } from '../../../helpers/documents';
import { SAMPLE_BLOCKS, blockLines, compact } from './notice-sample';

// ------------------------------------------------------------------------------- typeset pages

const SIZE = 16;
const LEFT = 80;
const RIGHT = 520; // 27.5 characters of 16 pt
const PITCH = 28;
const TOP = 760;

/** One line's items, a character each (Chinese a full em, Latin about half), starting at x. */
function typesetLine(text: string, x: number, y: number, size = SIZE): PositionedText[] {
  const items: PositionedText[] = [];
  for (const ch of text) {
    const width = /[\x20-\x7e]/.test(ch) ? size * 0.55 : size;
    if (ch !== ' ') items.push({ str: ch, x, y, width, size });
    x += width;
  }
  return items;
}

type Spec = string | { text: string; x?: number; gap?: number; size?: number; right?: boolean; center?: boolean };

/** A page from line specs, top down: a string is a body line at the left edge; `x` indents, `gap` adds space above. */
function page(specs: Spec[], furniture: { header?: string; footer?: string } = {}): PageText {
  let y = TOP;
  const items: PositionedText[] = [];
  if (furniture.header) items.push(...typesetLine(furniture.header, 250, 800, 10));
  for (const spec of specs) {
    const s = typeof spec === 'string' ? { text: spec } : spec;
    const size = s.size ?? SIZE;
    y -= (s.gap ?? 0) + (size > SIZE ? size * 1.6 : PITCH);
    const width = [...s.text].reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? size * 0.55 : size), 0);
    const x = s.right ? RIGHT - width : s.center ? (LEFT + RIGHT - width) / 2 : LEFT + (s.x ?? 0);
    items.push(...typesetLine(s.text, x, y, size));
  }
  if (furniture.footer) items.push(...typesetLine(furniture.footer, 280, 60, 12));
  return { items };
}

/** A paragraph's lines: the first indented two characters, 27 characters to a full line (justified to the right edge). */
function wrap(text: string, { indent = true } = {}): Spec[] {
  const chars = [...text];
  const specs: Spec[] = [];
  let first = true;
  while (chars.length) {
    const room = first && indent ? 25 : 27;
    const line = chars.splice(0, room).join('');
    specs.push(first && indent ? { text: line, x: 2 * SIZE } : line);
    first = false;
  }
  return specs;
}

const LONG =
  '局党组坚决扛起巡察整改主体责任，把巡察整改作为一项重大政治任务，主要负责同志认真履行第一责任人责任，领导班子成员按照分工抓好分管领域整改，切实做到真认账、真反思、真整改、真落实。';

describe('layoutBlocks: lines to paragraphs', () => {
  it('joins the wrapped lines of indented paragraphs, across a page break too, and keeps short lines and headings apart', () => {
    const lines = wrap(LONG);
    const pages = [
      page(
        [
          { text: '中共示例市交通运输局党组关于巡察集中整改', size: 22, center: true },
          { text: '进展情况的通报', size: 22, center: true },
          { text: '一、巡察整改组织领导情况', x: 32, gap: 20 },
          ...lines.slice(0, 3),
        ],
        { footer: '- 1 -' },
      ),
      page(
        [
          ...lines.slice(3),
          { text: '二、整改情况', x: 32 },
          { text: '1、关于“项目建设不够有力”的问题。', x: 32 },
          ...wrap('整改情况：一是建立调度机制。二是加快前期工作。'),
        ],
        { footer: '- 2 -' },
      ),
    ];
    expect(blockLines(layoutBlocks(pages))).toEqual([
      '中共示例市交通运输局党组关于巡察集中整改进展情况的通报',
      '一、巡察整改组织领导情况',
      LONG,
      '二、整改情况',
      '1、关于“项目建设不够有力”的问题。',
      '整改情况：一是建立调度机制。二是加快前期工作。',
    ]);
  });

  it('paragraphs without indentation are told apart by the space between them, by a short last line and by a heading', () => {
    const full = '集团党委成立巡察整改工作领导小组，建立整改工作责任制度。'; // 28 characters: a full line ending a sentence
    const pages = [
      page([
        ...wrap(LONG, { indent: false }),
        { text: '根据市委巡察工作统一部署，开展了常规巡察。', gap: 14 },
        '根据统一部署，集团党委召开专题会议研究部署整改工作，并且',
        full.slice(0, 27),
        full.slice(27),
        full.slice(0, 27) + full.slice(27),
        '二、整改进展情况',
      ]),
    ];
    expect(blockLines(layoutBlocks(pages))).toEqual([
      LONG,
      '根据市委巡察工作统一部署，开展了常规巡察。',
      `根据统一部署，集团党委召开专题会议研究部署整改工作，并且${full}`,
      full,
      '二、整改进展情况',
    ]);
  });

  it('drops page numbers in their usual dresses and running headers and footers, keeping the text between', () => {
    const dresses = ['- 1 -', '— 2 —', '3', '4/5', '第 5 页 共 6 页', '共6页 第6页'];
    const units = '甲乙丙丁戊己';
    const body = (i: number) => [`${units[i]}单位${LONG}`, `${units[i]}单位建立问题清单，逐项销号。`];
    const pages = dresses.map((footer, i) =>
      page(
        body(i).flatMap((text) => wrap(text)),
        { header: '巡察整改工作专刊（内部资料）', footer },
      ),
    );
    pages[0].items.push(...typesetLine('示例市交通运输局印发', 240, 40, 10));
    pages[1].items.push(...typesetLine('示例市交通运输局印发', 240, 40, 10));
    pages[2].items.push(...typesetLine('示例市交通运输局印发', 240, 40, 10));
    expect(blockLines(layoutBlocks(pages))).toEqual(dresses.flatMap((_, i) => body(i)));
  });

  it('keeps a number that is the last line of a paragraph, not a page number', () => {
    const pages = [page([{ text: '本次巡察共反馈问题，已完成整改的问题数为', x: 32 }, '18', { text: '下一步继续推进。', x: 32 }])];
    expect(blockLines(layoutBlocks(pages))).toEqual(['本次巡察共反馈问题，已完成整改的问题数为18', '下一步继续推进。']);
  });

  it('an email or web address moved whole to the next line continues the sentence; Latin words keep their space', () => {
    const pages = [
      page([
        { text: '如有意见建议，请发送电子邮件至', x: 32 },
        'jtj_xczg@example.gov.cn，我们将及时答复。',
        { text: '推进智慧交通建设，上线“Smart', x: 32 },
        'City”综合平台和Open Data开放数据服务。',
      ]),
    ];
    expect(blockLines(layoutBlocks(pages))).toEqual([
      '如有意见建议，请发送电子邮件至jtj_xczg@example.gov.cn，我们将及时答复。',
      '推进智慧交通建设，上线“Smart City”综合平台和Open Data开放数据服务。',
    ]);
  });

  it('signature and date set at the right stay lines of their own, after a full line too', () => {
    const pages = [
      page([
        ...wrap(LONG),
        { text: '联系电话：0999-12345678', x: 32 },
        { text: '中共示例市交通运输局党组', right: true },
        { text: '2023年9月20日', right: true },
      ]),
    ];
    expect(blockLines(layoutBlocks(pages))).toEqual([LONG, '联系电话：0999-12345678', '中共示例市交通运输局党组', '2023年9月20日']);
  });

  it('folds the radicals PDF producers put for shared glyphs back to ideographs (⽉ → 月, ⻅ → 见, ⼾ → 户) and look-alike punctuation', () => {
    expect(blockLines(layoutBlocks([page([{ text: '2023年9⽉反馈了巡察意⻅――为1.8万⼾群众办证，1〜3⽉完成。', x: 32 }])]))).toEqual([
      '2023年9月反馈了巡察意见——为1.8万户群众办证，1～3月完成。',
    ]);
  });
});

// ----------------------------------------------------------------------------- crafted PDFs

/** A PDF from object bodies, with a correct cross-reference table. */
function craftPdf(objects: string[], trailer = ''): Buffer {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
const PAGE_TREE = [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
];

async function refusal(bytes: Uint8Array): Promise<ImportError> {
  const error = await readPdf(bytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

/** Runs `fn` with the console and the standard streams watched; returns what was printed. */
async function printedDuring(fn: () => Promise<unknown>): Promise<string[]> {
  const printed: string[] = [];
  const spies = [
    ...(['log', 'info', 'warn', 'error', 'debug'] as const).map((k) =>
      vi.spyOn(console, k).mockImplementation((...args: unknown[]) => void printed.push(`console.${k}: ${args.join(' ')}`)),
    ),
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => (printed.push(`stdout: ${String(chunk)}`), true)),
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => (printed.push(`stderr: ${String(chunk)}`), true)),
  ];
  try {
    await fn().catch(() => undefined);
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return printed;
}

describe('readPdf on PDFs it cannot read', () => {
  it('refuses an encrypted PDF, saying to save a copy without the password', async () => {
    const encrypted = craftPdf(
      [...PAGE_TREE, `<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -4 >>`],
      `/Encrypt 4 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>] `,
    );
    const message = (await refusal(encrypted)).message;
    expect(message).toContain('密码');
    expect(message).toContain('不带密码');
  });

  it('refuses a damaged PDF and a blank one, each with its own message', async () => {
    expect((await refusal(Buffer.from(`%PDF-1.7\n${'x'.repeat(500)}`, 'latin1'))).message).toContain('已损坏');
    expect((await refusal(craftPdf(PAGE_TREE))).message).toContain('没有文字');
  });

  it('prints nothing while reading a damaged or an encrypted PDF', async () => {
    expect(
      await printedDuring(() =>
        readPdf(Buffer.from(`%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\n${'garbage '.repeat(50)}`, 'latin1')),
      ),
    ).toEqual([]);
    expect(
      await printedDuring(() =>
        readPdf(craftPdf([...PAGE_TREE, '<< /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >>'], '/Encrypt 4 0 R ')),
      ),
    ).toEqual([]);
  });
});

// ------------------------------------------------------------------------------ Chromium's PDFs

const browser = checkBrowser();

describe.skipIf(!browser.available)(`readPdf on PDFs Chromium prints${browser.reason ? ` (skipped: ${browser.reason})` : ''}`, () => {
  let pdf: Buffer;
  let scan: Buffer;
  let pageTexts: string[];

  beforeAll(async () => {
    [pdf, scan] = await Promise.all([pdfFrom(SAMPLE_BLOCKS), scannedPdf()]);
    // The text of each page as pdf.js gives it, to check what the fixture really is.
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const task = getDocument({ data: new Uint8Array(pdf), disableFontFace: true, useSystemFonts: false, verbosity: 0 });
    const doc = await task.promise;
    pageTexts = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pageTexts.push(content.items.map((i) => ('str' in i ? i.str : '')).join(''));
    }
    await task.destroy();
  });
  afterAll(closePdfBrowser);

  it('the fixture is what the test needs: several pages, page numbers, a running header, a paragraph broken by a page', () => {
    expect(pageTexts.length).toBeGreaterThan(1);
    pageTexts.forEach((text, i) => {
      expect(compact(text)).toContain(`-${i + 1}-`);
      expect(text).toContain(PDF_RUNNING_HEADER.slice(0, 4));
    });
    const folded = pageTexts.map((t) => compact(t.normalize('NFKC')));
    const broken = SAMPLE_BLOCKS.filter(
      (b) =>
        b.kind === 'paragraph' &&
        !folded.some((t) => t.includes(compact(b.text.normalize('NFKC')))) &&
        folded
          .join('')
          .replace(/-\d+-/g, '')
          .includes(compact(b.text.normalize('NFKC')).slice(0, 10)),
    );
    expect(broken.length, 'a paragraph that runs from one page onto the next').toBeGreaterThan(0);
  });

  it('gives back every paragraph of a realistic notice exactly, in order, and nothing else: wrapped lines and pages joined, headings, table, signature and date apart', async () => {
    const blocks = await readPdf(pdf);
    expect(blockLines(blocks)).toEqual(blockLines(SAMPLE_BLOCKS));
  });

  it('gives the PDF’s creation date as its own date, a day in China', async () => {
    const { properties } = await readPdfDocument(pdf);
    expect(properties.date?.from).toBe('PDF 文件的创建日期');
    // Chromium stamps the time it printed: today, or yesterday just after midnight.
    const yesterday = todayInShanghai(new Date(Date.now() - 86_400_000));
    expect([yesterday, todayInShanghai()]).toContain(properties.date?.iso);
  });

  it('leaves out the page numbers and the running header, and has no radicals for ideographs', async () => {
    const text = blockLines(await readPdf(pdf)).join('\n');
    expect(text).not.toContain(PDF_RUNNING_HEADER);
    expect(text).not.toMatch(/-\s*\d+\s*-/);
    expect(text).not.toMatch(/[\u2e80-\u2fdf]/);
  });

  it('is what extractBlocks gives for the PDF under any name, and prints nothing', async () => {
    let result: Awaited<ReturnType<typeof extractBlocks>>;
    const printed = await printedDuring(async () => {
      result = await extractBlocks(pdf, '附件1.docx');
    });
    expect(printed).toEqual([]);
    expect(result!.format).toBe('pdf');
    expect(blockLines(result!.blocks)).toEqual(blockLines(SAMPLE_BLOCKS));
  });

  it('a PDF damaged anywhere in its page tree and fonts is read or refused, never a crash or an unhandled rejection', async () => {
    // pdf.js leaves a rejected promise of its own unhandled on some broken page trees (zeroing 3,000 bytes
    // at 2% of this PDF does it): the reader must still end with an ImportError and nothing else.
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => void unhandled.push(reason);
    process.on('unhandledRejection', listener);
    const outcomes = new Set<string>();
    try {
      for (let k = 1; k <= 20; k++) {
        const damaged = Buffer.from(pdf);
        const at = Math.floor((damaged.length * k) / 200);
        damaged.fill(0, at, at + 3000);
        const outcome = await readPdf(damaged).then(
          () => 'read',
          (e: unknown) => (e instanceof ImportError ? 'refused' : `failed: ${String(e)}`),
        );
        outcomes.add(outcome);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off('unhandledRejection', listener);
    }
    expect([...outcomes].filter((o) => o !== 'read' && o !== 'refused')).toEqual([]);
    expect(unhandled).toEqual([]);
  });

  it('every character of GB2312 printed comes back as itself (radicals and look-alike glyphs folded)', async () => {
    const chars: string[] = [];
    for (let hi = 0xa1; hi <= 0xf7; hi++) {
      for (let lo = 0xa1; lo <= 0xfe; lo++) {
        const c = iconv.decode(Buffer.from([hi, lo]), 'gb2312');
        // ｀ shares its glyph with ‵ (reversed prime), which is just as likely typed: left as it comes.
        if (c.length === 1 && c !== '\ufffd' && c !== '\uff40' && !/\s/.test(c)) chars.push(c);
      }
    }
    expect(chars.length).toBeGreaterThan(7000);
    const rows: string[] = [];
    for (let i = 0; i < chars.length; i += 40) rows.push(chars.slice(i, i + 40).join(''));
    const blocks = await readPdf(await pdfFrom(rows.map((text) => ({ kind: 'paragraph' as const, text }))));
    const got = [...blockLines(blocks).join('').replace(/\s/g, '')];
    const differ = chars.flatMap((c, i) => (got[i] === c ? [] : [`${c}→${got[i]}`]));
    expect(differ.slice(0, 20)).toEqual([]);
    expect(got.length).toBe(chars.length);
  });

  it('refuses a scan (an image, no text layer): OCR it first', async () => {
    const message = (await refusal(scan)).message;
    expect(message).toContain('这是扫描件');
    expect(message).toContain('OCR');
    expect(message).toContain('保存为 .docx 或 .txt 再导入');
  });
});
