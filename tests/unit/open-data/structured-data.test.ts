// Open Graph tags and JSON-LD for a notice page; JSON inside a script element that no text can break out of.
import { describe, expect, it } from 'vitest';
import { openGraph, reportJsonLd, scriptJson, type PageFacts } from '../../../src/open-data/structured-data';

const facts: PageFacts = {
  title: '关于巡察集中整改进展情况的通报',
  description: '摘要',
  siteName: '巡察整改公示',
  issuer: '中共某某委员会',
  date: '2023-09-20',
  published: '2023-09-20',
};

describe('scriptJson', () => {
  it('escapes < > & and the line separators, and parses back to the same value', () => {
    const value = { title: '</script><script>alert(1)</script>', a: '<!-- x -->', b: 'A&B', c: 'x\u2028y\u2029z', d: '“引号”' };
    const text = scriptJson(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('reportJsonLd', () => {
  it('is a schema.org Report with dates, publisher and language; no url or dateModified when unknown', () => {
    expect(reportJsonLd(facts)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Report',
      headline: facts.title,
      name: facts.title,
      description: '摘要',
      dateCreated: '2023-09-20',
      datePublished: '2023-09-20',
      publisher: { '@type': 'Organization', name: '中共某某委员会' },
      inLanguage: 'zh-CN',
    });
  });

  it('gives 成文日期 and 发布日期 apart, the 文号 as reportNumber and the 索引号 as identifier', () => {
    const ld = reportJsonLd({
      ...facts,
      published: '2023-09-22',
      number: '武投控党〔2023〕12号',
      indexNumber: '91420100MA4KX0000X/2023-00001',
    });
    expect(ld).toMatchObject({
      dateCreated: '2023-09-20',
      datePublished: '2023-09-22',
      reportNumber: '武投控党〔2023〕12号',
      identifier: '91420100MA4KX0000X/2023-00001',
    });
  });

  it('adds dateModified and url when known', () => {
    const ld = reportJsonLd({ ...facts, revised: '2024-01-02T10:00:00+08:00', url: 'https://xc.example.gov.cn/notices/a/' });
    expect(ld.dateModified).toBe('2024-01-02T10:00:00+08:00');
    expect(ld.url).toBe('https://xc.example.gov.cn/notices/a/');
  });
});

describe('openGraph', () => {
  const props = (f: PageFacts) => Object.fromEntries(openGraph(f).map((m) => [m.property, m.content]));

  it('gives the article tags, without og:url when the site address is unknown', () => {
    expect(props(facts)).toEqual({
      'og:type': 'article',
      'og:title': facts.title,
      'og:description': '摘要',
      'og:site_name': '巡察整改公示',
      'og:locale': 'zh_CN',
      'article:published_time': '2023-09-20',
    });
  });

  it('adds og:url and article:modified_time when known', () => {
    const p = props({ ...facts, revised: '2024-01-02T10:00:00+08:00', url: 'https://xc.example.gov.cn/notices/a/' });
    expect(p['og:url']).toBe('https://xc.example.gov.cn/notices/a/');
    expect(p['article:modified_time']).toBe('2024-01-02T10:00:00+08:00');
  });
});
