// The RSS feed of notices (data/feed.xml), as options for @astrojs/rss.
// RSS wants absolute links. With SITE_URL they are absolute. Without it the site does not know its own
// address, so the links are paths from the domain root (e.g. /gongshi/notices/x/), which feed readers
// resolve against the address they fetched the feed from; they are written as the channel's and items'
// custom data, since @astrojs/rss would otherwise prefix them with its `site` option.
import type { RSSOptions } from '@astrojs/rss';
import { publicUrl } from './open-data';

export interface FeedNotice {
  title: string;
  issuer: string;
  /** 成文日期, YYYY-MM-DD. */
  date: string;
  /** 发布日期, YYYY-MM-DD: the item's pubDate. */
  published: string;
  /** 文号. */
  number?: string;
  /** 索引号. */
  indexNumber?: string;
  description: string;
  /** Path of the notice page from the domain root. */
  path: string;
}

export interface FeedInput {
  title: string;
  description: string;
  /** The site's home page, as a path from the domain root. */
  home: string;
  /** The feed's own path from the domain root. */
  self: string;
  siteUrl?: string | URL;
  /** Newest first. */
  notices: FeedNotice[];
}

export const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** Midnight of the notice's date in China Standard Time (UTC+8), where the notices are signed. */
export const feedDate = (date: string) => new Date(`${date}T00:00:00+08:00`);

/** Only the link's parse matters when there is no SITE_URL: the output carries the paths from customData. */
const PLACEHOLDER_SITE = 'https://site.invalid/';

/** An item's Dublin Core elements: 成文日期 when it is not the 发布日期, then the 索引号 and the 文号. */
function dublinCore(n: FeedNotice): string {
  return (
    (n.date !== n.published ? `<dc:date>${n.date}</dc:date>` : '') +
    (n.indexNumber ? `<dc:identifier>${escapeXml(n.indexNumber)}</dc:identifier>` : '') +
    (n.number ? `<dc:identifier>${escapeXml(n.number)}</dc:identifier>` : '')
  );
}

export function feedOptions({ title, description, home, self, siteUrl, notices }: FeedInput): RSSOptions {
  const absolute = Boolean(siteUrl);
  const dc = notices.some((n) => dublinCore(n));
  const channel = ['<language>zh-cn</language>'];
  if (absolute) {
    channel.push(`<atom:link href="${escapeXml(publicUrl(self, siteUrl))}" rel="self" type="application/rss+xml"/>`);
  } else {
    channel.push(`<link>${escapeXml(home)}</link>`);
  }
  return {
    title,
    description,
    site: absolute ? publicUrl(home, siteUrl) : PLACEHOLDER_SITE,
    trailingSlash: true,
    // Dublin Core carries the 信息公开 facts RSS has no element for (成文日期 where it is not the pubDate, 索引号
    // and 文号); a feed whose notices have none stays plain RSS.
    ...((absolute || dc) && {
      xmlns: { ...(absolute && { atom: 'http://www.w3.org/2005/Atom' }), ...(dc && { dc: 'http://purl.org/dc/elements/1.1/' }) },
    }),
    customData: channel.join(''),
    items: notices.map((n) => {
      const facts = dublinCore(n);
      return {
        title: n.title,
        description: n.description,
        pubDate: feedDate(n.published),
        categories: [n.issuer],
        ...(absolute
          ? { link: publicUrl(n.path, siteUrl), customData: facts }
          : { customData: `<link>${escapeXml(n.path)}</link><guid isPermaLink="false">${escapeXml(n.path)}</guid>${facts}` }),
      };
    }),
  };
}
