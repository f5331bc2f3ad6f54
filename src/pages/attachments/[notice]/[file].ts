// Each notice's attachments, published as attachments/<notice-slug>/<name>.<ext> (src/attachments): copied
// byte for byte from the content folder by the build, and served the same way by `npm run dev`.
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFileSync } from 'node:fs';
import { noticeAttachments } from '../../../attachments/site';
import { getNotices } from '../../../notice/collection';

export const getStaticPaths = (async () =>
  (await getNotices()).flatMap((notice) =>
    noticeAttachments(notice).map((a) => ({ params: { notice: notice.id, file: a.name }, props: { path: a.path, mime: a.mime } })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute<{ path: string; mime: string }> = ({ props }) =>
  new Response(readFileSync(props.path), { headers: { 'Content-Type': props.mime } });
