// data/problems.csv: one row per problem, UTF-8 with a byte order mark (for Excel), RFC 4180.
import type { APIRoute } from 'astro';
import { getNotices, noticePath } from '../../notice/collection';
import { toCsv } from '../../open-data/csv';
import { PROBLEM_COLUMNS, problemRows, publicUrl } from '../../open-data/open-data';

export const GET: APIRoute = async ({ site: siteUrl }) => {
  const base = import.meta.env.BASE_URL;
  const notices = (await getNotices()).map((notice) => ({ notice, url: publicUrl(noticePath(base, notice.id), siteUrl) }));
  const csv = toCsv(
    PROBLEM_COLUMNS.map((c) => c.name),
    problemRows(notices),
  );
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
