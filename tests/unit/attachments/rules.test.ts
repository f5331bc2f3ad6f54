// What may be attached: the type allowlist, the bytes each type must start with, markup and scripts under
// any name, and the size limit.
import { describe, expect, it } from 'vitest';
import {
  activeContent,
  ALLOWED_EXTENSIONS,
  contentProblem,
  extensionOf,
  MAX_ATTACHMENT_BYTES,
  mimeOf,
  sizeProblem,
  typeProblem,
} from '../../../src/attachments/rules';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const utf16le = (text: string) => new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));

describe('the type allowlist', () => {
  it('is the documented list of document types', () => {
    expect([...ALLOWED_EXTENSIONS].sort()).toEqual(
      ['pdf', 'ofd', 'doc', 'docx', 'wps', 'xls', 'xlsx', 'et', 'csv', 'txt', 'zip', 'jpg', 'jpeg', 'png'].sort(),
    );
    for (const ext of ALLOWED_EXTENSIONS) expect(typeProblem(`a.${ext}`, ext)).toBeUndefined();
  });

  it('reads the extension case-insensitively, from the file name only', () => {
    expect(extensionOf('sources/原文.PDF')).toBe('pdf');
    expect(extensionOf('sources.v2/README')).toBe('');
    expect(extensionOf('a.tar.gz')).toBe('gz');
  });

  it('refuses what a browser would open as a page or run, saying so', () => {
    for (const ext of ['html', 'htm', 'svg', 'xml', 'js', 'xhtml', 'mht', 'exe']) {
      expect(typeProblem(`sources/x.${ext}`, ext)).toBe(
        `附件“sources/x.${ext}”是 .${ext} 文件：浏览器会把它当作网页打开或当作程序运行，不能发布。附件只能是这些类型：${ALLOWED_EXTENSIONS.join('、')}。请把它转成 PDF 后再附上，或删除这一项。`,
      );
    }
  });

  it('refuses other types and names without an extension', () => {
    expect(typeProblem('x.rar', 'rar')).toContain('是 .rar 文件：不在允许的类型里');
    // Names of Object's own properties are not types.
    expect(typeProblem('x.constructor', 'constructor')).toContain('是 .constructor 文件：不在允许的类型里');
    expect(contentProblem('x.constructor', 'constructor', bytes('text'))).toContain('是 .constructor 文件');
    expect(mimeOf('constructor')).toBe('application/octet-stream');
    expect(typeProblem('sources/原文', '')).toMatch(/^附件“sources\/原文”没有扩展名，看不出是什么类型。附件只能是这些类型：pdf、/);
  });

  it('gives each type its Content-Type, text without a charset', () => {
    expect(mimeOf('pdf')).toBe('application/pdf');
    expect(mimeOf('docx')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(mimeOf('txt')).toBe('text/plain');
    expect(mimeOf('html')).toBe('application/octet-stream');
  });
});

describe('the bytes', () => {
  it('accepts each type when its bytes say the same', () => {
    const ok: Array<[string, string]> = [
      ['pdf', '%PDF-1.7\n'],
      ['docx', 'PK\x03\x04\x14\x00'],
      ['ofd', 'PK\x03\x04'],
      ['doc', '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1'],
      ['doc', '{\\rtf1\\ansi'],
      ['xls', 'PK\x03\x04'],
      ['zip', 'PK\x05\x06'],
      ['jpg', '\xff\xd8\xff\xe0'],
      ['png', '\x89PNG\r\n\x1a\n'],
      ['txt', '\xb9\xd8\xd3\xda'], // 关于 in GB18030
      ['csv', '\xef\xbb\xbf序号,问题\r\n1,<b>'],
    ];
    for (const [ext, start] of ok) expect(contentProblem(`a.${ext}`, ext, bytes(start)), `${ext}: ${start}`).toBeUndefined();
    expect(contentProblem('a.txt', 'txt', utf8('关于巡察整改的说明'))).toBeUndefined();
  });

  it('refuses a .pdf that does not start with %PDF', () => {
    expect(contentProblem('sources/原文.pdf', 'pdf', bytes(' %PDF-1.4'))).toBe(
      '附件“sources/原文.pdf”的扩展名是 .pdf，但内容不是 PDF 文件（PDF 文件以 %PDF 开头）：文件可能已损坏、没有下载完整，或被改了扩展名。请重新获取原文件后再附上。',
    );
    expect(contentProblem('x.docx', 'docx', bytes('\xd0\xcf\x11\xe0'))).toContain('但内容不是 Word 文档');
    expect(contentProblem('x.png', 'png', bytes('\xff\xd8\xff'))).toContain('但内容不是 PNG 图片');
  });

  it('refuses HTML, SVG, XML and scripts under any allowed name', () => {
    expect(contentProblem('sources/x.pdf', 'pdf', bytes('\n  <!DOCTYPE html><html>'))).toBe(
      '附件“sources/x.pdf”的内容是网页（HTML）代码，不是 PDF 文件：浏览器可能把它当作网页打开并运行其中的代码，不能发布。请换成真正的 PDF 文件，或删除这一项。',
    );
    expect(contentProblem('x.txt', 'txt', bytes('<svg xmlns="http://www.w3.org/2000/svg">'))).toContain(
      '的内容是 SVG 图形代码，不是文本文件',
    );
    expect(contentProblem('x.png', 'png', bytes('<?xml version="1.0"?><svg>'))).toContain('的内容是 SVG 图形代码');
    expect(contentProblem('x.csv', 'csv', bytes('<?xml version="1.0"?><data/>'))).toContain('的内容是 XML 代码');
    expect(contentProblem('x.jpg', 'jpg', bytes('<script>alert(1)</script>'))).toContain('的内容是网页（HTML）代码');
    expect(contentProblem('x.txt', 'txt', bytes('\xef\xbb\xbf<p>'))).toContain('网页（HTML）代码');
    expect(contentProblem('x.txt', 'txt', utf16le('  <html>'))).toContain('网页（HTML）代码');
    expect(contentProblem('x.txt', 'txt', bytes('(function(){document.cookie})()'))).toContain('的内容是脚本代码');
  });

  it('tells markup and scripts from text', () => {
    expect(activeContent(bytes('<!-- comment -->'))).toBe('网页（HTML）代码');
    expect(activeContent(bytes('<%@ page %>'))).toBe('网页（HTML）代码');
    expect(activeContent(bytes('#!/bin/sh'))).toBe('脚本代码');
    expect(activeContent(bytes('var x = 1;'))).toBe('脚本代码');
    expect(activeContent(bytes('javascript:alert(1)'))).toBe('脚本代码');
    expect(activeContent(bytes('MZ\x90\x00'))).toBe('可执行程序');
    expect(activeContent(utf8('<附件一>问题清单'))).toBeUndefined();
    expect(activeContent(bytes('1 < 2'))).toBeUndefined();
    expect(activeContent(bytes('variable costs'))).toBeUndefined();
  });
});

describe('the size limit', () => {
  it('is 20 MiB per file, exported', () => {
    expect(MAX_ATTACHMENT_BYTES).toBe(20 * 1024 * 1024);
  });

  it('accepts a file at the limit and refuses one byte more, and an empty file', () => {
    expect(sizeProblem('x.pdf', MAX_ATTACHMENT_BYTES)).toBeUndefined();
    expect(sizeProblem('sources/扫描件.pdf', MAX_ATTACHMENT_BYTES + 1)).toBe(
      '附件“sources/扫描件.pdf”有 20.0 MB，超过了每个附件 20 MB 的上限。请压缩后再附上（PDF 可另存为较小的文件，扫描件可降低分辨率），或拆成几个文件。',
    );
    expect(sizeProblem('x.pdf', 0)).toBe('附件“x.pdf”是空文件（0 字节）。请换成完整的文件。');
  });
});
