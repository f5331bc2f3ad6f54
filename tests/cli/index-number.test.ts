// The 索引号 as webmasters meet it: `npm run new` and `npm run import` number new notices in a content folder whose
// site.yaml sets indexNumberPrefix, `--force` keeps a replaced notice's number, and `npm run check` refuses a number
// used twice and warns about notices without one. Child processes in temp folders, as the other CLI tests run them.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript, STACK_TRACE, type RunResult } from '../helpers/cli';
import { CONTENT_DIR, ROOT, SAMPLE_NAME, SEED_PATH, lineStartingWith, replaceOnce, sampleText, seedText } from '../helpers/fixtures';
import { copyOfContent, tempDir } from '../helpers/temp';

const PREFIX = '91420100MA4KX0000X';
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** `npm run new -- …` without a terminal, as tests/cli/new.test.ts runs it. */
function runNew(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<RunResult> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [TSX, join(ROOT, 'scripts', 'new.ts'), ...args],
      { cwd: options.cwd, env: { ...process.env, NO_COLOR: '1', ...options.env }, encoding: 'utf8', timeout: 30_000 },
      (error, stdout, stderr) => done({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

const withPrefix = (site: string) => `${readFileSync(site, 'utf8')}indexNumberPrefix: ${PREFIX}\n`;

/** A temp dir with `site-content/`: the real site.yaml with the prefix set, and an empty notices folder. */
function workspace() {
  const dir = tempDir();
  const content = join(dir, 'site-content');
  mkdirSync(join(content, 'notices'), { recursive: true });
  writeFileSync(join(content, 'site.yaml'), withPrefix(join(CONTENT_DIR, 'site.yaml')));
  return { dir, env: { GONGSHI_CONTENT: 'site-content' }, notices: join(content, 'notices') };
}

/** The frontmatter's first four lines: title, issuer, date and what follows the date. */
const head = (path: string) => readFileSync(path, 'utf8').split('\n').slice(1, 5);

/** The seed with another signature date: another notice to the importer (another date, another text). */
function otherSeed(dir: string): string {
  const path = join(dir, 'other.txt');
  writeFileSync(path, replaceOnce(seedText(), /^2023年9月20日$/m, '2023年10月8日'));
  return path;
}

describe('npm run new with indexNumberPrefix set', () => {
  const { dir, env, notices } = workspace();

  it('writes 00001, then 00002 in the same year, on the line after date, and prints the number', async () => {
    const first = await runNew(['--title', '第一份通报', '--date', '2023-03-01'], { cwd: dir, env });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout.split('\n').slice(1, 5)).toEqual([
      '  标题：第一份通报',
      expect.stringMatching(/^ {2}发布机构：/),
      '  落款日期：2023年3月1日',
      `  索引号：${PREFIX}/2023-00001`,
    ]);
    const second = await runNew(['--title', '第二份通报', '--date', '2023-05-01'], { cwd: dir, env });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`  索引号：${PREFIX}/2023-00002\n`);
    const files = readdirSync(notices).sort();
    expect(files).toHaveLength(2);
    expect(head(join(notices, files[0]))[2]).toBe('date: 2023-03-01');
    expect(head(join(notices, files[0]))[3]).toBe(`indexNumber: ${PREFIX}/2023-00001`);
    expect(head(join(notices, files[1]))[3]).toBe(`indexNumber: ${PREFIX}/2023-00002`);
  });

  it('starts another year at 00001, and continues a year after the highest number used', async () => {
    const next = await runNew(['--title', '第三份通报', '--date', '2024-01-02'], { cwd: dir, env });
    expect(next.stdout).toContain(`  索引号：${PREFIX}/2024-00001\n`);
    writeFileSync(join(notices, 'broken.md'), `---\ntitle: [\nindexNumber: ${PREFIX}/2023-00090\n---\n`); // skipped: not YAML
    writeFileSync(
      join(notices, '2023-01-01-by-hand.md'),
      `---\ntitle: 手写的一份\nindexNumber: ${PREFIX}/2023-00007\n---\n`, // counted, whatever else is wrong with it
    );
    const after = await runNew(['--title', '第四份通报', '--date', '2023-12-01'], { cwd: dir, env });
    expect(after.stdout).toContain(`  索引号：${PREFIX}/2023-00008\n`);
  });
});

describe('npm run import with indexNumberPrefix set in the parent of --out', () => {
  const { dir, notices } = workspace();
  const target = join(notices, SAMPLE_NAME);
  const other = join(notices, '2023-10-08-other.md');
  const out = ['--out', 'site-content/notices'];

  it('writes 00001, then 00002 for another notice, and prints the number', async () => {
    const first = await runScript('import', [SEED_PATH, ...out], { cwd: dir });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`\n  索引号：${PREFIX}/2023-00001\n`);
    // The committed sample, with the number on the line after its date.
    expect(readFileSync(target, 'utf8')).toBe(
      sampleText().replace('date: 2023-09-20\n', `date: 2023-09-20\nindexNumber: ${PREFIX}/2023-00001\n`),
    );

    const second = await runScript('import', [otherSeed(dir), ...out, '--slug', 'other'], { cwd: dir });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`\n  索引号：${PREFIX}/2023-00002\n`);
    expect(head(other).slice(2)).toEqual(['date: 2023-10-08', `indexNumber: ${PREFIX}/2023-00002`]);
  });

  it('keeps the replaced notice’s number with --force, never renumbering it', async () => {
    const before = readFileSync(other, 'utf8');
    const result = await runScript('import', [otherSeed(dir), ...out, '--slug', 'other', '--force', '--title', '另一个标题'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`\n  索引号：${PREFIX}/2023-00002（沿用被替换的通报的索引号）\n`);
    const after = readFileSync(other, 'utf8');
    expect(after).not.toBe(before);
    expect(head(other)).toEqual([
      'title: 另一个标题',
      expect.stringMatching(/^issuer: /),
      'date: 2023-10-08',
      `indexNumber: ${PREFIX}/2023-00002`,
    ]);
    expect(readdirSync(notices).sort()).toEqual([SAMPLE_NAME, '2023-10-08-other.md']);
  });

  it('keeps a hand-written number too, in whatever form', async () => {
    writeFileSync(target, readFileSync(target, 'utf8').replace(`${PREFIX}/2023-00001`, '011043-2023-00012'));
    const replaced = await runScript('import', [SEED_PATH, ...out, '--force'], { cwd: dir });
    expect(replaced.stdout).toContain('  索引号：011043-2023-00012（沿用被替换的通报的索引号）\n');
    expect(head(target)[3]).toBe('indexNumber: 011043-2023-00012');
  });

  it('wrote notices npm run check passes without a word about numbers', async () => {
    writeFileSync(target, readFileSync(target, 'utf8').replace('011043-2023-00012', `${PREFIX}/2023-00001`));
    const { code, stdout, stderr } = await runScript('check', ['site-content'], { cwd: dir });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe('检查通过：2 份通报，30 个问题，网站配置正确。\n');
  });
});

describe('npm run check with indexNumberPrefix set', () => {
  /** The real content with the prefix set, and a second notice (another title) with the sample's text. */
  function content(sampleNumber: string | undefined, secondNumber: string) {
    const { dir, content: folder } = copyOfContent();
    writeFileSync(join(folder, 'site.yaml'), withPrefix(join(folder, 'site.yaml')));
    const number = (text: string, value: string | undefined) =>
      value === undefined ? text : replaceOnce(text, 'date: 2023-09-20\n', `date: 2023-09-20\nindexNumber: ${value}\n`);
    writeFileSync(join(folder, 'notices', SAMPLE_NAME), number(sampleText(), sampleNumber));
    const second = number(replaceOnce(sampleText(), /^title: .*$/m, 'title: 第二份通报'), secondNumber);
    writeFileSync(join(folder, 'notices', '2023-09-21-second.md'), second);
    return { dir, second };
  }

  it('refuses one number in two notices, naming both files and the line', async () => {
    const same = `${PREFIX}/2023-00001`;
    const { dir, second } = content(same, same);
    const { code, stdout, stderr } = await runScript('check', ['content'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).not.toMatch(STACK_TRACE);
    expect(stderr.split('\n').filter((l) => l.startsWith('错误 '))).toEqual([
      `错误 content/notices/2023-09-21-second.md:${lineStartingWith(second, 'indexNumber:')}: indexNumber（索引号）：与 content/notices/${SAMPLE_NAME} 的索引号相同（${same}）：一个索引号只能标识一份文件。已经发布的索引号不要改，请给后发布的一份另编一个：例如 ${PREFIX}/2023-00002（这一年的下一个空号）。`,
    ]);
    expect(stderr).toContain('检查未通过：1 个错误。');
  });

  it('refuses a number in another form, with the expected form built from the prefix', async () => {
    const { dir } = content(`${PREFIX}/2023-00001`, '011043-2023-00012');
    const { code, stderr } = await runScript('check', ['content'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toContain(
      `错误 content/notices/2023-09-21-second.md:5: indexNumber（索引号）：索引号“011043-2023-00012”的写法不对。索引号应写成“${PREFIX}/年份-5 位序号”`,
    );
  });

  it('passes a notice without a number, with one warning naming it and the number to write', async () => {
    const { dir } = content(undefined, `${PREFIX}/2023-00001`);
    const { code, stdout, stderr } = await runScript('check', ['content'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toBe('检查通过：2 份通报，30 个问题，网站配置正确。\n');
    expect(stderr.trimEnd().split('\n')).toEqual([
      `警告 content/notices: indexNumber（索引号）：1 份通报没有索引号：${SAMPLE_NAME}（indexNumber: ${PREFIX}/2023-00002）。npm run new 和 npm run import 新建的通报会自动写上索引号；已有的通报请在文件头 date 的下一行写上括号里的那一行（按发布年份接着已用的最大序号编排）。`,
    ]);
  });

  it('refuses a shared number without a prefix too, but neither warns about missing ones nor checks the form', async () => {
    const { dir: shared } = content('011043-2023-00012', '011043-2023-00012');
    cpSync(join(CONTENT_DIR, 'site.yaml'), join(shared, 'content', 'site.yaml'));
    const refused = await runScript('check', ['content'], { cwd: shared });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `错误 content/notices/2023-09-21-second.md:5: indexNumber（索引号）：与 content/notices/${SAMPLE_NAME} 的索引号相同（011043-2023-00012）`,
    );
    const { dir: missing } = content(undefined, '011043-2023-00012');
    cpSync(join(CONTENT_DIR, 'site.yaml'), join(missing, 'content', 'site.yaml'));
    const passed = await runScript('check', ['content'], { cwd: missing });
    expect(passed.stderr).toBe('');
    expect(passed.code).toBe(0);
  });
});
