// The post-build check that runs before a new site replaces the published one: every page carries the
// feedback contact, every link and asset inside the site resolves (anchors included), and every notice in
// content/ has its page and is in the search index. Problems come back as diagnostics, in the same form
// as content errors. Links that leave the site follow the site's link policy (src/site/link-policy): a
// reader may be sent (`<a href>`) to the hosts it allows, and each such link carries rel="noopener
// noreferrer" and says it leaves the site; nothing is ever loaded from another host (src, srcset, poster,
// CSS url(), form action, meta refresh, stylesheets). The absolute URLs meant for other sites (Open Graph
// meta tags, JSON-LD, the RSS feed, the sitemap and robots.txt) are checked as loads: an absolute URL is
// allowed only on SITE_URL's own origin, and must then lead to a file of the site. The one exception is
// JSON-LD's `@context`, the vocabulary's name `https://schema.org`, which nothing fetches.
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { join, posix, relative } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { mailtoHref, telHref } from '../notice/contact';
import type { Diagnostic } from '../base/diagnostics';
import { fragmentUrls } from '../search/pagefind-bundle';
import type { SiteConfig } from '../schemas';
import { noticeDir } from '../base/paths';
import { cssUrls, linkPolicy, mayLinkTo, OUTBOUND_WORDS, refreshUrl, srcsetUrls, type LinkPolicy } from '../site/link-policy';
import { filesUnder } from '../base/files';

export interface VerifyOptions {
  /** The built site. */
  dir: string;
  /** The base path the site is built for, e.g. `/` or `/gongshi/`. */
  base: string;
  contact: SiteConfig['contact'];
  /** Slugs of the notices in content/notices/. */
  notices: string[];
  /** SITE_URL, when set: absolute URLs on its origin are the site's own. */
  siteUrl?: string;
  /** Which other sites pages may link to; none when absent. */
  policy?: LinkPolicy;
}

/** The contact every page's text must hold. */
export type PostalContact = { address?: string; postcode?: string };

/** One worker thread's share of the pages (src/build/page-check-worker). */
export interface VerifyWork {
  dir: string;
  files: string[];
  contact: PostalContact;
}

/** What the check needs of one page, read once (in a worker thread on a large site: src/build/page-check-worker). */
export interface PageFacts {
  /** Path under the site's base, e.g. `notices/x/index.html`. */
  file: string;
  ids: string[];
  /**
   * Every address on the page in document order: `link`, where the reader can go (`<a href>`, `<area href>`);
   * `load`, what the page loads or sends to (src, srcset, poster, stylesheets, CSS url(), form actions, meta
   * refresh, meta and JSON-LD URLs).
   */
  refs: Ref[];
  /** Problems found on the page itself (links out without rel or words, JSON-LD). */
  problems: string[];
  /** Whether the page's text holds the site's postal address and postcode (true when the site has none). */
  hasAddress: boolean;
  hasPostcode: boolean;
}

interface Ref {
  url: string;
  kind: 'link' | 'load';
}

function elements(node: Root | Element, found: Element[] = []): Element[] {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    found.push(child);
    elements(child, found);
  }
  return found;
}

function textOf(node: Root | Element): string {
  return node.children.map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? textOf(c) : '')).join('');
}

/** Meta tags whose content is a URL: og:url, og:image, og:image:secure_url, twitter:image… */
const URL_META = /(^|:)(url|image|video|audio)(:url|:secure_url)?$/i;
/** JSON-LD keys whose values are URLs. */
const JSON_LD_URL_KEYS = new Set(['url', '@id', 'sameAs', 'image', 'logo', 'mainEntityOfPage', 'contentUrl']);
const JSON_LD_CONTEXT = /^https:\/\/schema\.org\/?$/;

/** The URLs in a JSON-LD value; `problems` gets a message for a @context other than schema.org. */
function jsonLdUrls(value: unknown, urls: string[], problems: string[]): void {
  if (Array.isArray(value)) return value.forEach((v) => jsonLdUrls(v, urls, problems));
  if (!value || typeof value !== 'object') return;
  for (const [key, v] of Object.entries(value)) {
    if (key === '@context') {
      if (typeof v !== 'string' || !JSON_LD_CONTEXT.test(v))
        problems.push(`JSON-LD 的 @context 应为 https://schema.org，而不是 ${JSON.stringify(v).slice(0, 60)}。`);
    } else if (JSON_LD_URL_KEYS.has(key) && typeof v === 'string') urls.push(v);
    else jsonLdUrls(v, urls, problems);
  }
}

/** hast's names of the attributes through which a page loads something or sends a form (besides href and srcset). */
const LOAD_PROPERTIES = ['src', 'poster', 'data', 'action', 'formAction', 'background'];
const SRCSET_PROPERTIES = ['srcSet', 'imageSrcSet'];

/** Reads one page of the built site: its ids, addresses and own problems, and whether it shows the postal contact. */
export function readPage(dir: string, file: string, contact: PostalContact): PageFacts {
  const tree = fromHtml(readFileSync(join(dir, file), 'utf8'));
  const all = elements(tree);
  const ids = all.map((el) => el.properties.id).filter((id): id is string => typeof id === 'string');
  const refs: Ref[] = [];
  const load = (...urls: string[]) => urls.forEach((url) => refs.push({ url, kind: 'load' }));
  const problems: string[] = [];
  for (const el of all) {
    const href = el.properties.href;
    if (typeof href === 'string') refs.push({ url: href, kind: el.tagName === 'a' || el.tagName === 'area' ? 'link' : 'load' });
    if (el.tagName === 'a' && typeof href === 'string' && /^https?:\/\//i.test(href.trim())) {
      const rel = [el.properties.rel ?? []].flat().map(String);
      if (!rel.includes('noopener') || !rel.includes('noreferrer'))
        problems.push(`指向其他网站的链接 ${href} 缺少 rel="noopener noreferrer"。`);
      if (!textOf(el).includes(OUTBOUND_WORDS)) problems.push(`指向其他网站的链接 ${href} 没有说明将离开本站。`);
    }
    for (const name of LOAD_PROPERTIES) {
      const value = el.properties[name];
      if (typeof value === 'string' && value.trim()) load(value);
    }
    for (const name of SRCSET_PROPERTIES) {
      const value = el.properties[name];
      if (typeof value === 'string') load(...srcsetUrls(value));
    }
    if (typeof el.properties.style === 'string') load(...cssUrls(el.properties.style));
    if (el.tagName === 'style') load(...cssUrls(textOf(el)));
    // og:url, og:image and the like.
    const content = el.tagName === 'meta' ? el.properties.content : undefined;
    const name = String(el.properties.property ?? el.properties.name ?? '');
    if (typeof content === 'string' && URL_META.test(name)) load(content.trim());
    const equiv = String(el.properties.httpEquiv ?? '').toLowerCase();
    if (typeof content === 'string' && equiv === 'refresh') {
      const target = refreshUrl(content);
      if (target) load(target);
    }
    if (el.tagName === 'script' && el.properties.type === 'application/ld+json') {
      try {
        const urls: string[] = [];
        jsonLdUrls(JSON.parse(textOf(el)), urls, problems);
        load(...urls);
      } catch {
        problems.push('页面的 JSON-LD 不是有效的 JSON。');
      }
    }
  }
  const text = textOf(tree);
  return {
    file,
    ids,
    refs,
    problems,
    hasAddress: !contact.address || text.includes(contact.address),
    hasPostcode: !contact.postcode || text.includes(contact.postcode),
  };
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeXml = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(Number(e[1].toLowerCase() === 'x' ? `0${e.slice(1)}` : e.slice(1))) : (XML_ENTITIES[e] ?? m),
  );

/** The links in the feed, the sitemap (XML) and robots.txt: `<link>`, `<loc>`, permalink `<guid>`, `href="…"`, `Sitemap:`. */
export function dataFileLinks(file: string, text: string): string[] {
  if (file.endsWith('.txt')) return [...text.matchAll(/^\s*sitemap:\s*(\S+)/gim)].map((m) => m[1]);
  const patterns = [/<(link|loc)>\s*([^<]*?)\s*<\/\1>/g, /<guid\s+isPermaLink="true"\s*>\s*([^<]*?)\s*<\/guid>/g, /\shref="([^"]*)"/g];
  return patterns.flatMap((re) => [...text.matchAll(re)].map((m) => decodeXml(m[m.length - 1])));
}

/** Every file of the built site, as paths with `/`, sorted: walked once, then sorted into pages, data files and stylesheets. */
export const siteFiles = (dir: string) => filesUnder(dir);

/** The pages among the site's files (its .html files), for reading (`readPage`) here or in worker threads. */
export const sitePages = (files: string[]) => files.filter((f) => f.endsWith('.html'));

/** The site's XML files (feed, sitemap) and robots.txt, outside Pagefind's and Astro's asset folders. */
const isDataFile = (f: string) => (f.endsWith('.xml') || f === 'robots.txt') && !/^(pagefind|_astro)\//.test(f);

/** The file a URL inside the site points to, or `undefined` when it leaves the site's base. */
function targetFile(
  files: Set<string>,
  base: string,
  from: string,
  url: string,
  siteUrl?: string,
): { file?: string; hash: string; outside: boolean } {
  let parsed = new URL(url, `http://site${base}${from}`);
  // An absolute URL on SITE_URL's origin is a link inside the site.
  if (siteUrl && parsed.origin === new URL(siteUrl).origin)
    parsed = new URL(`${parsed.pathname}${parsed.search}${parsed.hash}`, 'http://site');
  const hash = decodeURIComponent(parsed.hash.slice(1));
  if (parsed.host !== 'site' || !parsed.pathname.startsWith(base)) return { hash, outside: true };
  let path = posix.normalize(decodeURIComponent(parsed.pathname.slice(base.length)));
  if (path === '.' || path.endsWith('/')) path = posix.join(path, 'index.html');
  // A folder's address without its slash is its index.html, as static hosts serve it.
  if (!files.has(path) && files.has(posix.join(path, 'index.html'))) path = posix.join(path, 'index.html');
  return { file: files.has(path) ? path : undefined, hash, outside: false };
}

const CONTACT_SCHEMES = /^(tel|mailto):/i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

const reporter = (dir: string, problems: Diagnostic[]) => (file: string, field: string, message: string) =>
  problems.push({ severity: 'error', file: relative(process.cwd(), join(dir, file)) || file, field, message });

/**
 * Every page and data file: the contact on each page, links and anchors, nothing from another host, a
 * page for every notice. It does not read pagefind/, so it can run while the search index is written.
 */
export function verifyPages(options: VerifyOptions): Diagnostic[] {
  const files = siteFiles(options.dir);
  return checkPages(
    options,
    sitePages(files).map((file) => readPage(options.dir, file, options.contact)),
    files,
  );
}

/** Reads `files` of the built site in `threads` worker threads (src/build/page-check-worker), the main thread staying free. */
export async function readPagesInWorkers(dir: string, files: string[], contact: PostalContact, threads: number): Promise<PageFacts[]> {
  // Pages in turn, so each worker gets a like share of the large ones (the ledger's, the home page).
  const count = Math.max(1, Math.min(threads, files.length));
  const shares = Array.from({ length: count }, (_, k) => files.filter((_, i) => i % count === k));
  const read = await Promise.all(
    shares.map(
      (share) =>
        new Promise<PageFacts[]>((resolve, reject) => {
          const work: VerifyWork = { dir, files: share, contact: { address: contact.address, postcode: contact.postcode } };
          const worker = new Worker(new URL('./page-check-worker.ts', import.meta.url), { workerData: work });
          worker.once('message', resolve);
          worker.once('error', (e) => reject(new Error(`发布前检查无法读取页面：${e.message}`, { cause: e })));
          worker.once('exit', (code) => code !== 0 && reject(new Error(`发布前检查的工作线程意外退出（${code}）。`)));
        }),
    ),
  );
  return read.flat();
}

/** The check of `verifyPages` on pages already read (`readPage`, in this thread or in workers); `files`: `siteFiles(dir)`. */
export function checkPages(
  { dir, base, contact, notices, siteUrl, policy = linkPolicy() }: VerifyOptions,
  read: PageFacts[],
  files: string[],
): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const report = reporter(dir, problems);

  const expectedLinks = [contact.phone && telHref(contact.phone), contact.email && mailtoHref(contact.email)].filter(Boolean) as string[];
  const fileSet = new Set(files);
  const pages = new Map(read.map((page) => [page.file, { ...page, idSet: new Set(page.ids) }]));
  for (const page of pages.values()) {
    for (const href of expectedLinks) {
      if (!page.refs.some((r) => r.kind === 'link' && r.url === href))
        report(page.file, 'contact', `页面缺少联系方式链接 ${href}。每一页都应在页脚显示意见反馈的联系方式，请检查页面模板。`);
    }
    if (!page.hasAddress) report(page.file, 'contact.address', '页面缺少通信地址。');
    if (!page.hasPostcode) report(page.file, 'contact.postcode', '页面缺少邮政编码。');
  }
  if (!pages.size) report('', 'dist', '构建结果里没有任何页面。');
  for (const page of pages.values()) {
    for (const message of page.problems) report(page.file, 'links', message);
    checkLinks(page.file, page.refs);
  }
  const loadsOf = (urls: string[]) => urls.map((url): Ref => ({ url, kind: 'load' }));
  for (const file of files.filter(isDataFile)) checkLinks(file, loadsOf(dataFileLinks(file, readFileSync(join(dir, file), 'utf8'))));
  for (const file of files.filter((f) => f.endsWith('.css'))) checkLinks(file, loadsOf(cssUrls(readFileSync(join(dir, file), 'utf8'))));

  /** `link`: where a reader may go (other sites the policy allows); `load`: what is fetched (the site's own files only). */
  function checkLinks(file: string, refs: Ref[]) {
    const seen = new Set<string>();
    for (const { url: link, kind } of refs) {
      if (seen.has(`${kind} ${link}`)) continue;
      seen.add(`${kind} ${link}`);
      if (kind === 'link' && CONTACT_SCHEMES.test(link)) continue;
      if (ANY_SCHEME.test(link) && !/^https?:/i.test(link)) {
        report(file, 'links', `页面含有不安全的链接 ${link.slice(0, 60)}。`);
        continue;
      }
      const target = targetFile(fileSet, base, file, link, siteUrl);
      if (target.outside) {
        if (/^(https?:)?\/\//i.test(link)) {
          if (kind === 'link' && mayLinkTo(policy, link)) continue;
          report(
            file,
            'links',
            kind === 'link'
              ? `页面链接到其他网站 ${link}，而网站配置没有允许这个网站（主站 portal、相关链接 links、allowedHosts）。`
              : `页面引用了其他网站的地址 ${link}：网站不应从其他主机加载任何内容。`,
          );
        } else report(file, 'links', `链接 ${link} 指向网站之外（网站位于 ${base}）。`);
        continue;
      }
      if (!target.file) {
        report(file, 'links', `链接 ${link} 指向的文件不存在。`);
        continue;
      }
      if (target.hash && target.file.endsWith('.html')) {
        const ids = pages.get(target.file)?.idSet ?? new Set(readPage(dir, target.file, contact).ids);
        if (!ids.has(target.hash)) report(file, 'links', `链接 ${link} 指向的位置 #${target.hash} 在 ${target.file} 里不存在。`);
      }
    }
  }

  for (const slug of notices) {
    const path = noticeDir(slug);
    if (!pages.has(`${path}index.html`)) report(path, 'notices', `通报 ${slug} 没有生成页面。`);
  }
  return problems;
}

/** Every notice is in the written search index. */
export function verifyIndex(dir: string, notices: string[]): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const report = reporter(dir, problems);
  let indexed = new Set<string>();
  try {
    indexed = new Set(fragmentUrls(dir).values());
  } catch (e) {
    report('pagefind', 'search', `读不出搜索索引：${(e as Error).message}`);
  }
  for (const slug of notices) {
    const path = noticeDir(slug);
    // Pagefind records URLs from the site root; the browser adds the base path.
    if (!indexed.has(`/${path}`)) report(path, 'search', `通报 ${slug} 不在搜索索引里。`);
  }
  return problems;
}
