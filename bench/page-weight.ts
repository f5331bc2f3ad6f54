// What a built site weighs: the whole of dist/ and the search index, and per page what a reader's browser
// fetches before they touch anything: the HTML, its stylesheets, and the scripts it runs at load (the
// scripts the HTML names plus everything they import statically; code behind a dynamic `import()`, such as
// the 简/繁 converter or the search engine, loads only when the reader asks for it). Sizes gzipped at level 6,
// as nginx `gzip on` or GitHub Pages send them.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';

export interface FolderSize {
  bytes: number;
  files: number;
}

export interface Asset {
  /** Path inside the site, e.g. `_astro/contact.BURgvwJo.css`. */
  path: string;
  bytes: number;
  gzip: number;
}

export interface AssetGroup {
  bytes: number;
  gzip: number;
  files: Asset[];
}

export interface PageWeight {
  /** Path inside the site, e.g. `notices/2023-09-20-wuhan-industrial-investment/`. */
  page: string;
  html: Asset;
  css: AssetGroup;
  /** Scripts that run at load: classic and module scripts in the HTML, modulepreloads, and their static imports. */
  js: AssetGroup;
}

export function folderSize(dir: string): FolderSize {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
    files++;
  }
  return { bytes, files };
}

function asset(dist: string, path: string): Asset {
  const content = readFileSync(join(dist, path));
  return { path, bytes: content.length, gzip: gzipSync(content, { level: 6 }).length };
}

function group(files: Asset[]): AssetGroup {
  return { bytes: files.reduce((n, f) => n + f.bytes, 0), gzip: files.reduce((n, f) => n + f.gzip, 0), files };
}

/**
 * Static imports and re-exports of an ES module as Vite writes them (`import{f as l}from"./format.js"`,
 * `import"./x.js"`, `export*from"./y.js"`); `import("./z.js")` is dynamic and not matched.
 */
export function staticImports(code: string): string[] {
  const found: string[] = [];
  const patterns = [
    /(?:^|[;}\n])\s*import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g,
    /(?:^|[;}\n])\s*export\s*(?:\*(?:\s*as\s+[\w$]+)?|\{[^}]*\})\s*from\s*["']([^"']+)["']/g,
  ];
  for (const pattern of patterns) for (const m of code.matchAll(pattern)) found.push(m[1]);
  return found;
}

/** A URL in a page → the file's path inside the site (`undefined` for another host or a data: URL). */
function sitePath(pagePath: string, url: string, base: string): string | undefined {
  if (/^[a-z]+:/i.test(url) || url.startsWith('//')) return undefined;
  const absolute = url.startsWith('/') ? url : posix.join('/', base, pagePath, url);
  const clean = absolute.split(/[?#]/)[0];
  if (!clean.startsWith(base)) return undefined;
  return clean.slice(base.length);
}

/** `page` is a path inside the site ending in `/` (or a file such as `404.html`); `base` as built, e.g. `/`. */
export function pageWeight(dist: string, page: string, base = '/'): PageWeight {
  const htmlPath = page.endsWith('/') || page === '' ? `${page}index.html` : page;
  const html = asset(dist, htmlPath);
  const root = parse(readFileSync(join(dist, htmlPath), 'utf8'));
  const dir = page.endsWith('/') ? page : posix.dirname(page);
  const resolveUrl = (url: string | undefined) => (url ? sitePath(dir, url, base) : undefined);

  const css = root
    .querySelectorAll('link')
    .filter((l) => (l.getAttribute('rel') ?? '').split(/\s+/).includes('stylesheet'))
    .map((l) => resolveUrl(l.getAttribute('href')))
    .filter((p): p is string => !!p);

  const scripts = [
    ...root.querySelectorAll('script[src]').map((s) => resolveUrl(s.getAttribute('src'))),
    ...root
      .querySelectorAll('link')
      .filter((l) => l.getAttribute('rel') === 'modulepreload')
      .map((l) => resolveUrl(l.getAttribute('href'))),
  ].filter((p): p is string => !!p);
  // Module graph: follow static imports, breadth first, each file once.
  const js: string[] = [];
  const queue = [...scripts];
  while (queue.length) {
    const path = queue.shift()!;
    if (js.includes(path)) continue;
    js.push(path);
    for (const specifier of staticImports(readFileSync(join(dist, path), 'utf8'))) {
      const target = resolveUrl(specifier.startsWith('.') ? posix.join('/', base, posix.dirname(path), specifier) : specifier);
      if (target) queue.push(target);
    }
  }
  return {
    page,
    html,
    css: group([...new Set(css)].map((p) => asset(dist, p))),
    js: group(js.map((p) => asset(dist, p))),
  };
}
