// Build stage: each checked notice's search index document (src/search/index-document), made from the
// notice the content check has rendered, right after the check, and kept per notice by the SHA-256 of its
// file and of gongshi's code: a notice unchanged since the last build is not tokenised again. Documents are
// written to the cache folder and read back part by part, so memory holds one part's documents at a time.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckedNotice } from '../notice/check';
import { readRendered } from '../notice/check-cache';
import { indexDocument } from '../search/index-document';
import { codeVersion } from '../site/code-version';

export interface IndexTexts {
  /** The index document of the notice with this id. */
  document(id: string): string;
  /** Documents made in this build (the others were kept from an earlier one). */
  made: number;
}

/**
 * Makes (or finds) the index document of every notice in `notices` that has data. `renderedDir`: where the
 * content check keeps rendered bodies (CheckCache's renderedDir); `cacheDir`: where documents are kept.
 */
export function makeIndexTexts(notices: CheckedNotice[], renderedDir: string, cacheDir: string): IndexTexts {
  const version = codeVersion();
  mkdirSync(cacheDir, { recursive: true });
  const files = new Map<string, string>();
  let made = 0;
  for (const notice of notices) {
    if (!notice.data) continue;
    const key = createHash('sha256').update(`${version}\0${notice.sha256}`).digest('hex');
    const file = join(cacheDir, `${key}.html`);
    files.set(notice.slug, file);
    if (existsSync(file)) continue;
    const rendered = readRendered(renderedDir, notice.sha256);
    if (!rendered) throw new Error(`找不到通报 ${notice.file} 的渲染结果（内容检查应已生成）。`);
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, indexDocument({ data: notice.data, html: rendered.html }));
    renameSync(temporary, file);
    made++;
  }
  // Documents of notices no longer there, or of older code, go.
  const kept = new Set([...files.values()].map((f) => f.slice(cacheDir.length + 1)));
  for (const name of readdirSync(cacheDir)) if (!kept.has(name) && !name.endsWith('.tmp')) rmSync(join(cacheDir, name), { force: true });
  return {
    made,
    document(id) {
      const file = files.get(id);
      if (!file) throw new Error(`通报 ${id} 没有搜索索引文本。`);
      return readFileSync(file, 'utf8');
    },
  };
}
