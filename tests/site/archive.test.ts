// The home page of a large site lists its newest notices and links to one archive page per year, which
// lists all of that year's notices (the ledger fixture built with a home-page limit of 2).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILDS } from '../helpers/build';
import { buildLedgerFixture } from '../helpers/ledger-build';

const page = (dir: string, path: string) => parse(readFileSync(join(dir, path, 'index.html'), 'utf8'));
const titles = (doc: ReturnType<typeof parse>) => doc.querySelectorAll('.notice-card a').map((a) => a.getAttribute('href'));

describe('home page and year archive of a site larger than the home page', () => {
  let dir: string;
  beforeAll(() => {
    dir = buildLedgerFixture('archive');
  });

  it('lists the newest notices and links to every year with its count', () => {
    const home = page(dir, '');
    expect(titles(home)).toEqual(['/notices/2023-08-01-east/', '/notices/2023-05-10-north/']);
    expect(home.querySelector('.count')?.text).toContain('共 4 份通报。这里列出最新的 2 份');
    expect(home.querySelectorAll('.year-nav a').map((a) => [a.getAttribute('href'), a.text])).toEqual([
      ['/archive/2023/', '2023年（2 份）'],
      ['/archive/2022/', '2022年（2 份）'],
    ]);
  });

  it('gives each year a page listing all of its notices, newest first, the current year marked', () => {
    const y2022 = page(dir, 'archive/2022');
    expect(y2022.querySelector('h1')?.text).toBe('2022年的通报');
    expect(titles(y2022)).toEqual(['/notices/2022-11-20-south/', '/notices/2022-03-15-north/']);
    expect(y2022.querySelector('.year-nav a[aria-current="page"]')?.getAttribute('href')).toBe('/archive/2022/');
    expect(titles(page(dir, 'archive/2023'))).toHaveLength(2);
  });

  it('a site within the limit keeps everything on the home page and has no archive', () => {
    const home = page(BUILDS.root.dir, '');
    expect(home.querySelectorAll('.notice-card')).toHaveLength(1);
    expect(() => page(BUILDS.root.dir, 'archive/2023')).toThrow();
  });
});
