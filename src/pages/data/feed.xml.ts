// data/feed.xml: RSS 2.0 feed of the notices, newest first (src/open-data/feed).
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getNotices, noticePath } from '../../notice/collection';
import { feedOptions } from '../../open-data/feed';
import { joinBase } from '../../base/paths';
import { site } from '../../site';

export const GET: APIRoute = async ({ site: siteUrl }) => {
  const base = import.meta.env.BASE_URL;
  const notices = await getNotices();
  return rss(
    feedOptions({
      title: site.title,
      description: site.description ?? `${site.organisation}发布的巡察整改进展情况通报`,
      home: joinBase(base),
      self: joinBase(base, 'data/feed.xml'),
      siteUrl,
      notices: notices.map(({ id, data }) => ({
        title: data.title,
        issuer: data.issuer,
        date: data.date,
        published: data.published ?? data.date,
        number: data.number,
        indexNumber: data.indexNumber,
        description: data.summary ?? data.excerpt,
        path: noticePath(base, id),
      })),
    }),
  );
};
