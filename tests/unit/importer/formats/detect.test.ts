// Which reader a file goes to: content before extension, and a message that says what to do for every
// file the importer cannot read (old Word and WPS files, spreadsheets, RTF, single-file web pages, pictures).
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../../src/importer/decode';
import { detectFormat } from '../../../../src/importer/formats/detect';
import { extractBlocks } from '../../../../src/importer/formats';
import { writeZip } from '../../../../src/importer/formats/zip';
import { docxFrom } from '../../../helpers/documents';

/** The error detectFormat throws (failing the test when it returns instead). */
function refusal(bytes: Uint8Array, name: string): ImportError {
  try {
    const format = detectFormat(bytes, name);
    throw new Error(`expected a refusal, got ${format}`);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
}

/** A minimal OLE compound file: the signature, then 128-byte directory entries naming the given streams. */
function oleWith(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const entries = ['Root Entry', ...streams].map((name, i) => {
    const entry = Buffer.alloc(128);
    entry.write(name, 0, 'utf16le');
    entry.writeUInt16LE((name.length + 1) * 2, 64);
    entry[66] = i === 0 ? 5 : 2;
    return entry;
  });
  return Buffer.concat([header, ...entries, Buffer.alloc(512)]);
}

const zipOf = (...names: string[]) => writeZip(names.map((name) => ({ name, data: new TextEncoder().encode('<x/>') })));
const utf8 = (s: string) => Buffer.from(s, 'utf8');
const NOTICE_TEXT = '关于巡察整改进展情况的通报\n一、整改情况\n中共示例委员会\n2023年9月20日\n';
const SAVE_AS_DOCX = '“另存为” .docx';

describe('detectFormat: the content decides', () => {
  it('a Word file is docx whatever its name says', async () => {
    const docx = await docxFrom([{ kind: 'paragraph', text: '一、整改情况' }]);
    for (const name of ['通报.docx', '通报.txt', '通报.doc', '通报.wps', '通报']) expect(detectFormat(docx, name), name).toBe('docx');
  });

  it('a PDF is pdf under any name, also with bytes before its header', () => {
    expect(detectFormat(utf8('%PDF-1.7\n%âãÏÓ\n'), '通报.docx')).toBe('pdf');
    expect(detectFormat(Buffer.concat([Buffer.alloc(100, 0x20), utf8('%PDF-1.4\n')]), '通报')).toBe('pdf');
  });

  it('a web page is html: BOM, GBK bytes, IE’s “saved from url” comment, an XML declaration, a Word “.doc” that is HTML', () => {
    const gbk = iconv.encode(
      '<!-- saved from url=(0044)http://www.example.gov.cn/xxgk/t2023.html -->\n<html><head><meta charset="gb2312"><title>通报</title></head><body><p>一、整改情况</p></body></html>',
      'gbk',
    );
    expect(detectFormat(gbk, '通报.txt')).toBe('html');
    expect(
      detectFormat(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('\r\n  <!DOCTYPE html><html><body>通报</body></html>')]), '通报'),
    ).toBe('html');
    expect(
      detectFormat(utf8('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>'), 'a.xml'),
    ).toBe('html');
    expect(
      detectFormat(
        utf8(
          '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word"><body><p class=MsoNormal>通报</p></body></html>',
        ),
        '通报.doc',
      ),
    ).toBe('html');
    expect(detectFormat(utf8('<div class="TRS_Editor"><p>一、整改情况</p></div>'), '粘贴.txt')).toBe('html');
    expect(detectFormat(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<html><body>通报</body></html>', 'utf16le')]), '通报')).toBe(
      'html',
    );
  });

  it('plain text is text, and the extension decides only then: .html gives html', () => {
    expect(detectFormat(utf8(NOTICE_TEXT), '通报.txt')).toBe('text');
    expect(detectFormat(iconv.encode(NOTICE_TEXT, 'gb18030'), '通报.txt')).toBe('text');
    expect(detectFormat(utf8(NOTICE_TEXT), '通报')).toBe('text');
    expect(detectFormat(utf8('A notice that mentions <p> in passing'), 'notes.md')).toBe('text');
    for (const name of ['通报.html', '通报.htm', '通报.shtml', '通报.xhtml', '通报.HTML'])
      expect(detectFormat(utf8(NOTICE_TEXT), name), name).toBe('html');
  });

  it('extractBlocks leaves text to the text pipeline', async () => {
    expect(await extractBlocks(utf8(NOTICE_TEXT), '通报.txt')).toBeUndefined();
  });
});

describe('detectFormat: files the importer cannot read are refused with what to do', () => {
  it('old Word, WPS 文字 and unknown OLE files: save as .docx', () => {
    const doc = oleWith(['WordDocument', '1Table', '\u0005SummaryInformation']);
    const asDoc = refusal(doc, '通报.doc').message;
    expect(asDoc).toContain('Word 97–2003');
    expect(asDoc).toContain('.doc');
    expect(asDoc).toContain(SAVE_AS_DOCX);
    expect(asDoc).toContain('请在 Word 或 WPS 里打开');
    const asWps = refusal(doc, '通报.wps').message;
    expect(asWps).toContain('WPS 文字');
    expect(asWps).toContain(SAVE_AS_DOCX);
    // The content decides even under a misleading name.
    expect(refusal(doc, '通报.docx').message).toContain('Word 97–2003');
    const unknown = refusal(oleWith(['Contents']), '通报.bin').message;
    expect(unknown).toContain('OLE');
    expect(unknown).toContain(SAVE_AS_DOCX);
  });

  it('spreadsheets (.xls, .et, .xlsx) and presentations are not the notice', () => {
    const xls = refusal(oleWith(['Workbook']), '台账.xls').message;
    expect(xls).toContain('这是表格文件');
    expect(xls).toContain('不是通报正文');
    expect(xls).toContain('Excel');
    expect(refusal(oleWith(['Workbook']), '台账.et').message).toContain('WPS 表格');
    expect(refusal(oleWith(['Contents']), '台账.et').message).toContain('WPS 表格');
    expect(refusal(zipOf('[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml'), '台账.xlsx').message).toMatch(
      /这是表格文件（Excel \.xlsx），不是通报正文/,
    );
    expect(refusal(zipOf('[Content_Types].xml', 'ppt/presentation.xml'), '汇报.pptx').message).toContain('演示文稿');
    expect(refusal(oleWith(['PowerPoint Document']), '汇报.dps').message).toContain('WPS 演示');
  });

  it('a password-protected Office file says so', () => {
    const message = refusal(oleWith(['EncryptionInfo', 'EncryptedPackage']), '通报.docx').message;
    expect(message).toContain('密码');
    expect(message).toContain('另存为” .docx');
  });

  it('RTF, single-file web pages (.mht) and OpenDocument, OFD, ZIP archives', () => {
    expect(refusal(utf8('{\\rtf1\\ansi\\ansicpg936 {\\fonttbl}}'), '通报.doc').message).toMatch(/RTF.*另存为” \.docx/);
    const mhtml = utf8(
      'From: <Saved by Blink>\r\nSnapshot-Content-Location: http://www.example.gov.cn/a.html\r\nSubject: =?utf-8?Q?=E9=80=9A?=\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----MultipartBoundary--abc"\r\n\r\n------MultipartBoundary--abc\r\n',
    );
    const mht = refusal(mhtml, '通报.mhtml').message;
    expect(mht).toContain('单个文件网页');
    expect(mht).toContain('网页，仅 HTML');
    expect(refusal(mhtml, '通报.html').message).toContain('网页，仅 HTML');
    expect(refusal(utf8('garbage'), '通报.mht').message).toContain('网页，仅 HTML');
    expect(refusal(zipOf('mimetype', 'content.xml', 'styles.xml'), '通报.odt').message).toMatch(/OpenDocument.*另存为” \.docx/);
    expect(refusal(zipOf('OFD.xml', 'Doc_0/Document.xml'), '通报.ofd').message).toContain('OFD');
    const zip = refusal(zipOf('通报.docx', '附件.pdf'), '材料.zip').message;
    expect(zip).toContain('ZIP 压缩包');
    expect(zip).toContain('解压');
    expect(refusal(zipOf('a.txt'), '通报.docx').message).toContain('扩展名是 .docx');
  });

  it('a Word file cut short (the central directory lost) is damaged, not “not Word”', async () => {
    const docx = await docxFrom([{ kind: 'paragraph', text: '一、整改情况' }]);
    const message = refusal(docx.subarray(0, Math.floor(docx.length * 0.6)), '通报.docx').message;
    expect(message).toContain('不完整');
    expect(message).toContain('重新获取');
  });

  it('pictures and scans need OCR first', () => {
    const images: Array<[string, number[] | string]> = [
      ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]],
      ['JPEG', [0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]],
      ['GIF', 'GIF89a\x01\x00\x01\x00'],
      ['TIFF', 'II*\x00\x08\x00\x00\x00'],
      ['BMP', 'BM\x36\x00\x0c\x00\x00\x00\x00\x00\x36\x00\x00\x00'],
      ['WebP', 'RIFF\x24\x00\x00\x00WEBPVP8 '],
    ];
    for (const [kind, bytes] of images) {
      const data = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes);
      const message = refusal(data, '通报.txt').message;
      expect(message, kind).toContain(`图片（${kind}）`);
      expect(message, kind).toContain('OCR');
      expect(message, kind).toMatch(/保存为 \.docx 或 \.txt 再导入/);
    }
  });

  it('an office extension on content that is none of them: damaged or renamed', () => {
    for (const name of ['台账.xlsx', '汇报.pptx', '通报.odt', '通报.wps', '台账.et', '通报.docx', '通报.pdf']) {
      const message = refusal(utf8(NOTICE_TEXT), name).message;
      expect(message, name).toContain(`扩展名是 .${name.split('.')[1]}`);
      expect(message, name).toContain('已损坏');
    }
    expect(refusal(Buffer.from([1, 2, 3, 0, 0, 0xff]), '通报.wps').message).toContain('WPS 文字');
  });
});
