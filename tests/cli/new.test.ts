// `npm run new` as a webmaster runs it: a child process on a temp copy of the content folder (GONGSHI_CONTENT),
// without a terminal, and at a pseudo-terminal (util-linux `script`) answering its questions.
import { execFile, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { skeletonNotice, todayInShanghai } from '../../src/notice/skeleton';
import { readSiteConfig } from '../../src/site/config';
import { runScript, STACK_TRACE, type RunResult } from '../helpers/cli';
import { CONTENT_DIR, ROOT, SAMPLE_NAME } from '../helpers/fixtures';
import { tempDir } from '../helpers/temp';

const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const NEW = join(ROOT, 'scripts', 'new.ts');
const site = readSiteConfig(join(CONTENT_DIR, 'site.yaml')).data!;
const ISSUER = '中共襄阳市襄江城市建设投资有限公司委员会';
const TITLE = '襄江城投关于巡察整改进展情况的通报';

/** A temp dir whose content folder is `site-content`, not `content`: only GONGSHI_CONTENT finds it. */
function workspace() {
  const dir = tempDir();
  cpSync(CONTENT_DIR, join(dir, 'site-content'), { recursive: true });
  return { dir, env: { GONGSHI_CONTENT: 'site-content' }, notices: join(dir, 'site-content', 'notices') };
}

/** `npm run new -- …` without a terminal: stdin and stdout are pipes. */
function runNew(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<RunResult> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [TSX, NEW, ...args],
      { cwd: options.cwd, env: { ...process.env, NO_COLOR: '1', ...options.env }, encoding: 'utf8', timeout: 30_000 },
      (error, stdout, stderr) => done({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

/** The file a successful run says it wrote, resolved as the webmaster would open it. */
function writtenPath(stdout: string, cwd: string): string {
  const printed = stdout.match(/已新建通报：(\S+)/)?.[1];
  expect(printed).toBeDefined();
  return resolve(cwd, printed!);
}

function expectRefused(result: RunResult, message: string | RegExp) {
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(STACK_TRACE);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).toContain('没有写入任何文件。');
}

describe('npm run new without a terminal', () => {
  const { dir, env, notices } = workspace();
  const first = join(notices, '2024-09-10-xiangjiang-chengtou.md');

  it('writes the skeleton at the printed path and says what to do next', async () => {
    const result = await runNew(['--title', TITLE, '--issuer', ISSUER, '--date', '2024-09-10'], { cwd: dir, env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('已新建通报：site-content/notices/2024-09-10-xiangjiang-chengtou.md');
    expect(writtenPath(result.stdout, dir)).toBe(first);
    expect(lines.slice(1, 4)).toEqual([`  标题：${TITLE}`, `  发布机构：${ISSUER}`, '  落款日期：2024年9月10日']);
    expect(result.stdout).toMatch(/编辑这个文件[^]*npm run dev[^]*npm run check[^]*npm run build/);
    expect(result.stdout).not.toContain('默认值');
    expect(readFileSync(first, 'utf8')).toBe(skeletonNotice({ title: TITLE, issuer: ISSUER, date: '2024-09-10' }, site.contact));
  });

  it('wrote what npm run check passes, with a warning about the placeholders', async () => {
    const { code, stdout, stderr } = await runScript('check', [], { cwd: dir, env });
    expect(code).toBe(0);
    expect(stdout).toBe('检查通过：2 份通报，17 个问题，网站配置正确。\n');
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^警告 site-content\/notices\/2024-09-10-xiangjiang-chengtou\.md:\d+: 还有 8 行留着占位的“……”/),
    ]);
  });

  it('takes the next free name when another notice has the name, and leaves that one alone', async () => {
    const before = readFileSync(first, 'utf8');
    const title = '襄江城投关于巡察集中整改进展情况的通报'; // another title, the same slug
    const result = await runNew(['--title', title, '--issuer', ISSUER, '--date', '2024-09-10'], { cwd: dir, env });
    expect(result.code).toBe(0);
    expect(writtenPath(result.stdout, dir)).toBe(join(notices, '2024-09-10-xiangjiang-chengtou-2.md'));
    expect(readFileSync(join(notices, '2024-09-10-xiangjiang-chengtou-2.md'), 'utf8')).toContain(`title: ${title}\n`);
    expect(readFileSync(first, 'utf8')).toBe(before);
  });

  it('refuses the same title and date again, naming the file to edit instead', async () => {
    const files = readdirSync(notices);
    const result = await runNew(['--title', TITLE, '--date', '2024-09-10'], { cwd: dir, env });
    expectRefused(result, 'site-content/notices/2024-09-10-xiangjiang-chengtou.md 的标题和日期与这份相同');
    expect(readdirSync(notices)).toEqual(files);
  });

  it.each([
    ['2024-02-30', '--date “2024-02-30”不是有效日期：请写成 YYYY-MM-DD，例如 2024-09-10。'],
    ['2024/9/10', '--date “2024/9/10”不是有效日期：请写成 YYYY-MM-DD，例如 2024-09-10。'],
  ])('refuses --date %s, saying what to write', async (date, message) => {
    const files = readdirSync(notices);
    expectRefused(await runNew(['--title', '另一份通报', '--date', date], { cwd: dir, env }), message);
    expect(readdirSync(notices)).toEqual(files);
  });

  it.each([
    [['--titel', TITLE], '错误：不认识的选项 --titel。只能用 --title、--issuer 和 --date。'],
    [['--date'], '错误：--date 后面缺少内容，例如 --date 2024-09-10。'],
    [[TITLE], `错误：多余的参数“${TITLE}”。标题要写在 --title 后面`],
    [['--issuer', '某某公司，纪委'], '错误：--issuer “某某公司，纪委”不能用作落款'],
  ])('refuses %j, naming the option', async (args, message) => {
    const files = readdirSync(notices);
    expectRefused(await runNew(args, { cwd: dir, env }), message);
    expect(readdirSync(notices)).toEqual(files);
  });

  it('defaults the issuer to the site’s organisation, the title to the usual one and the date to today', async () => {
    const { dir: cwd, env: own, notices: folder } = workspace();
    const today = todayInShanghai();
    const result = await runNew([], { cwd, env: own });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const path = writtenPath(result.stdout, cwd);
    // Around midnight the run may start on one day and write on the next.
    expect([today, todayInShanghai()].some((d) => path === join(folder, `${d}-wuhan-chanye-touzi-konggu-jituan.md`))).toBe(true);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain(`title: ${site.organisation}关于巡察整改进展情况的通报\nissuer: ${site.organisation}\n`);
    expect(result.stdout).toContain('没有给出 --title、--issuer、--date，用了上面的默认值，请在文件头里核对。');
  });

  it('refuses to work without the site configuration', async () => {
    const cwd = tempDir();
    expectRefused(await runNew(['--title', TITLE], { cwd, env: { GONGSHI_CONTENT: 'nowhere' } }), /找不到网站配置文件[^]*网站配置有问题/);
    expect(existsSync(join(cwd, 'nowhere'))).toBe(false);
  });
});

const hasScript = spawnSync('script', ['--version']).status === 0;

/**
 * Runs `npm run new` at a pseudo-terminal (util-linux `script`), typing each answer once its question (ending
 * in `］：`) has appeared. Returns what the terminal showed and the exit code.
 */
function runInTerminal(args: string[], answers: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<RunResult> {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, TSX, NEW, ...args].map(quote).join(' ');
  return new Promise((done) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
    });
    let shown = '';
    let typed = 0;
    const timer = setTimeout(() => child.kill(), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      shown += chunk.toString('utf8');
      const asked = shown.split('］：').length - 1;
      while (typed < asked && typed < answers.length) child.stdin.write(answers[typed++]);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout: shown, stderr: '' });
    });
  });
}

describe.skipIf(!hasScript)('npm run new at a terminal', () => {
  it('asks for what is missing, takes the default on Enter, and asks again after an impossible date', async () => {
    const { dir, env, notices } = workspace();
    const result = await runInTerminal([], ['\r', `${TITLE}\r`, '2024-02-30\r', '2024-02-29\r'], { cwd: dir, env });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`发布机构（落款单位）［直接回车：${site.organisation}］：`);
    expect(result.stdout).toContain(`标题［直接回车：${site.organisation}关于巡察整改进展情况的通报］：`);
    expect(result.stdout).toContain('“2024-02-30”不是有效日期：请写成 YYYY-MM-DD，例如 2024-09-10。');
    expect(result.stdout).not.toContain('默认值，请在文件头里核对');
    const path = writtenPath(result.stdout, dir);
    expect(path).toBe(join(notices, '2024-02-29-xiangjiang-chengtou.md'));
    expect(readFileSync(path, 'utf8')).toBe(skeletonNotice({ title: TITLE, issuer: site.organisation, date: '2024-02-29' }, site.contact));
  });

  it('asks nothing when every option is given', async () => {
    const { dir, env } = workspace();
    const result = await runInTerminal(['--title', TITLE, '--issuer', ISSUER, '--date', '2024-09-10'], [], { cwd: dir, env });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('］：');
    expect(existsSync(writtenPath(result.stdout, dir))).toBe(true);
  });

  it('writes nothing when cancelled with Ctrl+C', async () => {
    const { dir, env, notices } = workspace();
    const result = await runInTerminal(['--date', '2024-09-10'], ['\x03'], { cwd: dir, env });
    expect(result.code).toBe(130);
    expect(result.stdout).toContain('已取消。没有写入任何文件。');
    expect(readdirSync(notices)).toEqual([SAMPLE_NAME]);
  });
});
