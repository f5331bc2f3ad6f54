// Search in the browser over the bigram index. Each term of the query is one quoted Pagefind search
// for its tokens in a row (Pagefind checks they are contiguous, never substitutes a shorter word, and
// is fast at it); pages must match every term, newest first. Where in a page the terms are is worked
// out from the page's indexed text when the result is shown (src/search/match).
// Pagefind is loaded from the site's own /pagefind/ folder; the Traditional→Simplified converter only
// when a query contains Traditional characters.
import { indexWords, intersectInOrder, termStarts, type TermMatch } from '../match';
import { parseQuery, SEARCH_INDEX_LANGUAGE, type QueryTerm } from '../text';
import { hasTraditional } from 'virtual:gongshi/traditional-chars';

export interface PagefindAnchor {
  element: string;
  id: string;
  text: string;
  location: number;
}
export interface PagefindFragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  anchors: PagefindAnchor[];
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindFragment>;
}
interface PagefindInstance {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, o?: Record<string, unknown>): Promise<void>;
  preload(term: string, o?: object): Promise<void>;
  search(term: string, o?: { filters?: Record<string, string>; sort?: Record<string, string> }): Promise<{ results: PagefindResult[] }>;
}
interface PagefindModule {
  createInstance(o: Record<string, unknown>): PagefindInstance;
}

export interface SearchHit {
  id: string;
  /** The page's indexed text and metadata, and where each term occurs in it. */
  load(): Promise<{ data: PagefindFragment; words: string[]; terms: TermMatch[] }>;
}
export interface SearchOutcome {
  /** The query after Traditional characters were converted (what was searched). */
  query: string;
  terms: QueryTerm[];
  hits: SearchHit[];
}

export interface SearchEngine {
  /** Fetches the index chunks a query will need, so that searching it is quicker (call while the reader types). */
  preload(query: string): Promise<void>;
  /** Searches the parts merged so far: the newest part at first, every part once `complete` has settled. */
  search(query: string, options?: { filters?: Record<string, string> }): Promise<SearchOutcome>;
  /** Whether every part of the index is merged, so that a search gives its final result. */
  readonly merged: boolean;
  /** Merges the older parts (once, on the first call); settles when every part is in. */
  complete(): Promise<void>;
}

let toSimplified: Promise<(text: string) => string> | undefined;

/** Converts Traditional characters to Simplified; the converter (opencc-js) is fetched the first time it is needed. */
export async function simplify(query: string): Promise<string> {
  if (!hasTraditional(query)) return query;
  toSimplified ??= import('opencc-js/t2cn').then(({ Converter }) => {
    const fromTaiwan = Converter({ from: 'tw', to: 'cn' });
    const fromHongKong = Converter({ from: 'hk', to: 'cn' });
    return (text: string) => fromHongKong(fromTaiwan(text));
  });
  return (await toSimplified)(query);
}

/**
 * Creates Pagefind's instance while the document says the index language: Pagefind reads `<html lang>`
 * once, at creation, to pick the index and to decide whether to re-segment queries (it must not).
 */
function createInstance(pf: PagefindModule, base: string): PagefindInstance {
  const html = document.documentElement;
  const lang = html.getAttribute('lang');
  html.setAttribute('lang', SEARCH_INDEX_LANGUAGE);
  try {
    // Quoted searches take milliseconds, so Pagefind's web worker (another 43 KB) is not worth fetching.
    return pf.createInstance({ basePath: `${base}pagefind/`, baseUrl: base, noWorker: true });
  } finally {
    if (lang === null) html.removeAttribute('lang');
    else html.setAttribute('lang', lang);
  }
}

/**
 * `parts`: the folders under pagefind/ of the index's older parts (src/search/parts), newest first. The main
 * index is the newest part and is searched alone at first, so that a reader's first results need only its
 * files; `complete()` merges the others in order after it. As every page of a quoted search scores the
 * same, results stay newest first across parts.
 */
export async function loadSearchEngine(base: string, parts: string[] = []): Promise<SearchEngine> {
  const pf: PagefindModule = await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`);
  const instance = createInstance(pf, base);
  await instance.init();
  let merging: Promise<void> | undefined;
  let merged = parts.length === 0;

  // Newest first: the build adds pages to each index part newest first, and parts are newest first; a
  // quoted search scores every page the same, so Pagefind lists them in that order (its `sort` would rank
  // within each part only, which merging would interleave). A one-character (prefix) search is ranked by
  // Pagefind's relevance instead.
  const pagesWith = async (term: QueryTerm, filters: Record<string, string>): Promise<Map<string, PagefindResult>> => {
    if (term.prefix) {
      // Pagefind loads the one index chunk where the character itself would sort; the words that begin
      // with it may go on into the next chunk, so that one is loaded too.
      await instance.preload(`${term.tokens[0]}\u{10FFFF}`);
    }
    const query = term.prefix ? term.tokens[0] : `"${term.tokens.join(' ')}"`;
    const { results } = await instance.search(query, { filters });
    return new Map(results.map((r) => [r.id, r]));
  };

  return {
    get merged() {
      return merged;
    },
    complete() {
      // Each call registers its part at once, so the parts keep this order while they load side by side.
      merging ??= Promise.all(parts.map((part) => instance.mergeIndex(`${base}pagefind/${part}/`, { baseUrl: base }))).then(() => {
        merged = true;
      });
      return merging;
    },
    async preload(raw) {
      const terms = parseQuery(await simplify(raw)).filter((term) => !term.prefix);
      await Promise.all(terms.map((term) => instance.preload(`"${term.tokens.join(' ')}"`)));
    },
    async search(raw, { filters = {} } = {}) {
      const query = await simplify(raw);
      const terms = parseQuery(query);
      const perTerm = await Promise.all(terms.map((term) => pagesWith(term, filters)));
      // Listed in the order of a whole-word term (newest first) when there is one.
      const lead = Math.max(
        0,
        terms.findIndex((term) => !term.prefix),
      );
      const ids = intersectInOrder([perTerm[lead], ...perTerm.filter((_, i) => i !== lead)].map((pages) => [...pages.keys()]));
      const hits = ids.map((id) => ({
        id,
        async load() {
          const data = await perTerm[0].get(id)!.data();
          const words = indexWords(data.content);
          return { data, words, terms: terms.map((term) => ({ term, starts: termStarts(words, term) })) };
        },
      }));
      return { query, terms, hits };
    },
  };
}
