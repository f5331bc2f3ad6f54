// All notices, newest first, each with its outline.
import { getCollection, type CollectionEntry } from 'astro:content';
import { parseMarkdown } from '../lib/markdown';
import { joinBase } from '../lib/paths';
import { buildOutline, type Outline } from '../lib/outline';

export type Notice = CollectionEntry<'notices'> & { outline: Outline; opening: string };

let cache: Notice[] | undefined;

export async function getNotices(): Promise<Notice[]> {
  if (cache) return cache;
  const entries = await getCollection('notices');
  cache = entries
    .map((entry) => {
      const tree = parseMarkdown(entry.body ?? '');
      const first = tree.children.find((n) => n.type === 'paragraph');
      const opening = first ? first.children.map((c) => ('value' in c ? c.value : '')).join('') : '';
      return { ...entry, outline: buildOutline(tree), opening };
    })
    .sort((a, b) => b.data.date.localeCompare(a.data.date) || a.data.title.localeCompare(b.data.title, 'zh-CN'));
  return cache;
}

export const noticePath = (base: string, id: string) => joinBase(base, `notices/${id}/`);
