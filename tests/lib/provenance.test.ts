import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGitLog, readGitHistories } from '../../src/lib/provenance';

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
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'pipe' });

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
  });
});
