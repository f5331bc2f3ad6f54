// All notices, newest first, each with its problems; and one notice's body, rendered.
import { getCollection, type CollectionEntry } from 'astro:content';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { handedOverNotices, type CheckedNotice } from './check';
import { readRendered } from './check-cache';
import { renderNoticeBody, type RenderedNotice } from './html';
import { readNoticeFile, summariseNotice } from './file';
import { decodeUtf8, splitFrontmatter } from '../base/source-text';
import { parseMarkdown } from './markdown';
import { buildOutline, type Outline, type ProblemSummary } from './outline';

type Entry = CollectionEntry<'notices'>;
export type Notice = Omit<Entry, 'data'> & { data: Entry['data'] & { problems: ProblemSummary[] } };

let cache: Promise<Notice[]> | undefined;

export function getNotices(): Promise<Notice[]> {
  // The dev server keeps this module while notices change on disk: read them afresh for every page there.
  if (import.meta.env.DEV) return load();
  cache ??= load();
  return cache;
}

async function load(): Promise<Notice[]> {
  // The build's content check has summarised every notice already; others are read here.
  const checked = handedOverNotices();
  const entries = (await getCollection('notices')).sort(
    (a, b) => b.data.date.localeCompare(a.data.date) || a.data.title.localeCompare(b.data.title, 'zh-CN'),
  );
  return entries.map((entry) => ({ ...entry, data: { ...entry.data, problems: problemsOf(entry, checked) } }));
}

function problemsOf(entry: Entry, checked: Map<string, CheckedNotice>): ProblemSummary[] {
  const path = resolve(entry.filePath!);
  const known = checked.get(path);
  if (known?.sha256 === entry.data.sha256) return known.problems;
  return summariseNotice(readNoticeFile(entry.filePath!, readFileSync(path))).problems;
}

const bodyOf = (notice: Notice) => splitFrontmatter(decodeUtf8(readFileSync(notice.filePath!)) ?? '')?.body ?? '';

// Under npm run build, the content check has rendered every notice already (src/notice/check-cache).
const rendered = (notice: Notice) => readRendered(process.env.GONGSHI_RENDERED_DIR, notice.data.sha256);

/** The notice's body as HTML, with its outline; read from its file, which the content check has passed. */
export function renderNotice(notice: Notice): RenderedNotice {
  return rendered(notice) ?? renderNoticeBody(bodyOf(notice));
}

/** The notice's outline alone (the open data), without the cost of making its HTML. */
export function noticeOutline(notice: Notice): Outline {
  return rendered(notice)?.outline ?? buildOutline(parseMarkdown(bodyOf(notice)));
}

export { noticePath } from '../base/paths';
