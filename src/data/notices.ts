// All notices, newest first, each with its problems; and one notice's body, rendered.
import { getCollection, type CollectionEntry } from 'astro:content';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { handedOverNotices, type CheckedNotice } from '../lib/content-check';
import { renderNoticeBody, type RenderedNotice } from '../lib/notice-html';
import { decodeUtf8, readNoticeFile, splitFrontmatter, summariseNotice } from '../lib/notice-file';
import { parseMarkdown } from '../lib/markdown';
import { buildOutline, type Outline, type ProblemSummary } from '../lib/outline';
import { joinBase } from '../lib/paths';

type Entry = CollectionEntry<'notices'>;
export type Notice = Omit<Entry, 'data'> & { data: Entry['data'] & { problems: ProblemSummary[] } };

let cache: Promise<Notice[]> | undefined;

export function getNotices(): Promise<Notice[]> {
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

/** The notice's body as HTML, with its outline; read from its file, which the content check has passed. */
export function renderNotice(notice: Notice): RenderedNotice {
  return renderNoticeBody(bodyOf(notice));
}

/** The notice's outline alone (the open data), without the cost of making its HTML. */
export function noticeOutline(notice: Notice): Outline {
  return buildOutline(parseMarkdown(bodyOf(notice)));
}

export const noticePath = (base: string, id: string) => joinBase(base, `notices/${id}/`);
