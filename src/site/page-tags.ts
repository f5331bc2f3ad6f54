// The page tags of the national 政府网站网页设计规范 (`<meta name="SiteName">`…), which the monitoring and
// search systems of government sites read: the site on every page, its column, and on an article page the
// article's title, publication date, source and description.
import type { SiteConfig } from '../schemas';

export interface Column {
  /** 栏目名称, e.g. 巡察整改公示 or 整改台账. */
  name: string;
  /** 栏目类型: what the column does for the public, in the words of 政府网站发展指引 (信息发布, 互动交流…). */
  type: string;
}

export interface Article {
  title: string;
  /** 发布日期, YYYY-MM-DD. */
  published: string;
  /** 信息来源: the issuing organisation. */
  source: string;
  keywords: string[];
  description: string;
  author: string;
}

export interface PageTagInput {
  site: Pick<SiteConfig, 'title' | 'siteCode'>;
  /** SITE_URL, when set: SiteDomain is its host. */
  siteUrl?: string | URL;
  column: Column;
  article?: Article;
  /** The page's absolute address (with SITE_URL). */
  url?: string;
}

/**
 * `<meta name content>` pairs in the specification's order. PubDate is written `YYYY-MM-DD HH:mm` as the
 * specification gives it; a notice states only its day, so the time is 00:00.
 */
export function governmentPageTags({ site, siteUrl, column, article, url }: PageTagInput): Array<{ name: string; content: string }> {
  const tags = [{ name: 'SiteName', content: site.title }];
  if (siteUrl) tags.push({ name: 'SiteDomain', content: new URL(siteUrl).host });
  if (site.siteCode) tags.push({ name: 'SiteIDCode', content: site.siteCode });
  tags.push({ name: 'ColumnName', content: column.name }, { name: 'ColumnType', content: column.type });
  if (article) {
    tags.push(
      { name: 'ArticleTitle', content: article.title },
      { name: 'PubDate', content: `${article.published} 00:00` },
      { name: 'ContentSource', content: article.source },
      ...(article.keywords.length ? [{ name: 'Keywords', content: [...new Set(article.keywords)].join(',') }] : []),
      { name: 'Author', content: article.author },
      { name: 'Description', content: article.description },
      ...(url ? [{ name: 'Url', content: url }] : []),
    );
  }
  return tags;
}
