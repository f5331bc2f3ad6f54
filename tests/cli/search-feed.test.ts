// The search index is built while Astro renders (src/search/page-feed, src/search/page-source): the pages
// come over Astro's IPC channel, not from dist/. The index it makes must be exactly the index of the pages
// that were published, on a site indexed in parts and under a sub-path.
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/notice/check';
import { buildSearchIndex } from '../../src/search/build-index';
import { planIndexParts } from '../../src/search/parts';
import { buildInto, SEARCH_FIXTURE } from '../helpers/build';
import { fileHashes } from '../helpers/dist';
import { tempDir } from '../helpers/temp';

describe('npm run build: the search index built from the pages Astro feeds while it renders', () => {
  it('takes the first part’s pages from the feed and writes the same index as one built from dist/', async () => {
    const dir = tempDir();
    const out = join(dir, 'dist');
    const timings = join(dir, 'timings.jsonl');
    buildInto(out, {
      env: {
        BASE_PATH: '/gongshi/',
        GONGSHI_CONTENT: SEARCH_FIXTURE.content,
        GONGSHI_CACHE_DIR: join(dir, 'astro-cache'),
        GONGSHI_INDEX_PART_SIZE: String(SEARCH_FIXTURE.partSize),
        GONGSHI_TIMINGS: timings,
      },
    });
    const notices = checkContent(SEARCH_FIXTURE.content).notices.map((n) => ({ id: n.slug, date: n.data!.date }));
    const parts = planIndexParts(notices, SEARCH_FIXTURE.partSize);
    expect(parts.length).toBeGreaterThan(1);

    // Every notice of the first part came through the feed.
    const lines = readFileSync(timings, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { stage: string; pages?: number });
    expect(lines.find((l) => l.stage === 'search-feed')?.pages).toBe(parts[0].ids.length);

    // The same pages indexed afterwards from the published files give byte-identical index files.
    const copy = join(dir, 'copy');
    cpSync(out, copy, { recursive: true });
    rmSync(join(copy, 'pagefind'), { recursive: true });
    await buildSearchIndex(copy, parts);
    const fed = fileHashes(join(out, 'pagefind'));
    const fromDisk = fileHashes(join(copy, 'pagefind'));
    expect(Object.keys(fed).length).toBeGreaterThan(10);
    expect(fed).toEqual(fromDisk);
  });
});
