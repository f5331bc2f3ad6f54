// The one policy for links that leave the site, used by the content check (a notice's links) and by the
// post-build check (every page): a reader may be sent to the organisation's portal, the sites listed under
// `links`, and hosts the webmaster names under `allowedHosts`; nothing is ever loaded from another host.
import type { SiteConfig } from '../schemas';
import { ICP_SEARCH_URL, policeSearchUrl } from './filing';

export interface LinkPolicy {
  /** Host names (lower case) that pages may link to. */
  hosts: ReadonlySet<string>;
}

/** What a link to another site says to screen readers (the eye sees an arrow). */
export const OUTBOUND_WORDS = '（将离开本站）';

/** What a site's settings allow. Hosts match exactly: allowing www.gov.cn does not allow sub.gov.cn. */
export function linkPolicy(site?: Pick<SiteConfig, 'portal' | 'links' | 'allowedHosts' | 'filing'>): LinkPolicy {
  const hosts = new Set<string>();
  const add = (url: string) => {
    const host = hostOf(url);
    if (host) hosts.add(host);
  };
  if (site?.portal) add(site.portal.url);
  for (const link of site?.links ?? []) add(link.url);
  for (const host of site?.allowedHosts ?? []) hosts.add(host.trim().toLowerCase());
  // The footer links each filing number to the system where it can be looked up.
  if (site?.filing?.icp) add(ICP_SEARCH_URL);
  if (site?.filing?.police) add(policeSearchUrl(site.filing.police));
  return { hosts };
}

/** The host of an absolute `http(s)://` or protocol-relative `//` URL, lower case; undefined for anything else. */
export function hostOf(url: string): string | undefined {
  // As a browser reads it: tabs and newlines inside are dropped, leading spaces and controls too.
  const clean = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  if (!/^(?:https?:)?\/\//i.test(clean)) return undefined;
  try {
    return new URL(clean, 'https://site.invalid/').hostname.toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}

/** Whether navigating to `url` (another host) is allowed; `url` must be an absolute http(s) address. */
export function mayLinkTo(policy: LinkPolicy, url: string): boolean {
  const host = hostOf(url);
  return Boolean(host && /^https?:/i.test(url.trim()) && policy.hosts.has(host));
}

/** What to tell a webmaster whose notice links to a host the site does not allow. */
export function outboundLinkAdvice(url: string, siteFile = 'content/site.yaml'): string {
  const host = hostOf(url) ?? url;
  return (
    `链接“${url.length > 60 ? `${url.slice(0, 60)}…` : url}”指向其他网站 ${host}，而网站配置没有允许链接到这个网站。` +
    `如果这个链接应当保留，请在 ${siteFile} 的 allowedHosts 下加一行“  - ${host}”（主站 portal 和相关链接 links 的网站已自动允许）；否则请删除这个链接，或把网址写成普通文字。`
  );
}

/** The URLs of a `srcset` (or `imagesrcset`) value: each candidate's first word. */
export function srcsetUrls(value: string): string[] {
  return value
    .split(/,(?=\s*\S)/)
    .map((candidate) => candidate.trim().split(/\s+/)[0])
    .filter(Boolean);
}

/** The URLs in CSS: `url(…)` and `@import "…"`. */
export function cssUrls(css: string): string[] {
  const urls = [...css.matchAll(/url\(\s*(['"]?)(.*?)\1\s*\)/gi)].map((m) => m[2]);
  const imports = [...css.matchAll(/@import\s+(['"])(.*?)\1/gi)].map((m) => m[2]);
  return [...urls, ...imports].filter((u) => u && !/^data:/i.test(u));
}

/** The address a `<meta http-equiv="refresh" content="5; url=…">` sends the reader to, if any. */
export function refreshUrl(content: string): string | undefined {
  const m = content.match(/^\s*\d*(?:\.\d*)?\s*[;,]?\s*(?:url\s*=\s*)?(['"]?)(.+?)\1\s*$/i);
  return m && /[^\d\s.;,]/.test(content) ? m[2] : undefined;
}
