import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeNoticeBytes, ImportError } from '../../../src/lib/import/decode';
import { seedBytes, seedText, toCrlf, withBom } from '../../helpers/fixtures';

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
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0]);
    expect(() => decodeNoticeBytes(png)).toThrow(ImportError);
    expect(() => decodeNoticeBytes(png)).toThrow(/不是文本/);
  });

  it('rejects pseudo-random bytes', () => {
    let x = 12345;
    const bytes = Buffer.alloc(4096, 0).map(() => ((x = (x * 1103515245 + 12345) >>> 0) >>> 16) & 0xff);
    expect(() => decodeNoticeBytes(bytes)).toThrow(ImportError);
  });

  it('rejects UTF-8 with a BOM whose content is not UTF-8', () => {
    expect(() => decodeNoticeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xff, 0xfe, 0x00, 0x00])]))).toThrow(ImportError);
  });

  it('rejects a UTF-16 file rather than importing mojibake', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT.repeat(5), 'utf16le')]);
    expect(() => decodeNoticeBytes(utf16)).toThrow(ImportError);
  });
});
