// Search in the browser over the bigram index: each query token is looked up with Pagefind on its own,
// and phrases and AND are worked out here from the word positions Pagefind returns (src/lib/search-match).
// Pagefind is loaded from the site's own /pagefind/ folder; the Traditional→Simplified converter only
// when a query contains Traditional characters.
import { SEARCH_INDEX_LANGUAGE } from '../lib/search-index-html';
import { matchAll, matchTerm, type PageMatch, type TokenResults } from '../lib/search-match';
import { parseQuery, type QueryTerm } from '../lib/search-text';
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
  score: number;
  words: number[];
  data(): Promise<PagefindFragment>;
}
interface PagefindInstance {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  preload(term: string, o?: object): Promise<void>;
  search(term: string, o?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] }>;
}
interface PagefindModule {
  createInstance(o: Record<string, unknown>): PagefindInstance;
}

export interface SearchHit extends PageMatch {
  data(): Promise<PagefindFragment>;
}
export interface SearchOutcome {
  /** The query after Traditional characters were converted (what was searched). */
  query: string;
  terms: QueryTerm[];
  hits: SearchHit[];
}

export interface SearchEngine {
  search(query: string, options?: { filters?: Record<string, string> }): Promise<SearchOutcome>;
  filters(): Promise<Record<string, Record<string, number>>>;
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
    return pf.createInstance({ basePath: `${base}pagefind/`, baseUrl: base });
  } finally {
    if (lang === null) html.removeAttribute('lang');
    else html.setAttribute('lang', lang);
  }
}

export async function loadSearchEngine(base: string): Promise<SearchEngine> {
  const pf: PagefindModule = await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`);
  const instance = createInstance(pf, base);
  await instance.init();

  type Found = { results: TokenResults; data: Map<string, PagefindResult> };
  const collect = (results: PagefindResult[]): Found => {
    const found: Found = { results: new Map(), data: new Map() };
    for (const r of results) {
      found.results.set(r.id, { score: r.score, positions: r.words });
      found.data.set(r.id, r);
    }
    return found;
  };
  // Unquoted, Pagefind ranks pages and reports every position of the word (and of words it begins).
  const positions = async (token: string, filters: Record<string, string>, prefix: boolean): Promise<Found> => {
    // Pagefind loads the one index chunk where the prefix itself would sort; the words that extend it may
    // continue into the next chunk, so that one is loaded too.
    if (prefix) await instance.preload(`${token}\u{10FFFF}`);
    return collect((await instance.search(token, { filters })).results);
  };
  // Quoted, Pagefind checks the tokens are contiguous and never substitutes a shorter word, but reports
  // only the first occurrence and no ranking: it decides which pages match, `positions` the rest.
  const phrase = async (tokens: string[], filters: Record<string, string>): Promise<Set<string>> =>
    new Set((await instance.search(`"${tokens.join(' ')}"`, { filters })).results.map((r) => r.id));

  return {
    filters: () => instance.filters(),
    async search(raw, { filters = {} } = {}) {
      const query = await simplify(raw);
      const terms = parseQuery(query);
      const lookups = new Map<string, Promise<Found>>();
      const find = (token: string, prefix: boolean) => {
        const key = `${prefix ? '*' : '='}${token}`;
        if (!lookups.has(key)) lookups.set(key, positions(token, filters, prefix));
        return lookups.get(key)!;
      };
      const perTerm = await Promise.all(
        terms.map(async (term) => {
          const [found, pages] = await Promise.all([
            Promise.all(term.tokens.map((t) => find(t, term.prefix))),
            term.prefix ? undefined : phrase(term.tokens, filters),
          ]);
          const matched = matchTerm(term, found.map((f) => f.results));
          if (!pages) return matched;
          const confirmed: typeof matched = new Map();
          for (const id of pages) confirmed.set(id, matched.get(id) ?? { starts: [], score: 0 });
          return confirmed;
        }),
      );
      const matches = matchAll(terms, perTerm);
      const results = new Map<string, PagefindResult>();
      for (const lookup of lookups.values()) for (const [id, r] of (await lookup).data) if (!results.has(id)) results.set(id, r);
      const hits = matches.filter((m) => results.has(m.id)).map((m) => ({ ...m, data: () => results.get(m.id)!.data() }));
      return { query, terms, hits };
    },
  };
}
