// The importer's core: raw bytes in, a notice's Markdown source and a report of what was done out.
import type { PhrasingContent, Root, RootContent } from 'mdast';
import { stringify } from 'yaml';
import { findProgress } from '../progress';
import { PROBLEM_TITLE, RECTIFICATION_LABEL, parseNumbering, splitLeadSentence } from '../numbering';
import { buildOutline } from '../outline';
import { contactSchema, noticeSchema } from '../schema';
import { removeControlCharacters } from './controls';
import { decodeNoticeBytes, ImportError, type Encoding } from './decode';
import { stripPinyin } from './pinyin';
import { restorePunctuation } from './punctuation';
import { toSimplifiedIfTraditional } from './script';
import { classifyLines, recognise, renderBody, type ClassifiedLine, type Recognised, type Warning } from './structure';

export { ImportError } from './decode';

export interface ImportOptions {
  /** Overrides the derived title. */
  title?: string;
  /** The slug part of the file name; derived from the source file name when absent. */
  slug?: string;
  /** The source file's name, used to derive a slug. */
  sourceName?: string;
}

export interface ImportReport {
  encoding: Encoding;
  crlf: boolean;
  annotationsRemoved: number;
  traditional: boolean;
  charactersConverted: number;
  punctuationRestored: number;
  headings: number;
  problems: number;
  warnings: Warning[];
}

export interface ImportResult {
  fileName: string;
  markdown: string;
  /** The normalised text (annotations removed, Simplified, full-width), before structuring. */
  normalised: string;
  report: ImportReport;
}

/** The text-level clean-up, separate so tests can compare a rendered notice with it. */
export function normaliseText(text: string) {
  const pinyin = stripPinyin(text);
  const script = toSimplifiedIfTraditional(pinyin.text);
  const punctuation = restorePunctuation(script.text);
  return { text: punctuation.text, pinyin, script, punctuation };
}

/** The longest line (paragraph) accepted; the seed's longest is under 1,000 characters. */
export const MAX_LINE_LENGTH = 20_000;

export function importNotice(bytes: Uint8Array, options: ImportOptions = {}): ImportResult {
  const decoded = decodeNoticeBytes(bytes);
  const controls = removeControlCharacters(decoded.text);
  rejectLongLines(controls.text);
  const norm = normaliseText(controls.text);
  if (!/\p{Script=Han}/u.test(norm.text)) throw new ImportError('文件里没有中文内容，不像一份通报。');

  const classified = classifyLines(norm.text);
  const { lines } = classified;
  const warnings = [...controls.warnings, ...classified.warnings];
  const headings = lines.filter((l) => l.kind === 'heading');
  // Read as GB18030, text in another encoding (Big5, Shift-JIS) is Chinese-looking nonsense without structure.
  const encodingHint = decoded.encoding === 'gb18030' ? '文件是按 GB18030 编码读取的；如果原文是繁体 Big5 等其他编码，请先“另存为”UTF-8 再导入。' : '';
  if (headings.length === 0 && !lines.some((l) => l.kind === 'lead')) {
    throw new ImportError(`没有找到通报的结构：没有“一、”“（一）”“1、”这样的编号标题。请确认这是一份巡察整改通报的正文。${encodingHint}`);
  }
  checkOutline(lines, encodingHint);
  const found = recognise(lines);
  const dateLine = lines.find((l) => l.kind === 'date');
  if (dateLine && !found.date) {
    throw new ImportError(`第 ${dateLine.line} 行的落款日期“${dateLine.text}”不是有效日期，请检查年月日后再导入。`);
  }
  if (!found.date) {
    throw new ImportError('没有找到落款日期：通报最后一行应是“2023年9月20日”这样的日期。请在原文末尾补上落款和日期后再导入。');
  }
  if (!found.issuer) {
    warnings.push({ line: lines.at(-1)!.line, message: '没有找到落款单位（日期前一行），发布机构需要手工填写 issuer。' });
  }
  if (found.contact) {
    const contact = validContact(found.contact, lines);
    found.contact = contact.kept;
    warnings.push(...contact.warnings);
  }
  const title = options.title?.trim() || found.title;
  const progress = findProgress(norm.text);

  const frontmatter = {
    title: title ?? '（请填写标题）',
    issuer: found.issuer ?? '（请填写发布机构）',
    date: found.date,
    ...(found.inspected && { inspected: found.inspected }),
    ...(found.inspection && { inspection: found.inspection }),
    ...(found.contact && { contact: found.contact }),
    ...(progress && { progress }),
  };
  // The importer never writes a file the checker would reject.
  const parsed = noticeSchema.safeParse(frontmatter);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const advice = issue.path[0] === 'title' ? '可以用 --title 指定标题。' : '请检查原文后再导入。';
    throw new ImportError(`识别出的信息不完整：${issue.path.join('.')}：${issue.message}。${advice}`);
  }

  const markdown = `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n${renderBody(lines)}`;
  const slug = slugify(options.slug ?? options.sourceName ?? '', found.date);
  return {
    fileName: `${found.date}-${slug}.md`,
    markdown,
    normalised: norm.text,
    report: {
      encoding: decoded.encoding,
      crlf: decoded.crlf,
      annotationsRemoved: norm.pinyin.removed,
      traditional: norm.script.traditional,
      charactersConverted: norm.script.converted,
      punctuationRestored: norm.punctuation.restored,
      headings: headings.length,
      problems: headings.filter((h) => h.numbering === 'item' && PROBLEM_TITLE.test(parseNumbering(h.text)!.rest)).length,
      warnings,
    },
  };
}

/** A line longer than any paragraph of a notice is a copy whose line breaks were lost (or not a notice). */
function rejectLongLines(text: string): void {
  for (let line = 1, start = 0; start <= text.length; line++) {
    const next = text.indexOf('\n', start);
    const end = next < 0 ? text.length : next;
    if (end - start > MAX_LINE_LENGTH) {
      throw new ImportError(
        `第 ${line} 行有 ${end - start} 个字符，超过了一个段落的上限（${MAX_LINE_LENGTH} 个）：原文的换行可能丢失了。请在原文里恢复分段（每个标题、每个段落各占一行）后再导入。`,
      );
    }
    start = end + 1;
  }
}

/**
 * The numbering checks of `npm run check` (gaps, repeats, a group or problem before any section, no section),
 * run on the recognised lines so that every message names the line of the original text.
 */
function checkOutline(lines: ClassifiedLine[], encodingHint: string): void {
  const outline = buildOutline(asTree(lines));
  if (outline.issues.length) {
    const shown = outline.issues.slice(0, 5).map((i) => `  第 ${i.line} 行：${i.message}`);
    const more = outline.issues.length > 5 ? `\n  ……另有 ${outline.issues.length - 5} 处。` : '';
    throw new ImportError(`原文的编号有问题，导入后无法通过 npm run check：\n${shown.join('\n')}${more}\n请改正原文后再导入。`);
  }
  if (outline.sections.length === 0) {
    throw new ImportError(`没有找到“一、”这样的部分标题：通报正文应分为“一、”“二、”……几个部分。请确认这是一份巡察整改通报的正文。${encodingHint}`);
  }
}

/** The Markdown tree `renderBody` stands for, with positions on the lines of the original text. */
function asTree(lines: ClassifiedLine[]): Root {
  const text = (value: string): PhrasingContent => ({ type: 'text', value });
  const boldStart = (bold: string, rest: string): PhrasingContent[] => [{ type: 'strong', children: [text(bold)] }, ...(rest ? [text(rest)] : [])];
  const children = lines
    .filter((l) => l.kind !== 'title')
    .map((l): RootContent => {
      const position = { start: { line: l.line, column: 1 }, end: { line: l.line, column: l.text.length + 1 } };
      if (l.kind === 'heading') return { type: 'heading', depth: l.level as 2 | 3 | 4, children: [text(l.text)], position };
      if (l.kind === 'lead') return { type: 'paragraph', children: boldStart(...splitLeadSentence(l.text)), position };
      if (l.kind === 'rectification') return { type: 'paragraph', children: boldStart(RECTIFICATION_LABEL, l.text.slice(RECTIFICATION_LABEL.length)), position };
      return { type: 'paragraph', children: [text(l.text)], position };
    });
  return { type: 'root', children };
}

/** The contact fields the schema accepts; a malformed one stays in the text only, with a warning. */
function validContact(contact: NonNullable<Recognised['contact']>, lines: ClassifiedLine[]): { kept?: Recognised['contact']; warnings: Warning[] } {
  const kept: Record<string, string> = {};
  const warnings: Warning[] = [];
  for (const [field, value] of Object.entries(contact) as Array<[keyof typeof contact, string]>) {
    const result = contactSchema.shape[field].safeParse(value);
    if (result.success) {
      kept[field] = value;
      continue;
    }
    const line = lines.find((l) => l.kind === 'contact' && l.text.includes(value))?.line ?? lines.at(-1)!.line;
    const shown = value.length > 30 ? `${value.slice(0, 30)}…` : value;
    warnings.push({ line, message: `${result.error.issues[0].message}：“${shown}”没有写入文件头的 contact.${field}，正文照原文保留。请核对原文。` });
  }
  return { kept: Object.keys(kept).length ? kept : undefined, warnings };
}

/** `2023-09-20-wuhan-industrial-investment.txt` → `wuhan-industrial-investment`. */
export function slugify(source: string, date: string): string {
  const base = source
    .replace(/^.*[\\/]/, '')
    .replace(/\.[^.]*$/, '')
    .replace(new RegExp(`^${date}-?`), '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return base || 'notice';
}
