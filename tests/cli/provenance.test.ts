// Provenance on the built notice pages: the SHA-256 of the Markdown source, which changes when the source
// changes and only then, and the revisions from git, with a visible note once a notice has been revised.
// A notice built before `git commit` shows its fingerprint and nothing about version control; the build log
// lists it, and --strict-provenance (or GONGSHI_STRICT_PROVENANCE=1) refuses to build it.
// A shallow clone or a folder outside git degrades to the fingerprint alone, with a note in the build log.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkBrowser, launchBrowser } from '../helpers/browser';
import { ROOT, runBuild } from '../helpers/build';
import { serveStatic } from '../helpers/static-server';

const browser = checkBrowser();

const SAMPLE = '2023-09-20-wuhan-industrial-investment';
const OTHER = '2023-09-21-other';
/** Committed, revised in a second commit, then changed again without a commit. */
const REVISED = '2023-09-22-revised';
/** Never committed. */
const NEW = '2023-09-23-new';
/** What a public page must not say about a build before `git commit`. */
const ALARM = /尚未提交|未提交|没有提交|版本库|uncommitted/;

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=编辑', '-c', 'user.email=editor@example.org', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    stdio: 'pipe',
  });

/** One run of `npm run build` into `out`/dist; its exit code and everything it printed. */
function run(content: string, out: string, args: string[] = [], env: Record<string, string> = {}) {
  const r = runBuild(join(out, 'dist'), {
    args,
    env: { GONGSHI_CONTENT: content, GONGSHI_CACHE_DIR: join(out, 'cache'), GONGSHI_STRICT_PROVENANCE: '', ...env },
  });
  return { status: r.status, log: r.stdout + r.stderr };
}

function build(content: string, args: string[] = []) {
  const out = mkdtempSync(join(tmpdir(), 'gongshi-provenance-out-'));
  const { status, log } = run(content, out, args);
  expect(status, log).toBe(0);
  const html = (slug: string) => readFileSync(join(out, 'dist/notices', slug, 'index.html'), 'utf8');
  const page = (slug: string) => parse(html(slug));
  return { out, html, page, log };
}

/** Every file of a folder and its bytes' SHA-256, to tell that a failed build left it exactly as it was. */
function snapshot(dir: string) {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort()
      .map((file) => [relative(dir, file), createHash('sha256').update(readFileSync(file)).digest('hex')]),
  );
}

/** The paths the build log lists under its note on notices not yet committed. */
function listed(log: string) {
  const lines = log.split('\n');
  const start = lines.findIndex((line) => line.includes('份通报的源文件还没有提交到 git'));
  if (start < 0) return [];
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => !line.startsWith('  '));
  return rest.slice(0, end < 0 ? undefined : end).map((line) => line.trim());
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const fingerprint = (page: ReturnType<typeof parse>) => page.querySelector('[data-sha256]')?.textContent.trim();
const shortId = (repo: string, rev: string) => git(repo, 'rev-parse', '--short=12', rev).toString().trim();

describe('provenance of notice pages', () => {
  let repo: string;
  let content: string;
  let notices: string;
  let first: ReturnType<typeof build>;
  let second: ReturnType<typeof build>;
  const file = (slug: string) => join(notices, `${slug}.md`);

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'gongshi-provenance-'));
    content = join(repo, 'content');
    notices = join(content, 'notices');
    cpSync(resolve(ROOT, 'content'), content, { recursive: true });
    const sample = readFileSync(file(SAMPLE), 'utf8');
    const variant = (slug: string, title: string, day: number) =>
      writeFileSync(
        file(slug),
        sample
          .replace(/^title: .*$/m, `title: ${title}`)
          .replace(/^date: .*$/m, `date: 2023-09-${day}`)
          .replace('2023年9月20日', `2023年9月${day}日`),
      );
    variant(OTHER, '另一份通报', 21);
    variant(REVISED, '修改过的通报', 22);
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', '发布三份通报');
    first = build(content);
    variant(NEW, '新的通报', 23);
  });

  it('shows the SHA-256 of each source file, and its first publication from git', () => {
    const page = first.page(SAMPLE);
    expect(fingerprint(page)).toBe(sha256(file(SAMPLE)));
    expect(page.querySelector('[data-published]')?.getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(page.querySelector('[data-revised]')).toBeNull();
    expect(page.querySelector('.revised-note')).toBeNull();
    expect(page.querySelector('#provenance-title')?.textContent).toBe('来源与修改记录');
    expect(listed(first.log)).toEqual([]);
  });

  it('changes the fingerprint of a changed notice only, and says visibly that it was revised', () => {
    for (const slug of [SAMPLE, REVISED]) writeFileSync(file(slug), readFileSync(file(slug), 'utf8').replace('坚决扛起', '坚定扛起'));
    git(repo, 'commit', '-qam', '改一个字');
    // Touched but unchanged: the same bytes give the same fingerprint.
    utimesSync(file(OTHER), new Date(), new Date());
    // Built before the next commit: REVISED is changed again, NEW (written in beforeAll) was never committed.
    writeFileSync(file(REVISED), readFileSync(file(REVISED), 'utf8').replace('坚定扛起', '切实扛起'));
    second = build(content);

    const changed = second.page(SAMPLE);
    expect(fingerprint(changed)).toBe(sha256(file(SAMPLE)));
    expect(fingerprint(changed)).not.toBe(fingerprint(first.page(SAMPLE)));
    expect(fingerprint(second.page(OTHER))).toBe(fingerprint(first.page(OTHER)));

    expect(changed.querySelector('.revised-note')?.textContent).toMatch(/本通报发布后修改过 1 次/);
    expect(changed.querySelector('.revised-note a')?.getAttribute('href')).toBe(`/notices/${SAMPLE}/revisions/`);
    expect(changed.querySelectorAll('.revisions li')).toHaveLength(2);
    expect(changed.querySelector('[data-revised]')).not.toBeNull();
    expect(second.page(OTHER).querySelector('.revised-note')).toBeNull();
  });

  it('gives a revised notice a 修订对照 page with exactly the changed sentences, and none to a notice never revised', () => {
    const revisions = (slug: string) => join(second.out, 'dist/notices', slug, 'revisions/index.html');
    expect(existsSync(revisions(SAMPLE))).toBe(true);
    // Never revised, or revised only since its last commit: no comparison to show.
    for (const slug of [OTHER, REVISED, NEW]) expect(existsSync(revisions(slug)), slug).toBe(false);
    expect(second.page(OTHER).querySelector(`a[href$="/revisions/"]`)).toBeNull();
    const page = parse(readFileSync(revisions(SAMPLE), 'utf8'));
    const changed = [...readFileSync(file(SAMPLE), 'utf8').matchAll(/[^。\n]*坚定扛起[^。\n]*。/g)].map((m) =>
      m[0].replace(/^\*\*[^*]+\*\*/, ''),
    );
    expect(changed.length).toBeGreaterThan(0);
    const text = (el: { textContent: string }) => el.textContent.replace(/\s+/g, '');
    expect(page.querySelectorAll('.hunk .added').map(text)).toEqual(changed.map((s) => `增加：${s.replace(/\s+/g, '')}`));
    expect(page.querySelectorAll('.hunk .removed').map(text)).toEqual(
      changed.map((s) => `删去：${s.replace('坚定扛起', '坚决扛起').replace(/\s+/g, '')}`),
    );
    // The one character changed in each is marked, struck out and put in.
    expect(page.querySelectorAll('.hunk del').map((d) => d.textContent)).toEqual(changed.map(() => '决'));
    expect(page.querySelectorAll('.hunk ins').map((d) => d.textContent)).toEqual(changed.map(() => '定'));
    expect(page.querySelectorAll('.version-list li')).toHaveLength(2);
    expect(page.querySelector('.fact-changes')).toBeNull();
    expect(second.page(SAMPLE).querySelector(`#provenance a[href="/notices/${SAMPLE}/revisions/"]`)).not.toBeNull();
  });

  it.skipIf(!browser.available)('shows the changes in Chromium without JavaScript, marked by more than colour, and on paper', async () => {
    const site = await serveStatic(join(second.out, 'dist'), '/');
    const chromium = await launchBrowser();
    try {
      const context = await chromium.newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
      const page = await context.newPage();
      await page.goto(site.url(`notices/${SAMPLE}/revisions/`));
      expect(await page.locator('h1').textContent()).toBe('修订对照');
      const marks = await page.locator('.hunk :is(del, ins)').evaluateAll((els) =>
        els.map((el) => ({
          tag: el.tagName,
          text: el.textContent,
          line: getComputedStyle(el).textDecorationLine,
          label: el.parentElement?.querySelector('.mark-label')?.textContent,
        })),
      );
      expect(marks.length).toBeGreaterThan(0);
      for (const mark of marks) {
        expect(mark).toEqual(
          mark.tag === 'DEL'
            ? { tag: 'DEL', text: '决', line: 'line-through', label: '删去：' }
            : { tag: 'INS', text: '定', line: 'underline', label: '增加：' },
        );
      }
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.hunk del').first().isVisible()).toBe(true);
      await context.close();
    } finally {
      await chromium.close();
      await site.close();
    }
  });

  it('shows a notice never committed with its fingerprint, and nothing about version control', () => {
    const page = second.page(NEW);
    expect(fingerprint(page)).toBe(sha256(file(NEW)));
    expect(second.html(NEW)).not.toMatch(ALARM);
    expect(page.querySelector('.provenance-note')).toBeNull();
    expect(page.querySelector('[data-published]')).toBeNull();
    expect(page.querySelector('.revisions')).toBeNull();
    expect(page.querySelector('#provenance-title')?.textContent).toBe('来源');
  });

  it('shows a notice changed since its last commit with its first publication, and no revision date of older text', () => {
    const page = second.page(REVISED);
    const provenance = page.querySelector('#provenance')!;
    expect(fingerprint(page)).toBe(sha256(file(REVISED)));
    expect(second.html(REVISED)).not.toMatch(ALARM);
    // First published in the first commit: still true of a text changed since.
    expect(provenance.querySelector('[data-published]')?.parentNode?.textContent).toContain(shortId(repo, 'HEAD~1'));
    // The last commit holds older text than the page: it is not the page's 本站最后修改, nor a list of its versions.
    expect(provenance.textContent).not.toContain('本站最后修改');
    expect(provenance.querySelector('[data-revised]')).toBeNull();
    expect(provenance.querySelector('.revisions')).toBeNull();
    expect(provenance.textContent).not.toContain(shortId(repo, 'HEAD'));
    // Nor does the line under the title, or the structured data, date the change by the last commit.
    expect(page.querySelector('.revised-note')).toBeNull();
    expect(second.html(REVISED)).not.toContain('"dateModified"');
  });

  it('lists exactly the notices not yet committed in the build log', () => {
    expect(listed(second.log)).toEqual([relative(ROOT, file(REVISED)), relative(ROOT, file(NEW))]);
    expect(second.log).not.toContain('构建已停止');
  });

  it('refuses them with --strict-provenance or GONGSHI_STRICT_PROVENANCE=1, leaving the output as it was', () => {
    const before = snapshot(join(second.out, 'dist'));
    expect(Object.keys(before).length).toBeGreaterThan(10);
    for (const [args, env, how] of [
      [['--strict-provenance'], {}, '--strict-provenance'],
      [[], { GONGSHI_STRICT_PROVENANCE: '1' }, 'GONGSHI_STRICT_PROVENANCE=1'],
    ] as const) {
      const strict = run(content, second.out, [...args], env);
      expect(strict.status, strict.log).toBe(1);
      expect(strict.log).toContain(`构建已停止：${how}`);
      for (const slug of [REVISED, NEW]) expect(strict.log).toContain(`\n  ${relative(ROOT, file(slug))}\n`);
      expect(strict.log).not.toContain(`  ${relative(ROOT, file(SAMPLE))}`);
      expect(strict.log).toContain(`git add ${relative(ROOT, file(REVISED))} ${relative(ROOT, file(NEW))} && git commit`);
      expect(strict.log).not.toMatch(/^\s+at /m);
      expect(snapshot(join(second.out, 'dist'))).toEqual(before);
    }
  });

  it('builds strictly once they are committed, with their first publication and revisions', () => {
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', '再改一处，发布一份新通报');
    const third = build(content, ['--strict-provenance']);
    expect(listed(third.log)).toEqual([]);
    expect(third.log).toContain('每份通报的源文件都已提交到 git');

    const added = third.page(NEW);
    expect(added.querySelector('[data-published]')?.parentNode?.textContent).toContain(shortId(repo, 'HEAD'));
    expect(added.querySelector('#provenance-title')?.textContent).toBe('来源与修改记录');
    const revised = third.page(REVISED);
    expect(revised.querySelectorAll('.revisions li')).toHaveLength(3);
    expect(revised.querySelector('[data-revised]')?.parentNode?.textContent).toContain(shortId(repo, 'HEAD'));
    expect(revised.querySelector('.revised-note')?.textContent).toMatch(/本通报发布后修改过 2 次/);
    expect(existsSync(join(third.out, 'dist/notices', REVISED, 'revisions/index.html'))).toBe(true);
  });

  it('says in words what changed in the facts, and that a version only changed the layout', () => {
    const text = readFileSync(file(OTHER), 'utf8');
    writeFileSync(
      file(OTHER),
      text
        .replace(/^date: .*$/m, 'date: 2023-09-25')
        .replace('2023年9月21日', '2023年9月25日')
        .replaceAll('027-85615369', '027-85615370'),
    );
    git(repo, 'commit', '-qam', '改日期和电话');
    writeFileSync(file(OTHER), readFileSync(file(OTHER), 'utf8').replace(/\n\n## 二、/, '\n\n\n## 二、'));
    git(repo, 'commit', '-qam', '只改格式');
    const fourth = build(content);
    const page = parse(readFileSync(join(fourth.out, 'dist/notices', OTHER, 'revisions/index.html'), 'utf8'));
    const [layout, facts] = page.querySelectorAll('.version-change');
    expect(layout.querySelector('.layout-only')?.textContent).toContain('只调整了格式');
    expect(layout.querySelector('.hunk')).toBeNull();
    expect(facts.querySelectorAll('.fact-changes li').map((li) => li.textContent)).toEqual([
      '成文日期由“2023年9月21日”改为“2023年9月25日”。',
      '联系电话由“027-85615369”改为“027-85615370”。',
    ]);
  });

  it('degrades to the fingerprint alone in a shallow clone, and says so in the build log only', () => {
    const clone = mkdtempSync(join(tmpdir(), 'gongshi-provenance-shallow-'));
    git(clone, 'clone', '-q', '--depth', '1', `file://${repo}`, 'c');
    const shallow = build(join(clone, 'c', 'content'));
    expect(shallow.log).toContain('浅克隆');
    const page = shallow.page(SAMPLE);
    expect(fingerprint(page)).toBe(sha256(file(SAMPLE)));
    expect(page.querySelector('[data-published]')).toBeNull();
    expect(page.querySelector('.provenance-note')).toBeNull();
    expect(page.querySelector('#provenance-title')?.textContent).toBe('来源');
    expect(shallow.html(SAMPLE)).not.toMatch(ALARM);

    // Strict provenance cannot be guaranteed without the whole history, nor outside git.
    const out = mkdtempSync(join(tmpdir(), 'gongshi-provenance-out-'));
    const strict = run(join(clone, 'c', 'content'), out, [], { GONGSHI_STRICT_PROVENANCE: '1' });
    expect(strict.status, strict.log).toBe(1);
    expect(strict.log).toMatch(/构建已停止：GONGSHI_STRICT_PROVENANCE=1 .*浅克隆/);
    expect(strict.log).toContain('git fetch --unshallow');
    const plain = join(mkdtempSync(join(tmpdir(), 'gongshi-provenance-plain-')), 'content');
    cpSync(content, plain, { recursive: true });
    const outside = run(plain, out, ['--strict-provenance']);
    expect(outside.status, outside.log).toBe(1);
    expect(outside.log).toMatch(/构建已停止：--strict-provenance .*不在 git 仓库/);
    expect(outside.log).not.toMatch(/^\s+at /m);
    expect(existsSync(join(out, 'dist'))).toBe(false);
  });
});
