// The home page of a large site: the newest notices, and the rest by year on archive pages (/archive/2023/),
// so that the page a reader opens first stays small (listing 10,000 notices would make it 8 MB).
import { sizeFromEnv } from '../base/overrides';

/** Most notices the home page lists; beyond it, the rest go to year pages. GONGSHI_HOME_LIMIT overrides it (tests). */
export const DEFAULT_HOME_LIMIT = 100;

export function homeLimit(env: Record<string, string | undefined> = process.env): number {
  return sizeFromEnv(env, 'GONGSHI_HOME_LIMIT', DEFAULT_HOME_LIMIT);
}

export interface YearCount {
  year: string;
  count: number;
}

export interface HomePlan<T> {
  /** The notices the home page lists, newest first. */
  listed: T[];
  /** Every year, newest first, with its number of notices; the years have archive pages when `archived`. */
  years: YearCount[];
  archived: boolean;
}

/** `notices` newest first. */
export function planHome<T extends { data: { date: string } }>(notices: T[], limit = DEFAULT_HOME_LIMIT): HomePlan<T> {
  const years: YearCount[] = [];
  for (const n of notices) {
    const year = n.data.date.slice(0, 4);
    if (years.at(-1)?.year === year) years.at(-1)!.count++;
    else years.push({ year, count: 1 });
  }
  const archived = notices.length > limit;
  return { listed: archived ? notices.slice(0, limit) : notices, years, archived };
}
