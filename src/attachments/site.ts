// The attachments as the site publishes them, for Astro's pages: the notice page's list, the files under
// attachments/ and data/notices.json all read them from here, so that the three agree on names and sizes.
import { resolve } from 'node:path';
import { formatDiagnostic } from '../base/diagnostics';
import type { Attachment } from '../schemas';
import { contentDir } from '../base/paths';
import { attachmentLabel } from './format';
import { attachmentPath } from './names';
import { resolveAttachments } from './resolve';

export interface PublishedAttachment {
  title: string;
  /** Lower-case extension. */
  ext: string;
  /** The published file name, and the file's path under the site's base (`attachments/<slug>/<name>`). */
  name: string;
  sitePath: string;
  /** The file in the content folder. */
  path: string;
  size: number;
  mime: string;
  /** 原文（PDF，312 KB） */
  label: string;
}

interface NoticeLike {
  id: string;
  filePath?: string;
  data: { attachments?: Attachment[] };
}

const memo = new Map<string, PublishedAttachment[]>();

/**
 * A notice's attachments that can be published. `npm run build` has refused any other before Astro runs; in
 * `astro dev` one with a problem is left out while the error overlay shows it, and a bare `astro build` stops.
 */
export function noticeAttachments(notice: NoticeLike): PublishedAttachment[] {
  if (!notice.data.attachments?.length) return [];
  const key = `${notice.id}\u0000${JSON.stringify(notice.data.attachments)}`;
  // Files change under the dev server; a build reads each once.
  const known = import.meta.env.DEV ? undefined : memo.get(key);
  if (known) return known;
  const resolved = resolveAttachments(resolve(contentDir()), notice.data.attachments, contentDir());
  const problems = resolved.filter((a) => a.problem);
  if (problems.length && !import.meta.env.DEV) {
    const file = notice.filePath ?? notice.id;
    const lines = problems.map((a) =>
      formatDiagnostic({ file, field: `attachments.${a.index}.file`, message: a.problem!, severity: 'error' }),
    );
    throw new Error(`${lines.join('\n')}\n请改正后再构建（npm run check 列出所有问题）。`);
  }
  const published = resolved
    .filter((a) => !a.problem)
    .map(({ title, ext, name, path, size, mime }) => ({
      title,
      ext,
      name,
      sitePath: attachmentPath(notice.id, name),
      path: path!,
      size: size!,
      mime,
      label: attachmentLabel({ title, ext, size: size! }),
    }));
  memo.set(key, published);
  return published;
}
