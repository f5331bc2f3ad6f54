// `npm run import` and the original (附件 原文): a Word file or PDF is copied into the content folder's
// sources/ and recorded in the notice's frontmatter, and the result passes `npm run check`; --no-attachment,
// text files and a failed import leave sources/ alone.
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { splitFrontmatter } from '../../src/base/source-text';
import { runScript, STACK_TRACE } from '../helpers/cli';
import { blocksFromText, docxFrom } from '../helpers/documents';
import { ROOT } from '../helpers/fixtures';
import { copyOfContent, tempDir } from '../helpers/temp';

const LAYOUTS = join(ROOT, 'tests/fixtures/layouts');
const NAME = '宜昌文旅巡察整改通报.docx';
const filesIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);
const frontmatterOf = (path: string) => parseYaml(splitFrontmatter(readFileSync(path, 'utf8'))!.yaml) as Record<string, unknown>;
/** The notice the import says it wrote. */
const writtenBy = (stdout: string) => /→ (.+\.md)\n/.exec(stdout)![1];

let docx: Buffer;
let otherDocx: Buffer;
beforeAll(async () => {
  docx = await docxFrom(blocksFromText(readFileSync(join(LAYOUTS, 'sample-form.txt'), 'utf8')));
  otherDocx = await docxFrom(blocksFromText(readFileSync(join(LAYOUTS, 'dot-problems.txt'), 'utf8')));
});

describe('importing a Word file records its original as the attachment 原文', () => {
  const { dir, content } = copyOfContent();
  const sources = join(content, 'sources');
  const before = filesIn(sources);

  it('copies the original into content/sources/ under its own name and writes it into the frontmatter', async () => {
    writeFileSync(join(dir, NAME), docx);
    const { code, stdout, stderr } = await runScript('import', [NAME, '--out', 'content/notices'], { cwd: dir, timeout: 60_000 });
    expect(stderr).not.toMatch(STACK_TRACE);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain(`  附件：sources/${NAME}（原文）\n`);
    expect(filesIn(sources)).toEqual([...before, NAME].sort());
    expect(readFileSync(join(sources, NAME)).equals(docx)).toBe(true);
    const notice = writtenBy(stdout);
    expect(frontmatterOf(notice).attachments).toEqual([{ file: `sources/${NAME}`, title: '原文' }]);
    expect(readFileSync(notice, 'utf8')).toContain(`attachments:\n  - file: sources/${NAME}\n    title: 原文\n`);
  });

  it('gives a notice that npm run check passes, attachment included', async () => {
    const { code, stdout, stderr } = await runScript('check', ['content'], { cwd: dir });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^检查通过：2 份通报/);
  });

  it('reuses the identical file when the same original is imported again', async () => {
    const { code, stdout, stderr } = await runScript('import', [NAME, '--out', 'content/notices', '--force'], {
      cwd: dir,
      timeout: 60_000,
    });
    expect(code, stderr).toBe(0);
    expect(stdout).toContain(`  附件：sources/${NAME}（原文；sources/ 里已有相同的文件，没有再复制）\n`);
    expect(filesIn(sources)).toEqual([...before, NAME].sort());
  });

  it('keeps a different original of the same name beside it, under a new name', async () => {
    mkdirSync(join(dir, 'other'));
    writeFileSync(join(dir, 'other', NAME), otherDocx);
    const { code, stdout, stderr } = await runScript('import', [join('other', NAME), '--out', 'content/notices'], {
      cwd: dir,
      timeout: 60_000,
    });
    expect(code, stderr).toBe(0);
    const kept = NAME.replace('.docx', '-2.docx');
    expect(stdout).toContain(`  附件：sources/${kept}（原文）\n`);
    expect(readFileSync(join(sources, kept)).equals(otherDocx)).toBe(true);
    expect(readFileSync(join(sources, NAME)).equals(docx)).toBe(true);
    expect(frontmatterOf(writtenBy(stdout)).attachments).toEqual([{ file: `sources/${kept}`, title: '原文' }]);
  });
});

describe('importing without an attachment', () => {
  it('--no-attachment copies nothing and records nothing', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, NAME), docx);
    const { code, stdout, stderr } = await runScript('import', [NAME, '--out', 'content/notices', '--no-attachment'], {
      cwd: dir,
      timeout: 60_000,
    });
    expect(code, stderr).toBe(0);
    expect(stdout).not.toContain('附件');
    expect(filesIn(join(dir, 'content'))).toEqual(['notices']);
    expect(frontmatterOf(writtenBy(stdout))).not.toHaveProperty('attachments');
  });

  it('a text file is the notice itself: nothing is recorded', async () => {
    const dir = tempDir();
    copyFileSync(join(LAYOUTS, 'sample-form.txt'), join(dir, 'sample-form.txt'));
    const { code, stdout, stderr } = await runScript('import', ['sample-form.txt', '--out', 'content/notices'], { cwd: dir });
    expect(code, stderr).toBe(0);
    expect(filesIn(join(dir, 'content'))).toEqual(['notices']);
    expect(frontmatterOf(writtenBy(stdout))).not.toHaveProperty('attachments');
  });

  it('a failed import writes nothing, original included', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, NAME), await docxFrom(blocksFromText('一份没有结构的文字\n只有两行')));
    const { code, stdout, stderr } = await runScript('import', [NAME, '--out', 'content/notices'], { cwd: dir, timeout: 60_000 });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('没有写入任何文件');
    expect(filesIn(dir)).toEqual([NAME]);
  });

  it('says how in the usage', async () => {
    const { code, stderr } = await runScript('import', [], { cwd: tempDir() });
    expect(code).toBe(2);
    expect(stderr).toContain('[--no-attachment]');
  });
});
