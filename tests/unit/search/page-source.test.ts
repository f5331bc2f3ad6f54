import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEED_MESSAGE } from '../../../src/search/feed-message';
import { PageFeed, pageFile } from '../../../src/search/page-source';
import { tempDir } from '../../helpers/temp';

const fed = (pathname: string, html: string) => ({ type: FEED_MESSAGE, pathname, html });

/** A site folder with the given pages on disk. */
function site(pages: Record<string, string> = {}): string {
  const dir = tempDir();
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}

describe('pageFile', () => {
  it.each([
    ['/notices/a/', '/', 'notices/a/index.html'],
    ['/notices/a', '/', 'notices/a/index.html'],
    ['/gongshi/notices/a/', '/gongshi/', 'notices/a/index.html'],
    ['/', '/', 'index.html'],
    ['/gongshi/', '/gongshi/', 'index.html'],
    ['/notices/%E9%80%9A%E6%8A%A5/', '/', 'notices/通报/index.html'],
  ])('%s under %s is %s', (pathname, base, file) => {
    expect(pageFile(pathname, base)).toBe(file);
  });
});

describe('PageFeed', () => {
  const A = 'notices/a/index.html';
  const B = 'notices/b/index.html';

  it('answers a page asked for before it arrives, and one that arrived before it was asked for', async () => {
    const feed = new PageFeed(site(), '/gongshi/', [A, B]);
    const first = feed.html(A);
    feed.receive(fed('/gongshi/notices/b/', '<p>b</p>'));
    feed.receive(fed('/gongshi/notices/a/', '<p>a</p>'));
    expect(await first).toBe('<p>a</p>');
    expect(await feed.html(B)).toBe('<p>b</p>');
  });

  it('keeps only the pages it was told to want, and ignores other messages', async () => {
    const dir = site({ [A]: '<p>from disk</p>' });
    const feed = new PageFeed(dir, '/', [B]);
    feed.receive(fed('/notices/a/', '<p>fed</p>'));
    feed.receive({ type: 'something else', pathname: '/notices/b/', html: 'x' });
    feed.receive('not an object');
    feed.close();
    await feed.settled;
    expect(await feed.html(A)).toBe('<p>from disk</p>');
  });

  it('reads a page that never came through the feed from the site folder once Astro has finished', async () => {
    const dir = site();
    const feed = new PageFeed(dir, '/', [A]);
    const waiting = feed.html(A);
    mkdirSync(join(dir, 'notices/a'), { recursive: true });
    writeFileSync(join(dir, A), '<p>written by Astro</p>');
    feed.close();
    expect(await waiting).toBe('<p>written by Astro</p>');
  });

  it('passes Astro’s failure to whoever waits, and to later requests', async () => {
    const feed = new PageFeed(site(), '/', [A, B]);
    const waiting = feed.html(A);
    feed.fail(new Error('Astro 退出码 1'));
    await expect(waiting).rejects.toThrow('Astro 退出码 1');
    await expect(feed.html(B)).rejects.toThrow('Astro 退出码 1');
    await expect(feed.settled).rejects.toThrow('Astro 退出码 1');
  });

  it('ignores pages that arrive after it was closed', async () => {
    const dir = site({ [A]: '<p>on disk</p>' });
    const feed = new PageFeed(dir, '/', [A]);
    feed.close();
    feed.receive(fed('/notices/a/', '<p>late</p>'));
    expect(await feed.html(A)).toBe('<p>on disk</p>');
  });
});
