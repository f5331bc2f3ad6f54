// Reads one notice file: decoding, frontmatter, schema, body structure. Everything an editor can get wrong
// is reported as a diagnostic with file, line and field; nothing here throws for bad input.
import type { Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Diagnostic } from '../base/diagnostics';
import { openingWords } from '../base/format';
import { parseMarkdown } from './markdown';
import { parseNumbering } from './numbering';
import { buildOutline, summariseProblems, type Outline, type ProblemSummary } from './outline';
import { NOTICE_KEY_ADVICE, noticeSchema, type NoticeData } from '../schemas';
import { parseYamlWith } from '../base/yaml-data';
import { decodeUtf8, splitFrontmatter } from '../base/source-text';

export interface NoticeFile {
  file: string;
  data?: NoticeData;
  body: string;
  /** Lines before the body, so body line n is file line n + bodyLineOffset. */
  bodyLineOffset: number;
  /** The file line of each frontmatter field. */
  fieldLines?: Record<string, number>;
  tree?: Root;
  outline?: Outline;
  /** Links to other sites, with their lines: whether each may stay depends on the site's link policy (src/site/link-policy). */
  outboundLinks?: OutboundLink[];
  diagnostics: Diagnostic[];
}

export interface OutboundLink {
  url: string;
  line: number;
}

/** What lists of notices show of one: its problems (and how many), and the start of its opening paragraph. */
export function summariseNotice(notice: NoticeFile): { problemCount: number; excerpt: string; problems: ProblemSummary[] } {
  const first = notice.tree?.children.find((n) => n.type === 'paragraph');
  const opening = first ? first.children.map((c) => ('value' in c ? c.value : '')).join('') : '';
  const problems = notice.outline ? summariseProblems(notice.outline) : [];
  return { problemCount: problems.length, excerpt: openingWords(opening), problems };
}

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/** A URL as a browser reads it: tabs and newlines removed, leading spaces and control characters dropped. */
const asBrowserReads = (url: string) => url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');

function schemeOf(url: string): string | undefined {
  return asBrowserReads(url)
    .match(/^([a-z][a-z0-9+.-]*):/i)?.[1]
    .toLowerCase();
}

/**
 * Whether a URL cannot run code: http, https, mailto, tel, or no scheme (inside the site). The scheme is read
 * as a browser reads it, so `JAVA&#9;SCRIPT:` is caught too.
 */
export function isSafeUrl(url: string): boolean {
  const scheme = schemeOf(url);
  return scheme === undefined || SAFE_SCHEMES.has(scheme);
}

const shown = (url: string) => {
  const clean = url.replace(/[\u0000-\u001f]/g, ' ');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
};

/**
 * What is wrong with a link or image in a notice body, or undefined. A notice links inside the site, to mailto:
 * and tel:, and to other sites by a full https:// or http:// address (which sites, the content check decides
 * from the site's link policy); it cannot carry image files, and nothing is loaded from another host.
 */
export function linkProblem(kind: 'link' | 'image', url: string): string | undefined {
  if (!isSafeUrl(url)) return `不安全的链接地址“${shown(url)}”：正文只允许站内链接、mailto: 和 tel:，请删除或改正这个链接。`;
  const otherHost = /^(?:https?:)?\/\//i.test(asBrowserReads(url));
  if (kind === 'image') {
    return otherHost
      ? `图片“${shown(url)}”来自其他网站：网站不从其他网站加载任何内容。请删除这张图片，或改用文字说明。`
      : schemeOf(url) === undefined
        ? `正文里的图片“${shown(url)}”在构建时找不到：通报目录里只能放 .md 文件，不能存放图片。请删除这张图片，或改用文字说明。`
        : `图片地址“${shown(url)}”不是图片。请删除这张图片。`;
  }
  if (otherHost && schemeOf(url) === undefined) {
    return `链接“${shown(url)}”以 // 开头，没有写明协议。链接到其他网站时请写完整网址，以 https:// 开头。`;
  }
  return undefined;
}

/** A link to another site (an absolute http or https address), which the site's link policy decides on. */
export function isOutbound(url: string): boolean {
  return /^https?:\/\//i.test(asBrowserReads(url));
}

/** The first tag (or comment) of a piece of raw HTML, to show what to delete. */
const htmlSnippet = (html: string) => {
  const tag = html.match(/<!--[\s\S]*?-->|<[^>]*>?/)?.[0] ?? html.trim();
  return tag.length > 40 ? `${tag.slice(0, 40)}…` : tag;
};

/** A short paragraph opening with 一、 or （一）, one sentence at most: a heading written as text. */
function looksLikeHeading(node: Paragraph): boolean {
  const text = toString(node);
  const numbering = parseNumbering(text);
  return !!numbering && (numbering.level === 'section' || numbering.level === 'group') && text.length <= 60 && !/。./.test(text);
}

export function readNoticeFile(file: string, bytes: Uint8Array): NoticeFile {
  const diagnostics: Diagnostic[] = [];
  const error = (message: string, line?: number, field?: string) => diagnostics.push({ file, line, field, message, severity: 'error' });
  const result: NoticeFile = { file, body: '', bodyLineOffset: 0, diagnostics };

  const text = decodeUtf8(bytes);
  if (text === undefined) {
    error('文件不是 UTF-8 编码（可能是中文 Windows 常用的 GB18030/GBK）。请用 npm run import -- <文件> 导入原文，或把文件另存为 UTF-8。');
    return result;
  }
  const parts = splitFrontmatter(text);
  if (!parts) {
    error(
      text.startsWith('---')
        ? '文件头（frontmatter）没有结束：请在字段之后单独写一行 ---。'
        : /^\s+---/.test(text)
          ? '文件头（frontmatter）前面有空行或空格：第一行必须就是 ---，请删除它前面的空行。'
          : '缺少文件头（frontmatter）：文件应以一行 --- 开始，写明 title、issuer、date，再以一行 --- 结束。',
      1,
    );
    return result;
  }
  Object.assign(result, { body: parts.body, bodyLineOffset: parts.bodyLineOffset });
  const yaml = parseYamlWith(parts.yaml, noticeSchema, file, 1, { dateFields: ['date', 'published'], keyAdvice: NOTICE_KEY_ADVICE });
  diagnostics.push(...yaml.diagnostics);
  const data = yaml.data;
  Object.assign(result, { data, fieldLines: yaml.fieldLines });

  if (parts.body.trim() === '') {
    error('正文是空的：请在文件头之后写上通报正文。', parts.bodyLineOffset + 1);
    return result;
  }
  const tree = parseMarkdown(parts.body);
  result.tree = tree;
  const lineOf = (node: { position?: { start: { line: number } } }) => (node.position?.start.line ?? 1) + parts.bodyLineOffset;
  // One message per line: `<a href=…>text</a>` is two HTML nodes but one thing to delete.
  const htmlLines = new Set<number>();
  // A definition is checked where it is used: as a link or as an image (Astro bundles local images).
  const definitions = new Map<string, { url: string; line: number }>();
  visit(tree, 'definition', (node) => void definitions.set(node.identifier, { url: node.url, line: lineOf(node) }));
  const reported = new Set<string>();
  const outbound: OutboundLink[] = [];
  result.outboundLinks = outbound;
  visit(tree, (node) => {
    if (node.type === 'html') {
      const line = lineOf(node);
      if (htmlLines.has(line)) return;
      htmlLines.add(line);
      error(`正文里有 HTML 代码“${htmlSnippet(node.value)}”。通报正文只用 Markdown 文字，请删除这段 HTML。`, line);
      return;
    }
    const kind =
      node.type === 'image' || node.type === 'imageReference'
        ? 'image'
        : node.type === 'link' || node.type === 'linkReference'
          ? 'link'
          : undefined;
    if (!kind) return;
    // A reference is reported at its definition, where the address is written.
    const target =
      'url' in node ? { url: node.url, line: lineOf(node) } : 'identifier' in node ? definitions.get(node.identifier) : undefined;
    const problem = target && linkProblem(kind, target.url);
    if (target && !problem && kind === 'link' && isOutbound(target.url)) outbound.push(target);
    if (!problem || reported.has(`${target.line}\u0000${problem}`)) return;
    reported.add(`${target.line}\u0000${problem}`);
    error(problem, target.line);
  });

  const outline = buildOutline(tree, parts.bodyLineOffset);
  result.outline = outline;
  for (const issue of outline.issues) error(issue.message, issue.line);
  // A notice without numbered headings (a short summary) is published as it is; a paragraph that reads as a
  // heading says that the headings were perhaps written as plain text.
  const unwritten = outline.sections.length === 0 && tree.children.find((n) => n.type === 'paragraph' && looksLikeHeading(n));
  if (unwritten) {
    diagnostics.push({
      file,
      line: lineOf(unwritten),
      severity: 'warning',
      message: `这一段“${toString(unwritten).slice(0, 20)}”像是标题，但正文里没有一个 ## 标题，通报会没有目录、问题也不会进入整改台账。如果它是标题，请在行首加上 ## 和空格。`,
    });
  }
  const signature = outline.closing.find((c) => c.kind === 'date');
  if (data && signature && outline.signatureDate && outline.signatureDate !== data.date) {
    error(
      `成文日期 ${data.date} 与正文落款日期“${signature.text}”（${outline.signatureDate}）不一致，请改成一致。`,
      signature.line,
      'date',
    );
  }
  if (data?.published && data.published < data.date) {
    error(
      `发布日期 ${data.published} 早于成文日期 ${data.date}（落款日期）：通报不能在成文之前发布。请检查这两个日期。`,
      yaml.fieldLines?.published,
      'published',
    );
  }
  if (signature && !outline.signatureDate) {
    error(`落款日期“${signature.text}”不是有效日期，请检查年月日。`, signature.line);
  }
  return result;
}
