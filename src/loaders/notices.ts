// The notices collection's loader. It keeps only what lists and page frames need in Astro's content
// store (the frontmatter, the number of problems, the opening's excerpt and the file's path); each notice
// page renders its own Markdown (src/notice/html). Astro's glob loader also stores every body and its
// HTML, which at 10,000 notices makes a store larger than Node's biggest string (withastro/astro#13360).
// A file is parsed only when it is new or changed since the last build, and not at all when
// `npm run build` has just checked it (it hands its results over in GONGSHI_CHECKED_NOTICES).
// Each entry also carries its provenance: the source's SHA-256 and its git history (src/provenance/git).
// The store is kept small on purpose: Astro turns it into one JavaScript module for its server build, and
// at 10,000 notices every extra field per notice costs gigabytes there. Each notice's problems are
// therefore not stored here but read by src/notice/collection.
import type { Loader } from 'astro/loaders';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NOTICE_EXTENSION, handedOverNotices, sha256 } from '../notice/check';
import { formatDiagnostic } from '../base/diagnostics';
import { readNoticeFile, summariseNotice } from '../notice/file';
import { contentDir } from '../base/paths';
import { readGitHistories } from '../provenance/git';
import type { NoticeEntry } from '../schemas';

/** Reads a notice the content check has not seen; a bare `astro build` or `astro dev` gets here. */
function readEntry(filePath: string, bytes: Buffer): Omit<NoticeEntry, 'sha256' | 'history'> {
  const notice = readNoticeFile(filePath, bytes);
  const errors = notice.diagnostics.filter((d) => d.severity === 'error');
  if (!notice.data || errors.length) {
    throw new Error(`${errors.map(formatDiagnostic).join('\n')}\n请改正后再构建（npm run check 列出所有问题）。`);
  }
  const { problemCount, excerpt } = summariseNotice(notice);
  return { ...notice.data, problemCount, excerpt };
}

/** Where the loader counts its runs on globalThis (the dev server and the loader share the process, not modules). */
export const LOADS = '__gongshiNoticesLoads';

export function noticesLoader(): Loader {
  return {
    name: 'gongshi:notices',
    async load({ store, config, logger, watcher }) {
      const root = fileURLToPath(config.root);
      const dir = resolve(root, contentDir(), 'notices');
      const checked = handedOverNotices();
      const git = readGitHistories(dir);
      if (git.note) logger.warn(git.note);
      const names = readdirSync(dir).filter((name) => NOTICE_EXTENSION.test(name) && !name.startsWith('.'));
      const present = new Set<string>();
      let changed = 0;
      for (const name of names.sort()) {
        const id = name.replace(NOTICE_EXTENSION, '');
        const path = join(dir, name);
        const filePath = relative(root, path);
        const bytes = readFileSync(path);
        const fingerprint = sha256(bytes);
        const history = git.files.get(path);
        // A commit changes the page (its history) without changing the file.
        const digest = `${fingerprint} ${history?.revisions.map((r) => r.commit).join(',') ?? '-'} ${history?.uncommitted ?? ''}`;
        present.add(id);
        if (store.get(id)?.digest === digest) continue;
        const known = checked.get(path);
        let summary: ReturnType<typeof readEntry>;
        try {
          summary =
            known?.sha256 === fingerprint && known.data
              ? { ...known.data, problemCount: known.problemCount, excerpt: known.excerpt }
              : readEntry(filePath, bytes);
        } catch (e) {
          // Only the dev server has a watcher: there the notice is left out and its mistakes are shown
          // (src/integrations/dev-server); a build stops.
          if (!watcher) throw e;
          present.delete(id);
          continue;
        }
        const data: NoticeEntry = { ...summary, sha256: fingerprint, ...(history && { history }) };
        store.set({ id, digest, filePath, data });
        changed++;
      }
      for (const id of store.keys()) if (!present.has(id)) store.delete(id);
      logger.info(`通报：${present.size} 份，其中 ${changed} 份是新的或有改动`);
      // Counted for the dev server (src/integrations/dev-server), which checks that a refresh it asked for ran.
      const counter = globalThis as { [LOADS]?: number };
      counter[LOADS] = (counter[LOADS] ?? 0) + 1;
    },
  };
}
