import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/notice/check';
import { CheckCache, readRendered } from '../../../src/notice/check-cache';
import { decodeUtf8, splitFrontmatter } from '../../../src/base/source-text';
import { renderNoticeBody } from '../../../src/notice/html';
import { ROOT } from '../../helpers/fixtures';
import { copyOfContent, tempDir } from '../../helpers/temp';

const SAMPLE = 'notices/2023-09-20-wuhan-industrial-investment.md';

/** The sample content with a second notice, and a cache file of its own. */
function setUp() {
  const { dir, content } = copyOfContent();
  const sample = readFileSync(join(content, SAMPLE), 'utf8');
  writeFileSync(join(content, 'notices/2023-09-20-second.md'), sample.replace(/^title: .*$/m, 'title: 第二份通报'));
  return { dir, content, cacheFile: join(tempDir(), 'cache', 'check.json') };
}

describe('the content check’s cache', () => {
  it('gives the same result from the cache as from parsing, without parsing an unchanged file again', () => {
    const { dir, content, cacheFile } = setUp();
    const first = new CheckCache(cacheFile);
    const fresh = checkContent(content, dir, first);
    expect(first.hits).toBe(0);
    const second = new CheckCache(cacheFile);
    expect(checkContent(content, dir, second)).toEqual(fresh);
    expect(second.hits).toBe(2);
    expect(checkContent(content, dir)).toEqual(fresh);
  });

  it('checks a changed file again, and reports its new mistake with file and line', () => {
    const { dir, content, cacheFile } = setUp();
    checkContent(content, dir, new CheckCache(cacheFile));
    const path = join(content, SAMPLE);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^date: .*$/m, 'date: 2023-13-45'));
    const cache = new CheckCache(cacheFile);
    const result = checkContent(content, dir, cache);
    expect(cache.hits).toBe(1);
    const error = result.diagnostics.find((d) => d.severity === 'error' && d.field === 'date');
    expect(error?.file).toContain('2023-09-20-wuhan-industrial-investment.md');
    expect(error?.line).toBeGreaterThan(1);
  });

  it('still applies the rules between files to cached results (two notices with one title and date)', () => {
    const { dir, content, cacheFile } = setUp();
    checkContent(content, dir, new CheckCache(cacheFile));
    const twin = readFileSync(join(content, SAMPLE), 'utf8');
    writeFileSync(join(content, 'notices/2023-09-20-twin.md'), twin);
    const cache = new CheckCache(cacheFile);
    const result = checkContent(content, dir, cache);
    expect(cache.hits).toBe(2);
    expect(result.diagnostics.some((d) => d.severity === 'error' && d.field === 'title')).toBe(true);
  });

  it('ignores a damaged cache file, and one written by other checker code', () => {
    const { dir, content, cacheFile } = setUp();
    const fresh = checkContent(content, dir, new CheckCache(cacheFile));
    const saved = JSON.parse(readFileSync(cacheFile, 'utf8')) as { version: string };
    writeFileSync(cacheFile, JSON.stringify({ ...saved, version: 'older code' }));
    const stale = new CheckCache(cacheFile);
    expect(checkContent(content, dir, stale)).toEqual(fresh);
    expect(stale.hits).toBe(0);
    writeFileSync(cacheFile, '{ not json');
    const damaged = new CheckCache(cacheFile);
    expect(checkContent(content, dir, damaged)).toEqual(fresh);
    expect(damaged.hits).toBe(0);
  });
});

describe('the rendered bodies the check keeps for Astro’s pages', () => {
  it.each([
    ['the sample', 'content'],
    ['the search fixture corpus', 'tests/fixtures/search-corpus'],
  ])('are, for %s, exactly what the page would render from the Markdown', (_, folder) => {
    const cacheFile = join(tempDir(), 'check.json');
    const cache = new CheckCache(cacheFile);
    const { notices } = checkContent(join(ROOT, folder), ROOT, cache);
    expect(notices.length).toBeGreaterThan(0);
    for (const notice of notices) {
      const body = splitFrontmatter(decodeUtf8(readFileSync(notice.path))!)!.body;
      expect(readRendered(cache.renderedDir, notice.sha256), notice.file).toEqual(renderNoticeBody(body));
    }
  });

  it('are checked and rendered again when gone, and removed with their notice', () => {
    const { dir, content, cacheFile } = setUp();
    const first = new CheckCache(cacheFile);
    const { notices } = checkContent(content, dir, first);
    const [a, b] = notices;
    rmSync(join(first.renderedDir, `${a.sha256}.json`));
    const second = new CheckCache(cacheFile);
    checkContent(content, dir, second);
    expect(second.hits).toBe(1);
    expect(readRendered(second.renderedDir, a.sha256)?.html).toContain('<h2');
    rmSync(b.path);
    checkContent(content, dir, new CheckCache(cacheFile));
    expect(readRendered(second.renderedDir, b.sha256)).toBeUndefined();
    expect(readdirSync(second.renderedDir)).toEqual([`${a.sha256}.json`]);
  });
});
