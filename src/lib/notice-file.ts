// Reads one notice file: decoding, frontmatter, schema, body structure. Everything an editor can get wrong
// is reported as a diagnostic with file, line and field; nothing here throws for bad input.
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Diagnostic } from './diagnostics';
import { parseMarkdown } from './markdown';
import { buildOutline, type Outline } from './outline';
import { noticeSchema, type NoticeData } from './schema';
import { parseYamlWith } from './yaml-data';

export interface NoticeFile {
  file: string;
  data?: NoticeData;
  body: string;
  /** Lines before the body, so body line n is file line n + bodyLineOffset. */
  bodyLineOffset: number;
  tree?: Root;
  outline?: Outline;
  diagnostics: Diagnostic[];
}

/** Decodes UTF-8 (a BOM is fine) and normalises line ends; undefined when the bytes are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes).replace(/\r\n?/g, '\n');
  } catch {
    return undefined;
  }
}

export function splitFrontmatter(text: string): { yaml: string; body: string; bodyLineOffset: number } | undefined {
  const m = text.match(/^---[ \t]*\n([\s\S]*?\n)?---[ \t]*(?:\n|$)/);
  if (!m) return undefined;
  return { yaml: m[1] ?? '', body: text.slice(m[0].length), bodyLineOffset: m[0].split('\n').length - 1 };
}

const UNSAFE_URL = /^\s*(javascript|data|vbscript):/i;

export function readNoticeFile(file: string, bytes: Uint8Array): NoticeFile {
  const diagnostics: Diagnostic[] = [];
  const error = (message: string, line?: number, field?: string) =>
    diagnostics.push({ file, line, field, message, severity: 'error' });
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
        : '缺少文件头（frontmatter）：文件应以一行 --- 开始，写明 title、issuer、date，再以一行 --- 结束。',
      1,
    );
    return result;
  }
  Object.assign(result, { body: parts.body, bodyLineOffset: parts.bodyLineOffset });
  const { data, diagnostics: yamlDiagnostics } = parseYamlWith(parts.yaml, noticeSchema, file, 1);
  diagnostics.push(...yamlDiagnostics);
  result.data = data;

  if (parts.body.trim() === '') {
    error('正文是空的：请在文件头之后写上通报正文。', parts.bodyLineOffset + 1);
    return result;
  }
  const tree = parseMarkdown(parts.body);
  result.tree = tree;
  const lineOf = (node: { position?: { start: { line: number } } }) => (node.position?.start.line ?? 1) + parts.bodyLineOffset;
  visit(tree, (node) => {
    if (node.type === 'html') {
      error('正文里有 HTML 代码。通报正文只用 Markdown 文字，请删除这段 HTML。', lineOf(node));
    } else if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && UNSAFE_URL.test(node.url)) {
      error(`不安全的链接地址“${node.url.slice(0, 40)}”：只允许 http、https、mailto、tel 或站内链接。`, lineOf(node));
    }
  });

  const outline = buildOutline(tree, parts.bodyLineOffset);
  result.outline = outline;
  for (const issue of outline.issues) error(issue.message, issue.line);
  if (outline.sections.length === 0) {
    error('正文里没有找到“一、”这样的部分标题（## 一、……）。请按通报的结构写标题，或用 npm run import 从原文导入。', parts.bodyLineOffset + 1);
  }
  const signature = outline.closing.find((c) => c.kind === 'date');
  if (data && signature && outline.signatureDate && outline.signatureDate !== data.date) {
    error(`发布日期 ${data.date} 与正文落款日期“${signature.text}”（${outline.signatureDate}）不一致，请改成一致。`, signature.line, 'date');
  }
  if (signature && !outline.signatureDate) {
    error(`落款日期“${signature.text}”不是有效日期，请检查年月日。`, signature.line);
  }
  return result;
}
