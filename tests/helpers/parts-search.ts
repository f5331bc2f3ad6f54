// The search fixture (tests/fixtures/search-corpus, indexed in parts) served with its older index parts held
// back, so that a test sees what a reader on a slow connection sees between the newest part's results and
// the final ones: the status saying it is still looking, then the result of every part.
import { SEARCH_FIXTURE } from './build';
import { serveStatic, type StaticSite } from './static-server';

export interface HeldParts {
  site: StaticSite;
  /** Lets the older parts' files through. */
  release(): void;
  close(): Promise<void>;
}

export async function serveWithPartsHeld(): Promise<HeldParts> {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const site = await serveStatic(SEARCH_FIXTURE.dir, SEARCH_FIXTURE.base, {
    hold: (path) => (path.startsWith(`${SEARCH_FIXTURE.base}pagefind/part-`) ? gate : undefined),
  });
  return {
    site,
    release,
    close: async () => {
      release();
      await site.close();
    },
  };
}

/** Whether the newest part's results are shown and the page says it is still looking. Runs in the page. */
export const partialShown = () =>
  !!document.querySelector('[data-search-progress]:not([hidden])') && !!document.querySelector('#search-results > li');

/** The query and what the fixture gives for it: one notice in the newest part (June), all six in every part. */
export const PARTS_QUERY = '集团';
export const NEWEST_PART_RESULT = '/notices/2023-06-10-zeta/';
export const PARTIAL_STATUS = `已找到 1 份与“${PARTS_QUERY}”相关的通报…`;
export const PROGRESS_NOTE = '正在检索更早的通报…';
export const FINAL_STATUS = `找到 6 份与“${PARTS_QUERY}”相关的通报。`;

/** The status line and the result links shown. Runs in the page: it may use nothing from this module. */
export const shownResults = () => ({
  status: document.getElementById('search-status')?.textContent ?? '',
  /** The note after the results while older parts are searched, when it is shown. */
  progress: document.querySelector<HTMLElement>('[data-search-progress]:not([hidden])')?.textContent ?? null,
  urls: [...document.querySelectorAll('#search-results > li h2 a')].map((a) => new URL((a as HTMLAnchorElement).href).pathname),
});
