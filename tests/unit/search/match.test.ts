// Finding the query's terms in a result's indexed text, combining result lists, and cutting marked excerpts.
import { describe, expect, it } from 'vitest';
import {
  markedExcerpt,
  indexWords,
  intersectInOrder,
  matchSpans,
  sectionHits,
  termStarts,
  type Anchor,
  type ExcerptPart,
} from '../../../src/search/match';
import { parseQuery, readableText, toIndexText, type QueryTerm } from '../../../src/search/text';

const termOf = (query: string): QueryTerm => {
  const terms = parseQuery(query);
  expect(terms).toHaveLength(1);
  return terms[0];
};

/** The words of a page's indexed text. */
const wordsOf = (text: string) => indexWords(toIndexText(text));

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

describe('indexWords', () => {
  it('numbers the words as Pagefind does: glued punctuation stripped, letters lower-cased', () => {
    expect(indexWords(' “董事 事会 会” ERP系 统 027- 85615369。 ')).toEqual(['董事', '事会', '会', 'erp系', '统', '027', '85615369']);
  });
});

describe('termStarts', () => {
  const term = termOf('董事会审议'); // 董事 事会 会审 审议

  it('finds where the tokens sit at consecutive positions', () => {
    // 会议 议由 由董 董事 事会 会审 审议 议， 董事 事会 会审 审议 议。
    expect(termStarts(wordsOf('会议由董事会审议，董事会审议。'), term)).toEqual([3, 8]);
  });

  it('finds nothing where the tokens are all there but not next to each other', () => {
    expect(termStarts(wordsOf('董事会，审议'), term)).toEqual([]);
    expect(termStarts(wordsOf('审议董事会'), term)).toEqual([]);
  });

  it('finds the characters of a name only together', () => {
    const name = termOf('张建国');
    expect(termStarts(wordsOf('张建明同志和国有企业'), name)).toEqual([]);
    expect(termStarts(wordsOf('由张建国同志牵头'), name)).toEqual([1]);
  });

  it('matches a lone character at the start of any word (a prefix term)', () => {
    const one = termOf('改');
    // 整改 改进 进， 改 革
    expect(termStarts(wordsOf('整改进，改革'), one)).toEqual([1, 3]);
  });

  it('finds a number followed by a character that goes on (2022年 in 2022年度)', () => {
    expect(termStarts(wordsOf('完成2022年度计划'), termOf('2022年'))).toEqual([2]);
  });
});

describe('intersectInOrder', () => {
  it('keeps the ids in every list, in the first list’s order', () => {
    expect(
      intersectInOrder([
        ['c', 'a', 'b'],
        ['a', 'b', 'x'],
        ['b', 'a'],
      ]),
    ).toEqual(['a', 'b']);
  });

  it('returns the only list as it is, and nothing for no lists', () => {
    expect(intersectInOrder([['b', 'a']])).toEqual(['b', 'a']);
    expect(intersectInOrder([])).toEqual([]);
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
        return { term, starts: termStarts(wordsOf(text), term) };
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
    const parts = markedExcerpt(text, [], 30, 10, 50, 12);
    expect(parts[0]).toEqual({ text: '…', mark: false });
    expect(parts.at(-1)).toEqual({ text: '…', mark: false });
    const body = parts.slice(1, -1);
    expect(plain(body)).toHaveLength(12);
    const start = 30 - Math.floor(12 / 3);
    expect(plain(body)).toBe(text.slice(start, start + 12));
  });

  it('shows the start of the section without a leading ellipsis', () => {
    const parts = markedExcerpt(text, [], 11, 10, 50, 12);
    expect(parts[0].text).not.toBe('…');
    expect(plain(parts.slice(0, -1))).toBe(text.slice(10, 22));
    expect(parts.at(-1)!.text).toBe('…');
  });

  it('moves back from the end of the section so it still shows `length` characters', () => {
    const parts = markedExcerpt(text, [], 49, 10, 50, 12);
    expect(parts[0].text).toBe('…');
    expect(parts.at(-1)!.text).not.toBe('…');
    expect(plain(parts.slice(1))).toBe(text.slice(38, 50));
  });

  it('shows a short section whole, without ellipses', () => {
    const parts = markedExcerpt(text, [], 22, 20, 25, 40);
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
    const parts = markedExcerpt(text, spans, 30, 0, 60, 20);
    const placed = located(parts, text, start);
    const marked = placed.filter((p) => p.mark);
    expect(marked.map((p) => [p.at, p.at + p.text.length])).toEqual([
      [24, 27],
      [30, 32],
    ]);
    for (const p of placed.filter((p) => !p.mark && p.at >= 0)) {
      for (let i = p.at; i < p.at + p.text.length; i++) {
        expect(
          spans.some(([s, e]) => i >= s && i < e),
          `character ${i}`,
        ).toBe(false);
      }
    }
  });

  it('marks only the part of a span inside the window', () => {
    const parts = markedExcerpt(text, [[18, 26]], 26, 0, 60, 12); // window 22–34
    const placed = located(parts, text, 22);
    expect(placed.filter((p) => p.mark).map((p) => [p.at, p.at + p.text.length])).toEqual([[22, 26]]);
    expect(placed[0]).toMatchObject({ text: '…', mark: false });
  });

  it('marks a real match in an excerpt of indexed text', () => {
    const page = '根据市委巡察工作统一部署，市委第一巡察组对产投集团开展了政治巡察，并反馈了巡察意见。';
    const readable = readableText(toIndexText(page));
    const term = termOf('产投集团');
    const starts = termStarts(wordsOf(page), term);
    const spans = matchSpans(readable, [{ term, starts }]);
    const parts = markedExcerpt(readable.text, spans, readable.offsets[starts[0]], 0, readable.text.length, 16);
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
