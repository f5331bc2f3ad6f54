// A site's search index is built in parts, each by its own Pagefind run, so that one Pagefind process holds
// a bounded number of notices (it keeps every page's words in memory until it writes), and so that changing
// or adding a notice re-indexes the one small part it belongs to while every other part is reused.
// Parts are calendar periods: a year, or, when a year holds more notices than a part may, its halves, then
// quarters, months, 旬 (the first, second and last ten days of a month) and days, each split only while it
// is too big. Each level cuts a period into two or three, so a split period's parts are not much smaller
// than the limit (a busy month is not scattered into thirty parts of its days). A notice's part depends only on the
// notices of its own period, so a new notice never moves the boundaries of another period's parts.
// The newest part is the main index (pagefind/ itself); the search page shows its results first and merges
// the older parts (Pagefind's mergeIndex) after them, newest first. The build and the search page both call
// `planIndexParts` on the same notices, so they agree on the parts.
import { sizeFromEnv } from '../base/overrides';

/** Most notices in one part. GONGSHI_INDEX_PART_SIZE overrides it (tests lower it to exercise parts on a small corpus). */
export const DEFAULT_PART_SIZE = 200;

export interface IndexPart {
  /** The calendar period the part covers (`all` on a site of one part; `2023`, `2023-h2`, `2023-q3`, `2023-08`, `2023-08-x2` (its 中旬), `2023-08-15`, `2023-08-15-2`). */
  period: string;
  /** The part's folder under pagefind/: '' for the newest part, which is the main index, else `part-<period>`. */
  dir: string;
  /** Its notices, newest first: the order Pagefind takes them in, and so the order of its results. */
  ids: string[];
}

interface Dated {
  id: string;
  date: string;
}

export function partSize(env: Record<string, string | undefined> = process.env): number {
  return sizeFromEnv(env, 'GONGSHI_INDEX_PART_SIZE', DEFAULT_PART_SIZE);
}

const month = (n: Dated) => Number(n.date.slice(5, 7));
// Each level names a finer period of a notice and is tried only when the coarser one holds too many.
const LEVELS: Array<(n: Dated) => string> = [
  (n) => n.date.slice(0, 4),
  (n) => `${n.date.slice(0, 4)}-h${month(n) <= 6 ? 1 : 2}`,
  (n) => `${n.date.slice(0, 4)}-q${Math.ceil(month(n) / 3)}`,
  (n) => n.date.slice(0, 7),
  (n) => `${n.date.slice(0, 7)}-x${Math.min(3, Math.ceil(Number(n.date.slice(8, 10)) / 10))}`,
  (n) => n.date.slice(0, 10),
];

/** Splits notices (newest first) into periods of at most `size`, newest first. */
function split(notices: Dated[], level: number, size: number, name: string): Array<{ period: string; ids: string[] }> {
  if (notices.length <= size) return [{ period: name, ids: notices.map((n) => n.id) }];
  if (level === LEVELS.length) {
    // More notices on one day than a part holds: runs of `size` in the day's own order.
    const runs = [];
    for (let k = 0; k * size < notices.length; k++)
      runs.push({ period: k === 0 ? name : `${name}-${k + 1}`, ids: notices.slice(k * size, (k + 1) * size).map((n) => n.id) });
    return runs;
  }
  const groups = new Map<string, Dated[]>();
  for (const n of notices) {
    const key = LEVELS[level](n);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(n);
  }
  return [...groups].flatMap(([key, group]) => split(group, level + 1, size, key));
}

export function planIndexParts(notices: Dated[], size = DEFAULT_PART_SIZE): IndexPart[] {
  const sorted = [...notices].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  // A site that fits in one part has one index: nothing to merge in the browser.
  if (sorted.length <= size) return [{ period: 'all', dir: '', ids: sorted.map((n) => n.id) }];
  return split(sorted, 0, size, 'all').map((part, i) => ({ ...part, dir: i === 0 ? '' : `part-${part.period}` }));
}
