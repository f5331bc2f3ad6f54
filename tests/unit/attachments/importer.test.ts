// The importer's part: a Word file or PDF records its original as the attachment 原文, text and web pages do
// not; the original is kept in sources/ under its own name, a free one, or that of an identical file there.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ImportError, importText } from '../../../src/importer';
import { keepOriginal, planOriginal } from '../../../src/importer/original';
import { MAX_ATTACHMENT_BYTES } from '../../../src/attachments/rules';
import { splitFrontmatter } from '../../../src/base/source-text';
import { seedText } from '../../helpers/fixtures';
import { tempDir } from '../../helpers/temp';

const frontmatter = (markdown: string) => parseYaml(splitFrontmatter(markdown)!.yaml) as Record<string, unknown>;
const DOCX = Buffer.from('PK\x03\x04 a Word file', 'latin1');

describe('importText with an original to keep', () => {
  it('records a Word file or PDF as the attachment 原文, written as the frontmatter’s last field', () => {
    for (const format of ['docx', 'pdf'] as const) {
      const original = vi.fn((f: 'docx' | 'pdf') => `sources/通报.${f}`);
      const result = importText(seedText(), { format, encoding: 'utf-8', crlf: false }, { original });
      expect(original).toHaveBeenCalledExactlyOnceWith(format);
      expect(frontmatter(result.markdown).attachments).toEqual([{ file: `sources/通报.${format}`, title: '原文' }]);
      expect(result.markdown).toContain(`attachments:\n  - file: sources/通报.${format}\n    title: 原文\n---\n`);
      expect(result.report.attachment).toBe(`sources/通报.${format}`);
    }
  });

  it('records nothing for text and web pages, and nothing when not asked', () => {
    for (const format of ['text', 'html'] as const) {
      const original = vi.fn(() => 'sources/x.txt');
      const result = importText(seedText(), { format, encoding: 'utf-8', crlf: false }, { original });
      expect(original).not.toHaveBeenCalled();
      expect(frontmatter(result.markdown)).not.toHaveProperty('attachments');
      expect(result.report).not.toHaveProperty('attachment');
    }
    const plain = importText(seedText(), { format: 'docx', encoding: 'utf-8', crlf: false });
    expect(frontmatter(plain.markdown)).not.toHaveProperty('attachments');
  });
});

describe('planOriginal and keepOriginal', () => {
  it('keeps the original under its own name, creating sources/', () => {
    const content = join(tempDir(), 'content');
    const plan = planOriginal(content, '/elsewhere/襄江城投巡察整改通报.docx', DOCX, 'docx');
    expect(plan).toEqual({
      file: 'sources/襄江城投巡察整改通报.docx',
      path: join(content, 'sources/襄江城投巡察整改通报.docx'),
      copy: true,
    });
    expect(existsSync(join(content, 'sources'))).toBe(false); // planning writes nothing
    keepOriginal(plan, DOCX);
    expect(readFileSync(plan.path).equals(DOCX)).toBe(true);
  });

  it('reuses an identical file, under its name or another; takes the next free name beside a different one', () => {
    const content = join(tempDir(), 'content');
    mkdirSync(join(content, 'sources'), { recursive: true });
    writeFileSync(join(content, 'sources/通报.docx'), 'a different file');
    expect(planOriginal(content, '通报.docx', DOCX, 'docx')).toMatchObject({ file: 'sources/通报-2.docx', copy: true });
    writeFileSync(join(content, 'sources/通报-2.docx'), 'another one');
    expect(planOriginal(content, '通报.docx', DOCX, 'docx')).toMatchObject({ file: 'sources/通报-3.docx', copy: true });
    writeFileSync(join(content, 'sources/earlier.docx'), DOCX);
    expect(planOriginal(content, '通报.docx', DOCX, 'docx')).toEqual({
      file: 'sources/earlier.docx',
      path: join(content, 'sources/earlier.docx'),
      copy: false,
    });
    writeFileSync(join(content, 'sources/通报.docx'), DOCX);
    expect(planOriginal(content, 'dir/通报.docx', DOCX, 'docx')).toMatchObject({ file: 'sources/通报.docx', copy: false });
  });

  it('names the copy for what the file is', () => {
    const content = join(tempDir(), 'content');
    expect(planOriginal(content, 'download', DOCX, 'docx').file).toBe('sources/download.docx');
    expect(planOriginal(content, '通报.doc', DOCX, 'docx').file).toBe('sources/通报.docx');
    expect(planOriginal(content, '通报.PDF', Buffer.from('%PDF-1.4'), 'pdf').file).toBe('sources/通报.PDF');
  });

  it('refuses an original that could not be published, pointing to --no-attachment', () => {
    const content = join(tempDir(), 'content');
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(MAX_ATTACHMENT_BYTES)]);
    expect(() => planOriginal(content, '扫描件.pdf', big, 'pdf')).toThrow(ImportError);
    expect(() => planOriginal(content, '扫描件.pdf', big, 'pdf')).toThrow(
      /^原文不能作为通报的附件发布：附件“扫描件\.pdf”有 20\.0 MB，超过了每个附件 20 MB 的上限。.*只导入正文、不附原文时，请加 --no-attachment。$/,
    );
    // pdf.js reads a PDF with bytes before %PDF; a browser's viewer may not: such a file is not published.
    expect(() => planOriginal(content, 'x.pdf', Buffer.from('\r\n%PDF-1.4'), 'pdf')).toThrow(/内容不是 PDF 文件/);
  });
});
