import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PartCache, PartFingerprint } from '../../../src/search/part-cache';
import { tempDir } from '../../helpers/temp';

function written(files: Record<string, string>): string {
  const dir = join(tempDir(), 'pagefind');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const fingerprint = (pages: Array<[string, string]>, settings?: string) => {
  const f = new PartFingerprint(settings);
  for (const [path, copy] of pages) f.page(path, copy);
  return f.digest();
};
const F1 = '1'.repeat(64);
const F2 = '2'.repeat(64);

describe('PartFingerprint', () => {
  const PAGES: Array<[string, string]> = [
    ['a', '<p>甲</p>'],
    ['b', '<p>乙</p>'],
  ];
  const base = fingerprint(PAGES);

  it('is the same for the same documents, whatever folder the part goes to', () => {
    expect(fingerprint([...PAGES])).toBe(base);
  });

  it.each<[string, Array<[string, string]>, string?]>([
    ['a page’s document', [PAGES[0], ['b', '<p>丙</p>']]],
    ['the order', [PAGES[1], PAGES[0]]],
    ['a path', [PAGES[0], ['c', '<p>乙</p>']]],
    [
      'where one document ends and the next begins',
      [
        ['a', '<p>甲</p><p>乙</p>'],
        ['b', ''],
      ],
    ],
    ['how parts are written', PAGES, '{"options":{"forceLanguage":"zh"}}'],
  ])('changes with %s', (_, pages, settings) => {
    expect(fingerprint(pages, settings)).not.toBe(base);
  });
});

describe('PartCache', () => {
  it('gives back exactly the files kept for a fingerprint, into whichever folder it is asked for', () => {
    const cache = new PartCache(join(tempDir(), 'cache'));
    cache.store(F1, written({ 'pagefind-entry.json': '{}', 'index/zxx_1.pf_index': 'x' }));
    expect(cache.restore(F2, join(tempDir(), 'pagefind'))).toBe(false);
    for (const target of [join(tempDir(), 'site', 'pagefind'), join(tempDir(), 'site', 'pagefind', 'part-2021')]) {
      expect(cache.restore(F1, target)).toBe(true);
      expect(readdirSync(target, { recursive: true }).sort()).toEqual(['index', 'index/zxx_1.pf_index', 'pagefind-entry.json']);
      expect(readFileSync(join(target, 'index/zxx_1.pf_index'), 'utf8')).toBe('x');
    }
  });

  it('keeps only the parts the last build used', () => {
    const root = join(tempDir(), 'cache');
    new PartCache(root).store(F1, written({ a: '1' }));
    const next = new PartCache(root);
    next.store(F2, written({ a: '2' }));
    next.prune();
    expect(readdirSync(root)).toEqual([F2]);
    const target = join(tempDir(), 'pagefind');
    expect(next.restore(F1, target)).toBe(false);
    expect(existsSync(target)).toBe(false);
  });
});
