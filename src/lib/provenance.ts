// Where a notice's published text comes from: the SHA-256 fingerprint of its Markdown source and, in a git
// checkout, the commits that changed the file. Readers can tell that a notice was revised after it was
// published, and anyone holding a copy of the source can check it against the fingerprint.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export interface Revision {
  /** Abbreviated commit id (12 hex digits). */
  commit: string;
  /** Commit time, ISO 8601 with the committer's UTC offset. */
  date: string;
}

export interface History {
  /** Newest first. */
  revisions: Revision[];
  /** The file differs from its last commit (or was never committed). */
  uncommitted: boolean;
}

export interface GitHistories {
  /** By absolute file path. */
  files: Map<string, History>;
  /** Why there is no history (not a git checkout, a shallow clone…), for the build log. */
  note?: string;
}

const RECORD = '\u001e';
const FIELD = '\u001f';

/** Parses `git log --format=%x1e%H%x1f%cI --name-only`: each commit's id and time, then the files it changed. */
export function parseGitLog(output: string, top: string): Map<string, Revision[]> {
  const byFile = new Map<string, Revision[]>();
  for (const record of output.split(RECORD)) {
    const [head, ...files] = record.split('\n').filter((line) => line.trim() !== '');
    if (!head) continue;
    const [hash, date] = head.split(FIELD);
    if (!/^[0-9a-f]{40,64}$/.test(hash ?? '') || !date) continue;
    for (const file of files) {
      const path = resolve(top, file);
      const list = byFile.get(path) ?? [];
      list.push({ commit: hash.slice(0, 12), date: date.trim() });
      byFile.set(path, list);
    }
  }
  return byFile;
}

function git(cwd: string, args: string[]): { ok: boolean; out: string } {
  const run = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  return { ok: !run.error && run.status === 0, out: run.stdout ?? '' };
}

/**
 * The history of every file under `dir`, from one `git log`. Outside a git checkout, or in a shallow clone
 * (whose history is cut short, so first-published dates would be wrong), there is none, and a note says why.
 */
export function readGitHistories(dir: string): GitHistories {
  const top = git(dir, ['rev-parse', '--show-toplevel']);
  if (!top.ok) return { files: new Map(), note: '不在 git 仓库中构建：通报页只显示源文件指纹，没有发布和修改记录。' };
  const root = top.out.trim();
  if (git(dir, ['rev-parse', '--is-shallow-repository']).out.trim() === 'true') {
    return { files: new Map(), note: 'git 仓库是浅克隆（shallow clone），历史不完整：通报页只显示源文件指纹。要显示修改记录，请用完整克隆（git fetch --unshallow）。' };
  }
  const log = git(dir, ['log', `--format=${RECORD}%H${FIELD}%cI`, '--name-only', '--no-renames', '--', '.']);
  if (!log.ok) return { files: new Map(), note: '读不出 git 历史：通报页只显示源文件指纹。' };
  const revisions = parseGitLog(log.out, root);
  const status = git(dir, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames', '--', '.']);
  const changed = new Set(
    status.out
      .split('\0')
      .filter((entry) => entry.length > 3)
      .map((entry) => resolve(root, entry.slice(3))),
  );
  const files = new Map<string, History>();
  for (const path of new Set([...revisions.keys(), ...changed])) {
    files.set(path, { revisions: revisions.get(path) ?? [], uncommitted: changed.has(path) });
  }
  return { files };
}
