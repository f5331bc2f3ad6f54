// Ground truth by exact substring: a page is relevant to a query when its indexed text contains every
// query term, in the query's script or in Simplified Chinese. Indexed text is what Pagefind is told to
// index: the `data-pagefind-body` element minus `data-pagefind-ignore` elements, whitespace collapsed.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'node-html-parser';
import * as OpenCC from 'opencc-js';

export const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

export interface IndexedPage {
  /** The page's URL path at a domain root, e.g. /notices/2023-09-20-x/ (as in Pagefind's fragments). */
  url: string;
  /** NFKC-normalised indexed text. */
  text: string;
}

const normalise = (text: string) => text.normalize('NFKC').replace(/\s+/g, ' ').trim();

/** The indexed text of one HTML page, or undefined when it has no `data-pagefind-body`. */
export function indexedText(html: string): string | undefined {
  const body = parse(html).querySelector('[data-pagefind-body]');
  if (!body) return undefined;
  for (const el of body.querySelectorAll('[data-pagefind-ignore], script, style, template')) el.remove();
  return normalise(body.text);
}

/** Every page of a built site that Pagefind indexes. */
export function readIndexedPages(dist: string): IndexedPage[] {
  const pages: IndexedPage[] = [];
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = join(entry.parentPath, entry.name);
    const text = indexedText(readFileSync(file, 'utf8'));
    if (text === undefined) continue;
    const path = relative(dist, file).split(sep).join('/');
    pages.push({ url: `/${path.replace(/(^|\/)index\.html$/, '$1')}`, text });
  }
  return pages.sort((a, b) => a.url.localeCompare(b.url));
}

/** The query's terms: split on ASCII and ideographic spaces after removing quotes, each NFKC-normalised. */
export function queryTerms(query: string): string[] {
  return query
    .replace(/["“”]/g, '')
    .split(/[\s\u3000]+/)
    .filter(Boolean)
    .map((term) => term.normalize('NFKC'));
}

export class GroundTruth {
  constructor(readonly pages: IndexedPage[]) {}

  /** URLs of the pages containing every term of the query (as written or in Simplified form). */
  relevant(query: string): Set<string> {
    const terms = queryTerms(query).map((term) => [term, toSimplified(term)]);
    const urls = new Set<string>();
    if (!terms.length) return urls;
    for (const page of this.pages) {
      if (terms.every((forms) => forms.some((form) => page.text.includes(form)))) urls.add(page.url);
    }
    return urls;
  }
}
