// Matching and ranking over Pagefind's per-token results, and the excerpts shown for a match.
// Pure functions: the browser code (src/scripts/search-engine) feeds them what Pagefind returns.
import type { QueryTerm, ReadableText } from './search-text';

/** What one token's search returned for one page: Pagefind's score and the token's word positions. */
export interface TokenPage {
  score: number;
  positions: number[];
}
export type TokenResults = Map<string, TokenPage>;

export interface TermMatch {
  term: QueryTerm;
  /** Word positions where the term starts. */
  starts: number[];
}
export interface PageMatch {
  id: string;
  score: number;
  terms: TermMatch[];
}

/** Pages where the term's tokens sit at consecutive positions, with where each occurrence starts. */
export function matchTerm(term: QueryTerm, results: TokenResults[]): Map<string, { starts: number[]; score: number }> {
  const found = new Map<string, { starts: number[]; score: number }>();
  const [first, ...rest] = results;
  if (!first) return found;
  for (const [id, page] of first) {
    const others = rest.map((r) => r.get(id));
    if (others.some((o) => !o)) continue;
    const sets = others.map((o) => new Set(o!.positions));
    const starts = page.positions.filter((p) => sets.every((set, j) => set.has(p + j + 1))).sort((a, b) => a - b);
    if (starts.length === 0) continue;
    const score = [page, ...others].reduce((sum, o) => sum + o!.score, 0) / results.length;
    found.set(id, { starts, score });
  }
  return found;
}

/** Pages that contain every term, best first: Pagefind's relevance per term, more occurrences rank higher. */
export function matchAll(terms: QueryTerm[], perTerm: Map<string, { starts: number[]; score: number }>[]): PageMatch[] {
  if (terms.length === 0 || perTerm.length !== terms.length) return [];
  const pages: PageMatch[] = [];
  for (const id of perTerm[0].keys()) {
    if (!perTerm.every((m) => m.has(id))) continue;
    const matches = perTerm.map((m) => m.get(id)!);
    const score = matches.reduce((sum, m) => sum + m.score * (1 + Math.log(Math.max(1, m.starts.length))), 0);
    pages.push({ id, score, terms: terms.map((term, i) => ({ term, starts: matches[i].starts })) });
  }
  return pages.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/** A run of excerpt text, marked when it is what the reader searched for. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/** Character ranges in the readable text covered by each occurrence of each term. */
export function matchSpans(readable: ReadableText, terms: TermMatch[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const { term, starts } of terms) {
    for (const p of starts) {
      const start = readable.offsets[p];
      if (start === undefined) continue;
      const end = term.prefix ? start + term.text.length : readable.ends[p + term.tokens.length - 1];
      if (end !== undefined && end > start) spans.push([start, end]);
    }
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged;
}

/**
 * About `length` characters of text around the character `at`, inside [from, to), with every span marked.
 * An ellipsis shows where the text was cut.
 */
export function excerpt(text: string, spans: Array<[number, number]>, at: number, from: number, to: number, length: number): ExcerptPart[] {
  let start = Math.max(from, at - Math.floor(length / 3));
  const end = Math.min(to, start + length);
  start = Math.max(from, Math.min(start, end - length));
  const parts: ExcerptPart[] = [];
  const push = (s: string, mark: boolean) => {
    if (s) parts.push({ text: s, mark });
  };
  if (start > from) push('…', false);
  let cursor = start;
  for (const [s, e] of spans) {
    if (e <= cursor || s >= end) continue;
    push(text.slice(cursor, Math.max(cursor, s)), false);
    push(text.slice(Math.max(cursor, s), Math.min(e, end)), true);
    cursor = Math.min(e, end);
  }
  push(text.slice(cursor, end), false);
  if (end < to) push('…', false);
  return parts;
}

/** A heading or other element with an id, where Pagefind saw it start. */
export interface Anchor {
  id: string;
  element: string;
  text: string;
  location: number;
}

export interface SectionHit {
  anchor: Anchor;
  /** First matching word position in the section. */
  first: number;
  count: number;
}

/** Groups match positions by the anchor they fall under; sections with most matches first, then in page order. */
export function sectionHits(anchors: Anchor[], positions: number[]): SectionHit[] {
  const sorted = [...anchors].sort((a, b) => a.location - b.location);
  const hits = new Map<string, SectionHit>();
  for (const p of [...positions].sort((a, b) => a - b)) {
    let anchor: Anchor | undefined;
    for (const a of sorted) {
      if (a.location <= p) anchor = a;
      else break;
    }
    if (!anchor) continue;
    const hit = hits.get(anchor.id);
    if (hit) hit.count++;
    else hits.set(anchor.id, { anchor, first: p, count: 1 });
  }
  return [...hits.values()].sort((a, b) => b.count - a.count || a.first - b.first);
}
