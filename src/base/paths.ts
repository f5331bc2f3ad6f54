// Links that work at a domain root and under a sub-path.

/** `/gongshi` or `gongshi/` → `/gongshi/`; empty → `/`. */
export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** Joins the site's base with a path inside the site: (`/gongshi/`, `notices/x/`) → `/gongshi/notices/x/`. */
export function joinBase(base: string, path = ''): string {
  return normaliseBase(base) + path.replace(/^\/+/, '');
}

/** A notice's folder in the built site, `notices/<id>/`: its page is the folder's index.html. */
export const noticeDir = (id: string) => `notices/${id}/`;

/** The address of a notice's page under the site's base: (`/gongshi/`, id) → `/gongshi/notices/<id>/`. */
export const noticePath = (base: string, id: string) => joinBase(base, noticeDir(id));
/** A revised notice's 修订对照 page (src/pages/notices/[slug]/revisions). */
export const revisionsPath = (base: string, id: string) => `${noticePath(base, id)}revisions/`;

/** The content folder: `content/`, or `GONGSHI_CONTENT` (used by tests and benchmarks to build another corpus). */
export function contentDir(env: Record<string, string | undefined> = process.env): string {
  return env.GONGSHI_CONTENT || 'content';
}

/** Where builds keep what they reuse: GONGSHI_CACHE_DIR (Astro's cacheDir too, see astro.config.mjs), or Astro's default. */
export function cacheRoot(env: Record<string, string | undefined> = process.env): string {
  return env.GONGSHI_CACHE_DIR || 'node_modules/.astro';
}
