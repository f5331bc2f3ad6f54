// Turns the bytes of a raw notice into text: UTF-8 (with or without BOM) or GB18030, LF line ends.
// Anything else (UTF-16, a mixture of encodings, binary data, damaged bytes) is refused with a message
// that says what to do, never imported as mojibake.
import iconv from 'iconv-lite';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

/** A problem with the input that the user can fix; its message is shown as it is, without a stack trace. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

export interface Decoded {
  text: string;
  encoding: Encoding;
  crlf: boolean;
}

const SAVE_AS_UTF8 = '请用记事本或 WPS 把原文“另存为”UTF-8 编码后再导入。';

export function decodeNoticeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) throw new ImportError('文件是空的：没有可导入的内容。');
  if (looksUtf16(bytes)) {
    throw new ImportError(`文件是 UTF-16 编码（Windows 记事本里叫“Unicode”），导入程序只读 UTF-8 和 GB18030。${SAVE_AS_UTF8}`);
  }
  let encoding: Encoding;
  let text: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8-bom';
    const utf8 = strictUtf8(bytes.subarray(3));
    if (utf8 === undefined) throw notUtf8(bytes.subarray(3), true) ?? binary();
    text = utf8;
  } else {
    const utf8 = strictUtf8(bytes);
    if (utf8 !== undefined) {
      encoding = 'utf-8';
      text = utf8;
    } else {
      const mixed = notUtf8(bytes, false);
      if (mixed) throw mixed;
      encoding = 'gb18030';
      text = iconv.decode(Buffer.from(bytes), 'gb18030');
    }
  }
  const crlf = text.includes('\r\n');
  text = normaliseLineBreaks(text);
  if (looksBinary(text)) throw binary();
  const damaged = text.indexOf('\ufffd');
  if (damaged >= 0) {
    const line = text.slice(0, damaged).split('\n').length;
    throw new ImportError(
      encoding === 'gb18030'
        ? `第 ${line} 行有无法识别的字节：文件可能已损坏，或者不是 GB18030 编码（例如繁体 Big5）。${SAVE_AS_UTF8}`
        : `第 ${line} 行有乱码字符“\ufffd”：原文在复制或转换编码时损坏了。请对照原件改正这一行后再导入。`,
    );
  }
  return { text, encoding, crlf };
}

/**
 * CRLF, CR, and the other line and paragraph separators (VT and FF from word processors, NEL, U+2028, U+2029)
 * become LF, so every line break the author saw is one line here.
 */
export function normaliseLineBreaks(text: string): string {
  return text.replace(/\r\n?|[\v\f\u0085\u2028\u2029]/g, '\n');
}

function binary(): ImportError {
  return new ImportError('文件不是文本（既不是 UTF-8 也不是 GB18030 编码的文字），可能是二进制文件或已损坏。');
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Bytes that are not UTF-8 as a whole, but have Chinese in UTF-8, are two encodings glued together (or UTF-8
 * with damaged bytes): decoding them either way would put mojibake in the notice. Undefined when nothing
 * suggests UTF-8 (a GB18030 file); with a BOM the file says it is UTF-8, so its first bad line is named.
 */
function notUtf8(bytes: Uint8Array, bom: boolean): ImportError | undefined {
  const cut = truncatedUtf8(bytes);
  if (cut) {
    return new ImportError(
      `文件的${cut === 'start' ? '开头' : '末尾'}不完整：${cut === 'start' ? '第一个字' : '最后一个字'}只剩下半个（UTF-8 编码的字节被截断了），文件可能没有下载或复制完整。请重新获取完整的原文后再导入。`,
    );
  }
  if (!bom && !hasUtf8Chinese(bytes)) return undefined;
  const bad = splitLines(bytes).findIndex((l) => strictUtf8(l) === undefined);
  if (bad < 0) return undefined;
  return new ImportError(
    `文件${bom ? '开头标明是 UTF-8 编码' : '里有 UTF-8 编码的中文'}，但第 ${bad + 1} 行不是 UTF-8：可能混入了 GB18030 等其他编码的文字，或文件已损坏。${SAVE_AS_UTF8}如果仍不行，请检查这一行。`,
  );
}

/** UTF-8 text cut through a character at its start (continuation bytes first) or its end (an unfinished sequence). */
function truncatedUtf8(bytes: Uint8Array): 'start' | 'end' | undefined {
  const isText = (part: Uint8Array) => {
    const text = strictUtf8(part);
    return text !== undefined && !looksBinary(normaliseLineBreaks(text));
  };
  let start = 0;
  while (start < 3 && start < bytes.length && (bytes[start] & 0xc0) === 0x80) start++;
  if (start > 0 && isText(bytes.subarray(start))) return 'start';
  for (let k = 1; k <= 3 && k <= bytes.length; k++) {
    const lead = bytes[bytes.length - k];
    if ((lead & 0xc0) === 0x80) continue;
    const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
    return length > k && isText(bytes.subarray(0, bytes.length - k)) ? 'end' : undefined;
  }
  return undefined;
}

function splitLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      lines.push(bytes.subarray(start, i));
      start = i + 1;
    }
  }
  return lines;
}

/**
 * Four Chinese characters in a row in UTF-8 (three-byte sequences back to back). GB18030 text has runs of
 * one such pattern by chance (three in two million random characters), so four means UTF-8 is there.
 */
function hasUtf8Chinese(bytes: Uint8Array): boolean {
  let run = 0;
  for (let i = 0; i + 2 < bytes.length;) {
    if (bytes[i] >= 0xe0 && bytes[i] <= 0xef && (bytes[i + 1] & 0xc0) === 0x80 && (bytes[i + 2] & 0xc0) === 0x80) {
      if (++run >= 4) return true;
      i += 3;
    } else {
      run = 0;
      i++;
    }
  }
  return false;
}

/**
 * UTF-16: a byte-order mark, or NUL bytes (the high half of every ASCII character: digits, punctuation,
 * line ends) mostly on one side of the byte pairs (the other side has them only from characters like 一,
 * U+4E00). UTF-8 and GB18030 text has no NUL bytes, and where binary data has them they fall on both sides.
 */
function looksUtf16(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  if (bytes.length % 2 !== 0) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = bytes.length / 2;
  return Math.max(even, odd) >= Math.max(2, pairs * 0.002) && Math.min(even, odd) * 4 <= Math.max(even, odd);
}

/** NUL bytes, other control characters or GB18030 replacement characters in any quantity mean binary data. */
function looksBinary(text: string): boolean {
  let bad = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 0 || (c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) bad++;
  }
  return bad > 0 && bad / text.length > 0.001;
}
