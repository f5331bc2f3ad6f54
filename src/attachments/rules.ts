// What a notice may attach (附件): the document types allowed, how each one's bytes must begin, the size
// limit, and what is wrong with a file, in words an editor can act on. Pure: callers read the files.

/** The largest attachment published: 20 MiB. A notice's original is a few MB; more is a scan to compress. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** How many bytes of a file are looked at: what a browser reads to sniff a type (WHATWG MIME Sniffing). */
export const SNIFF_BYTES = 1445;

const ZIP = 'PK\x03\x04';
const OLE = '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1';
const RTF = '{\\rtf';

export interface AttachmentType {
  /** In Chinese, for messages. */
  name: string;
  /** What the dev server sends it as; a static host uses its own table. */
  mime: string;
  /**
   * How the file must begin (Latin-1 strings of bytes); none for text. Legacy Office types also take ZIP
   * (a .docx saved under the old name, which Office opens) and .doc RTF (Word's “另存为 RTF” keeps .doc).
   */
  magic?: string[];
}

/**
 * The allowlist: documents a browser downloads or shows in its own viewer, never runs or renders as a page.
 * HTML, SVG, XML, scripts and anything else are refused however they are named.
 */
export const ATTACHMENT_TYPES: Record<string, AttachmentType> = {
  pdf: { name: 'PDF 文件', mime: 'application/pdf', magic: ['%PDF-'] },
  ofd: { name: 'OFD 版式文件', mime: 'application/ofd', magic: [ZIP] },
  doc: { name: 'Word 97–2003 文档', mime: 'application/msword', magic: [OLE, ZIP, RTF] },
  docx: { name: 'Word 文档', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: [ZIP] },
  wps: { name: 'WPS 文字文档', mime: 'application/wps-office.wps', magic: [OLE, ZIP, RTF] },
  xls: { name: 'Excel 97–2003 表格', mime: 'application/vnd.ms-excel', magic: [OLE, ZIP] },
  xlsx: { name: 'Excel 表格', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: [ZIP] },
  et: { name: 'WPS 表格', mime: 'application/wps-office.et', magic: [OLE, ZIP] },
  // Text of unknown encoding (GB18030 is common): no charset, so the browser guesses rather than garbles.
  csv: { name: 'CSV 表格', mime: 'text/csv' },
  txt: { name: '文本文件', mime: 'text/plain' },
  zip: { name: 'ZIP 压缩包', mime: 'application/zip', magic: [ZIP, 'PK\x05\x06'] },
  jpg: { name: 'JPEG 图片', mime: 'image/jpeg', magic: ['\xff\xd8\xff'] },
  jpeg: { name: 'JPEG 图片', mime: 'image/jpeg', magic: ['\xff\xd8\xff'] },
  png: { name: 'PNG 图片', mime: 'image/png', magic: ['\x89PNG\r\n\x1a\n'] },
};

export const ALLOWED_EXTENSIONS: readonly string[] = Object.freeze(Object.keys(ATTACHMENT_TYPES));

/** The type of an extension, own keys only: `x.constructor` must not find Object's constructor. */
export const attachmentType = (ext: string): AttachmentType | undefined =>
  Object.hasOwn(ATTACHMENT_TYPES, ext) ? ATTACHMENT_TYPES[ext] : undefined;

/** What the editor is told about the types, in every refusal of one. */
const ALLOWED_LIST = `附件只能是这些类型：${ALLOWED_EXTENSIONS.join('、')}`;

/** Types a browser would open as a page or run: named so the refusal says why. */
const ACTIVE = /^(?:html?|xht(?:ml)?|shtml|mht(?:ml)?|svgz?|xml|xsl|js|mjs|css|swf|php|aspx?|jsp|exe|bat|cmd|msi|hta|vbs|ps1|sh)$/;

/** The lower-case extension of a file name, or '' when it has none. */
export function extensionOf(file: string): string {
  return /\.([a-z0-9]+)$/i.exec(file.replace(/^.*\//, ''))?.[1]?.toLowerCase() ?? '';
}

/** Why a file of this name cannot be an attachment, or undefined when its type is allowed. */
export function typeProblem(shown: string, ext: string): string | undefined {
  if (!ext) return `附件“${shown}”没有扩展名，看不出是什么类型。${ALLOWED_LIST}。请改正文件名，例如 原文.pdf。`;
  if (attachmentType(ext)) return undefined;
  const why = ACTIVE.test(ext) ? '浏览器会把它当作网页打开或当作程序运行，不能发布' : '不在允许的类型里';
  return `附件“${shown}”是 .${ext} 文件：${why}。${ALLOWED_LIST}。请把它转成 PDF 后再附上，或删除这一项。`;
}

/** Why a file of this size cannot be an attachment. */
export function sizeProblem(shown: string, size: number): string | undefined {
  if (size === 0) return `附件“${shown}”是空文件（0 字节）。请换成完整的文件。`;
  if (size > MAX_ATTACHMENT_BYTES) {
    return `附件“${shown}”有 ${(size / 1024 / 1024).toFixed(1)} MB，超过了每个附件 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB 的上限。请压缩后再附上（PDF 可另存为较小的文件，扫描件可降低分辨率），或拆成几个文件。`;
  }
  return undefined;
}

/** The start of a file as text: UTF-16 when it has that BOM, else its bytes as Latin-1 (so GBK text is seen too). */
function headText(head: Uint8Array): string {
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le').decode(head.subarray(2));
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be').decode(head.subarray(2));
  return Buffer.from(head)
    .toString('latin1')
    .replace(/^\xef\xbb\xbf/, '');
}

/** Script starts: a shebang, comments, JavaScript statements and script URLs. */
const SCRIPT =
  /^(?:#!|\/\/|\/\*|\(\s*(?:function|\(|async)|(?:async\s+)?function[\s*(]|(?:var|let|const)\s+[\w$]+\s*=|(?:import|export)[\s{*]|(?:java|vb)script\s*:|(?:document|window|self|top)\s*\.|(?:alert|eval)\s*\()/i;

/**
 * What a browser might take this file for, judged by its first bytes, whatever its name: a page (HTML),
 * SVG or XML (which can carry scripts), a script, or a program. Undefined for anything else.
 */
export function activeContent(head: Uint8Array): string | undefined {
  const text = headText(head).replace(/^[\t\n\f\r ]+/, '');
  if (/^<svg[\s>/]|^<!doctype\s+svg/i.test(text) || (/^<\?xml/i.test(text) && /<svg[\s>/]/i.test(text))) return 'SVG 图形代码';
  if (/^<\?xml/i.test(text) && !/<html[\s>/]/i.test(text)) return 'XML 代码';
  // Any tag, comment, declaration or server-side block: browsers sniff HTML from these.
  if (/^<[!?%/a-z]/i.test(text)) return '网页（HTML）代码';
  if (SCRIPT.test(text)) return '脚本代码';
  if (text.startsWith('MZ') || text.startsWith('\x7fELF')) return '可执行程序';
  return undefined;
}

/** Why a file's bytes cannot be published under its extension, or undefined. `head`: its first SNIFF_BYTES bytes. */
export function contentProblem(shown: string, ext: string, head: Uint8Array): string | undefined {
  const type = attachmentType(ext);
  if (!type) return typeProblem(shown, ext);
  const active = activeContent(head);
  if (active) {
    const instead = ext === 'pdf' ? '' : '（或转成 PDF）';
    return `附件“${shown}”的内容是${spaced(active)}，不是${spaced(type.name)}：浏览器可能把它当作网页打开并运行其中的代码，不能发布。请换成真正的${spaced(type.name)}${instead}，或删除这一项。`;
  }
  const start = Buffer.from(head.subarray(0, 16)).toString('latin1');
  if (type.magic && !type.magic.some((m) => start.startsWith(m))) {
    const hint = ext === 'pdf' ? '（PDF 文件以 %PDF 开头）' : '';
    return `附件“${shown}”的扩展名是 .${ext}，但内容不是${spaced(type.name)}${hint}：文件可能已损坏、没有下载完整，或被改了扩展名。请重新获取原文件后再附上。`;
  }
  return undefined;
}

/** A space before a Latin word that follows Chinese: 不是 PDF 文件. */
const spaced = (text: string) => (/^[A-Za-z]/.test(text) ? ` ${text}` : text);

/** What the dev server sends an attachment as. */
export const mimeOf = (ext: string): string => attachmentType(ext)?.mime ?? 'application/octet-stream';
