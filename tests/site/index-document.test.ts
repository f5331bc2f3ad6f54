// The search index is made from each checked notice (src/search/index-document), not from the page Astro
// writes: Pagefind must read exactly the same from that document as from the published page (its text,
// anchors, filters and metadata), for every notice of every fixture site, and for a notice whose page
// shows its own contact block.
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/notice/check';
import { decodeUtf8, splitFrontmatter } from '../../src/base/source-text';
import { renderNoticeBody } from '../../src/notice/html';
import { indexDocument } from '../../src/search/index-document';
import { toSearchIndexHtml } from '../../src/search/index-html';
import { noticeDir } from '../../src/base/paths';
import { BUILDS, buildInto, LIVE_BUILDS, LIVE_CONTENT, SEARCH_FIXTURE } from '../helpers/build';
import { CONTENT_DIR } from '../helpers/fixtures';
import { tempDir } from '../helpers/temp';

/** What Pagefind stores of each page (its fragment), by URL, after indexing `files`. */
async function fragments(files: Array<{ sourcePath: string; content: string }>): Promise<Map<string, unknown>> {
  const out = join(tempDir(), 'pagefind');
  const { index } = await pagefind.createIndex({});
  for (const file of files) expect((await index!.addHTMLFile(file)).errors).toEqual([]);
  await index!.writeFiles({ outputPath: out });
  await pagefind.close();
  const found = new Map<string, unknown>();
  for (const name of readdirSync(join(out, 'fragment'))) {
    const json = JSON.parse(
      gunzipSync(readFileSync(join(out, 'fragment', name)))
        .subarray(12)
        .toString('utf8'),
    ) as { url: string };
    found.set(json.url, json);
  }
  return found;
}

async function compare(content: string, dist: string): Promise<number> {
  const notices = checkContent(content).notices.filter((n) => n.data);
  const fromPages = notices.map((n) => {
    const sourcePath = `${noticeDir(n.slug)}index.html`;
    return { sourcePath, content: toSearchIndexHtml(readFileSync(join(dist, sourcePath), 'utf8'))! };
  });
  const fromData = notices.map((n) => ({
    sourcePath: `${noticeDir(n.slug)}index.html`,
    content: indexDocument({ data: n.data!, html: renderNoticeBody(splitFrontmatter(decodeUtf8(readFileSync(n.path))!)!.body).html }),
  }));
  const pages = await fragments(fromPages);
  expect(await fragments(fromData)).toEqual(pages);
  return pages.size;
}

describe('the index document of a notice', () => {
  it.each([
    ['the sample site', CONTENT_DIR, BUILDS.root.dir],
    ['the search fixture', SEARCH_FIXTURE.content, SEARCH_FIXTURE.dir],
    ['the live-site fixture', LIVE_CONTENT, LIVE_BUILDS.liveRoot.dir],
  ])('gives Pagefind what the built page gives it: %s', async (_, content, dist) => {
    expect(await compare(content, dist)).toBeGreaterThan(0);
  });

  it('holds the notice’s own contact block when the page shows one', async () => {
    const dir = tempDir();
    const content = join(dir, 'content');
    cpSync(CONTENT_DIR, content, { recursive: true });
    const file = join(content, 'notices/2023-09-20-wuhan-industrial-investment.md');
    // A contact the closing does not give as links: the page shows it in a block of its own.
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        /contact:\n(?: {2}.*\n)+/,
        'contact:\n  phone: [0710-3512345, "12388"]\n  address: [襄阳市襄城区檀溪路1号, 武汉市江岸区沿江大道2号]\n  postcode: ["441000", "430010", "430011"]\n  email: [jw@example.cn, xc@example.cn]\n  hours: 工作日 9:00—17:00\n',
      ),
    );
    const dist = buildInto(join(dir, 'dist'), { env: { GONGSHI_CONTENT: content, GONGSHI_CACHE_DIR: join(dir, 'cache') } });
    expect(readFileSync(join(dist, 'notices/2023-09-20-wuhan-industrial-investment/index.html'), 'utf8')).toContain('本通报的联系方式');
    expect(await compare(content, dist)).toBe(1);
  });
});
