// `npm run check` on attachments, as a user runs it, on temp copies of content/: a missing or dangerous
// attachment is an error naming the notice, the line of the entry, the field and what to do; and what is on
// disk is looked at on every run, whatever the check's cache remembers of the unchanged notice.
import { rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript, STACK_TRACE } from '../helpers/cli';
import { SAMPLE_NAME, lineStartingWith, replaceOnce, sampleText } from '../helpers/fixtures';
import { copyOfContent, tempDir } from '../helpers/temp';

const NOTICE = `content/notices/${SAMPLE_NAME}`;
const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n');

/** The sample with these attachment entries, in a copy of content/ holding `files` (path under content/ → bytes). */
function withAttachments(entries: string, files: Record<string, Buffer | string>) {
  const { dir, content } = copyOfContent();
  for (const [path, bytes] of Object.entries(files)) {
    mkdirSync(join(content, path, '..'), { recursive: true });
    writeFileSync(join(content, path), bytes);
  }
  const text = replaceOnce(sampleText(), /\n---\n/, `\nattachments:\n${entries}---\n`);
  writeFileSync(join(content, 'notices', SAMPLE_NAME), text);
  // The check's cache in a folder of this test's own, so that runs see each other's cache and nothing else.
  const env = { GONGSHI_CACHE_DIR: tempDir('gongshi-cache-') };
  return { dir, content, text, check: () => runScript('check', ['content'], { cwd: dir, env }) };
}

describe('npm run check and attachments', () => {
  it('passes a notice whose attachments are documents inside content/', async () => {
    const { check } = withAttachments('  - file: sources/原文.pdf\n    title: 原文\n  - file: sources/清单.xlsx\n', {
      'sources/原文.pdf': PDF,
      'sources/清单.xlsx': Buffer.from('PK\x03\x04 sheet', 'latin1'),
    });
    const { code, stdout, stderr } = await check();
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe('检查通过：1 份通报，15 个问题，网站配置正确。\n');
  });

  it('refuses a missing file, a path out of content/, a web page and a .pdf that is HTML, each at its line', async () => {
    const { dir, content, text, check } = withAttachments(
      '  - file: sources/原文.pdf\n  - title: 清单\n    file: sources/清单.xlsx\n  - file: ../secret.pdf\n  - file: sources/page.html\n  - file: sources/fake.pdf\n  - file: sources/link.pdf\n',
      {
        'sources/原文.pdf': PDF,
        'sources/page.html': '<html><script>alert(document.cookie)</script></html>',
        'sources/fake.pdf': '\n<!DOCTYPE html><html><body onload="alert(1)">',
      },
    );
    writeFileSync(join(dir, 'secret.pdf'), PDF);
    symlinkSync(join(dir, 'secret.pdf'), join(content, 'sources', 'link.pdf'));
    const { code, stdout, stderr } = await check();
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).not.toMatch(STACK_TRACE);
    expect(stderr).toContain('检查未通过：5 个错误。');
    const line = (entry: string) => lineStartingWith(text, entry);
    expect(stderr.split('\n').filter((l) => l.startsWith('错误 '))).toEqual([
      `错误 ${NOTICE}:${line('    file: sources/清单.xlsx')}: attachments.1.file（文件）：找不到附件文件“sources/清单.xlsx”（应在 content/sources/清单.xlsx）。请把文件放到这个位置，或改正路径（例如 sources/原文.pdf）。`,
      `错误 ${NOTICE}:${line('  - file: ../secret.pdf')}: attachments.2.file（文件）：附件路径“../secret.pdf”指向 content/ 文件夹之外。附件要放在 content/ 文件夹里（建议放在 content/sources/），路径从 content/ 算起，例如 sources/原文.pdf。请把文件移进来，并改正路径。`,
      `错误 ${NOTICE}:${line('  - file: sources/page.html')}: attachments.3.file（文件）：附件“sources/page.html”是 .html 文件：浏览器会把它当作网页打开或当作程序运行，不能发布。附件只能是这些类型：pdf、ofd、doc、docx、wps、xls、xlsx、et、csv、txt、zip、jpg、jpeg、png。请把它转成 PDF 后再附上，或删除这一项。`,
      `错误 ${NOTICE}:${line('  - file: sources/fake.pdf')}: attachments.4.file（文件）：附件“sources/fake.pdf”的内容是网页（HTML）代码，不是 PDF 文件：浏览器可能把它当作网页打开并运行其中的代码，不能发布。请换成真正的 PDF 文件，或删除这一项。`,
      `错误 ${NOTICE}:${line('  - file: sources/link.pdf')}: attachments.5.file（文件）：附件“sources/link.pdf”是一个链接（快捷方式），指向 content/ 文件夹之外（${join(dir, 'secret.pdf')}）。网站只发布 content/ 里的文件：请把文件本身复制到 content/sources/link.pdf。`,
    ]);
  });

  it('sees an attachment removed or replaced after a passing check, though the notice is unchanged and cached', async () => {
    const { content, text, check } = withAttachments('  - file: sources/原文.pdf\n', { 'sources/原文.pdf': PDF });
    expect((await check()).code).toBe(0);
    rmSync(join(content, 'sources', '原文.pdf'));
    const missing = await check();
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(
      `错误 ${NOTICE}:${lineStartingWith(text, '  - file: sources/原文.pdf')}: attachments.0.file（文件）：找不到附件文件“sources/原文.pdf”`,
    );
    writeFileSync(join(content, 'sources', '原文.pdf'), '<svg onload="alert(1)"/>');
    const svg = await check();
    expect(svg.code).toBe(1);
    expect(svg.stderr).toContain('附件“sources/原文.pdf”的内容是 SVG 图形代码，不是 PDF 文件');
    writeFileSync(join(content, 'sources', '原文.pdf'), PDF);
    expect((await check()).code).toBe(0);
  });
});
