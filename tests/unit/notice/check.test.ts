// checkContent in-process, for the rules that span files; the CLI itself is tested in tests/cli/check.test.ts.
import { mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/notice/check';
import { formatDiagnostic } from '../../../src/base/diagnostics';
import { SAMPLE_NAME, sampleText } from '../../helpers/fixtures';
import { copyOfContent } from '../../helpers/temp';

const check = (content: string, dir: string) => checkContent(content, dir).diagnostics.map(formatDiagnostic);

describe('checkContent', () => {
  it('passes the real content folder', () => {
    const { dir, content } = copyOfContent();
    const result = checkContent(content, dir);
    expect(result.diagnostics).toEqual([]);
    expect(result.site?.organisation).toBe('中共武汉产业投资控股集团有限公司委员会');
    expect(result.notices.map((n) => n.slug)).toEqual([SAMPLE_NAME.replace('.md', '')]);
  });

  it('reports the same notice placed twice', () => {
    const { dir, content } = copyOfContent();
    writeFileSync(join(content, 'notices', '2023-09-20-copy.md'), sampleText());
    expect(check(content, dir)).toEqual([
      expect.stringMatching(
        /^错误 content\/notices\/2023-09-20-wuhan-industrial-investment\.md:2: title（标题）：与 content\/notices\/2023-09-20-copy\.md 的标题和日期完全相同/,
      ),
    ]);
  });

  it('reports the same notice placed twice at the line of its title', () => {
    const { dir, content } = copyOfContent();
    writeFileSync(join(content, 'notices', '2023-09-20-copy.md'), sampleText().replace(/^---\n/, '---\n# 复制的一份\n'));
    expect(check(content, dir)).toEqual([
      expect.stringMatching(/^错误 content\/notices\/2023-09-20-wuhan-industrial-investment\.md:2: title/),
    ]);
    renameSync(join(content, 'notices', '2023-09-20-copy.md'), join(content, 'notices', '2023-09-21-copy.md'));
    expect(check(content, dir)).toEqual([
      expect.stringMatching(/^错误 content\/notices\/2023-09-21-copy\.md:3: title（标题）：与 content\/notices\/2023-09-20-wuhan/),
    ]);
  });

  it('reports an empty notices folder', () => {
    const { dir, content } = copyOfContent();
    rmSync(join(content, 'notices'), { recursive: true });
    mkdirSync(join(content, 'notices'));
    expect(check(content, dir)).toEqual([expect.stringMatching(/^错误 content\/notices: 没有任何通报。请放入至少一份 \.md 通报。$/)]);
  });

  it('reports a notice it cannot read (a dangling link) instead of throwing', () => {
    const { dir, content } = copyOfContent();
    symlinkSync('gone.md', join(content, 'notices', '2023-09-21-link.md'));
    expect(check(content, dir)).toEqual([expect.stringMatching(/^错误 content\/notices\/2023-09-21-link\.md: 无法读取这个文件（ENOENT）/)]);
  });

  it('tells the editor to import a raw .txt put in notices/', () => {
    const { dir, content } = copyOfContent();
    writeFileSync(join(content, 'notices', 'raw.txt'), '原文');
    expect(check(content, dir)).toEqual([expect.stringMatching(/^错误 content\/notices\/raw\.txt: .*npm run import/)]);
  });

  it('rejects a file name that cannot be a URL', () => {
    const { dir, content } = copyOfContent();
    renameSync(join(content, 'notices', SAMPLE_NAME), join(content, 'notices', '2023-09-20 武汉.md'));
    expect(check(content, dir)).toEqual([expect.stringMatching(/^错误 content\/notices\/2023-09-20 武汉\.md: 文件名.*小写字母/)]);
  });

  it('reports a missing site.yaml and a missing notices folder', () => {
    const { dir } = copyOfContent();
    const empty = join(dir, 'nothing');
    expect(check(empty, dir)).toEqual([
      expect.stringMatching(/^错误 nothing\/site\.yaml: 找不到网站配置文件/),
      expect.stringMatching(/^错误 nothing\/notices: 找不到通报目录/),
    ]);
  });

  it('accepts a BOM + CRLF site.yaml and notice', () => {
    const { dir, content } = copyOfContent();
    const bomCrlf = (text: string) => `\ufeff${text.replace(/\n/g, '\r\n')}`;
    writeFileSync(join(content, 'notices', SAMPLE_NAME), bomCrlf(sampleText()));
    writeFileSync(
      join(content, 'site.yaml'),
      bomCrlf(
        `title: 巡察整改公示\norganisation: 某某委员会\ncontact:\n  phone: 027-85615369\n  address: 武汉市\n  postcode: "430021"\n  email: whtkjt@126.com\n`,
      ),
    );
    expect(check(content, dir)).toEqual([]);
  });
});
