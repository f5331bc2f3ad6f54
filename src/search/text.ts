// The one tokenisation that both the index (at build time) and the query (in the browser) go through.
//
// Chinese has no spaces, and Pagefind's own Chinese handling segments the page and the query with
// different context, so words go missing or match too much. gongshi instead indexes overlapping
// character pairs (bigrams, as Lucene's CJKBigramFilter does for Elasticsearch and Solr): 董事会审议
// becomes 董事 事会 会审 审议 议. Any Chinese query of two or more characters is then a run of exact
// tokens at consecutive positions, whatever words the text happens to contain around it.
//
// Rules shared by both sides, so that a query's tokens are always a contiguous slice of the index's:
// - a Han run of n ≥ 2 characters gives its n-1 bigrams and then its last character alone;
// - a Han run that directly follows a run of letters or digits also starts with its first character alone,
//   so that 2022年 matches 2022年度 (2022 年 年度 度);
// - runs of letters and digits are single tokens, NFKC-normalised (２０２２ → 2022);
// - punctuation separates runs; in the index it is glued to a neighbouring token (Pagefind ignores it in
//   a word but keeps it in the text), so excerpts can be rebuilt with the original punctuation.
import { QUERY_SEPARATORS } from './query-separators';

/** The language code the index is built and searched under: not a CJK one, so Pagefind leaves tokens alone. */
export const SEARCH_INDEX_LANGUAGE = 'zxx';

const HAN = /^\p{Script=Han}$/u;
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;

export type RunKind = 'han' | 'word';
export interface Run {
  kind: RunKind;
  text: string;
}

/** A stretch of text split into runs; `gaps[i]` is the separator text before `runs[i]` (and `gaps[n]` after the last). */
export interface Runs {
  runs: Run[];
  gaps: string[];
}

const kindOf = (ch: string): RunKind | undefined => (HAN.test(ch) ? 'han' : WORD_CHAR.test(ch) ? 'word' : undefined);

/** Splits text into Han and word runs. Letters and digits are NFKC-normalised; separators are kept as written. */
export function splitRuns(text: string): Runs {
  const runs: Run[] = [];
  const gaps: string[] = [''];
  for (const original of text) {
    const normalised = original.normalize('NFKC');
    if (![...normalised].some(kindOf)) {
      gaps[gaps.length - 1] += original;
      continue;
    }
    for (const ch of normalised) {
      const kind = kindOf(ch);
      const last = runs[runs.length - 1];
      if (!kind) gaps[gaps.length - 1] += ch;
      else if (last?.kind === kind && gaps[gaps.length - 1] === '') last.text += ch;
      else {
        runs.push({ kind, text: ch });
        gaps.push('');
      }
    }
  }
  return { runs, gaps };
}

/**
 * The tokens of one run. `afterWord`: the run follows a letter/digit run; `more`: something follows it
 * (in a query, whether the phrase goes on; in the index, always true so the last character is indexed).
 */
export function runTokens(run: Run, afterWord: boolean, more: boolean): string[] {
  if (run.kind === 'word') return [run.text];
  const chars = [...run.text];
  if (chars.length === 1) return [chars[0]];
  const tokens: string[] = [];
  if (afterWord) tokens.push(chars[0]);
  for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i] + chars[i + 1]);
  if (more) tokens.push(chars[chars.length - 1]);
  return tokens;
}

/**
 * Index form of one block of text: tokens separated by spaces, punctuation glued to the token before it
 * (or, at the start, to the token after it). Surrounded by spaces so neighbouring blocks never merge.
 */
export function toIndexText(text: string): string {
  const { runs, gaps } = splitRuns(text);
  if (runs.length === 0) return ' ';
  const clean = (gap: string) => gap.replace(/\s+/gu, '');
  const out: string[] = [];
  runs.forEach((run, i) => {
    const tokens = runTokens(run, i > 0 && runs[i - 1].kind === 'word' && run.kind === 'han', true);
    if (i === 0) tokens[0] = clean(gaps[0]) + tokens[0];
    tokens[tokens.length - 1] += clean(gaps[i + 1]);
    out.push(...tokens);
  });
  return ` ${out.join(' ')} `;
}

/**
 * Glued to the last token of a block (a paragraph, a heading, a table cell): U+2063 INVISIBLE SEPARATOR, which
 * is neither a letter, a digit nor white space, so Pagefind drops it from the word like any punctuation but
 * keeps it in the stored text. Excerpts rebuilt from that text then keep blocks apart (`027-85615369 邮件地址`,
 * not `027-85615369邮件地址`) without changing a single position or match.
 */
export const BLOCK_END = '\u2063';

/** Index form of a whole block: `toIndexText` with BLOCK_END glued to its last token. */
export function toIndexBlock(text: string): string {
  const indexed = toIndexText(text);
  return indexed.trim() ? `${indexed.trimEnd()}${BLOCK_END} ` : indexed;
}

/** One search term: tokens that must sit at consecutive positions. `prefix`: a lone character matched as a prefix. */
export interface QueryTerm {
  /** The term as the reader typed it, normalised (for messages and highlighting). */
  text: string;
  tokens: string[];
  prefix: boolean;
}

/**
 * Splits a query into terms. Spaces, commas and 、 separate terms (all must match); text in quotes is one
 * term even with spaces in it; other punctuation is ignored. Traditional characters must already have
 * been converted (src/search/client/engine does it).
 */
export function parseQuery(query: string): QueryTerm[] {
  const parts: string[] = [];
  const quoted = /["“”「」『』]([^"“”「」『』]*)["“”「」『』]?/gu;
  let rest = query.replace(quoted, (_m, inner: string) => {
    parts.push(inner.replace(/\s+/gu, ''));
    return ' ';
  });
  rest = rest.normalize('NFKC');
  parts.push(...rest.split(QUERY_SEPARATORS));
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  for (const part of parts) {
    const term = queryTerm(part);
    if (term && !seen.has(term.tokens.join(' ') + term.prefix)) {
      seen.add(term.tokens.join(' ') + term.prefix);
      terms.push(term);
    }
  }
  return terms;
}

function queryTerm(part: string): QueryTerm | undefined {
  const { runs } = splitRuns(part);
  if (runs.length === 0) return undefined;
  const text = runs.map((r) => r.text).join('');
  if (runs.length === 1 && runs[0].kind === 'han' && [...runs[0].text].length === 1) {
    return { text, tokens: [runs[0].text], prefix: true };
  }
  // A last lone character after punctuation may begin a longer run in the text (审议（通 in 审议（通过）),
  // which the index holds only as a pair; the rest of the term is specific enough without it.
  const last = runs[runs.length - 1];
  if (runs.length > 1 && last.kind === 'han' && [...last.text].length === 1 && runs[runs.length - 2].kind === 'han') runs.pop();
  const tokens = runs.flatMap((run, i) => runTokens(run, i > 0 && runs[i - 1].kind === 'word' && run.kind === 'han', i < runs.length - 1));
  return { text, tokens: tokens.map((t) => t.toLowerCase()), prefix: false };
}

/** A token of indexed text, split into its glued punctuation and its core. */
interface IndexToken {
  lead: string;
  core: string;
  trail: string;
}

function parseToken(segment: string): IndexToken {
  const m = /^([^\p{L}\p{N}\p{M}]*)(.*?)([^\p{L}\p{N}\p{M}]*)$/su.exec(segment)!;
  return { lead: m[1], core: m[2], trail: m[3] };
}

const isHanCore = (core: string) => core !== '' && [...core].every((ch) => HAN.test(ch));

/** Readable text rebuilt from indexed text, with the character offset where each token's own text begins. */
export interface ReadableText {
  text: string;
  /** offsets[i]: where token i's own character(s) start in `text`; offsets[tokens] = text.length. */
  offsets: number[];
  /** starts[i]: where token i starts including the punctuation glued before it; starts[tokens] = text.length. */
  starts: number[];
  /** ends[i]: where the text that token i covers ends (a bigram covers its second character too). */
  ends: number[];
}

/**
 * A token's trailing punctuation as a reader sees it: where a block ends (BLOCK_END), the next block starts
 * after a space, unless the block already ends with punctuation or nothing follows.
 */
function blockTrail(trail: string, more: boolean): string {
  if (!trail.includes(BLOCK_END)) return trail;
  const bare = trail.replaceAll(BLOCK_END, '');
  return more && !/[\p{P}\p{S}]$/u.test(bare) ? `${bare} ` : bare;
}

/** Turns index text (bigrams) back into the text a reader saw, keeping the map from token positions to characters. */
export function readableText(indexText: string): ReadableText {
  const tokens = indexText.split(/\s+/u).filter(Boolean).map(parseToken);
  let text = '';
  const offsets: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  tokens.forEach((token, i) => {
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const han = isHanCore(token.core);
    const chars = [...token.core];
    // A lone character right after letters/digits, repeated as the first of the next bigram (2022 年 年度).
    const leading =
      han &&
      chars.length === 1 &&
      prev &&
      !isHanCore(prev.core) &&
      prev.core !== '' &&
      !token.lead &&
      !token.trail &&
      next &&
      isHanCore(next.core) &&
      !next.lead &&
      [...next.core].length === 2 &&
      next.core.startsWith(token.core);
    const wordAfterWord = !han && prev && !isHanCore(prev.core) && !prev.trail && !token.lead && token.core !== '';
    if (wordAfterWord) text += ' ';
    starts.push(text.length);
    text += token.lead;
    offsets.push(text.length);
    if (leading) {
      ends.push(text.length + token.core.length);
      return;
    }
    const own = han ? chars[0] : token.core;
    ends.push(text.length + (han ? token.core.length : own.length));
    text += own + blockTrail(token.trail, Boolean(next));
  });
  offsets.push(text.length);
  starts.push(text.length);
  return { text, offsets, starts, ends };
}
