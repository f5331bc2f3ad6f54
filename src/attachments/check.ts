// The content check's part for attachments: every attachment of every notice is found and judged on disk
// (src/attachments/resolve). It runs on each check, after the per-notice results, and is never cached with
// them: those are kept by the notice's bytes, and an attachment can go missing while its notice is unchanged.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Diagnostic } from '../base/diagnostics';
import { decodeUtf8, splitFrontmatter } from '../base/source-text';
import type { NoticeData } from '../schemas';
import { resolveAttachments } from './resolve';

interface CheckedFile {
  /** As messages name it. */
  file: string;
  /** Absolute path, read again only to find the line of an entry with a problem. */
  path: string;
  data?: Pick<NoticeData, 'attachments'>;
}

/** One error per attachment that cannot be published, at the line of its `file:` in the notice's frontmatter. */
export function checkAttachments(root: string, notices: CheckedFile[], cwd = process.cwd()): Diagnostic[] {
  const shownRoot = relative(cwd, resolve(root)) || '.';
  const diagnostics: Diagnostic[] = [];
  for (const notice of notices) {
    const problems = resolveAttachments(root, notice.data?.attachments, shownRoot).filter((a) => a.problem);
    if (!problems.length) continue;
    const lines = attachmentLines(readFileSync(notice.path));
    for (const a of problems) {
      diagnostics.push({
        file: notice.file,
        line: lines[a.index],
        field: `attachments.${a.index}.file`,
        message: a.problem!,
        severity: 'error',
      });
    }
  }
  return diagnostics;
}

/**
 * The file line of each attachment entry's `file:` key (else of the entry, else of `attachments:`), by
 * the entry's place. Read again from the notice only when one of its attachments has a problem.
 */
export function attachmentLines(bytes: Uint8Array): Array<number | undefined> {
  const parts = splitFrontmatter(decodeUtf8(bytes) ?? '');
  if (!parts) return [];
  const counter = new LineCounter();
  const doc = parseDocument(parts.yaml, { lineCounter: counter });
  // Line 1 is the opening `---`.
  const line = (node: unknown) => {
    const range = (node as { range?: number[] } | null | undefined)?.range;
    return range ? counter.linePos(range[0]).line + 1 : undefined;
  };
  if (!isMap(doc.contents)) return [];
  const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'attachments');
  if (!pair || !isSeq(pair.value)) return [];
  const listLine = line(pair.key);
  return pair.value.items.map((item) => {
    const file = isMap(item) ? item.items.find((p) => isScalar(p.key) && p.key.value === 'file') : undefined;
    return line(file?.key) ?? line(item) ?? listLine;
  });
}
