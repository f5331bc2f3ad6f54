// Provenance on the built notice pages: the SHA-256 of the Markdown source, which changes when the source
// changes and only then, and the revisions from git, with a visible note once a notice has been revised.
// A shallow clone or a folder outside git degrades to the fingerprint alone, with a note in the build log.
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build';

const SAMPLE = '2023-09-20-wuhan-industrial-investment';
const OTHER = '2023-09-21-other';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=编辑', '-c', 'user.email=editor@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'pipe' });

function build(content: string) {
  const out = mkdtempSync(join(tmpdir(), 'gongshi-provenance-out-'));
  const r = spawnSync(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build.ts', '--out-dir', join(out, 'dist')], {
    cwd: ROOT,
    env: { ...process.env, GONGSHI_CONTENT: content, GONGSHI_CACHE_DIR: join(out, 'cache'), BASE_PATH: '' },
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  const page = (slug: string) => parse(readFileSync(join(out, 'dist/notices', slug, 'index.html'), 'utf8'));
  return { page, log: r.stdout + r.stderr };
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const fingerprint = (page: ReturnType<typeof parse>) => page.querySelector('[data-sha256]')?.textContent;

describe('provenance of notice pages', () => {
  let repo: string;
  let content: string;
  let first: ReturnType<typeof build>;

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'gongshi-provenance-'));
    content = join(repo, 'content');
    cpSync(resolve(ROOT, 'content'), content, { recursive: true });
    const sample = readFileSync(join(content, 'notices', `${SAMPLE}.md`), 'utf8');
    writeFileSync(join(content, 'notices', `${OTHER}.md`), sample.replace(/^title: .*$/m, 'title: 另一份通报').replace(/^date: .*$/m, 'date: 2023-09-21').replace('2023年9月20日', '2023年9月21日'));
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', '发布两份通报');
    first = build(content);
  });

  it('shows the SHA-256 of each source file, and its first publication from git', () => {
    const page = first.page(SAMPLE);
    expect(fingerprint(page)).toBe(sha256(join(content, 'notices', `${SAMPLE}.md`)));
    expect(page.querySelector('[data-published]')?.getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(page.querySelector('[data-revised]')).toBeNull();
    expect(page.querySelector('.revised-note')).toBeNull();
  });

  it('changes the fingerprint of a changed notice only, and says visibly that it was revised', () => {
    const file = join(content, 'notices', `${SAMPLE}.md`);
    writeFileSync(file, readFileSync(file, 'utf8').replace('坚决扛起', '坚定扛起'));
    git(repo, 'commit', '-qam', '改一个字');
    // Touched but unchanged: the same bytes give the same fingerprint.
    const other = join(content, 'notices', `${OTHER}.md`);
    utimesSync(other, new Date(), new Date());
    const second = build(content);

    const changed = second.page(SAMPLE);
    expect(fingerprint(changed)).toBe(sha256(file));
    expect(fingerprint(changed)).not.toBe(fingerprint(first.page(SAMPLE)));
    expect(fingerprint(second.page(OTHER))).toBe(fingerprint(first.page(OTHER)));

    expect(changed.querySelector('.revised-note')?.textContent).toMatch(/本通报发布后修改过 1 次/);
    expect(changed.querySelector('.revised-note a')?.getAttribute('href')).toBe('#provenance');
    expect(changed.querySelectorAll('.revisions li')).toHaveLength(2);
    expect(changed.querySelector('[data-revised]')).not.toBeNull();
    expect(second.page(OTHER).querySelector('.revised-note')).toBeNull();
  });

  it('degrades to the fingerprint alone in a shallow clone, and says so in the build log', () => {
    const clone = mkdtempSync(join(tmpdir(), 'gongshi-provenance-shallow-'));
    git(clone, 'clone', '-q', '--depth', '1', `file://${repo}`, 'c');
    const shallow = build(join(clone, 'c', 'content'));
    expect(shallow.log).toContain('浅克隆');
    const page = shallow.page(SAMPLE);
    expect(fingerprint(page)).toBe(sha256(join(content, 'notices', `${SAMPLE}.md`)));
    expect(page.querySelector('[data-published]')).toBeNull();
    expect(page.querySelector('.provenance-note')?.textContent).toContain('没有版本库的完整历史');
  });
});
