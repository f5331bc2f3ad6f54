import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PartCache, PartFingerprint } from '../../../src/search/part-cache';
import { tempDir } from '../../helpers/temp';

const MAIN = { dir: '', ids: ['a', 'b'] };
const OLDER = { dir: 'part-2020', ids: ['c'] };

function written(files: Record<string, string>): string {
  const dir = join(tempDir(), 'pagefind');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const fingerprint = (part: typeof MAIN, pages: Array<[string, string | undefined]>) => {
  const f = new PartFingerprint(part);
  for (const [path, copy] of pages) f.page(path, copy);
  return f.digest();
};

describe('PartFingerprint', () => {
  const PAGES: Array<[string, string | undefined]> = [
    ['a', '<p>甲</p>'],
    ['b', '<p>乙</p>'],
  ];
  const base = fingerprint(MAIN, PAGES);

  it('is the same for the same pages of the same part', () => {
    expect(fingerprint(MAIN, [...PAGES])).toBe(base);
  });

  it.each<[string, typeof MAIN, Array<[string, string | undefined]>, string?]>([
    ['a page’s copy', MAIN, [PAGES[0], ['b', '<p>丙</p>']]],
    ['the order', MAIN, [PAGES[1], PAGES[0]]],
    ['a path', MAIN, [PAGES[0], ['c', '<p>乙</p>']]],
    [
      'where one copy ends and the next begins',
      MAIN,
      [
        ['a', '<p>甲</p><p>乙</p>'],
        ['b', ''],
      ],
    ],
    ['the part', OLDER, PAGES],
    ['how parts are written', MAIN, PAGES, '{"options":{"forceLanguage":"zh"}}'],
  ])('changes with %s', (_, part, pages, settings) => {
    const changed = new PartFingerprint(part, settings);
    for (const [path, copy] of pages) changed.page(path, copy);
    expect(changed.digest()).not.toBe(base);
  });
});

describe('PartCache', () => {
  it('gives back exactly the files kept for a fingerprint, without the other parts’ folders', () => {
    const cache = new PartCache(join(tempDir(), 'cache'));
    const main = written({ 'pagefind-entry.json': '{}', 'index/zxx_1.pf_index': 'x', 'part-2020/pagefind-entry.json': 'other' });
    cache.store(MAIN, 'f1', main, ['part-2020']);
    expect(cache.restore(MAIN, 'f2', join(tempDir(), 'pagefind'))).toBe(false);
    const target = join(tempDir(), 'site', 'pagefind');
    expect(cache.restore(MAIN, 'f1', target)).toBe(true);
    expect(readdirSync(target, { recursive: true }).sort()).toEqual(['index', 'index/zxx_1.pf_index', 'pagefind-entry.json']);
    expect(readFileSync(join(target, 'index/zxx_1.pf_index'), 'utf8')).toBe('x');
  });

  it('keeps one version of each part', () => {
    const root = join(tempDir(), 'cache');
    const cache = new PartCache(root);
    cache.store(MAIN, 'f1', written({ a: '1' }), []);
    cache.store(OLDER, 'f1', written({ a: 'older' }), []);
    cache.store(MAIN, 'f2', written({ a: '2' }), []);
    expect(readdirSync(root).sort()).toEqual(['main-f2', 'part-2020-f1']);
    const target = join(tempDir(), 'pagefind');
    expect(cache.restore(MAIN, 'f1', target)).toBe(false);
    expect(existsSync(target)).toBe(false);
  });

  it('knows which parts it keeps some version of', () => {
    const cache = new PartCache(join(tempDir(), 'cache'));
    expect(cache.has(OLDER)).toBe(false);
    cache.store(OLDER, 'a'.repeat(64), written({ a: '1' }), []);
    expect(cache.has(OLDER)).toBe(true);
    expect(cache.has(MAIN)).toBe(false);
    expect(cache.has({ dir: 'part-2020-1', ids: [] })).toBe(false);
  });
});
