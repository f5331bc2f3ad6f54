// Matching Pagefind's per-token results into phrase matches, ranking them, and cutting marked excerpts.
import { describe, expect, it } from 'vitest';
import {
  excerpt,
  matchAll,
  matchSpans,
  matchTerm,
  sectionHits,
  type Anchor,
  type ExcerptPart,
  type TokenResults,
} from '../../src/lib/search-match';
import { parseQuery, readableText, toIndexText, type QueryTerm } from '../../src/lib/search-text';

const termOf = (query: string): QueryTerm => {
  const terms = parseQuery(query);
  expect(terms).toHaveLength(1);
  return terms[0];
};

/** Per-token results as Pagefind gives them: token → page → positions (score 1 unless given). */
function results(pages: Record<string, Record<string, number[] | { score: number; positions: number[] }>>, tokens: string[]): TokenResults[] {
  return tokens.map((token) => {
    const map: TokenResults = new Map();
    for (const [id, byToken] of Object.entries(pages)) {
      const found = byToken[token];
      if (found) map.set(id, Array.isArray(found) ? { score: 1, positions: found } : found);
    }
    return map;
  });
}

/** What Pagefind would return for pages of indexed text: each token's positions, glued punctuation stripped. */
function indexedResults(pages: Record<string, string>, term: QueryTerm): TokenResults[] {
  return term.tokens.map((token) => {
    const map: TokenResults = new Map();
    for (const [id, text] of Object.entries(pages)) {
      const words = toIndexText(text)
        .split(/\s+/u)
        .filter(Boolean)
        .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase());
      const positions = words.flatMap((w, p) => ((term.prefix ? w.startsWith(token) : w === token) ? [p] : []));
      if (positions.length) map.set(id, { score: 1, positions });
    }
    return map;
  });
}

/** The excerpt's text parts with the character range each covers in `text` (ellipses have none). */
function located(parts: ExcerptPart[], text: string, start: number): Array<ExcerptPart & { at: number }> {
  let at = start;
  return parts.map((part) => {
    if (part.text === '…' && !part.mark) return { ...part, at: -1 };
    expect(text.slice(at, at + part.text.length)).toBe(part.text);
    const here = { ...part, at };
    at += part.text.length;
    return here;
  });
}

const plain = (parts: ExcerptPart[]) => parts.map((p) => p.text).join('');

describe('matchTerm', () => {
  const term = termOf('董事会审议'); // 董事 事会 会审 审议

  it('matches a page whose tokens sit at consecutive positions, with where each occurrence starts', () => {
    const found = matchTerm(term, results({ a: { 董事: [3, 10, 40], 事会: [4, 20, 41], 会审: [5, 42], 审议: [6, 43] } }, term.tokens));
    expect(found.get('a')?.starts).toEqual([3, 40]);
  });

  it('leaves out a page missing one of the tokens', () => {
    const found = matchTerm(term, results({ b: { 董事: [3], 事会: [4], 审议: [6] } }, term.tokens));
    expect(found.has('b')).toBe(false);
  });

  it('leaves out a page where the tokens are all there but not next to each other', () => {
    const found = matchTerm(term, results({ c: { 董事: [3], 事会: [4], 会审: [9], 审议: [10] } }, term.tokens));
    expect(found.has('c')).toBe(false);
  });

  it('does not match tokens in the wrong order', () => {
    const two = termOf('董事会'); // 董事 事会
    const found = matchTerm(two, results({ d: { 董事: [5], 事会: [4] } }, two.tokens));
    expect(found.has('d')).toBe(false);
  });

  it('scores a page with the mean of its token scores', () => {
    const found = matchTerm(
      term,
      results(
        {
          a: {
            董事: { score: 1, positions: [0] },
            事会: { score: 2, positions: [1] },
            会审: { score: 3, positions: [2] },
            审议: { score: 6, positions: [3] },
          },
        },
        term.tokens,
      ),
    );
    expect(found.get('a')?.score).toBe(3);
  });

  it('lists starts in order, whatever order Pagefind gives them in', () => {
    const single = termOf('整改');
    const found = matchTerm(single, results({ a: { 整改: [30, 2, 17] } }, single.tokens));
    expect(found.get('a')).toEqual({ starts: [2, 17, 30], score: 1 });
  });

  it('matches only the pages that hold the phrase, among several', () => {
    const pages = { one: '董事会审议通过', two: '审议董事会', three: '会议由董事会审议' };
    const found = matchTerm(term, indexedResults(pages, term));
    expect([...found.keys()].sort()).toEqual(['one', 'three']);
    expect(found.get('three')?.starts).toEqual([3]); // 会议 议由 由董 董事 …
  });

  it('finds nothing without token results', () => {
    expect(matchTerm(term, []).size).toBe(0);
  });
});

describe('matchAll', () => {
  const a = termOf('董事会');
  const b = termOf('审议');
  const per = (entries: Record<string, [number[], number]>) =>
    new Map(Object.entries(entries).map(([id, [starts, score]]) => [id, { starts, score }]));

  it('keeps only pages that match every term', () => {
    const pages = matchAll([a, b], [per({ x: [[1], 1], y: [[1], 1] }), per({ y: [[5], 1], z: [[5], 1] })]);
    expect(pages.map((p) => p.id)).toEqual(['y']);
  });

  it('gives each page the starts of each term, in query order', () => {
    const [page] = matchAll([a, b], [per({ y: [[1, 9], 1] }), per({ y: [[5], 1] })]);
    expect(page.terms).toEqual([
      { term: a, starts: [1, 9] },
      { term: b, starts: [5] },
    ]);
  });

  it('ranks a page with more occurrences higher at the same relevance', () => {
    const pages = matchAll([a], [per({ once: [[1], 1], thrice: [[1, 5, 9], 1] })]);
    expect(pages.map((p) => p.id)).toEqual(['thrice', 'once']);
    expect(pages[0].score).toBeGreaterThan(pages[1].score);
  });

  it('ranks a more relevant page higher at the same number of occurrences', () => {
    const pages = matchAll([a], [per({ low: [[1], 0.5], high: [[1], 2] })]);
    expect(pages.map((p) => p.id)).toEqual(['high', 'low']);
  });

  it('breaks ties by page id', () => {
    const pages = matchAll([a, b], [per({ c: [[1], 1], a: [[1], 1], b: [[1], 1] }), per({ b: [[2], 1], c: [[2], 1], a: [[2], 1] })]);
    expect(pages.map((p) => p.id)).toEqual(['a', 'b', 'c']);
  });

  it('finds nothing for no terms, or when the results do not line up with the terms', () => {
    expect(matchAll([], [])).toEqual([]);
    expect(matchAll([a, b], [per({ x: [[1], 1] })])).toEqual([]);
  });
});

describe('matchSpans', () => {
  const text = '董事会审议通过了整改方案，董事会将督促整改。';
  const readable = readableText(toIndexText(text));
  const spansFor = (...queries: string[]) =>
    matchSpans(
      readable,
      queries.map((q) => {
        const term = termOf(q);
        return { term, starts: matchTerm(term, indexedResults({ page: text }, term)).get('page')?.starts ?? [] };
      }),
    );
  const spanTexts = (spans: Array<[number, number]>) => spans.map(([s, e]) => readable.text.slice(s, e));

  it('covers each occurrence of a term', () => {
    expect(spanTexts(spansFor('董事会'))).toEqual(['董事会', '董事会']);
    expect(spanTexts(spansFor('整改方案'))).toEqual(['整改方案']);
  });

  it('merges occurrences that overlap', () => {
    expect(spanTexts(spansFor('董事会', '事会审议'))).toEqual(['董事会审议', '董事会']);
  });

  it('keeps separate occurrences apart, in text order', () => {
    const spans = spansFor('整改', '董事会');
    expect(spanTexts(spans)).toEqual(['董事会', '整改', '董事会', '整改']);
    for (let i = 1; i < spans.length; i++) expect(spans[i][0]).toBeGreaterThan(spans[i - 1][1]);
  });

  it('covers one character for a lone-character term', () => {
    const spans = spansFor('改');
    expect(spanTexts(spans)).toEqual(['改', '改']);
    expect(spans[0]).toEqual([text.indexOf('改'), text.indexOf('改') + 1]);
  });

  it('ignores a start beyond the end of the text', () => {
    expect(matchSpans(readable, [{ term: termOf('董事会'), starts: [999] }])).toEqual([]);
  });
});

describe('excerpt', () => {
  // 60 distinct-enough characters; spans are given directly.
  const text = '一二三四五六七八九十'.repeat(6);

  it('stays inside [from, to), shows about `length` characters and adds an ellipsis where it cut', () => {
    const parts = excerpt(text, [], 30, 10, 50, 12);
    expect(parts[0]).toEqual({ text: '…', mark: false });
    expect(parts.at(-1)).toEqual({ text: '…', mark: false });
    const body = parts.slice(1, -1);
    expect(plain(body)).toHaveLength(12);
    const start = 30 - Math.floor(12 / 3);
    expect(plain(body)).toBe(text.slice(start, start + 12));
  });

  it('shows the start of the section without a leading ellipsis', () => {
    const parts = excerpt(text, [], 11, 10, 50, 12);
    expect(parts[0].text).not.toBe('…');
    expect(plain(parts.slice(0, -1))).toBe(text.slice(10, 22));
    expect(parts.at(-1)!.text).toBe('…');
  });

  it('moves back from the end of the section so it still shows `length` characters', () => {
    const parts = excerpt(text, [], 49, 10, 50, 12);
    expect(parts[0].text).toBe('…');
    expect(parts.at(-1)!.text).not.toBe('…');
    expect(plain(parts.slice(1))).toBe(text.slice(38, 50));
  });

  it('shows a short section whole, without ellipses', () => {
    const parts = excerpt(text, [], 22, 20, 25, 40);
    expect(parts).toEqual([{ text: text.slice(20, 25), mark: false }]);
  });

  it('marks exactly the span text and nothing outside the spans', () => {
    const spans: Array<[number, number]> = [
      [5, 8], // before the window
      [24, 27],
      [30, 32],
      [60, 60],
    ];
    const start = 30 - Math.floor(20 / 3);
    const parts = excerpt(text, spans, 30, 0, 60, 20);
    const placed = located(parts, text, start);
    const marked = placed.filter((p) => p.mark);
    expect(marked.map((p) => [p.at, p.at + p.text.length])).toEqual([
      [24, 27],
      [30, 32],
    ]);
    for (const p of placed.filter((p) => !p.mark && p.at >= 0)) {
      for (let i = p.at; i < p.at + p.text.length; i++) {
        expect(spans.some(([s, e]) => i >= s && i < e), `character ${i}`).toBe(false);
      }
    }
  });

  it('marks only the part of a span inside the window', () => {
    const parts = excerpt(text, [[18, 26]], 26, 0, 60, 12); // window 22–34
    const placed = located(parts, text, 22);
    expect(placed.filter((p) => p.mark).map((p) => [p.at, p.at + p.text.length])).toEqual([[22, 26]]);
    expect(placed[0]).toMatchObject({ text: '…', mark: false });
  });

  it('marks a real match in an excerpt of indexed text', () => {
    const page = '根据市委巡察工作统一部署，市委第一巡察组对产投集团开展了政治巡察，并反馈了巡察意见。';
    const readable = readableText(toIndexText(page));
    const term = termOf('产投集团');
    const starts = matchTerm(term, indexedResults({ page }, term)).get('page')!.starts;
    const spans = matchSpans(readable, [{ term, starts }]);
    const parts = excerpt(readable.text, spans, readable.offsets[starts[0]], 0, readable.text.length, 16);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['产投集团']);
    expect(parts[0].text).toBe('…');
    expect(plain(parts).replace(/…/gu, '')).toHaveLength(16);
  });
});

describe('sectionHits', () => {
  const anchor = (id: string, location: number): Anchor => ({ id, element: 'h4', text: id, location });
  const anchors = [anchor('s3', 40), anchor('s1', 10), anchor('s2', 20)]; // out of order on purpose

  it('groups positions by the last anchor at or before them', () => {
    const hits = sectionHits(anchors, [10, 19, 20, 45]);
    expect(hits.map((h) => [h.anchor.id, h.count, h.first])).toEqual([
      ['s1', 2, 10],
      ['s2', 1, 20],
      ['s3', 1, 45],
    ]);
  });

  it('ignores positions before the first anchor', () => {
    expect(sectionHits(anchors, [0, 3, 9])).toEqual([]);
    expect(sectionHits(anchors, [3, 25]).map((h) => h.anchor.id)).toEqual(['s2']);
  });

  it('puts sections with more matches first, then in page order', () => {
    const hits = sectionHits(anchors, [41, 12, 43, 22, 42, 24]);
    expect(hits.map((h) => [h.anchor.id, h.count])).toEqual([
      ['s3', 3],
      ['s2', 2],
      ['s1', 1],
    ]);
  });

  it('gives the first match of a section whatever order the positions come in', () => {
    const [hit] = sectionHits(anchors, [33, 21, 27]);
    expect(hit).toMatchObject({ anchor: { id: 's2' }, first: 21, count: 3 });
  });

  it('finds no sections on a page without anchors', () => {
    expect(sectionHits([], [1, 2, 3])).toEqual([]);
  });
});
