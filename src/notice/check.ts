// Validates the whole `content/` folder: the site configuration and every notice, plus the rules
// that span notices (unique slugs, no two notices with the same title and date).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, resolve } from 'node:path';
import { checkAttachments } from '../attachments/check';
import { passes, type CheckCache, type FileCheck } from './check-cache';
import type { Diagnostic } from '../base/diagnostics';
import { renderNoticeTree, type RenderedNotice } from './html';
import { readNoticeFile, summariseNotice } from './file';
import { checkIndexNumbers, type IndexedNotice } from './index-number';
import type { ProblemSummary } from './outline';
import { placeholderWarnings } from './placeholders';
import type { NoticeData, SiteConfig } from '../schemas';
import { readSiteConfig } from '../site/config';
import { linkPolicy, mayLinkTo, outboundLinkAdvice, type LinkPolicy } from '../site/link-policy';

/** What the build needs of a checked notice; its body and syntax tree are not kept (10,000 trees fill gigabytes). */
export interface CheckedNotice {
  file: string;
  /** The file's absolute path, and the SHA-256 of its bytes when checked. */
  path: string;
  sha256: string;
  slug: string;
  data?: NoticeData;
  problemCount: number;
  excerpt: string;
  problems: ProblemSummary[];
}

export interface ContentCheck {
  site?: SiteConfig;
  notices: CheckedNotice[];
  diagnostics: Diagnostic[];
}

export const NOTICE_EXTENSION = /\.md$/;
const SLUG = /^[a-z0-9][a-z0-9-]*$/;

/** `cache`: results of earlier checks, for files that have not changed since (src/notice/check-cache). */
export function checkContent(root: string, cwd = process.cwd(), cache?: CheckCache): ContentCheck {
  const rel = (p: string) => relative(cwd, p) || p;
  const siteFile = rel(join(root, 'site.yaml'));
  const site = readSiteConfig(join(root, 'site.yaml'), siteFile);
  const diagnostics: Diagnostic[] = [...site.diagnostics];
  const policy = linkPolicy(site.data);
  const dir = join(root, 'notices');
  let names: string[] = [];
  try {
    names = readdirSync(dir).sort();
  } catch {
    diagnostics.push({
      file: rel(dir),
      severity: 'error',
      message: '找不到通报目录。请创建它并放入通报（.md 文件），或用 npm run import 导入。',
    });
  }

  const notices: ContentCheck['notices'] = [];
  const bySlug = new Map<string, string>();
  const byTitleDate = new Map<string, string>();
  const indexed: IndexedNotice[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const file = rel(path);
    if (name.startsWith('.') || isDirectory(path)) continue;
    if (!NOTICE_EXTENSION.test(name)) {
      diagnostics.push({
        file,
        severity: 'error',
        message: `通报目录里只能放 .md 文件。${/\.(txt|docx?|wps)$/i.test(name) ? '原文请用 npm run import -- <文件> 导入；' : ''}请移走或删除这个文件。`,
      });
      continue;
    }
    const slug = name.replace(NOTICE_EXTENSION, '');
    if (!SLUG.test(slug)) {
      diagnostics.push({
        file,
        severity: 'error',
        message: `文件名“${slug}”会成为网址的一部分，只能用小写字母、数字和连字符，例如 2023-09-20-wuhan.md。请改名。`,
      });
      continue;
    }
    const lower = slug.toLowerCase();
    if (bySlug.has(lower)) {
      diagnostics.push({ file, severity: 'error', message: `网址名与 ${bySlug.get(lower)} 重复，请给其中一个改名。` });
      continue;
    }
    bySlug.set(lower, file);
    const bytes = readBytes(path);
    if (typeof bytes === 'string') {
      diagnostics.push({
        file,
        severity: 'error',
        message: `无法读取这个文件（${bytes}）。请检查它是否还在、是否有读取权限，或把它移出通报目录。`,
      });
      continue;
    }
    const fingerprint = sha256(bytes);
    const notice = cache?.get(resolve(path), file, fingerprint) ?? checkFile(file, bytes, cache && ((r) => cache.render(fingerprint, r)));
    cache?.set(resolve(path), file, fingerprint, notice);
    diagnostics.push(...notice.diagnostics, ...outboundLinkDiagnostics(file, notice.outboundLinks, policy, siteFile));
    if (notice.data) {
      const key = `${notice.data.title}\u0000${notice.data.date}`;
      const twin = byTitleDate.get(key);
      if (twin)
        diagnostics.push({
          file,
          line: notice.titleLine ?? 2,
          field: 'title',
          severity: 'error',
          message: `与 ${twin} 的标题和日期完全相同，像是同一份通报放了两次。请删除重复的一份，或修改标题。`,
        });
      else byTitleDate.set(key, file);
    }
    indexed.push({ file, data: notice.data, fieldLines: notice.fieldLines });
    const { data, problemCount, excerpt, problems } = notice;
    notices.push({ file, path: resolve(path), sha256: fingerprint, slug, data, problemCount, excerpt, problems });
  }
  // Not cached with each notice: attachments are files on disk, which change while the notice does not.
  diagnostics.push(...checkAttachments(root, notices, cwd));
  cache?.save();
  // Rules that depend on the site configuration and on other notices, so never cached with one file's result.
  diagnostics.push(...checkIndexNumbers(indexed, site.data?.indexNumberPrefix, rel(dir)));
  if (notices.length === 0 && !diagnostics.length) {
    diagnostics.push({ file: rel(dir), severity: 'error', message: '没有任何通报。请放入至少一份 .md 通报。' });
  }
  return { site: site.data, notices, diagnostics };
}

/** One notice file on its own: its mistakes and warnings, its data and its summary; `render` gets a passing notice's body. */
function checkFile(file: string, bytes: Buffer, render?: (rendered: RenderedNotice) => void): FileCheck {
  const notice = readNoticeFile(file, bytes);
  const result = {
    diagnostics: [...notice.diagnostics, ...placeholderWarnings(notice)],
    data: notice.data,
    titleLine: notice.fieldLines?.title,
    fieldLines: notice.fieldLines,
    outboundLinks: notice.outboundLinks,
    ...summariseNotice(notice),
  };
  // Last: rendering adds anchors to the tree.
  if (render && notice.tree && passes(result)) render(renderNoticeTree(notice.tree));
  return result;
}

/** A notice's links to sites the site's settings do not allow, each with its line and how to allow it. */
function outboundLinkDiagnostics(file: string, links: FileCheck['outboundLinks'], policy: LinkPolicy, siteFile: string): Diagnostic[] {
  // A reference link used twice is listed at its definition twice: one message for each line and address.
  const refused = new Map(
    (links ?? []).filter((link) => !mayLinkTo(policy, link.url)).map((link) => [`${link.line}\u0000${link.url}`, link]),
  );
  return [...refused.values()].map((link) => ({
    file,
    line: link.line,
    severity: 'error' as const,
    message: outboundLinkAdvice(link.url, siteFile),
  }));
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // a dangling link: reported when it is read
  }
}

/** A file's bytes, or the system's error code when it cannot be read (a dangling link, no permission). */
function readBytes(path: string): Buffer | string {
  try {
    return readFileSync(path);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? String(e);
  }
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * The results `npm run build` hands to Astro's process (scripts/build.ts), so that notices are not parsed
 * again there, by absolute path: the file named by GONGSHI_CHECKED_NOTICES, or none in a bare `astro build`
 * or `astro dev`. A result applies to a file only while the file's SHA-256 is the one checked.
 */
export function handedOverNotices(env: Record<string, string | undefined> = process.env): Map<string, CheckedNotice> {
  const notices = env.GONGSHI_CHECKED_NOTICES ? (JSON.parse(readFileSync(env.GONGSHI_CHECKED_NOTICES, 'utf8')) as CheckedNotice[]) : [];
  return new Map(notices.map((n) => [n.path, n]));
}
