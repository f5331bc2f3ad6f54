// Which reader a file goes to: decided by its content (magic bytes, the parts inside a ZIP, the start of a
// web page), and by its extension only when the content does not say. Files the importer cannot read
// (old .doc and WPS files, spreadsheets, RTF, single-file web pages, pictures) are refused here with a
// message that says what the file is and what to do.
import { ImportError } from '../decode';
import type { Format } from './blocks';
import { isOle, oleStreamNames } from './ole';
import { isZip, localNames, zipEntries } from './zip';

/** What the user is told to do with every Office file the importer cannot read. */
export const SAVE_AS_DOCX = '请在 Word 或 WPS 里打开，“另存为” .docx（Word 文档）后再导入。';
const NOT_NOTICE_TEXT = '请导入通报正文本身（Word 文档 .docx、网页 .html、PDF 或 .txt 文本）；通报里的表格应在通报的 Word 文档里。';
const NEEDS_OCR = '扫描件或照片需要先用 OCR（文字识别）转成文字，核对后保存为 .docx 或 .txt 再导入。';

const extensionOf = (fileName: string) => /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1].toLowerCase() ?? '';

export function detectFormat(bytes: Uint8Array, fileName: string): Format {
  const ext = extensionOf(fileName);
  if (isZip(bytes)) return zipFormat(bytes, ext);
  if (isOle(bytes)) throw oleError(bytes, ext);
  if (startsWithin(bytes, '%PDF-', 1024)) return 'pdf';
  if (startsWith(bytes, '{\\rtf')) {
    throw new ImportError(`这是 RTF 格式（富文本）的文件，导入程序只读 .docx。${SAVE_AS_DOCX}`);
  }
  const image = imageKind(bytes);
  if (image) throw new ImportError(`这是一张图片（${image}），不是文字。${NEEDS_OCR}`);
  if (looksMhtml(bytes) || ((ext === 'mht' || ext === 'mhtml') && !looksHtml(bytes))) {
    throw new ImportError(
      '这是“单个文件网页”（.mht/.mhtml：网页连同图片打包在一个文件里），导入程序读不了。请在浏览器里打开这个网页，按 Ctrl+S，保存类型选“网页，仅 HTML”，保存成 .html 文件后再导入。',
    );
  }
  if (looksHtml(bytes)) return 'html';
  return byExtension(ext);
}

/** Content that says nothing (plain text or unknown bytes): the extension decides. */
function byExtension(ext: string): Format {
  if (['htm', 'html', 'shtml', 'xhtml', 'xht', 'jsp', 'asp', 'aspx', 'php'].includes(ext)) return 'html';
  const named = EXTENSIONS[ext];
  if (named) {
    throw new ImportError(
      `文件的扩展名是 .${ext}（${named}），但内容不是${named}：文件可能已损坏、没有下载完整，或被改了扩展名。请重新获取原文件；如果能用 Word 或 WPS 打开，请“另存为” .docx 后再导入。`,
    );
  }
  return 'text';
}

const EXTENSIONS: Record<string, string> = {
  docx: 'Word 文档',
  docm: 'Word 文档',
  dotx: 'Word 模板',
  doc: 'Word 97–2003 文档',
  dot: 'Word 模板',
  wps: 'WPS 文字文档',
  wpt: 'WPS 文字模板',
  et: 'WPS 表格',
  ett: 'WPS 表格模板',
  xls: 'Excel 表格',
  xlsx: 'Excel 表格',
  xlsm: 'Excel 表格',
  ppt: 'PowerPoint 演示文稿',
  pptx: 'PowerPoint 演示文稿',
  dps: 'WPS 演示文稿',
  odt: 'OpenDocument 文本',
  ods: 'OpenDocument 表格',
  odp: 'OpenDocument 演示文稿',
  ofd: 'OFD 版式文件',
  pdf: 'PDF 文件',
  rtf: 'RTF 文件',
  zip: 'ZIP 压缩包',
  rar: 'RAR 压缩包',
  '7z': '7z 压缩包',
  png: '图片',
  jpg: '图片',
  jpeg: '图片',
  gif: '图片',
  bmp: '图片',
  tif: '图片',
  tiff: '图片',
  webp: '图片',
  heic: '图片',
};

function zipFormat(bytes: Uint8Array, ext: string): Format {
  const entries = zipEntries(bytes);
  const names = entries ? entries.map((e) => e.name) : localNames(bytes);
  const has = (test: RegExp) => names.some((n) => test.test(n));
  if (has(/^word\/document\d*\.xml$/i) || (!entries && has(/^word\//i))) {
    if (!entries) {
      throw new ImportError(
        '这个 Word 文档（.docx）不完整或已损坏：文件的末尾缺失，可能没有下载或复制完整。请重新获取原文件；如果 Word 或 WPS 还能打开它，请“另存为”一个新的 .docx 后再导入。',
      );
    }
    return 'docx';
  }
  if (has(/^xl\/workbook\.xml$/i)) throw new ImportError(`这是表格文件（Excel .xlsx），不是通报正文。${NOT_NOTICE_TEXT}`);
  if (has(/^ppt\/presentation\.xml$/i)) throw new ImportError(`这是 PowerPoint 演示文稿（.pptx），不是通报正文。${NOT_NOTICE_TEXT}`);
  if (has(/^OFD\.xml$/i)) {
    throw new ImportError(
      '这是 OFD 版式文件，导入程序读不了。请用 OFD 阅读器（如数科阅读器、福昕 OFD 版式办公套件）打开，导出或“另存为” PDF 后再导入；也可以复制正文，粘贴到一个 .txt 文件后导入。',
    );
  }
  if (has(/\.fdseq$/i) || has(/^FixedDocumentSequence/i)) {
    throw new ImportError(
      '这是 XPS 文件，导入程序读不了。请用 XPS 查看器打开，“打印”成 PDF 后再导入；也可以复制正文，粘贴到一个 .txt 文件后导入。',
    );
  }
  if (has(/^content\.xml$/i) && has(/^mimetype$/i)) {
    const spreadsheet = ext === 'ods' || ext === 'odp';
    if (spreadsheet)
      throw new ImportError(`这是${ext === 'ods' ? '表格文件' : '演示文稿'}（OpenDocument .${ext}），不是通报正文。${NOT_NOTICE_TEXT}`);
    throw new ImportError(
      '这是 OpenDocument 文本（.odt），导入程序只读 .docx。请在 WPS、Word 或 LibreOffice 里打开，“另存为” .docx（Word 文档）后再导入。',
    );
  }
  if (!entries) {
    throw new ImportError('文件是 ZIP 格式，但已损坏或不完整（可能没有下载完整），读不出里面的内容。请重新获取原文件后再导入。');
  }
  throw new ImportError(
    `这是一个 ZIP 压缩包${ext && ext !== 'zip' ? `（虽然扩展名是 .${ext}）` : ''}，不是 Word 文档。请先解压，再导入其中的通报文件（.docx、.html、.pdf 或 .txt）。`,
  );
}

function oleError(bytes: Uint8Array, ext: string): ImportError {
  const streams = oleStreamNames(bytes);
  if (streams.has('EncryptedPackage') || streams.has('EncryptionInfo')) {
    return new ImportError(
      '这是设置了打开密码的 Office 文件（已加密），导入程序无法读取。请在 Word 或 WPS 里输入密码打开，取消密码（Word：文件 → 信息 → 保护文档 → 用密码进行加密，清空密码），“另存为” .docx 后再导入。',
    );
  }
  if (streams.has('WordDocument')) {
    if (ext === 'wps' || ext === 'wpt') return new ImportError(`这是 WPS 文字的 .wps 文件，导入程序只读 .docx。${SAVE_AS_DOCX}`);
    return new ImportError(`这是 Word 97–2003 格式的 .doc 文件，导入程序只读 .docx。${SAVE_AS_DOCX}`);
  }
  if (streams.has('Workbook') || streams.has('Book')) {
    const what = ext === 'et' || ext === 'ett' ? 'WPS 表格 .et' : 'Excel .xls';
    return new ImportError(`这是表格文件（${what}），不是通报正文。${NOT_NOTICE_TEXT}`);
  }
  if (streams.has('PowerPoint Document')) {
    return new ImportError(`这是演示文稿（${ext === 'dps' ? 'WPS 演示 .dps' : 'PowerPoint .ppt'}），不是通报正文。${NOT_NOTICE_TEXT}`);
  }
  if (ext === 'wps' || ext === 'wpt') return new ImportError(`这是 WPS 文字的 .wps 文件，导入程序只读 .docx。${SAVE_AS_DOCX}`);
  if (ext === 'et' || ext === 'ett') return new ImportError(`这是表格文件（WPS 表格 .et），不是通报正文。${NOT_NOTICE_TEXT}`);
  return new ImportError(
    `这是旧版 Office 格式（OLE 复合文档）的文件，但认不出是哪一种，导入程序读不了。如果它是 Word 或 WPS 文档，${SAVE_AS_DOCX}`,
  );
}

function startsWith(bytes: Uint8Array, magic: string, at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[at + i] !== magic.charCodeAt(i)) return false;
  return true;
}

function startsWithin(bytes: Uint8Array, magic: string, within: number): boolean {
  const head = Buffer.from(bytes.subarray(0, within + magic.length)).toString('latin1');
  return head.indexOf(magic) >= 0 && head.indexOf(magic) < within;
}

function imageKind(b: Uint8Array): string | undefined {
  if (startsWith(b, '\x89PNG\r\n\x1a\n')) return 'PNG';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'JPEG';
  if (startsWith(b, 'GIF87a') || startsWith(b, 'GIF89a')) return 'GIF';
  if (startsWith(b, 'II*\0') || startsWith(b, 'MM\0*')) return 'TIFF';
  if (startsWith(b, 'RIFF') && startsWith(b, 'WEBP', 8)) return 'WebP';
  if (startsWith(b, 'ftyp', 4) && /^(heic|heix|hevc|heim|heis|mif1|avif)$/.test(Buffer.from(b.subarray(8, 12)).toString('latin1')))
    return 'HEIC';
  // BMP: "BM", the file size, then four reserved zero bytes; text starting with "BM" has no zero bytes.
  if (startsWith(b, 'BM') && b.length >= 14 && b[6] === 0 && b[7] === 0 && b[8] === 0 && b[9] === 0) return 'BMP';
  return undefined;
}

/** The first couple of kilobytes as Latin-1: enough for the ASCII markup or headers that identify a file. */
function head(bytes: Uint8Array, length = 2048): string {
  return Buffer.from(bytes.subarray(0, length)).toString('latin1');
}

/** MHTML: a MIME message whose headers (before the first blank line) declare multipart/related. */
function looksMhtml(bytes: Uint8Array): boolean {
  const text = head(bytes, 4096);
  const headers = text.split(/\r?\n\r?\n/)[0];
  return /^MIME-Version\s*:/im.test(headers) && /multipart\/related/i.test(text);
}

/**
 * A web page: after an optional BOM, white space, comments (IE's “saved from url” among them) and an XML
 * declaration, the markup a page starts with. Tested on the bytes as Latin-1, so GBK pages are seen too;
 * a UTF-16 page (BOM) is looked at as UTF-16.
 */
function looksHtml(bytes: Uint8Array): boolean {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2, 4096));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2, 4096));
  else text = head(bytes, 4096).replace(/^\xef\xbb\xbf/, '');
  let rest = text;
  for (;;) {
    const before = rest;
    rest = rest.replace(/^[\s\u00a0]+/, '');
    if (rest.startsWith('<!--')) {
      const end = rest.indexOf('-->');
      if (end < 0) return false;
      rest = rest.slice(end + 3);
    } else if (rest.startsWith('<?xml')) {
      const end = rest.indexOf('?>');
      if (end < 0) return false;
      rest = rest.slice(end + 2);
    }
    if (rest === before) break;
  }
  return /^<(!doctype\s+html|html|head|meta|body|div|p|title|table|link|style|script)[\s>/]/i.test(rest);
}
