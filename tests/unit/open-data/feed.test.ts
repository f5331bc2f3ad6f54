// The RSS feed's options, rendered by @astrojs/rss and read back with a real XML parser.
import { getRssString } from '@astrojs/rss';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { feedDate, feedOptions, type FeedInput } from '../../../src/open-data/feed';

const input: FeedInput = {
  title: '巡察整改公示 <b>&</b>',
  description: '公布巡察集中整改进展情况',
  home: '/gongshi/',
  self: '/gongshi/data/feed.xml',
  notices: [
    {
      title: '新的 </title><script>alert(1)</script>',
      issuer: '甲 & 乙',
      date: '2024-03-01',
      published: '2024-03-04',
      number: '甲党〔2024〕3号',
      indexNumber: '000014349/2024-00001',
      description: '"引号" <i>',
      path: '/gongshi/notices/b/',
    },
    { title: '旧的', issuer: '丙', date: '2023-09-20', published: '2023-09-20', description: '摘要', path: '/gongshi/notices/a/' },
  ],
};

async function read(options: FeedInput) {
  const xml = await getRssString(feedOptions(options));
  expect(XMLValidator.validate(xml)).toBe(true);
  const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' }).parse(xml);
  return { xml, channel: parsed.rss.channel };
}

describe('feedOptions', () => {
  it('without SITE_URL: well-formed, links are paths from the domain root, no placeholder host', async () => {
    const { xml, channel } = await read(input);
    expect(channel.title).toBe(input.title);
    expect(channel.link).toBe('/gongshi/');
    expect(channel.language).toBe('zh-cn');
    expect(channel.item.map((i: { link: string }) => i.link)).toEqual(['/gongshi/notices/b/', '/gongshi/notices/a/']);
    expect(channel.item[0].guid).toEqual({ '#text': '/gongshi/notices/b/', '@_isPermaLink': 'false' });
    expect(channel.item[0].title).toBe(input.notices[0].title);
    expect(channel.item[0].description).toBe(input.notices[0].description);
    expect(channel.item[0].category).toBe('甲 & 乙');
    expect(channel.item[1].pubDate).toBe('Tue, 19 Sep 2023 16:00:00 GMT');
    // Namespace names (Dublin Core's, for the notice with a 索引号) are names, not addresses anything fetches.
    expect(xml.replace(/ xmlns:dc="[^"]*"/, '')).not.toMatch(/https?:|site\.invalid/);
  });

  it('with SITE_URL: absolute links, permalinks and an atom:link to the feed itself', async () => {
    const { channel } = await read({ ...input, siteUrl: 'https://xc.example.gov.cn' });
    expect(channel.link).toBe('https://xc.example.gov.cn/gongshi/');
    expect(channel['atom:link']['@_href']).toBe('https://xc.example.gov.cn/gongshi/data/feed.xml');
    expect(channel.item.map((i: { link: string }) => i.link)).toEqual([
      'https://xc.example.gov.cn/gongshi/notices/b/',
      'https://xc.example.gov.cn/gongshi/notices/a/',
    ]);
    expect(channel.item[0].guid['@_isPermaLink']).toBe('true');
  });

  it('dates an item by its 发布日期 and carries 成文日期, 索引号 and 文号 as Dublin Core', async () => {
    const { channel } = await read(input);
    expect(channel.item[0].pubDate).toBe('Sun, 03 Mar 2024 16:00:00 GMT');
    expect(channel.item[0]['dc:date']).toBe('2024-03-01');
    expect(channel.item[0]['dc:identifier']).toEqual(['000014349/2024-00001', '甲党〔2024〕3号']);
    expect(channel.item[1]['dc:identifier']).toBeUndefined();
    expect(channel.item[1]['dc:date']).toBeUndefined();
  });

  it('stays plain RSS when no notice has a fact beyond it', async () => {
    const { xml } = await read({ ...input, notices: [input.notices[1]] });
    expect(xml).not.toContain('dc:');
  });

  it('dates a notice at midnight China time', () => {
    expect(feedDate('2023-09-20').toISOString()).toBe('2023-09-19T16:00:00.000Z');
  });
});
