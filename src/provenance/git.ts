// Where a notice's published text comes from: the SHA-256 fingerprint of its Markdown source and, in a git
// checkout, the commits that changed the file. Readers can tell that a notice was revised after it was
// published, and anyone holding a copy of the source can check it against the fingerprint. The build log
// lists the notices not yet committed, and `--strict-provenance` refuses to build them.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

import type { History, Revision } from '../schemas';

export type { History, Revision };

export interface GitHistories {
  /** By absolute file path, spelled as under the folder that was asked for. */
  files: Map<string, History>;
  /** Why there is no history (not a git checkout, a shallow clone…), for the build log. */
  note?: string;
  /** The same in a few words, and what would restore the history: `--strict-provenance` names both. */
  missing?: { reason: string; remedy: string };
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

const without = (reason: string, consequence: string, remedy: string): GitHistories => ({
  files: new Map(),
  note: `${reason}：${consequence}`,
  missing: { reason, remedy },
});

/**
 * The history of every file under `dir`, from one `git log`. Outside a git checkout, or in a shallow clone
 * (whose history is cut short, so first-published dates would be wrong), there is none, and a note says why.
 * Paths are read relative to `dir` and keyed under it as given, so that a folder reached through a symbolic
 * link (macOS's temporary folder is one) still finds its files' histories.
 */
export function readGitHistories(dir: string): GitHistories {
  const base = resolve(dir);
  if (!git(base, ['rev-parse', '--show-toplevel']).ok)
    return without('不在 git 仓库中构建', '通报页只显示源文件指纹，没有发布和修改记录。', '请在网站的 git 仓库里构建');
  if (git(base, ['rev-parse', '--is-shallow-repository']).out.trim() === 'true') {
    return without(
      '仓库是 git 浅克隆（shallow clone），历史不完整',
      '通报页只显示源文件指纹。要显示修改记录，请用完整克隆（git fetch --unshallow）。',
      '请先运行 git fetch --unshallow 取回完整历史',
    );
  }
  const log = git(base, ['log', `--format=${RECORD}%H${FIELD}%cI`, '--name-only', '--no-renames', '--relative', '--', '.']);
  if (!log.ok) return without('读不出 git 历史', '通报页只显示源文件指纹。', '请检查 git 能否在这个文件夹里运行');
  const revisions = parseGitLog(log.out, base);
  // `git status --porcelain` names files from the top of the repository whatever the folder; the prefix is
  // this folder's path from there.
  const prefix = git(base, ['rev-parse', '--show-prefix']).out.trim();
  const status = git(base, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames', '--', '.']);
  const changed = new Set(
    status.out
      .split('\0')
      .map((entry) => entry.slice(3))
      .filter((file) => file.startsWith(prefix) && file.length > prefix.length)
      .map((file) => resolve(base, file.slice(prefix.length))),
  );
  const files = new Map<string, History>();
  for (const path of new Set([...revisions.keys(), ...changed])) {
    files.set(path, { revisions: revisions.get(path) ?? [], uncommitted: changed.has(path) });
  }
  return { files };
}

/**
 * The notices built from a source that no commit holds as it is: new, changed since its last commit, or
 * ignored by git (a file git does not know has no history either). None when there is no history at all:
 * `missing` says so instead.
 */
export function uncommittedNotices<T extends { path: string }>(git: GitHistories, notices: readonly T[]): T[] {
  if (git.missing) return [];
  return notices.filter((n) => git.files.get(n.path)?.uncommitted ?? true);
}

/**
 * How strict provenance was asked for, to name it in the message; undefined when it was not. Any value of
 * GONGSHI_STRICT_PROVENANCE but empty, 0, false or no asks for it: a site that wants the guarantee should
 * not lose it to `=true` or `=yes`.
 */
export function strictProvenance(option: boolean | undefined, env: Record<string, string | undefined> = process.env): string | undefined {
  if (option) return '--strict-provenance';
  const value = env.GONGSHI_STRICT_PROVENANCE?.trim().toLowerCase();
  return value && !['0', 'false', 'no'].includes(value) ? `GONGSHI_STRICT_PROVENANCE=${env.GONGSHI_STRICT_PROVENANCE}` : undefined;
}

/** A path as one shell word, for a command to copy: quoted only when it has to be. */
const shellWord = (path: string) => (/^[\w./@+-]+$/.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`);
const list = (files: readonly string[]) => files.map((file) => `  ${file}`).join('\n');

/**
 * The build log's note on notices not yet committed, one path a line; undefined when there are none. It is
 * information, not a warning: webmasters build, look and deploy before they commit.
 */
export function uncommittedLog(files: readonly string[]): string | undefined {
  if (!files.length) return undefined;
  // A new site (or a benchmark's corpus) may have thousands: the log names the first ones, git the rest.
  const shown = files.length > UNCOMMITTED_SHOWN + 1 ? files.slice(0, UNCOMMITTED_SHOWN) : files;
  const more = files.length - shown.length;
  return (
    `以下 ${files.length} 份通报的源文件还没有提交到 git（提交前构建、预览没有问题；提交后再构建，通报页会列出修改记录）：\n${list(shown)}` +
    (more ? `\n  ……另有 ${more} 份，git status 可以列出全部。` : '')
  );
}

/** How many uncommitted notices the build log names one by one. */
const UNCOMMITTED_SHOWN = 20;

/**
 * Why a build asked for strict provenance (`how`: `--strict-provenance` or the environment variable) must
 * stop, or undefined when every notice's source is committed as it is. Without history it cannot be known,
 * so it stops too, saying why.
 */
export function strictProvenanceFailure(git: GitHistories, files: readonly string[], how: string): string | undefined {
  const instead = how.startsWith('--') ? `不加 ${how}` : `不设 ${how.split('=')[0]}`;
  if (git.missing) {
    return `构建已停止：${how} 要求每份通报的源文件都已提交到 git，但${git.missing.reason}，无法确认。\n${git.missing.remedy}；或者${instead} 构建。`;
  }
  if (!files.length) return undefined;
  return [
    `构建已停止：${how} 要求每份通报的源文件都已提交到 git，以下 ${files.length} 份还没有提交：`,
    list(files),
    `请先提交：git add ${files.map(shellWord).join(' ')} && git commit`,
    `或者${instead} 构建（提交前预览可以这样做）。`,
  ].join('\n');
}
