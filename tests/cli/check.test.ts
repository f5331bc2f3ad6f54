// `npm run check` as a user runs it, on temp copies of content/ with one thing broken.
import iconv from 'iconv-lite';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript, STACK_TRACE, type RunResult } from '../helpers/cli';
import { SAMPLE_NAME, lineStartingWith, replaceOnce, sampleText } from '../helpers/fixtures';
import { copyOfContent } from '../helpers/temp';

const NOTICE = `content/notices/${SAMPLE_NAME}`;

/** Copies content/, lets `edit` break it, runs the checker from the copy's parent on `content`. */
async function checkBroken(edit: (paths: { notice: string; site: string }) => void): Promise<RunResult> {
  const { dir, content } = copyOfContent();
  edit({ notice: join(content, 'notices', SAMPLE_NAME), site: join(content, 'site.yaml') });
  return runScript('check', ['content'], { cwd: dir });
}

/** Edits the sample notice with a replacement that must match exactly once. */
const editNotice = (search: string | RegExp, replacement: string) =>
  checkBroken(({ notice }) => writeFileSync(notice, replaceOnce(sampleText(), search, replacement)));

function expectFailure(result: RunResult, errors: number): string[] {
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(STACK_TRACE);
  expect(result.stderr).toContain(`检查未通过：${errors} 个错误。`);
  return result.stderr.split('\n').filter((l) => l.startsWith('错误 '));
}

describe('npm run check passes', () => {
  it('on the real content', async () => {
    const { dir } = copyOfContent();
    const { code, stdout, stderr } = await runScript('check', ['content'], { cwd: dir });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe('检查通过：1 份通报，15 个问题，网站配置正确。\n');
  });

  it('on BOM + CRLF files, found through GONGSHI_CONTENT', async () => {
    const { dir, content } = copyOfContent();
    const bomCrlf = (path: string) => writeFileSync(path, `\ufeff${readFileSync(path, 'utf8').replace(/\n/g, '\r\n')}`);
    bomCrlf(join(content, 'notices', SAMPLE_NAME));
    bomCrlf(join(content, 'site.yaml'));
    const { code, stdout, stderr } = await runScript('check', [], { cwd: dir, env: { GONGSHI_CONTENT: content } });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('检查通过：1 份通报，15 个问题');
  });
});

describe('npm run check reports schema errors with file, field and what is expected', () => {
  it('suggests title for a misspelt tilte key', async () => {
    const lines = expectFailure(await editNotice(/^title:/m, 'tilte:'), 1);
    expect(lines).toEqual([`错误 ${NOTICE}:2: tilte：不认识的字段“tilte”，是不是想写“title”？请改为 title。`]);
  });

  it('names a missing title', async () => {
    const lines = expectFailure(await editNotice(/^title: .*\n/m, ''), 1);
    expect(lines).toEqual([`错误 ${NOTICE}:2: title（标题）：缺少标题，请添加这个字段。`]);
  });

  it('rejects the date 2023-02-30', async () => {
    const lines = expectFailure(await editNotice('date: 2023-09-20', 'date: 2023-02-30'), 1);
    expect(lines).toEqual([`错误 ${NOTICE}:4: date（成文日期）：“2023-02-30”不是有效日期，应为 YYYY-MM-DD，例如 2023-09-20。`]);
  });

  it('names a bad email, phone and postcode in site.yaml', async () => {
    const site = readFileSync(join(copyOfContent().content, 'site.yaml'), 'utf8');
    const broken = replaceOnce(
      replaceOnce(replaceOnce(site, 'whtkjt@126.com', 'whtkjt.126.com'), '027-85615369', '请致电纪委'),
      '"430021"',
      '"4300"',
    );
    const lines = expectFailure(await checkBroken(({ site: path }) => writeFileSync(path, broken)), 3);
    expect(lines).toEqual([
      `错误 content/site.yaml:${lineStartingWith(broken, '  phone:')}: contact.phone（联系电话）：电话号码应由数字组成，例如 027-85615369。`,
      `错误 content/site.yaml:${lineStartingWith(broken, '  postcode:')}: contact.postcode（邮政编码）：邮政编码应为 6 位数字，例如 430021。`,
      `错误 content/site.yaml:${lineStartingWith(broken, '  email:')}: contact.email（电子邮箱）：电子邮箱格式不正确，例如 whtkjt@126.com。`,
    ]);
  });
});

describe('npm run check reports structure problems with file and line', () => {
  it('finds numbering that skips 二、', async () => {
    const text = replaceOnce(sampleText(), '## 二、整改进展情况及成效', '## 三、整改进展情况及成效');
    const result = await checkBroken(({ notice }) => writeFileSync(notice, text));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `错误 ${NOTICE}:${lineStartingWith(text, '## 三、整改进展')}: 编号“三、”不连续：“一、”之后应是第 2 项。`,
    );
    expect(result.stderr).not.toMatch(STACK_TRACE);
  });

  it('finds a duplicate problem number', async () => {
    const text = replaceOnce(sampleText(), '#### 3、关于“商贸集团督促', '#### 2、关于“商贸集团督促');
    const result = await checkBroken(({ notice }) => writeFileSync(notice, text));
    expect(result.code).toBe(1);
    const line = lineStartingWith(text, '#### 2、关于“商贸集团督促');
    const first = lineStartingWith(text, '#### 2、关于“产投集团法人');
    expect(result.stderr).toContain(`错误 ${NOTICE}:${line}: 编号重复：与第 ${first} 行的编号相同（锚点 #s2-g1-p2）。`);
  });

  it('finds a frontmatter date that differs from the signature date', async () => {
    const text = replaceOnce(sampleText(), 'date: 2023-09-20', 'date: 2023-09-21');
    const lines = expectFailure(await checkBroken(({ notice }) => writeFileSync(notice, text)), 1);
    expect(lines).toEqual([
      `错误 ${NOTICE}:${lineStartingWith(text, '2023年9月20日')}: date（成文日期）：成文日期 2023-09-21 与正文落款日期“2023年9月20日”（2023-09-20）不一致，请改成一致。`,
    ]);
  });

  it('finds raw HTML', async () => {
    const text = replaceOnce(sampleText(), '同时，对需要', '<div>同时</div>，对需要');
    const lines = expectFailure(await checkBroken(({ notice }) => writeFileSync(notice, text)), 1);
    expect(lines).toEqual([
      `错误 ${NOTICE}:${lineStartingWith(text, '<div>')}: 正文里有 HTML 代码“<div>”。通报正文只用 Markdown 文字，请删除这段 HTML。`,
    ]);
  });

  it('hints at the importer for a GB18030-encoded notice', async () => {
    const lines = expectFailure(await checkBroken(({ notice }) => writeFileSync(notice, iconv.encode(sampleText(), 'gb18030'))), 1);
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^错误 ${NOTICE}: 文件不是 UTF-8 编码.*GB18030.*请用 npm run import -- <文件> 导入原文`)),
    ]);
  });
});
