// The build's check of the pages keeps what it read of each page: a rebuild reads only the pages that changed,
// also when every page's script and stylesheet names changed, and finds the same problems as a fresh check.
import { mkdirSync, renameSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { verifyBuiltPages } from '../../../src/build/verify';
import * as verify from '../../../src/build/page-check';
import { tempDir } from '../../helpers/temp';

const contact = { phone: '027-85615369', address: '武汉市江汉区唐家墩路32号', postcode: '430021', email: 'whtkjt@126.com' };
const footer = `<footer><address><a href="tel:027-85615369">027-85615369</a> ${contact.address}，邮政编码：430021 <a href="mailto:whtkjt@126.com">whtkjt@126.com</a></address></footer>`;
const page = (body: string, css = 'site.A1') =>
  `<!doctype html><html lang="zh-CN"><head><link rel="stylesheet" href="/_astro/${css}.css"><script type="module" src="/_astro/page.B2.js"></script></head><body>${body}${footer}</body></html>`;

function site(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [path, content] of Object.entries({ '_astro/site.A1.css': 'body{}', '_astro/page.B2.js': '', ...files })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}
const options = (dir: string) => ({ dir, base: '/', contact, notices: ['a'] });
const PAGES = {
  'index.html': page('<main><a href="/notices/a/#p1">问题一</a></main>'),
  'notices/a/index.html': page('<main><h1>通报</h1><h4 id="p1">问题一</h4></main>'),
};

describe('verifyBuiltPages', () => {
  it('reads only the pages that changed, and finds what a fresh check finds', async () => {
    const dir = site(PAGES);
    const cache = join(tempDir(), 'verify.json');
    const read = vi.spyOn(verify, 'readPage');
    expect(await verifyBuiltPages(options(dir), cache)).toEqual([]);
    expect(read).toHaveBeenCalledTimes(2);
    read.mockClear();
    expect(await verifyBuiltPages(options(dir), cache)).toEqual([]);
    expect(read).not.toHaveBeenCalled();

    // The notice loses its anchor: only it is read again, and the home page's link to it is refused.
    writeFileSync(join(dir, 'notices/a/index.html'), page('<main><h1>通报</h1></main>'));
    const problems = await verifyBuiltPages(options(dir), cache);
    expect(read).toHaveBeenCalledTimes(1);
    expect(problems.map((p) => p.message)).toEqual(verify.verifyPages(options(dir)).map((p) => p.message));
    expect(problems.some((p) => p.message.includes('#p1'))).toBe(true);
    read.mockRestore();
  });

  it('keeps pages whose only change is the hashed names of scripts and styles, and checks those names afresh', async () => {
    const dir = site(PAGES);
    const cache = join(tempDir(), 'verify.json');
    await verifyBuiltPages(options(dir), cache);
    const read = vi.spyOn(verify, 'readPage');
    renameSync(join(dir, '_astro/site.A1.css'), join(dir, '_astro/site.C3.css'));
    for (const file of Object.keys(PAGES))
      writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replace('site.A1', 'site.C3'));
    expect(await verifyBuiltPages(options(dir), cache)).toEqual([]);
    expect(read).not.toHaveBeenCalled();
    // A kept page that names a stylesheet that is not there is refused, as a fresh check refuses it.
    writeFileSync(join(dir, 'index.html'), readFileSync(join(dir, 'index.html'), 'utf8').replace('site.C3', 'site.D4'));
    const problems = await verifyBuiltPages(options(dir), cache);
    expect(read).not.toHaveBeenCalled();
    expect(problems.map((p) => p.message)).toEqual(['链接 /_astro/site.D4.css 指向的文件不存在。']);
    read.mockRestore();
  });
});
