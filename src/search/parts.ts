// A large site's search index is built in parts, each by its own Pagefind run, so that the build's memory
// stays bounded (Pagefind holds a whole index in memory, about 2.4 MB per notice with gongshi's bigram
// index). The search page merges the parts (Pagefind's mergeIndex). Parts are runs of whole years, newest
// first, so that results listed part after part stay newest first; a year too big for one part is split.
// The build and the search page both call `planIndexParts` on the same notices, so they agree on the parts.
import { sizeFromEnv } from '../site/overrides';

/** Most notices in one part; a site up to this size has a single index. GONGSHI_INDEX_PART_SIZE overrides it (tests). */
export const DEFAULT_PART_SIZE = 1000;

export interface IndexPart {
  /** The part's folder under pagefind/: '' for the first (newest) part, which is the main index. */
  dir: string;
  ids: string[];
}

export function partSize(env: Record<string, string | undefined> = process.env): number {
  return sizeFromEnv(env, 'GONGSHI_INDEX_PART_SIZE', DEFAULT_PART_SIZE);
}

export function planIndexParts(notices: Array<{ id: string; date: string }>, size = DEFAULT_PART_SIZE): IndexPart[] {
  const sorted = [...notices].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  if (sorted.length <= size) return [{ dir: '', ids: sorted.map((n) => n.id) }];

  const years: Array<{ year: string; ids: string[] }> = [];
  for (const n of sorted) {
    const year = n.date.slice(0, 4);
    if (years.at(-1)?.year !== year) years.push({ year, ids: [] });
    years.at(-1)!.ids.push(n.id);
  }
  // Whole years are packed together while they fit; a larger year is cut into equal pieces.
  const parts: Array<{ name: string; ids: string[] }> = [];
  let open: { first: string; last: string; ids: string[] } | undefined;
  const close = () => {
    if (open) parts.push({ name: open.first === open.last ? open.first : `${open.first}-${open.last}`, ids: open.ids });
    open = undefined;
  };
  for (const { year, ids } of years) {
    if (ids.length > size) {
      close();
      const pieces = Math.ceil(ids.length / size);
      const each = Math.ceil(ids.length / pieces);
      for (let k = 0; k < pieces; k++) parts.push({ name: `${year}-${k + 1}`, ids: ids.slice(k * each, (k + 1) * each) });
      continue;
    }
    if (open && open.ids.length + ids.length > size) close();
    open ??= { first: year, last: year, ids: [] };
    open.last = year;
    open.ids.push(...ids);
  }
  close();
  return parts.map((part, i) => ({ dir: i === 0 ? '' : `part-${part.name}`, ids: part.ids }));
}
