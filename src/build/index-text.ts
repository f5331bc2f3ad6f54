// Build stage: each checked notice's search index document (src/search/index-document), made from the
// notice the content check has rendered, and kept per notice by the SHA-256 of its file and of gongshi's
// code: a notice unchanged since the last build is not tokenised again. Documents are made as the search
// index asks for them, part by part, so memory holds one part's documents at a time.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckedNotice } from '../notice/check';
import { readRendered } from '../notice/check-cache';
import { indexDocument } from '../search/index-document';
import { codeVersion } from '../base/code-version';

export interface IndexTexts {
  /** The index document of the notice with this id, made on first asking when it is not kept. */
  document(id: string): string;
  /** Documents made in this build so far (the others were kept from an earlier one). */
  readonly made: number;
}

/**
 * The index documents of every notice in `notices` that has data, each made when it is first asked for (so
 * the search index can start on its first part at once). `renderedDir`: where the content check keeps
 * rendered bodies (CheckCache's renderedDir); `cacheDir`: where documents are kept.
 */
export function indexTexts(notices: CheckedNotice[], renderedDir: string, cacheDir: string): IndexTexts {
  const version = codeVersion();
  mkdirSync(cacheDir, { recursive: true });
  const byId = new Map<string, { notice: CheckedNotice; file: string }>();
  for (const notice of notices) {
    if (!notice.data) continue;
    const key = createHash('sha256').update(`${version}\0${notice.sha256}`).digest('hex');
    byId.set(notice.slug, { notice, file: join(cacheDir, `${key}.html`) });
  }
  // Documents of notices no longer there, or of older code, go.
  const kept = new Set([...byId.values()].map(({ file }) => file.slice(cacheDir.length + 1)));
  for (const name of readdirSync(cacheDir)) if (!kept.has(name)) rmSync(join(cacheDir, name), { force: true });
  let made = 0;
  return {
    get made() {
      return made;
    },
    document(id) {
      const entry = byId.get(id);
      if (!entry) throw new Error(`通报 ${id} 没有搜索索引文本。`);
      const { notice, file } = entry;
      if (existsSync(file)) return readFileSync(file, 'utf8');
      const rendered = readRendered(renderedDir, notice.sha256);
      if (!rendered) throw new Error(`找不到通报 ${notice.file} 的渲染结果（内容检查应已生成）。`);
      const document = indexDocument({ data: notice.data!, html: rendered.html });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, document);
      renameSync(temporary, file);
      made++;
      return document;
    },
  };
}
