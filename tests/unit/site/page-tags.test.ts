// The page tags of 政府网站网页设计规范 (src/site/page-tags), in the specification's names and forms.
import { describe, expect, it } from 'vitest';
import { columnOf, siteNavigation } from '../../../src/site/navigation';
import { governmentPageTags } from '../../../src/site/page-tags';

const column = { name: '巡察整改公示', type: '信息发布' };
const tags = (input: Parameters<typeof governmentPageTags>[0]) =>
  governmentPageTags(input).map(({ name, content }) => `${name}=${content}`);

describe('governmentPageTags', () => {
  it('gives the site and column on every page; SiteDomain only with SITE_URL, SiteIDCode only with a site code', () => {
    expect(tags({ site: { title: '巡察整改公示' }, column })).toEqual([
      'SiteName=巡察整改公示',
      'ColumnName=巡察整改公示',
      'ColumnType=信息发布',
    ]);
    expect(tags({ site: { title: '巡察整改公示', siteCode: '4201000040' }, siteUrl: 'https://xc.example.cn/gongshi/', column })).toEqual([
      'SiteName=巡察整改公示',
      'SiteDomain=xc.example.cn',
      'SiteIDCode=4201000040',
      'ColumnName=巡察整改公示',
      'ColumnType=信息发布',
    ]);
  });

  it('adds the article tags on a notice page, PubDate as YYYY-MM-DD HH:mm and keywords without repeats', () => {
    const article = {
      title: '关于巡察整改进展情况的通报',
      published: '2023-09-21',
      source: '中共某某委员会',
      keywords: ['巡察整改', '甲公司', '甲公司'],
      description: '摘要',
      author: '中共某某委员会',
    };
    expect(tags({ site: { title: '巡察整改公示' }, column, article, url: 'https://xc.example.cn/notices/a/' }).slice(3)).toEqual([
      'ArticleTitle=关于巡察整改进展情况的通报',
      'PubDate=2023-09-21 00:00',
      'ContentSource=中共某某委员会',
      'Keywords=巡察整改,甲公司',
      'Author=中共某某委员会',
      'Description=摘要',
      'Url=https://xc.example.cn/notices/a/',
    ]);
  });
});

describe('columnOf', () => {
  const nav = siteNavigation('/gongshi/', '巡察整改公示');

  it('names the column a page is under, and gives the notices the site’s own', () => {
    expect(columnOf(nav, '/gongshi/ledger/2023/', '巡察整改公示')).toEqual({ name: '整改台账', type: '信息发布' });
    expect(columnOf(nav, '/gongshi/contact/', '巡察整改公示')).toEqual({ name: '意见反馈', type: '互动交流' });
    expect(columnOf(nav, '/gongshi/notices/a/', '巡察整改公示')).toEqual({ name: '巡察整改公示', type: '信息发布' });
    expect(columnOf(nav, '/gongshi/', '巡察整改公示')).toEqual({ name: '巡察整改公示', type: '信息发布' });
  });
});
