import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeNoticeBytes, ImportError } from '../../../src/importer/decode';
import { lineStartingWith, seedBytes, seedText, toCrlf, withBom } from '../../helpers/fixtures';

const TEXT = '根据市委巡察工作统一部署，现将整改情况予以公布。\n一、巡察整改组织领导情况\n2023年9月20日\n';

describe('decodeNoticeBytes', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeNoticeBytes(Buffer.from(TEXT))).toEqual({ text: TEXT, encoding: 'utf-8', crlf: false });
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const decoded = decodeNoticeBytes(withBom(TEXT));
    expect(decoded.encoding).toBe('utf-8-bom');
    expect(decoded.text).toBe(TEXT);
    expect(decoded.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('reads GB18030 (what Chinese Windows saves)', () => {
    const bytes = iconv.encode(TEXT, 'gb18030');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // really not UTF-8
    expect(decodeNoticeBytes(bytes)).toEqual({ text: TEXT, encoding: 'gb18030', crlf: false });
  });

  it('reads the Traditional seed with its pinyin annotations from GB18030 without loss', () => {
    const seed = seedText();
    const decoded = decodeNoticeBytes(iconv.encode(seed, 'gb18030'));
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text).toBe(seed);
  });

  it('normalises CRLF and lone CR to LF and reports CRLF', () => {
    const decoded = decodeNoticeBytes(Buffer.from(toCrlf(TEXT)));
    expect(decoded.text).toBe(TEXT);
    expect(decoded.crlf).toBe(true);
    expect(decodeNoticeBytes(Buffer.from('一、甲\r乙。\r')).text).toBe('一、甲\n乙。\n');
  });

  it('handles BOM + CRLF and GB18030 + CRLF together', () => {
    expect(decodeNoticeBytes(withBom(toCrlf(TEXT)))).toEqual({ text: TEXT, encoding: 'utf-8-bom', crlf: true });
    expect(decodeNoticeBytes(iconv.encode(toCrlf(TEXT), 'gb18030'))).toEqual({ text: TEXT, encoding: 'gb18030', crlf: true });
  });

  it('leaves the UTF-8 seed exactly as it is', () => {
    expect(decodeNoticeBytes(seedBytes()).text).toBe(seedText());
  });

  it('rejects an empty file with a clear message', () => {
    expect(() => decodeNoticeBytes(new Uint8Array())).toThrow(ImportError);
    expect(() => decodeNoticeBytes(new Uint8Array())).toThrow(/空/);
  });

  it('rejects binary data (PNG header, NUL bytes)', () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0,
    ]);
    expect(() => decodeNoticeBytes(png)).toThrow(ImportError);
    expect(() => decodeNoticeBytes(png)).toThrow(/不是文本/);
  });

  it('rejects pseudo-random bytes', () => {
    let x = 12345;
    const bytes = Buffer.alloc(4096, 0).map(() => ((x = (x * 1103515245 + 12345) >>> 0) >>> 16) & 0xff);
    expect(() => decodeNoticeBytes(bytes)).toThrow(ImportError);
  });

  it('rejects UTF-8 with a BOM whose content is not UTF-8', () => {
    expect(() => decodeNoticeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xff, 0xfe, 0x00, 0x00])]))).toThrow(
      ImportError,
    );
  });

  // Found by the fuzz test (encoding): without a BOM, or with little ASCII, UTF-16 was read as GB18030.
  it.each([
    ['UTF-16LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT.repeat(5), 'utf16le')])],
    ['UTF-16BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(TEXT.repeat(5), 'utf16le').swap16()])],
    ['UTF-16LE without a BOM', Buffer.from(TEXT.repeat(5), 'utf16le')],
    ['UTF-16BE without a BOM', Buffer.from(TEXT.repeat(5), 'utf16le').swap16()],
    ['the seed in UTF-16LE', iconv.encode(seedText(), 'utf16le')],
  ])('rejects %s rather than importing mojibake, and says it is UTF-16', (_, bytes) => {
    expect(() => decodeNoticeBytes(bytes)).toThrow(ImportError);
    expect(() => decodeNoticeBytes(bytes)).toThrow(/UTF-16 编码.*另存为.*UTF-8/);
  });

  // Found by the fuzz test (encoding, byte-mutations): these were read as GB18030 and imported as mojibake.
  it('rejects half UTF-8, half GB18030, naming the first line that is not UTF-8', () => {
    const lines = seedText().split('\n');
    const bytes = Buffer.concat([Buffer.from(`${lines.slice(0, 10).join('\n')}\n`), iconv.encode(lines.slice(10).join('\n'), 'gb18030')]);
    expect(() => decodeNoticeBytes(bytes)).toThrow(/有 UTF-8 编码的中文，但第 11 行不是 UTF-8/);
  });

  it('rejects UTF-8 and GB18030 glued together inside a line (found by the fuzz test, seed 2, encoding #167)', () => {
    const text = seedText();
    const bytes = Buffer.concat([Buffer.from(text.slice(0, 12)), iconv.encode(text.slice(12), 'gb18030')]);
    expect(() => decodeNoticeBytes(bytes)).toThrow(/有 UTF-8 编码的中文，但第 1 行不是 UTF-8/);
  });

  it('rejects UTF-8 with one damaged byte, naming its line', () => {
    const bytes = Buffer.from(seedText());
    bytes[bytes.indexOf(Buffer.from('\n一、')) + 1] = 0xff;
    expect(() => decodeNoticeBytes(bytes)).toThrow(/但第 2 行不是 UTF-8/);
  });

  it('rejects a BOM followed by GB18030', () => {
    expect(() => decodeNoticeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(TEXT, 'gb18030')]))).toThrow(
      /开头标明是 UTF-8 编码，但第 1 行不是 UTF-8/,
    );
  });

  it('still reads GB18030 whose lines could pass for UTF-8 one by one only by chance', () => {
    expect(decodeNoticeBytes(iconv.encode(seedText(), 'gb18030')).encoding).toBe('gb18030');
  });

  // Found by the fuzz test (truncate-end, truncate-start): the message talked about mixed encodings.
  it('says so when UTF-8 is cut through a character at the end or at the start', () => {
    const bytes = seedBytes();
    expect(() => decodeNoticeBytes(bytes.subarray(0, bytes.length - 1 - 1))).toThrow(/末尾不完整.*没有下载或复制完整/);
    expect(() => decodeNoticeBytes(bytes.subarray(1))).toThrow(/开头不完整/);
  });

  it('rejects GB18030 with bytes that are not GB18030, naming the line', () => {
    const bytes = Buffer.concat([iconv.encode('一、甲\n乙', 'gb18030'), Buffer.from([0xff]), iconv.encode('。\n'.repeat(2000), 'gb18030')]);
    expect(() => decodeNoticeBytes(bytes)).toThrow(/第 2 行有无法识别的字节/);
  });

  it('rejects UTF-8 that carries the replacement character “\ufffd” of an earlier bad conversion', () => {
    const line = lineStartingWith(seedText(), '二、');
    expect(() => decodeNoticeBytes(Buffer.from(seedText().replace('二、', '二\ufffd')))).toThrow(`第 ${line} 行有乱码字符`);
  });

  it('treats VT, FF, NEL and the Unicode line and paragraph separators as line breaks', () => {
    expect(decodeNoticeBytes(Buffer.from('一、甲\v乙\f丙\u0085丁\u2028戊\u2029己')).text).toBe('一、甲\n乙\n丙\n丁\n戊\n己');
  });
});
