// The git history of notice sources (src/provenance/git), what a page may say of it (src/provenance/revisions),
// and the build's messages about notices not yet committed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseGitLog,
  readGitHistories,
  strictProvenance,
  strictProvenanceFailure,
  uncommittedLog,
  uncommittedNotices,
  type GitHistories,
} from '../../../src/provenance/git';
import { summariseRevisions } from '../../../src/provenance/revisions';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

describe('parseGitLog', () => {
  it('lists each file’s commits, newest first as git prints them', () => {
    const log = `\u001e${B}\u001f2024-03-01T10:00:00+08:00\n\nnotices/x.md\nnotices/y.md\n\u001e${A}\u001f2023-09-20T09:00:00+08:00\n\nnotices/x.md\n`;
    const files = parseGitLog(log, '/repo/content');
    expect(files.get('/repo/content/notices/x.md')).toEqual([
      { commit: 'b'.repeat(12), date: '2024-03-01T10:00:00+08:00' },
      { commit: 'a'.repeat(12), date: '2023-09-20T09:00:00+08:00' },
    ]);
    expect(files.get('/repo/content/notices/y.md')).toHaveLength(1);
  });
});

describe('readGitHistories', () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', '-c', 'commit.gpgsign=false', ...args], {
      cwd,
      stdio: 'pipe',
    });

  it('reads commits and uncommitted changes of a real repository', () => {
    const repo = mkdtempSync(join(tmpdir(), 'gongshi-git-'));
    git(repo, 'init', '-q');
    mkdirSync(join(repo, 'notices'));
    writeFileSync(join(repo, 'notices/a.md'), '一');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'first');
    writeFileSync(join(repo, 'notices/a.md'), '二');
    git(repo, 'commit', '-qam', 'second');
    writeFileSync(join(repo, 'notices/b.md'), '新');
    const { files, note } = readGitHistories(join(repo, 'notices'));
    expect(note).toBeUndefined();
    const a = files.get(join(repo, 'notices/a.md'))!;
    expect(a.revisions).toHaveLength(2);
    expect(a.uncommitted).toBe(false);
    expect(files.get(join(repo, 'notices/b.md'))).toEqual({ revisions: [], uncommitted: true });
    writeFileSync(join(repo, 'notices/a.md'), '三');
    expect(readGitHistories(join(repo, 'notices')).files.get(join(repo, 'notices/a.md'))!.uncommitted).toBe(true);
  });

  it('says why there is no history outside a repository, and in a shallow clone', () => {
    const plain = mkdtempSync(join(tmpdir(), 'gongshi-nogit-'));
    expect(readGitHistories(plain).note).toMatch(/不在 git 仓库/);
    const repo = mkdtempSync(join(tmpdir(), 'gongshi-git-'));
    git(repo, 'init', '-q');
    writeFileSync(join(repo, 'a.md'), '一');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'one');
    writeFileSync(join(repo, 'a.md'), '二');
    git(repo, 'commit', '-qam', 'two');
    const shallow = mkdtempSync(join(tmpdir(), 'gongshi-shallow-'));
    git(shallow, 'clone', '-q', '--depth', '1', `file://${repo}`, 'c');
    expect(readGitHistories(join(shallow, 'c')).note).toMatch(/浅克隆/);
    expect(readGitHistories(join(shallow, 'c')).missing?.remedy).toContain('git fetch --unshallow');
  });

  it('counts a staged file as uncommitted, and finds histories through a symbolic link', () => {
    const repo = mkdtempSync(join(tmpdir(), 'gongshi-git-'));
    git(repo, 'init', '-q');
    mkdirSync(join(repo, 'content/notices'), { recursive: true });
    writeFileSync(join(repo, 'content/notices/a.md'), '一');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'first');
    writeFileSync(join(repo, 'content/notices/b.md'), '新');
    git(repo, 'add', '.');
    const link = join(mkdtempSync(join(tmpdir(), 'gongshi-link-')), 'content');
    symlinkSync(join(repo, 'content'), link);
    const { files } = readGitHistories(join(link, 'notices'));
    expect(files.get(join(link, 'notices/a.md'))).toMatchObject({ uncommitted: false });
    expect(files.get(join(link, 'notices/a.md'))?.revisions).toHaveLength(1);
    expect(files.get(join(link, 'notices/b.md'))).toEqual({ revisions: [], uncommitted: true });
  });
});

const R1 = { commit: '111111111111', date: '2023-09-20T09:00:00+08:00' };
const R2 = { commit: '222222222222', date: '2024-03-01T10:00:00+08:00' };

describe('summariseRevisions', () => {
  it('gives the first publication, the last revision and the list of a committed source', () => {
    expect(summariseRevisions([R2, R1])).toEqual({ published: R1, revised: R2, revisions: 1, listed: [R2, R1] });
    expect(summariseRevisions([R1])).toEqual({ published: R1, revised: undefined, revisions: 0, listed: [] });
    expect(summariseRevisions()).toEqual({ published: undefined, revised: undefined, revisions: 0, listed: [] });
  });

  it('gives only the first publication of a source changed since its last commit', () => {
    expect(summariseRevisions([R2, R1], true)).toEqual({ published: R1, revised: undefined, revisions: 0, listed: [] });
    expect(summariseRevisions([], true)).toEqual({ published: undefined, revised: undefined, revisions: 0, listed: [] });
  });
});

describe('notices not yet committed', () => {
  const committed = { revisions: [R1], uncommitted: false };
  const histories: GitHistories = {
    files: new Map([
      ['/site/content/notices/a.md', committed],
      ['/site/content/notices/b.md', { revisions: [R1], uncommitted: true }],
      ['/site/content/notices/c.md', { revisions: [], uncommitted: true }],
    ]),
  };
  const notices = ['a', 'b', 'c', 'ignored'].map((id) => ({ path: `/site/content/notices/${id}.md`, file: `content/notices/${id}.md` }));
  const shallow: GitHistories = {
    files: new Map(),
    note: '…',
    missing: { reason: '仓库是 git 浅克隆', remedy: '请先运行 git fetch --unshallow' },
  };

  it('are the changed, the new and those git does not know; none can be told without history', () => {
    expect(uncommittedNotices(histories, notices).map((n) => n.file)).toEqual([
      'content/notices/b.md',
      'content/notices/c.md',
      'content/notices/ignored.md',
    ]);
    expect(uncommittedNotices(shallow, notices)).toEqual([]);
  });

  it('are listed in the build log one a line, calmly', () => {
    expect(uncommittedLog([])).toBeUndefined();
    const log = uncommittedLog(['content/notices/b.md', 'content/notices/c.md'])!;
    expect(log.split('\n')).toEqual([expect.stringContaining('以下 2 份通报'), '  content/notices/b.md', '  content/notices/c.md']);
    expect(log).not.toMatch(/错误|警告|失败/);
  });

  it('are named up to twenty in the build log, the rest counted', () => {
    const files = Array.from({ length: 1000 }, (_, i) => `content/notices/n${i}.md`);
    const lines = uncommittedLog(files)!.split('\n');
    expect(lines[0]).toContain('以下 1000 份通报');
    expect(lines.slice(1, 21)).toEqual(files.slice(0, 20).map((f) => `  ${f}`));
    expect(lines.slice(21)).toEqual(['  ……另有 980 份，git status 可以列出全部。']);
    expect(uncommittedLog(files.slice(0, 21))!.split('\n')).toHaveLength(22);
  });

  it('stop a strict build, which names each file and what to do', () => {
    expect(strictProvenanceFailure(histories, [], '--strict-provenance')).toBeUndefined();
    const message = strictProvenanceFailure(histories, ['content/notices/b.md', "content/notices/it's.md"], '--strict-provenance')!;
    expect(message).toContain('\n  content/notices/b.md\n');
    expect(message).toContain(`git add content/notices/b.md 'content/notices/it'\\''s.md' && git commit`);
    expect(message).toContain('不加 --strict-provenance 构建');
    const env = strictProvenanceFailure(histories, ['content/notices/b.md'], 'GONGSHI_STRICT_PROVENANCE=1')!;
    expect(env).toContain('不设 GONGSHI_STRICT_PROVENANCE 构建');
  });

  it('stop a strict build without history, saying why and how to get it', () => {
    const message = strictProvenanceFailure(shallow, [], 'GONGSHI_STRICT_PROVENANCE=1')!;
    expect(message).toMatch(/^构建已停止：GONGSHI_STRICT_PROVENANCE=1 .*浅克隆.*无法确认/);
    expect(message).toContain('git fetch --unshallow');
  });

  it('are refused when the option or the environment asks for it', () => {
    expect(strictProvenance(true, {})).toBe('--strict-provenance');
    expect(strictProvenance(undefined, { GONGSHI_STRICT_PROVENANCE: '1' })).toBe('GONGSHI_STRICT_PROVENANCE=1');
    expect(strictProvenance(false, { GONGSHI_STRICT_PROVENANCE: 'yes' })).toBe('GONGSHI_STRICT_PROVENANCE=yes');
    for (const value of [undefined, '', '0', 'false', 'No'])
      expect(strictProvenance(undefined, { GONGSHI_STRICT_PROVENANCE: value })).toBeUndefined();
  });
});
