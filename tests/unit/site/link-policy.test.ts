// The one link policy (src/site/link-policy): which hosts a page may send a reader to, and how the addresses a
// page loads are read out of srcset, CSS and meta refresh.
import { describe, expect, it } from 'vitest';
import { cssUrls, hostOf, linkPolicy, mayLinkTo, outboundLinkAdvice, refreshUrl, srcsetUrls } from '../../../src/site/link-policy';

describe('linkPolicy and mayLinkTo', () => {
  const policy = linkPolicy({
    portal: { name: '主站', url: 'https://www.example.cn/about/' },
    links: [{ title: '中央纪委国家监委网站', url: 'https://www.ccdi.gov.cn/' }],
    allowedHosts: ['WWW.GOV.CN'],
    filing: { icp: '鄂ICP备2023001234号-1', police: '鄂公网安备42010302000123号' },
  });

  it.each([
    ['https://www.example.cn/news/1.html', true],
    ['http://www.ccdi.gov.cn/', true],
    ['https://www.gov.cn/zhengce/', true],
    ['https://beian.miit.gov.cn/', true],
    ['https://beian.mps.gov.cn/#/query/webSearch?code=42010302000123', true],
    // Hosts match exactly: a sub-domain or a look-alike is another site.
    ['https://sub.gov.cn/', false],
    ['https://www.gov.cn.evil.com/', false],
    ['https://evil.com/?https://www.gov.cn/', false],
    // Only full http(s) addresses: a protocol-relative one, or another scheme, is not a link out.
    ['//www.gov.cn/', false],
    ['ftp://www.gov.cn/', false],
  ])('%s → %s', (url, allowed) => {
    expect(mayLinkTo(policy, url)).toBe(allowed);
  });

  it('allows nothing without settings, and not the filing systems without the filings', () => {
    expect(linkPolicy().hosts.size).toBe(0);
    expect(mayLinkTo(linkPolicy({ allowedHosts: [] }), 'https://beian.miit.gov.cn/')).toBe(false);
  });

  it('reads hosts as a browser does', () => {
    expect(hostOf(' https://WWW.Gov.CN/a')).toBe('www.gov.cn');
    expect(hostOf('ht\ttps://www.gov.cn/')).toBe('www.gov.cn');
    expect(hostOf('/notices/a/')).toBeUndefined();
    expect(hostOf('mailto:a@b.cn')).toBeUndefined();
  });

  it('tells the webmaster the exact line to add, in the site file named', () => {
    expect(outboundLinkAdvice('https://www.example.gov.cn/zhenggai', 'x/site.yaml')).toContain(
      '请在 x/site.yaml 的 allowedHosts 下加一行“  - www.example.gov.cn”',
    );
  });
});

describe('the addresses a page loads', () => {
  it('takes each candidate of a srcset', () => {
    expect(srcsetUrls('/a.png 1x, https://x.cn/b.png 2x,/c.png')).toEqual(['/a.png', 'https://x.cn/b.png', '/c.png']);
  });

  it('takes url() and @import from CSS, but not data: URLs', () => {
    expect(
      cssUrls(
        `@import "https://x.cn/a.css"; b { background: url( 'https://y.cn/b.png' ) } i { background: url(data:image/png;base64,AA) } u { src: url(/f.woff2) }`,
      ),
    ).toEqual(['https://y.cn/b.png', '/f.woff2', 'https://x.cn/a.css']);
  });

  it('takes the address of a meta refresh, and nothing from a plain reload', () => {
    expect(refreshUrl('0; url=https://x.cn/')).toBe('https://x.cn/');
    expect(refreshUrl("5;URL='/a/'")).toBe('/a/');
    expect(refreshUrl('30')).toBeUndefined();
  });
});
