// Reads a text PDF with pdf.js (legacy build, for Node) into the notice's paragraphs and tables. Nothing is
// fetched (the data is passed in; character maps and standard fonts come from the installed pdfjs-dist)
// and nothing is printed. Scans without a text layer, encrypted and damaged files are refused.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ImportError } from '../decode';
import type { Block } from './blocks';
import { layoutBlocks, type PageText, type PositionedText } from './pdf-layout';
import { pdfProperties, type DocumentProperties } from './properties';

const SCANNED =
  '这是扫描件（只有图片，没有文字层），导入程序读不出文字。需要先用 OCR（文字识别）转成文字，核对后保存为 .docx 或 .txt 再导入。';
const NO_TEXT =
  '这个 PDF 里没有文字：页面是空白的，或者文字被转成了图形。请从原件复制正文，粘贴到一个 .txt 文件，或保存为 .docx 后再导入。';
const ENCRYPTED =
  '这个 PDF 设置了打开密码（已加密），导入程序无法读取。请用 PDF 阅读器输入密码打开，另存一份不带密码的 PDF（或复制正文保存为 .txt）后再导入。';
const DAMAGED =
  '这个 PDF 已损坏或不完整，读不出内容（可能没有下载完整）。请重新获取原文件；如果 PDF 阅读器还能打开它，请另存为新的 PDF，或复制正文保存为 .txt 后再导入。';

/** Fewer characters than this per page on average: no real text layer (a scan, perhaps with a stamped page number). */
const MIN_CHARACTERS_PER_PAGE = 20;

/** The installed pdfjs-dist's folders of character maps and standard fonts, read from disk (never fetched). */
function pdfjsData(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: `${join(root, 'cmaps')}/`, standardFontDataUrl: `${join(root, 'standard_fonts')}/` };
}

/** Errors pdf.js raises for a broken file (its exception classes, or their messages once passed from its worker). */
function isFileFault(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (
    [
      'InvalidPDFException',
      'MissingPDFException',
      'FormatError',
      'XRefEntryException',
      'XRefParseException',
      'UnknownErrorException',
    ].includes(error.name)
  )
    return true;
  return /xref|invalid pdf|bad (\(uncompressed\) )?xref|missing pdf|unexpected (end|token)|illegal|corrupt|bad (fcheck|encoding|stream)|invalid (stream|header|block|dictionary|object)|not a pdf/i.test(
    error.message,
  );
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;
const loadPdfJs = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** The exceptions pdf.js raises about a file's content. */
const PDFJS_EXCEPTIONS = new Set([
  'XRefEntryException',
  'XRefParseException',
  'FormatError',
  'InvalidPDFException',
  'MissingPDFException',
  'MissingDataException',
  'UnknownErrorException',
  'PasswordException',
  'AbortException',
  'ParserEOFException',
  'UnexpectedResponseException',
]);

type RejectionListener = (reason: unknown, promise: Promise<unknown>) => void;
let containing = 0;
let others: RejectionListener[] = [];

/** Ignores pdf.js's own exceptions that nothing handles; hands any other unhandled rejection on as before. */
const contain: RejectionListener = (reason, promise) => {
  if (reason instanceof Error && PDFJS_EXCEPTIONS.has(reason.name)) return;
  if (others.length === 0) {
    // Nobody else listens: what Node does itself, end the process with the error.
    setImmediate(() => {
      throw reason;
    });
  }
  for (const listener of others) listener(reason, promise);
};

/**
 * pdf.js leaves some of its internal promises without a handler when a damaged file makes them fail
 * (getPage on a broken page tree rejects one it keeps as well as the one it returns). The reader has then
 * already reported the damage as an ImportError, but Node would end the process (and a test runner would
 * fail the run) on the unhandled rejection. So while PDFs are read, the process's unhandled-rejection
 * listeners are swapped for one that drops pdf.js's own exceptions and passes everything else to them.
 */
async function withPdfJsRejectionsContained<T>(read: () => Promise<T>): Promise<T> {
  if (containing++ === 0) {
    others = process.listeners('unhandledRejection') as RejectionListener[];
    for (const listener of others) process.off('unhandledRejection', listener);
    process.on('unhandledRejection', contain);
  }
  try {
    return await read();
  } finally {
    // Unhandled rejections are reported once the microtasks run out: wait for that before swapping back.
    await new Promise((resolve) => setImmediate(resolve));
    if (--containing === 0) {
      process.off('unhandledRejection', contain);
      for (const listener of others) process.on('unhandledRejection', listener);
      others = [];
    }
  }
}

/** The notice's blocks of a PDF. */
export const readPdf = async (bytes: Uint8Array): Promise<Block[]> => (await readPdfDocument(bytes)).blocks;

/** The blocks and the file's Info dictionary's dates. */
export function readPdfDocument(bytes: Uint8Array): Promise<{ blocks: Block[]; properties: DocumentProperties }> {
  return withPdfJsRejectionsContained(() => readPdfContent(bytes));
}

async function readPdfContent(bytes: Uint8Array): Promise<{ blocks: Block[]; properties: DocumentProperties }> {
  const { getDocument, VerbosityLevel, OPS } = await loadPdfJs();
  const task = getDocument({
    // pdf.js takes the buffer over: give it a copy so the caller's bytes stay as they are.
    data: new Uint8Array(bytes),
    ...pdfjsData(),
    cMapPacked: true,
    useSystemFonts: false,
    disableFontFace: true,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => {});
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') throw new ImportError(ENCRYPTED);
    if (isFileFault(error)) throw new ImportError(DAMAGED);
    throw new Error(`pdf.js could not open the PDF: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  try {
    const pages: PageText[] = [];
    const characters: number[] = [];
    const scannedPages: number[] = [];
    const IMAGE_OPS = new Set([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat]);
    for (let n = 1; n <= doc.numPages; n++) {
      let page;
      let content;
      try {
        page = await doc.getPage(n);
        content = await page.getTextContent();
      } catch (error) {
        // pdf.js's own complaints about the file's structure (a bad cross-reference, a broken stream).
        if (isFileFault(error)) throw new ImportError(DAMAGED);
        throw error;
      }
      const items: PositionedText[] = [];
      for (const item of content.items) {
        if (!('str' in item) || !item.str) continue;
        const [a, b, c, d, x, y] = item.transform as number[];
        // Rotated or slanted text (a diagonal watermark) is not part of the notice's lines.
        if (Math.abs(b) > Math.abs(a) * 0.05 || Math.abs(c) > Math.abs(d) * 0.05) continue;
        items.push({ str: item.str, x, y, width: item.width, size: Math.abs(d) || Math.hypot(c, d) });
      }
      pages.push({ items });
      characters.push(items.reduce((sum, i) => sum + i.str.replace(/\s/g, '').length, 0));
      // A page (almost) without text is a scanned page when it carries an image, and blank otherwise.
      if (characters[n - 1] < 5) {
        const ops = await page.getOperatorList().catch(() => undefined);
        if (ops?.fnArray.some((f) => IMAGE_OPS.has(f))) scannedPages.push(n);
      }
      page.cleanup();
    }
    const total = characters.reduce((a, b) => a + b, 0);
    if (total < MIN_CHARACTERS_PER_PAGE * doc.numPages) throw new ImportError(scannedPages.length || total > 0 ? SCANNED : NO_TEXT);
    if (scannedPages.length) {
      throw new ImportError(
        `这个 PDF 的第 ${scannedPages.join('、')} 页是扫描的图片，没有文字层，导入程序读不出这几页的文字。需要先用 OCR（文字识别）把整份文件转成文字，核对后保存为 .docx 或 .txt 再导入。`,
      );
    }
    const metadata = await doc.getMetadata().catch(() => undefined);
    return { blocks: layoutBlocks(pages), properties: pdfProperties(metadata?.info as Record<string, unknown> | undefined) };
  } finally {
    await task.destroy();
  }
}
