// npm run build keeps each written part of the search index with the fingerprint of what went into it
// (src/search/part-cache): an unchanged part is copied, not indexed again, and the index is the same as
// one built from scratch.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexTexts } from '../../src/build/index-text';
import { precompress } from '../../src/build/precompress';
import { checkContent } from '../../src/notice/check';
import { CheckCache } from '../../src/notice/check-cache';
import { buildSearchIndex } from '../../src/search/build-index';
import { planIndexParts } from '../../src/search/parts';
import { buildInto, SEARCH_FIXTURE } from '../helpers/build';
import { fileHashes } from '../helpers/dist';
import { tempDir } from '../helpers/temp';

describe('npm run build: index parts kept between builds', () => {
  it('copies unchanged parts, indexes the changed one, and writes the index a build from scratch writes', async () => {
    const dir = tempDir();
    const content = join(dir, 'content');
    cpSync(SEARCH_FIXTURE.content, content, { recursive: true });
    const timings = join(dir, 'timings.jsonl');
    const build = (name: string) => {
      rmSync(timings, { force: true });
      const out = buildInto(join(dir, name), {
        env: {
          GONGSHI_CONTENT: content,
          GONGSHI_CACHE_DIR: join(dir, 'cache'),
          GONGSHI_INDEX_PART_SIZE: String(SEARCH_FIXTURE.partSize),
          GONGSHI_TIMINGS: timings,
        },
      });
      const lines = readFileSync(timings, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, number | string>);
      return { out, parts: lines.find((l) => l.stage === 'search-index')! };
    };

    const first = build('first');
    expect(first.parts).toMatchObject({ parts: 6, reused: 0 });

    const again = build('again');
    expect(again.parts).toMatchObject({ parts: 6, reused: 6 });
    expect(fileHashes(join(again.out, 'pagefind'))).toEqual(fileHashes(join(first.out, 'pagefind')));
    // Restored parts are laid out as written ones: Pagefind's script and WebAssembly in the main part only.
    const files = Object.keys(fileHashes(join(again.out, 'pagefind')));
    expect(files).toContain('pagefind.js');
    expect(files.some((f) => /^wasm\./.test(f))).toBe(true);
    expect(files.filter((f) => f.startsWith('part-') && /\/(pagefind\.js|pagefind-worker\.js|wasm\.[^/]*)$/.test(f))).toEqual([]);

    // The oldest notice is in the last part (its month): only that part is indexed again.
    const oldest = join(content, 'notices/2023-01-10-alpha.md');
    writeFileSync(oldest, readFileSync(oldest, 'utf8').replace(/(\n[^\n#]*。)\n/, '$1经复核，整改已全部完成。\n'));
    const changed = build('changed');
    expect(changed.parts).toMatchObject({ parts: 6, reused: 5 });
    expect(readFileSync(join(changed.out, 'notices/2023-01-10-alpha/index.html'), 'utf8')).toContain('经复核，整改已全部完成');

    const scratch = join(dir, 'scratch');
    cpSync(changed.out, scratch, { recursive: true });
    rmSync(join(scratch, 'pagefind'), { recursive: true });
    const check = new CheckCache(join(dir, 'scratch-cache', 'check.json'));
    const checked = checkContent(content, process.cwd(), check).notices;
    const texts = indexTexts(checked, check.renderedDir, join(dir, 'scratch-cache', 'texts'));
    const notices = checked.map((n) => ({ id: n.slug, date: n.data!.date }));
    await buildSearchIndex(scratch, planIndexParts(notices, SEARCH_FIXTURE.partSize), { document: (id) => texts.document(id) });
    // The build gzips Pagefind's script as it gzips every script (src/build/precompress).
    precompress(join(scratch, 'pagefind'));
    expect(fileHashes(join(changed.out, 'pagefind'))).toEqual(fileHashes(join(scratch, 'pagefind')));
    expect(fileHashes(join(changed.out, 'pagefind'))).not.toEqual(fileHashes(join(first.out, 'pagefind')));
  });
});
