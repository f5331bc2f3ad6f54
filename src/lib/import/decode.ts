// Turns the bytes of a raw notice into text: UTF-8 (with or without BOM) or GB18030, LF line ends.
import iconv from 'iconv-lite';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

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

export function decodeNoticeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) throw new ImportError('文件是空的：没有可导入的内容。');
  let encoding: Encoding;
  let text: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8-bom';
    text = strictUtf8(bytes.subarray(3)) ?? fail();
  } else {
    const utf8 = strictUtf8(bytes);
    if (utf8 !== undefined) {
      encoding = 'utf-8';
      text = utf8;
    } else {
      encoding = 'gb18030';
      text = iconv.decode(Buffer.from(bytes), 'gb18030');
    }
  }
  if (looksBinary(text)) fail();
  const crlf = text.includes('\r\n');
  text = text.replace(/\r\n?/g, '\n');
  return { text, encoding, crlf };
}

function fail(): never {
  throw new ImportError('文件不是文本（既不是 UTF-8 也不是 GB18030 编码的文字），可能是二进制文件或已损坏。');
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
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
