// The post-build check on small hand-made sites: it passes a correct one and names each kind of problem.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { verifySite, type VerifyOptions } from '../../src/lib/verify-site';

const contact = { phone: '027-85615369', address: '武汉市江汉区唐家墩路32号', postcode: '430021', email: 'whtkjt@126.com' };
const footer = `<footer><address><a href="tel:027-85615369">027-85615369</a> ${contact.address}，邮政编码：430021 <a href="mailto:whtkjt@126.com">whtkjt@126.com</a></address></footer>`;
const page = (body: string) => `<!doctype html><html lang="zh-CN"><head><link rel="stylesheet" href="/_astro/site.css"></head><body>${body}${footer}</body></html>`;

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

function site(files: Record<string, string>, indexed = ['/notices/a/']): VerifyOptions {
  const dir = mkdtempSync(join(tmpdir(), 'gongshi-verify-'));
  dirs.push(dir);
  const write = (path: string, content: string | Buffer) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  };
  write('_astro/site.css', 'body{}');
  for (const [path, content] of Object.entries(files)) write(path, content);
  indexed.forEach((url, i) => write(`pagefind/fragment/zxx_${i}.pf_fragment`, gzipSync(Buffer.from(`pagefind_dcd${JSON.stringify({ url })}`))));
  return { dir, base: '/', contact, notices: ['a'] };
}

const good = {
  'index.html': page('<main><a href="/notices/a/">通报</a> <a href="/notices/a/#p1">问题一</a></main>'),
  'notices/a/index.html': page('<main><h1>通报</h1><h4 id="p1">问题一</h4><a href="#p1">链接</a><a href="../../">首页</a></main>'),
};

describe('verifySite', () => {
  it('passes a site whose pages all carry the contact, whose links resolve and whose notices are indexed', () => {
    expect(verifySite(site(good))).toEqual([]);
  });

  it('names a page without the phone link', () => {
    const opts = site({ ...good, 'contact/index.html': page('<main>反馈</main>').replace(/<a href="tel:[^>]*>[^<]*<\/a>/, '') });
    const problems = verifySite(opts);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'contact', severity: 'error' });
    expect(problems[0].file).toContain('contact/index.html');
    expect(problems[0].message).toContain('tel:027-85615369');
  });

  it('names a page without the postcode', () => {
    const problems = verifySite(site({ ...good, 'x/index.html': page('').replace('430021', '') }));
    expect(problems.map((p) => p.field)).toEqual(['contact.postcode']);
  });

  it('names a link to a missing page, a missing asset and a missing anchor', () => {
    const problems = verifySite(
      site({ ...good, 'index.html': page('<main><a href="/notices/b/">缺</a><img src="/logo.png" alt=""><a href="/notices/a/#p9">缺锚点</a></main>') }),
    );
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining('/notices/b/'),
      expect.stringContaining('/logo.png'),
      expect.stringContaining('#p9'),
    ]);
  });

  it('names a reference to another host and an unsafe link', () => {
    const problems = verifySite(
      site({ ...good, 'index.html': page('<main><script src="https://cdn.example.com/x.js"></script><a href="javascript:alert(1)">x</a></main>') }),
    );
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('其他网站'), expect.stringContaining('不安全')]);
  });

  it('names a notice without a page and one missing from the search index', () => {
    const opts = { ...site(good, []), notices: ['a', 'b'] };
    const messages = verifySite(opts).map((p) => p.message);
    expect(messages).toContain('通报 a 不在搜索索引里。');
    expect(messages).toContain('通报 b 没有生成页面。');
    expect(messages).toContain('通报 b 不在搜索索引里。');
  });

  it('checks links under a sub-path base', () => {
    const opts = site({
      'index.html': page('<main><a href="/gongshi/notices/a/">通报</a><a href="/elsewhere/">外</a></main>').replaceAll('/_astro/', '/gongshi/_astro/'),
      'notices/a/index.html': page('<main>通报</main>').replaceAll('/_astro/', '/gongshi/_astro/'),
    });
    const problems = verifySite({ ...opts, base: '/gongshi/' });
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('/elsewhere/')]);
  });
});
