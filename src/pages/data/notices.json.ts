// data/notices.json: every notice's metadata, outline and provenance (src/open-data/open-data).
import type { APIRoute } from 'astro';
import { noticeAttachments } from '../../attachments/site';
import { getNotices, noticeOutline, noticePath } from '../../notice/collection';
import { noticeRecord, noticesJson, publicUrl } from '../../open-data/open-data';
import { joinBase } from '../../base/paths';
import { site } from '../../site';

export const GET: APIRoute = async ({ site: siteUrl }) => {
  const base = import.meta.env.BASE_URL;
  const notices = await getNotices();
  // A generator: each notice is parsed, recorded and written out before the next (see noticesJson).
  const records = (function* () {
    for (const notice of notices) {
      const attachments = noticeAttachments(notice).map((a) => ({
        title: a.title,
        url: publicUrl(joinBase(base, a.sitePath), siteUrl),
        type: a.ext,
        size: a.size,
      }));
      yield noticeRecord(notice, publicUrl(noticePath(base, notice.id), siteUrl), noticeOutline(notice), attachments);
    }
  })();
  // As UTF-8 bytes, piece by piece: the whole text as one string would be hundreds of MB on a large site.
  const encoder = new TextEncoder();
  const pieces: Uint8Array[] = [];
  for (const piece of noticesJson({ ...site, url: siteUrl && publicUrl(joinBase(base), siteUrl) }, records))
    pieces.push(encoder.encode(piece));
  return new Response(Buffer.concat(pieces), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
