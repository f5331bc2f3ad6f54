// data/notices.json: every notice's metadata, outline and provenance (src/lib/open-data).
import type { APIRoute } from 'astro';
import { getNotices, noticePath, renderNotice } from '../../data/notices';
import { noticeRecord, noticesDocument, publicUrl } from '../../lib/open-data';
import { joinBase } from '../../lib/paths';
import { site } from '../../site';

export const GET: APIRoute = async ({ site: siteUrl }) => {
  const base = import.meta.env.BASE_URL;
  const notices = (await getNotices()).map((notice) =>
    noticeRecord(notice, publicUrl(noticePath(base, notice.id), siteUrl), renderNotice(notice).outline),
  );
  const document = noticesDocument({ ...site, url: siteUrl && publicUrl(joinBase(base), siteUrl) }, notices);
  return new Response(`${JSON.stringify(document, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
