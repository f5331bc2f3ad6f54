// The notices collection's loader. It keeps only what lists and page frames need in Astro's content
// store (the frontmatter, the number of problems, the opening's excerpt and the file's path); each notice
// page renders its own Markdown (src/lib/notice-html). Astro's glob loader also stores every body and its
// HTML, which at 10,000 notices makes a store larger than Node's biggest string (withastro/astro#13360).
// A file whose digest has not changed since the last build is not read again.
import type { Loader } from 'astro/loaders';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'astro/zod';
import { NOTICE_EXTENSION } from '../lib/content-check';
import { formatDiagnostic } from '../lib/diagnostics';
import { excerpt } from '../lib/format';
import { readNoticeFile } from '../lib/notice-file';
import { contentDir } from '../lib/paths';
import { noticeSchema } from '../lib/schema';

export const noticeEntrySchema = noticeSchema.extend({
  /** How many numbered problems the notice reports on. */
  problemCount: z.number().int(),
  /** The start of the opening paragraph, for lists and the page description. */
  excerpt: z.string(),
});

export function noticesLoader(): Loader {
  return {
    name: 'gongshi:notices',
    async load({ store, generateDigest, config, logger }) {
      const root = fileURLToPath(config.root);
      const dir = resolve(root, contentDir(), 'notices');
      const names = readdirSync(dir).filter((name) => NOTICE_EXTENSION.test(name) && !name.startsWith('.'));
      const present = new Set<string>();
      let read = 0;
      for (const name of names.sort()) {
        const id = name.replace(NOTICE_EXTENSION, '');
        const path = join(dir, name);
        const filePath = relative(root, path);
        const bytes = readFileSync(path);
        const digest = generateDigest(bytes.toString('utf8'));
        present.add(id);
        if (store.get(id)?.digest === digest) continue;
        const notice = readNoticeFile(filePath, bytes);
        const errors = notice.diagnostics.filter((d) => d.severity === 'error');
        // `npm run build` checks content before Astro starts; this is for a bare `astro build` or `astro dev`.
        if (!notice.data || !notice.tree || errors.length) {
          throw new Error(`${errors.map(formatDiagnostic).join('\n')}\n请改正后再构建（npm run check 列出所有问题）。`);
        }
        const first = notice.tree.children.find((n) => n.type === 'paragraph');
        const opening = first ? first.children.map((c) => ('value' in c ? c.value : '')).join('') : '';
        store.set({
          id,
          digest,
          filePath,
          data: { ...notice.data, problemCount: notice.outline?.problems.length ?? 0, excerpt: excerpt(opening) },
        });
        read++;
      }
      for (const id of store.keys()) if (!present.has(id)) store.delete(id);
      logger.info(`通报：${present.size} 份，其中 ${read} 份有改动`);
    },
  };
}
