import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/notice/check';
import { CheckCache } from '../../../src/notice/check-cache';
import { copyOfContent, tempDir } from '../../helpers/temp';

const SAMPLE = 'notices/2023-09-20-wuhan-industrial-investment.md';

/** The sample content with a second notice, and a cache file of its own. */
function setUp() {
  const { dir, content } = copyOfContent();
  const sample = readFileSync(join(content, SAMPLE), 'utf8');
  writeFileSync(
    join(content, 'notices/2024-01-10-second.md'),
    sample.replace(/^title: .*$/m, 'title: 第二份通报').replace(/^date: .*$/m, 'date: 2024-01-10'),
  );
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
