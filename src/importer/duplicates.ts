// Finds a notice in the target folder that the one being imported would duplicate: the same title and date,
// or the same text (the same notice saved twice, say once as UTF-8 and once as GB18030).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { decodeUtf8, splitFrontmatter } from '../base/source-text';

export interface Duplicate {
  file: string;
  why: string;
}

/** Text compared for sameness: the body without whitespace, so line ends and spacing do not matter. */
const comparable = (body: string) => body.replace(/\s+/g, '');

interface NoticeInFolder {
  file: string;
  body: string;
  /** From the frontmatter; absent when it cannot be read (a broken file is `npm run check`'s to report). */
  title?: string;
  date?: string;
}

/** The Markdown notices of `dir` in name order; none when there is no such folder (writing there will say why). */
function* noticesIn(dir: string): Generator<NoticeInFolder> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return;
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.md'))
    .sort()) {
    const file = join(dir, name);
    let text: string | undefined;
    try {
      text = decodeUtf8(readFileSync(file));
    } catch {
      continue; // unreadable: `npm run check` says so
    }
    const parts = text === undefined ? undefined : splitFrontmatter(text);
    if (!parts) continue;
    let data: { title?: unknown; date?: unknown } | undefined;
    try {
      data = parse(parts.yaml, { maxAliasCount: 100 }) ?? undefined;
    } catch {
      data = undefined; // its text can still match
    }
    const date = data?.date instanceof Date ? data.date.toISOString().slice(0, 10) : String(data?.date ?? '').trim();
    yield { file, body: parts.body, ...(data && { title: String(data.title ?? '').trim(), date }) };
  }
}

/** A notice in `dir` with this title and date: `npm run check` refuses two such notices as one placed twice. */
export function findSameTitleAndDate(dir: string, notice: { title: string; date: string }): string | undefined {
  for (const other of noticesIn(dir)) if (other.title === notice.title && other.date === notice.date) return other.file;
  return undefined;
}

export function findDuplicate(dir: string, notice: { title: string; date: string; markdown: string }): Duplicate | undefined {
  const body = comparable(splitFrontmatter(notice.markdown)?.body ?? notice.markdown);
  for (const other of noticesIn(dir)) {
    if (other.title === notice.title && other.date === notice.date) return { file: other.file, why: `标题和日期相同（${notice.date}）` };
    if (comparable(other.body) === body) return { file: other.file, why: '正文相同' };
  }
  return undefined;
}
