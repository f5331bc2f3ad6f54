// Scores search results against the ground truth and summarises them per query class.
import type { BenchQuery, QueryClass } from './queries';
import type { EndToEnd, SearchRun } from './measure';

export interface QueryScore {
  class: QueryClass;
  query: string;
  source?: string;
  relevant: number;
  returned: number;
  hits: number;
  recall: number;
  precision: number;
  /** Relevant pages not returned, and returned pages that are not relevant (URL paths). */
  missed: string[];
  extra: string[];
  /** The first ten results, ranked. */
  top: string[];
  /** Ids that are no page of this build, ids returned twice, and the engine's own total when it differs. */
  unknownIds: string[];
  duplicateIds: number;
  engineTotal: number;
  searchMs: number;
  endToEnd?: EndToEnd;
}

export interface ClassSummary {
  class: QueryClass | 'all';
  queries: number;
  recall: number;
  precision: number;
  /** Queries with recall and precision both 1. */
  exact: number;
}

/**
 * Recall = found relevant / relevant, 1 when nothing is relevant. Precision = found relevant / returned;
 * an empty result is 1 when nothing is relevant and 0 when something is (it missed everything).
 */
export function scoreQuery(query: BenchQuery, relevant: Set<string>, run: SearchRun, urls: Map<string, string>): QueryScore {
  const unknownIds = run.ids.filter((id) => !urls.has(id));
  const ranked = run.ids.flatMap((id) => urls.get(id) ?? []);
  const returned = new Set(ranked);
  const hits = [...returned].filter((url) => relevant.has(url)).length;
  return {
    class: query.class,
    query: query.query,
    ...(query.source ? { source: query.source } : {}),
    relevant: relevant.size,
    returned: returned.size,
    hits,
    recall: relevant.size ? hits / relevant.size : 1,
    precision: returned.size ? hits / returned.size : relevant.size ? 0 : 1,
    missed: [...relevant].filter((url) => !returned.has(url)).sort(),
    extra: [...returned].filter((url) => !relevant.has(url)).sort(),
    top: ranked.slice(0, 10),
    unknownIds,
    duplicateIds: run.ids.length - new Set(run.ids).size,
    engineTotal: run.total,
    searchMs: run.ms,
  };
}

export function summarise(scores: QueryScore[], classes: readonly QueryClass[]): ClassSummary[] {
  const summary = (cls: ClassSummary['class'], list: QueryScore[]): ClassSummary => ({
    class: cls,
    queries: list.length,
    recall: mean(list.map((s) => s.recall)),
    precision: mean(list.map((s) => s.precision)),
    exact: list.filter((s) => s.recall === 1 && s.precision === 1).length,
  });
  return [
    ...classes
      .map((cls) =>
        summary(
          cls,
          scores.filter((s) => s.class === cls),
        ),
      )
      .filter((s) => s.queries > 0),
    summary('all', scores),
  ];
}

export function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN;
}

/** Nearest-rank percentile (p in 0–1). */
export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

export const median = (values: number[]) => percentile(values, 0.5);
