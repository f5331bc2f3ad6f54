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
