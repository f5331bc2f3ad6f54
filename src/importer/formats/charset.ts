// The text of a saved web page from its bytes: by BOM, then by the charset the page declares (Chinese CMSs
// still serve GB2312/GBK), then by what the bytes are. A declaration that the bytes contradict loses: pages
// re-saved as UTF-8 often keep their old <meta charset=gb2312>.
import iconv from 'iconv-lite';

const GB = new Set([
  'gb2312',
  'gbk',
  'gb18030',
  'x-gbk',
  'cp936',
  'ms936',
  'windows-936',
  'euc-cn',
  'csgb2312',
  'chinese',
  'iso-ir-58',
  'x-euc-cn',
]);
const BIG5 = new Set(['big5', 'big5-hkscs', 'x-x-big5', 'cn-big5', 'csbig5']);
const UTF8 = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);

/** The charset a page declares in its first bytes: <meta charset>, <meta http-equiv content-type>, or an XML declaration. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 8192)).toString('latin1');
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head);
  if (meta) return meta[1].toLowerCase();
  const xml = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/i.exec(head);
  return xml?.[1].toLowerCase();
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

const replacements = (text: string) => text.split('\ufffd').length - 1;

export function decodeHtmlBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const declared = declaredCharset(bytes);
  const utf8 = strictUtf8(bytes);
  // Valid UTF-8 with non-ASCII in it is UTF-8 whatever the page says: GBK text is practically never valid UTF-8.
  if (utf8 !== undefined) return utf8;
  if (declared && BIG5.has(declared)) return iconv.decode(Buffer.from(bytes), 'big5');
  if (declared && GB.has(declared)) return iconv.decode(Buffer.from(bytes), 'gb18030');
  // Declared UTF-8 (or nothing, or a Western charset no Chinese page is in) but not valid UTF-8: a GBK page
  // mislabelled, or a UTF-8 page with a few damaged bytes. The reading with fewer damaged characters wins.
  const gb = iconv.decode(Buffer.from(bytes), 'gb18030');
  if (declared && UTF8.has(declared)) {
    const lossy = new TextDecoder('utf-8').decode(bytes);
    return replacements(lossy) <= replacements(gb) ? lossy : gb;
  }
  return gb;
}
