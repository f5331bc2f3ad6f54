// All notices, newest first; and one notice's body, rendered.
import { getCollection, type CollectionEntry } from 'astro:content';
import { readFileSync } from 'node:fs';
import { renderNoticeBody, type RenderedNotice } from '../lib/notice-html';
import { decodeUtf8, splitFrontmatter } from '../lib/notice-file';
import { joinBase } from '../lib/paths';

export type Notice = CollectionEntry<'notices'>;

let cache: Notice[] | undefined;

export async function getNotices(): Promise<Notice[]> {
  cache ??= (await getCollection('notices')).sort(
    (a, b) => b.data.date.localeCompare(a.data.date) || a.data.title.localeCompare(b.data.title, 'zh-CN'),
  );
  return cache;
}

/** The notice's body as HTML, with its outline; read from its file, which the content check has passed. */
export function renderNotice(notice: Notice): RenderedNotice {
  const text = decodeUtf8(readFileSync(notice.filePath!)) ?? '';
  return renderNoticeBody(splitFrontmatter(text)?.body ?? '');
}

export const noticePath = (base: string, id: string) => joinBase(base, `notices/${id}/`);
