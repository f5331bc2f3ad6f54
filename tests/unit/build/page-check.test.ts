// The post-build check on small hand-made sites: it passes a correct one and names each kind of problem.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { linkPolicy, OUTBOUND_WORDS } from '../../../src/site/link-policy';
import { verifyIndex, verifyPages, type VerifyOptions } from '../../../src/build/page-check';

/** The whole check, as the build runs it: the pages, then that every notice is in the search index. */
const verifySite = (options: VerifyOptions) => [...verifyPages(options), ...verifyIndex(options.dir, options.notices)];

const contact = { phone: '027-85615369', address: '武汉市江汉区唐家墩路32号', postcode: '430021', email: 'whtkjt@126.com' };
const footer = `<footer><address><a href="tel:027-85615369">027-85615369</a> ${contact.address}，邮政编码：430021 <a href="mailto:whtkjt@126.com">whtkjt@126.com</a></address></footer>`;
const page = (body: string) =>
  `<!doctype html><html lang="zh-CN"><head><link rel="stylesheet" href="/_astro/site.css"></head><body>${body}${footer}</body></html>`;

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
  indexed.forEach((url, i) =>
    write(`pagefind/fragment/zxx_${i}.pf_fragment`, gzipSync(Buffer.from(`pagefind_dcd${JSON.stringify({ url })}`))),
  );
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
      site({
        ...good,
        'index.html': page('<main><a href="/notices/b/">缺</a><img src="/logo.png" alt=""><a href="/notices/a/#p9">缺锚点</a></main>'),
      }),
    );
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining('/notices/b/'),
      expect.stringContaining('/logo.png'),
      expect.stringContaining('#p9'),
    ]);
  });

  it('names a reference to another host and an unsafe link', () => {
    const problems = verifySite(
      site({
        ...good,
        'index.html': page('<main><script src="https://cdn.example.com/x.js"></script><a href="javascript:alert(1)">x</a></main>'),
      }),
    );
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('其他网站'), expect.stringContaining('不安全')]);
  });

  it('lets a page link to the hosts the link policy allows, marked as leaving the site, and to nothing else', () => {
    const policy = linkPolicy({ allowedHosts: ['www.gov.cn'] });
    const out = (href: string, extra = ' rel="noopener noreferrer"') =>
      `<a href="${href}"${extra}>站外<span class="visually-hidden">${OUTBOUND_WORDS}</span></a>`;
    const pass = site({ ...good, 'index.html': page(`<main>${out('https://www.gov.cn/a')}</main>`) });
    expect(verifySite({ ...pass, policy })).toEqual([]);
    // Without the policy the same link is refused.
    expect(verifySite(pass).map((p) => p.message)).toEqual([expect.stringContaining('没有允许这个网站')]);
    const bad = site({
      ...good,
      'index.html': page(
        `<main>${out('https://other.example.com/')}${out('https://www.gov.cn/b', '')}<a href="https://www.gov.cn/c" rel="noopener noreferrer">无说明</a></main>`,
      ),
    });
    expect(verifySite({ ...bad, policy }).map((p) => p.message)).toEqual([
      expect.stringContaining('https://www.gov.cn/b 缺少 rel="noopener noreferrer"'),
      expect.stringContaining('https://www.gov.cn/c 没有说明将离开本站'),
      expect.stringContaining('https://other.example.com/'),
    ]);
  });

  it('refuses every load from another host, even from a host pages may link to', () => {
    const policy = linkPolicy({ allowedHosts: ['www.gov.cn'] });
    const loads = [
      '<img src="https://www.gov.cn/a.png" alt="">',
      '<img src="/x.png" srcset="/x.png 1x, https://www.gov.cn/b.png 2x" alt="">',
      '<video poster="https://www.gov.cn/c.jpg"></video>',
      '<form action="https://www.gov.cn/d"></form>',
      '<div style="background: url(https://www.gov.cn/e.png)"></div>',
      '<style>body { background: url("https://www.gov.cn/f.png") }</style>',
      '<link rel="stylesheet" href="https://www.gov.cn/g.css">',
    ];
    for (const load of loads) {
      const opts = site({ ...good, 'x.png': 'png', 'index.html': page(`<main>${load}</main>`) });
      expect(
        verifySite({ ...opts, policy }).map((p) => p.message),
        load,
      ).toEqual([expect.stringContaining('网站不应从其他主机加载任何内容')]);
    }
    const refresh = site({
      ...good,
      'index.html': page('<main></main>').replace('</head>', '<meta http-equiv="refresh" content="0; url=https://www.gov.cn/h"></head>'),
    });
    expect(verifySite({ ...refresh, policy }).map((p) => p.message)).toEqual([expect.stringContaining('https://www.gov.cn/h')]);
    const css = site({ ...good, '_astro/site.css': '@import "https://www.gov.cn/i.css"; body{}' });
    expect(verifySite({ ...css, policy }).map((p) => p.message)).toEqual([expect.stringContaining('https://www.gov.cn/i.css')]);
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
      'index.html': page('<main><a href="/gongshi/notices/a/">通报</a><a href="/elsewhere/">外</a></main>').replaceAll(
        '/_astro/',
        '/gongshi/_astro/',
      ),
      'notices/a/index.html': page('<main>通报</main>').replaceAll('/_astro/', '/gongshi/_astro/'),
    });
    const problems = verifySite({ ...opts, base: '/gongshi/' });
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('/elsewhere/')]);
  });
});

// Open data (src/pages/data, src/open-data/structured-data): Open Graph, JSON-LD, the feed, the sitemap and robots.txt
// may name absolute URLs on SITE_URL's own origin, and JSON-LD its schema.org @context; nothing else.
describe('verifySite: absolute URLs in meta tags, JSON-LD, feed, sitemap and robots.txt', () => {
  const SITE_URL = 'https://xc.example.gov.cn';
  const head = (extra: string) => page('<main><h1>通报</h1><h4 id="p1">问题一</h4></main>').replace('</head>', `${extra}</head>`);
  const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
  const withNotice = (extra: string, files: Record<string, string> = {}) =>
    site({ ...good, 'notices/a/index.html': head(extra), ...files });
  const messages = (opts: VerifyOptions) => verifySite(opts).map((p) => p.message);

  it('passes og:url, the JSON-LD url and the schema.org @context on SITE_URL', () => {
    const opts = withNotice(
      `<meta property="og:title" content="Note: 不是网址"><meta property="og:url" content="${SITE_URL}/notices/a/">` +
        ld({
          '@context': 'https://schema.org',
          '@type': 'Report',
          url: `${SITE_URL}/notices/a/`,
          publisher: { '@type': 'Organization', name: '甲' },
        }),
    );
    expect(messages({ ...opts, siteUrl: SITE_URL })).toEqual([]);
  });

  it('names og:url and a JSON-LD url on another host, with or without SITE_URL', () => {
    const opts = withNotice(
      `<meta property="og:url" content="https://evil.example.com/a/">${ld({ '@context': 'https://schema.org', publisher: { url: 'https://evil.example.com/' } })}`,
    );
    for (const siteUrl of [SITE_URL, undefined]) {
      expect(messages({ ...opts, siteUrl })).toEqual([
        expect.stringContaining('https://evil.example.com/a/'),
        expect.stringContaining('https://evil.example.com/'),
      ]);
    }
  });

  it('names an absolute URL on the own host when SITE_URL is not set, or when its page does not exist', () => {
    const og = withNotice(`<meta property="og:url" content="${SITE_URL}/notices/a/">`);
    expect(messages(og)).toEqual([expect.stringContaining('其他网站')]);
    const missing = withNotice(`<link rel="alternate" href="${SITE_URL}/data/feed.xml">`);
    expect(messages({ ...missing, siteUrl: SITE_URL })).toEqual([expect.stringContaining('不存在')]);
  });

  it('names a JSON-LD @context other than schema.org, and JSON-LD that does not parse', () => {
    expect(messages(withNotice(ld({ '@context': 'https://vocab.example.com/' })))).toEqual([expect.stringContaining('@context')]);
    expect(messages(withNotice('<script type="application/ld+json">{"@context": </script>'))).toEqual([expect.stringContaining('JSON-LD')]);
  });

  it('checks the links of the feed, the sitemap and robots.txt', () => {
    const feed = (link: string) =>
      `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><link>${link}</link><item><link>${link}notices/a/</link><guid isPermaLink="true">${link}notices/a/</guid></item></channel></rss>`;
    const sitemap = (link: string) =>
      `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${link}notices/a/</loc></url></urlset>`;
    const robots = (link: string) => `User-agent: *\nDisallow:\n\nSitemap: ${link}sitemap-0.xml\n`;
    const files = (link: string) => ({ 'data/feed.xml': feed(link), 'sitemap-0.xml': sitemap(link), 'robots.txt': robots(link) });
    // Without SITE_URL the feed's links are paths from the domain root.
    expect(messages(site({ ...good, 'data/feed.xml': feed('/') }))).toEqual([]);
    expect(messages({ ...site({ ...good, ...files(`${SITE_URL}/`) }), siteUrl: SITE_URL })).toEqual([]);
    const elsewhere = messages({ ...site({ ...good, ...files('https://evil.example.com/') }), siteUrl: SITE_URL });
    expect(elsewhere).toHaveLength(4);
    expect(elsewhere.every((m) => m.includes('https://evil.example.com/'))).toBe(true);
    expect(messages(site({ ...good, 'data/feed.xml': feed('/nothing/') }))).toEqual([
      expect.stringContaining('/nothing/'),
      expect.stringContaining('/nothing/notices/a/'),
    ]);
  });
});
