// Where the search index gets each built page's HTML: from the site folder once Astro has finished, or
// from the page feed (src/search/page-feed) while Astro is still rendering. Paths are the page's file in
// the site, e.g. `notices/<id>/index.html`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isFedPage } from './feed-message';

export interface PageSource {
  html(path: string): Promise<string>;
  /** Settles when every page is in the site folder (Astro has finished), or rejects when Astro failed. */
  readonly settled: Promise<void>;
}

export const pagesOnDisk = (site: string): PageSource => ({
  html: async (path) => readFileSync(join(site, path), 'utf8'),
  settled: Promise.resolve(),
});

/** `/gongshi/notices/x/` under the base `/gongshi/` → `notices/x/index.html` (pages are built as folders). */
export function pageFile(pathname: string, base: string): string {
  const inSite = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\/+/, '');
  const folder = decodeURI(inSite).replace(/\/?$/, '/');
  return folder === '/' ? 'index.html' : `${folder}index.html`;
}

/**
 * The pages Astro feeds while it renders. Only the `wanted` pages are kept, each until it is asked for, so
 * memory holds at most the pages that arrived before their turn. Once Astro has finished, a page that
 * never came through the feed is read from the site folder.
 */
export class PageFeed implements PageSource {
  readonly settled: Promise<void>;
  #disk: PageSource;
  #base: string;
  #wanted: Set<string>;
  #pages = new Map<string, string>();
  #waiting = new Map<string, { resolve: (html: string) => void; reject: (error: Error) => void }>();
  #state: 'open' | 'closed' | Error = 'open';
  #received = 0;
  #settle!: { resolve: () => void; reject: (error: Error) => void };

  constructor(site: string, base: string, wanted: Iterable<string>) {
    this.#disk = pagesOnDisk(site);
    this.#base = base;
    this.#wanted = new Set(wanted);
    this.settled = new Promise((resolve, reject) => (this.#settle = { resolve, reject }));
    // Whoever builds the index awaits it; until then a failure must not count as unhandled.
    this.settled.catch(() => {});
  }

  /** Takes a message from Astro's process; anything that is not a fed page is ignored. */
  receive(message: unknown): void {
    if (this.#state !== 'open' || !isFedPage(message)) return;
    const path = pageFile(message.pathname, this.#base);
    if (!this.#wanted.delete(path)) return;
    this.#received++;
    const waiter = this.#waiting.get(path);
    this.#waiting.delete(path);
    if (waiter) waiter.resolve(message.html);
    else this.#pages.set(path, message.html);
  }

  /** How many wanted pages came through the feed (the rest were read from the site folder). */
  get received(): number {
    return this.#received;
  }

  /** Astro has finished: every page is in the site folder. */
  close(): void {
    if (this.#state !== 'open') return;
    this.#state = 'closed';
    for (const [path, waiter] of this.#waiting) this.#disk.html(path).then(waiter.resolve, waiter.reject);
    this.#waiting.clear();
    this.#settle.resolve();
  }

  /** Astro has failed: whoever waits for a page hears so. */
  fail(error: Error): void {
    if (this.#state !== 'open') return;
    this.#state = error;
    for (const waiter of this.#waiting.values()) waiter.reject(error);
    this.#waiting.clear();
    this.#pages.clear();
    this.#settle.reject(error);
  }

  html(path: string): Promise<string> {
    const fed = this.#pages.get(path);
    if (fed !== undefined) {
      this.#pages.delete(path);
      return Promise.resolve(fed);
    }
    if (this.#state instanceof Error) return Promise.reject(this.#state);
    if (this.#state === 'closed') return this.#disk.html(path);
    return new Promise((resolve, reject) => this.#waiting.set(path, { resolve, reject }));
  }
}
