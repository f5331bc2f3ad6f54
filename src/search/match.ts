// Finding a query's terms in a result's indexed text, and the excerpts shown for them. Pure functions:
// the browser code (src/search/client/engine) feeds them what Pagefind returns.
import type { QueryTerm, ReadableText } from './text';

export interface TermMatch {
  term: QueryTerm;
  /** Word positions where the term starts. */
  starts: number[];
}

/** The words of indexed text as Pagefind numbers and compares them: punctuation stripped, lower-cased. */
export function indexWords(content: string): string[] {
  return content
    .split(/\s+/u)
    .filter(Boolean)
    .map((w) => w.replace(/^[^\p{L}\p{N}\p{M}]+|[^\p{L}\p{N}\p{M}]+$/gu, '').toLowerCase());
}

/** Where the term's tokens sit at consecutive positions (a prefix term: where a word begins with it). */
export function termStarts(words: string[], term: QueryTerm): number[] {
  const starts: number[] = [];
  const [first, ...rest] = term.tokens;
  for (let p = 0; p < words.length; p++) {
    if (term.prefix ? !words[p].startsWith(first) : words[p] !== first) continue;
    if (rest.every((token, j) => words[p + j + 1] === token)) starts.push(p);
  }
  return starts;
}

/** The ids of the first list that are in every other list, in the first list's order. */
export function intersectInOrder(lists: string[][]): string[] {
  const [first = [], ...rest] = lists;
  const sets = rest.map((list) => new Set(list));
  return first.filter((id) => sets.every((set) => set.has(id)));
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
export function markedExcerpt(
  text: string,
  spans: Array<[number, number]>,
  at: number,
  from: number,
  to: number,
  length: number,
): ExcerptPart[] {
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
