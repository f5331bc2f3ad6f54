// The content check's attachments part, on a content folder made for each case: every way an attachment can
// be wrong gives one error with the notice file, the line of that entry's `file:`, the field and what to do.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachmentLines, checkAttachments } from '../../../src/attachments/check';
import { resolveAttachments } from '../../../src/attachments/resolve';
import { MAX_ATTACHMENT_BYTES } from '../../../src/attachments/rules';
import { readNoticeFile } from '../../../src/notice/file';
import { tempDir } from '../../helpers/temp';

const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n');
const NOTICE = 'content/notices/2024-01-01-x.md';

/** A content folder in a fresh temp dir, with `files` (path → bytes) and a notice whose frontmatter ends with `attachments`. */
function content(attachments: string, files: Record<string, Buffer | string> = {}) {
  const dir = tempDir('gongshi-attachments-');
  const root = join(dir, 'content');
  mkdirSync(join(root, 'notices'), { recursive: true });
  for (const [path, bytes] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), bytes);
  }
  const text = `---\ntitle: 通报\nissuer: 中共某某委员会\ndate: 2024-01-01\n${attachments}---\n\n正文\n`;
  const path = join(root, 'notices', '2024-01-01-x.md');
  writeFileSync(path, text);
  const { data, diagnostics } = readNoticeFile(NOTICE, Buffer.from(text));
  // The frontmatter itself must pass: what is checked here is the files.
  expect(diagnostics.filter((d) => d.field?.startsWith('attachments'))).toEqual([]);
  const check = () => checkAttachments(root, [{ file: NOTICE, path, data }], dir);
  return { dir, root, data, check };
}

const error = (line: number, index: number, message: string) => ({
  file: NOTICE,
  line,
  field: `attachments.${index}.file`,
  message,
  severity: 'error',
});

describe('checkAttachments', () => {
  it('passes files of allowed types inside the content folder, a link inside it too', () => {
    const { root, check } = content(
      'attachments:\n  - file: sources/原文.pdf\n    title: 原文\n  - file: ./sources/清单.xlsx\n  - file: sources/link.pdf\n',
      { 'sources/原文.pdf': PDF, 'sources/清单.xlsx': Buffer.from('PK\x03\x04rest', 'latin1'), 'archive/2023.pdf': PDF },
    );
    symlinkSync(join(root, 'archive/2023.pdf'), join(root, 'sources/link.pdf'));
    expect(check()).toEqual([]);
  });

  it('refuses a missing file, at the line of its entry', () => {
    const { check } = content('attachments:\n  - file: sources/原文.pdf\n  - title: 清单\n    file: sources/清单.xlsx\n', {
      'sources/原文.pdf': PDF,
    });
    expect(check()).toEqual([
      error(
        8,
        1,
        '找不到附件文件“sources/清单.xlsx”（应在 content/sources/清单.xlsx）。请把文件放到这个位置，或改正路径（例如 sources/原文.pdf）。',
      ),
    ]);
  });

  it('says to drop content/ from a path written from the project folder', () => {
    const { check } = content('attachments:\n  - file: content/sources/原文.pdf\n', { 'sources/原文.pdf': PDF });
    expect(check()).toEqual([
      error(6, 0, '找不到附件文件“content/sources/原文.pdf”：路径从 content/ 算起，请去掉开头的“content/”，写成 sources/原文.pdf。'),
    ]);
  });

  it('refuses paths outside the content folder: ../, absolute, a web address, a link that leads out', () => {
    const { dir, root, check } = content(
      'attachments:\n  - file: ../x.pdf\n  - file: sources/../../x.pdf\n  - file: /etc/hosts.txt\n  - file: https://example.cn/x.pdf\n  - file: sources/out.pdf\n  - file: sources\\x.pdf\n',
      { 'sources/x.pdf': PDF },
    );
    writeFileSync(join(dir, 'x.pdf'), PDF);
    symlinkSync(join(dir, 'x.pdf'), join(root, 'sources/out.pdf'));
    const where = '附件要放在 content/ 文件夹里（建议放在 content/sources/），路径从 content/ 算起，例如 sources/原文.pdf';
    expect(check()).toEqual([
      error(6, 0, `附件路径“../x.pdf”指向 content/ 文件夹之外。${where}。请把文件移进来，并改正路径。`),
      error(7, 1, `附件路径“sources/../../x.pdf”指向 content/ 文件夹之外。${where}。请把文件移进来，并改正路径。`),
      error(8, 2, `附件路径“/etc/hosts.txt”是绝对路径。${where}。请把文件放进来，并改正路径。`),
      error(
        9,
        3,
        '附件“https://example.cn/x.pdf”是网址。附件随网站一起发布，不能指向其他网站：请把文件下载下来放进 content/sources/，再写 sources/文件名。',
      ),
      error(
        10,
        4,
        `附件“sources/out.pdf”是一个链接（快捷方式），指向 content/ 文件夹之外（${join(dir, 'x.pdf')}）。网站只发布 content/ 里的文件：请把文件本身复制到 content/sources/out.pdf。`,
      ),
      error(11, 5, '附件路径“sources\\x.pdf”里有反斜杠“\\”。请改用“/”分隔文件夹，例如 sources/原文.pdf。'),
    ]);
  });

  it('refuses a type a browser would run, a .pdf that is a web page, a text file that is SVG', () => {
    const { check } = content('attachments:\n  - file: sources/page.html\n  - file: sources/fake.pdf\n  - file: sources/x.txt\n', {
      'sources/page.html': '<p>hi</p>',
      'sources/fake.pdf': '<!DOCTYPE html><html><script>alert(1)</script>',
      'sources/x.txt': '\ufeff<svg onload="alert(1)">',
    });
    const [html, pdf, svg, ...rest] = check();
    expect(rest).toEqual([]);
    expect(html).toEqual(
      error(6, 0, expect.stringContaining('附件“sources/page.html”是 .html 文件：浏览器会把它当作网页打开或当作程序运行，不能发布。')),
    );
    expect(pdf).toEqual(
      error(
        7,
        1,
        '附件“sources/fake.pdf”的内容是网页（HTML）代码，不是 PDF 文件：浏览器可能把它当作网页打开并运行其中的代码，不能发布。请换成真正的 PDF 文件，或删除这一项。',
      ),
    );
    expect(svg).toEqual(error(8, 2, expect.stringContaining('附件“sources/x.txt”的内容是 SVG 图形代码，不是文本文件')));
  });

  it('refuses a file over 20 MiB, an empty file, a folder and the same file twice', () => {
    const { check } = content(
      'attachments:\n  - file: sources/big.pdf\n  - file: sources/empty.pdf\n  - file: sources\n  - file: sources/ok.pdf\n  - file: sources/./ok.pdf\n',
      {
        'sources/big.pdf': Buffer.concat([PDF, Buffer.alloc(MAX_ATTACHMENT_BYTES + 1 - PDF.length)]),
        'sources/empty.pdf': '',
        'sources/ok.pdf': PDF,
      },
    );
    expect(check()).toEqual([
      error(6, 0, expect.stringMatching(/^附件“sources\/big\.pdf”有 20\.0 MB，超过了每个附件 20 MB 的上限。/)),
      error(7, 1, '附件“sources/empty.pdf”是空文件（0 字节）。请换成完整的文件。'),
      error(8, 2, '附件“sources”是一个文件夹，不是文件。请写出文件名，例如 sources/原文.pdf。'),
      error(10, 4, '附件“sources/./ok.pdf”与第 4 项是同一个文件，列了两次。请删除重复的一项。'),
    ]);
  });
});

describe('resolveAttachments', () => {
  it('gives each usable file its title, type, size, published name and real path', () => {
    const { root, data } = content('attachments:\n  - file: sources/通报原文.pdf\n  - file: sources/清单.XLSX\n    title: 问题清单\n', {
      'sources/通报原文.pdf': PDF,
      'sources/清单.XLSX': Buffer.from('PK\x03\x04', 'latin1'),
    });
    expect(resolveAttachments(root, data!.attachments)).toEqual([
      {
        index: 0,
        file: 'sources/通报原文.pdf',
        title: '通报原文',
        ext: 'pdf',
        name: 'tongbao-yuanwen.pdf',
        mime: 'application/pdf',
        path: join(root, 'sources/通报原文.pdf'),
        size: PDF.length,
      },
      expect.objectContaining({ title: '问题清单', ext: 'xlsx', name: 'qingdan.xlsx', size: 4 }),
    ]);
  });
});

describe('attachmentLines', () => {
  it('finds each entry’s file: line in block and flow style, after a BOM and CRLF line ends', () => {
    const text =
      '\ufeff---\r\ntitle: 通报\r\nattachments:\r\n  - title: 原文\r\n    file: a.pdf\r\n  - file: b.pdf\r\n  - {title: c, file: c.pdf}\r\n---\r\n';
    expect(attachmentLines(Buffer.from(text))).toEqual([5, 6, 7]);
    expect(attachmentLines(Buffer.from('---\ntitle: x\n---\n'))).toEqual([]);
  });
});
