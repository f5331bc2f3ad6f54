// `npm run import` as a user runs it: a child process, in a temp dir, writing to --out.
import iconv from 'iconv-lite';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript, STACK_TRACE } from '../helpers/cli';
import { SAMPLE_NAME, SEED_PATH, sampleText, seedText, toCrlf } from '../helpers/fixtures';
import { tempDir } from '../helpers/temp';

const filesIn = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);

describe('npm run import on the seed', () => {
  const dir = tempDir();
  const out = join(dir, 'out');
  const target = join(out, SAMPLE_NAME);

  it('writes the committed sample and prints the report', async () => {
    const { code, stdout, stderr } = await runScript('import', [SEED_PATH, '--out', 'out'], { cwd: dir });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe(sampleText());
    expect(filesIn(out)).toEqual([SAMPLE_NAME]); // no temp file left behind
    expect(stdout.split('\n')).toEqual([
      `已导入 ${SEED_PATH} → ${target}`,
      '  编码：utf-8',
      '  成文日期：2023-09-20（取自落款）',
      '  发布机构：中共武汉产业投资控股集团有限公司委员会（取自落款）',
      '  删除拼音注音：1713 处',
      '  繁体转简体：2768 个字',
      '  恢复全角标点：309 处',
      '  识别标题：22 个，其中问题 15 个',
      '  通报的联系方式：电话 027-85615369；地址 武汉市江汉区唐家墩路32号国创大厦B座武汉产业投资控股集团有限公司纪委、监察专员办公室；邮编 430021；邮箱 whtkjt@126.com',
      '',
    ]);
  });

  it('refuses the same notice again without --force, naming the file it duplicates', async () => {
    const { code, stdout, stderr } = await runScript('import', [SEED_PATH, '--out', 'out', '--slug', 'again'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`这份通报已经导入过：${target}（标题和日期相同（2023-09-20））`);
    expect(stderr).toMatch(/--force.*没有写入任何文件/);
    expect(stderr).not.toMatch(STACK_TRACE);
    expect(filesIn(out)).toEqual([SAMPLE_NAME]);
  });

  it('never overwrites another file: a different one with the derived name gets the next free name', async () => {
    writeFileSync(target, 'edited by hand\n');
    const { code, stdout } = await runScript('import', [SEED_PATH, '--out', 'out'], { cwd: dir });
    expect(code).toBe(0);
    const next = SAMPLE_NAME.replace('.md', '-2.md');
    expect(stdout).toContain(`→ ${join(out, next)}`);
    expect(readFileSync(target, 'utf8')).toBe('edited by hand\n');
    expect(readFileSync(join(out, next), 'utf8')).toBe(sampleText());
    expect(filesIn(out).sort()).toEqual([next, SAMPLE_NAME].sort());
  });

  it('replaces the duplicate with --force, using --title for the title', async () => {
    const next = SAMPLE_NAME.replace('.md', '-2.md');
    const { code, stdout } = await runScript('import', [SEED_PATH, '--out', 'out', '--force', '--title', '关于巡察整改进展情况的通报'], {
      cwd: dir,
    });
    expect(code).toBe(0);
    expect(stdout).toContain('识别标题：22 个，其中问题 15 个');
    expect(readFileSync(join(out, next), 'utf8')).toBe(sampleText().replace(/^title: .*$/m, 'title: 关于巡察整改进展情况的通报'));
    expect(filesIn(out).sort()).toEqual([next, SAMPLE_NAME].sort());
  });
});

describe('npm run import on other inputs', () => {
  it('refuses the same notice imported again as GB18030, naming the UTF-8 import', async () => {
    const dir = tempDir();
    copyFileSync(SEED_PATH, join(dir, 'utf8.txt'));
    writeFileSync(join(dir, 'gbk.txt'), iconv.encode(seedText(), 'gb18030'));
    expect((await runScript('import', ['utf8.txt', '--out', 'out'], { cwd: dir })).code).toBe(0);
    const again = await runScript('import', ['gbk.txt', '--out', 'out'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/这份通报已经导入过：.*2023-09-20-utf8\.md/);
    expect(filesIn(join(dir, 'out'))).toEqual(['2023-09-20-utf8.md']);
  });

  it('imports GB18030 with CRLF line ends to the same notice, named by --slug', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'raw.txt'), iconv.encode(toCrlf(seedText()), 'gb18030'));
    const { code, stdout } = await runScript('import', ['raw.txt', '--slug', 'wuhan', '--out', 'out'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('编码：gb18030（CRLF 换行已统一为 LF）');
    expect(readFileSync(join(dir, 'out', '2023-09-20-wuhan.md'), 'utf8')).toBe(sampleText());
  });

  it('warns with a line number about lines it cannot classify, and still writes', async () => {
    const dir = tempDir();
    const raw = readFileSync(SEED_PATH, 'utf8').replace('三、下一步工作打算\n', '三、下一步工作打算\n附件:整改台账\n');
    writeFileSync(join(dir, '2023-09-20-x.txt'), raw);
    const { code, stdout, stderr } = await runScript('import', ['2023-09-20-x.txt', '--out', 'out'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('识别标题：22 个，其中问题 15 个');
    expect(stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^ {2}警告：第 44 行：无法识别这一行的作用.*附件：整改台账/)]);
    // `x` says nothing about the notice: the name comes from the issuer's short name.
    expect(filesIn(join(dir, 'out'))).toEqual(['2023-09-20-wuhan-chanye-touzi-konggu-jituan.md']);
  });

  it.each([
    ['an empty file', Buffer.alloc(0), /文件是空的/],
    [
      'a picture (a scan saved as PNG)',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]),
      /图片.*OCR/,
    ],
    ['a binary file', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0, 1, 0, 0, 0]), /不是文本/],
    ['an unrecognisable text', Buffer.from('会议纪要\n今天开会，讨论了三件事。\n散会。\n'), /没有找到通报的结构/],
    ['a UTF-16 file (Notepad’s “Unicode”)', iconv.encode(seedText(), 'utf-16'), /UTF-16 编码.*另存为.*UTF-8/],
    [
      'a notice whose numbering npm run check would refuse',
      Buffer.from(seedText().replace('二、', '三、')),
      /编号有问题.*\n {2}第 \d+ 行：编号“三、”不连续/,
    ],
  ])('rejects %s: exit 1, clear message, nothing written', async (_, bytes, message) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'input.txt'), bytes);
    const { code, stdout, stderr } = await runScript('import', ['input.txt', '--out', 'out'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^错误：input\.txt：/);
    expect(stderr).toMatch(message);
    expect(stderr).toContain('没有写入任何文件');
    expect(stderr).not.toMatch(STACK_TRACE);
    expect(filesIn(join(dir, 'out'))).toEqual([]);
    expect(readdirSync(dir)).toEqual(['input.txt']);
  });

  it('explains an --out that cannot be written to, without a stack trace, and leaves nothing behind', async () => {
    const dir = tempDir();
    copyFileSync(SEED_PATH, join(dir, 'seed.txt'));
    writeFileSync(join(dir, 'out'), 'a file, not a folder\n');
    const { code, stdout, stderr } = await runScript('import', ['seed.txt', '--out', 'out'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^错误：无法写入 .*（(EEXIST|ENOTDIR)）。请检查 --out 目录是否可写。没有写入任何文件。\n$/);
    expect(stderr).not.toMatch(STACK_TRACE);
    expect(readdirSync(dir).sort()).toEqual(['out', 'seed.txt']);
  });

  it('imports a notice without a signature date with --date and --issuer, and says where each came from', async () => {
    const dir = tempDir();
    const seed = readFileSync(SEED_PATH, 'utf8').trimEnd().split('\n');
    writeFileSync(join(dir, 'undated.txt'), seed.slice(0, -2).join('\n'));
    const refused = await runScript('import', ['undated.txt', '--out', 'out'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/没有找到落款日期.*--date 2023-09-20/);
    const { code, stdout, stderr } = await runScript(
      'import',
      ['undated.txt', '--date', '2023-09-21', '--issuer', '中共某某集团委员会', '--out', 'out'],
      {
        cwd: dir,
      },
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('\n  成文日期：2023-09-21（取自 --date）\n  发布机构：中共某某集团委员会（取自 --issuer）\n');
    const written = readFileSync(join(dir, 'out', readdirSync(join(dir, 'out'))[0]), 'utf8');
    expect(written).toMatch(/\ndate: 2023-09-21\n/);
    expect(written).toMatch(/\nissuer: 中共某某集团委员会\n/);
  });

  it('prints its usage in Chinese for --help and writes nothing', async () => {
    const dir = tempDir();
    for (const flag of ['--help', '-h']) {
      const { code, stdout, stderr } = await runScript('import', [flag], { cwd: dir });
      expect(code).toBe(0);
      expect(stderr).toBe('');
      expect(stdout).toMatch(/^用法：npm run import -- <原文文件>/);
      expect(stdout).not.toMatch(/[A-Z][a-z]+ option/);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    ['a missing file', ['missing.txt', '--out', 'out'], 1, /missing\.txt：无法读取文件（ENOENT）/],
    ['no file at all', ['--out', 'out'], 2, /请给出一个原文文件。\n用法：npm run import/],
    ['a bad --slug', ['seed.txt', '--slug', 'Wu Han', '--out', 'out'], 2, /--slug 只能包含小写字母/],
    [
      'an unknown option',
      ['seed.txt', '--titel', '标题', '--out', 'out'],
      2,
      /^错误：不认识的选项 --titel。只能用 --title、--date、--issuer、--slug、--out、--force 和 --no-attachment。\n用法：npm run import/,
    ],
    ['an option without its value', ['seed.txt', '--out'], 2, /^错误：--out 后面缺少内容，例如 --out content\/notices。/],
    [
      'a --date that is no date',
      ['seed.txt', '--date', '2023年9月20日', '--out', 'out'],
      1,
      /--date “2023年9月20日”不是 YYYY-MM-DD 形式的日期/,
    ],
    [
      'a --date against the signature',
      ['seed.txt', '--date', '2023-09-21', '--out', 'out'],
      1,
      /--date 2023-09-21 与第 \d+ 行的落款日期“2023年9月20日”（2023-09-20）不一致/,
    ],
  ])('explains %s without a stack trace', async (_, args, exitCode, message) => {
    const dir = tempDir();
    copyFileSync(SEED_PATH, join(dir, 'seed.txt'));
    const { code, stdout, stderr } = await runScript('import', args, { cwd: dir });
    expect(code).toBe(exitCode);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(STACK_TRACE);
    expect(readdirSync(dir)).toEqual(['seed.txt']);
  });
});
