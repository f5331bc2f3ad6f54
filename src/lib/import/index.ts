// The importer's core: raw bytes in, a notice's Markdown source and a report of what was done out.
import { stringify } from 'yaml';
import { PROBLEM_TITLE, parseNumbering } from '../numbering';
import { noticeSchema } from '../schema';
import { decodeNoticeBytes, ImportError, type Encoding } from './decode';
import { stripPinyin } from './pinyin';
import { restorePunctuation } from './punctuation';
import { toSimplifiedIfTraditional } from './script';
import { classifyLines, recognise, renderBody, type Warning } from './structure';

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

export function importNotice(bytes: Uint8Array, options: ImportOptions = {}): ImportResult {
  const decoded = decodeNoticeBytes(bytes);
  const norm = normaliseText(decoded.text);
  if (!/\p{Script=Han}/u.test(norm.text)) throw new ImportError('文件里没有中文内容，不像一份通报。');

  const { lines, warnings } = classifyLines(norm.text);
  const headings = lines.filter((l) => l.kind === 'heading');
  if (headings.length === 0 && !lines.some((l) => l.kind === 'lead')) {
    throw new ImportError('没有找到通报的结构：没有“一、”“（一）”“1、”这样的编号标题。请确认这是一份巡察整改通报的正文。');
  }
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
  const title = options.title?.trim() || found.title;

  const frontmatter = {
    title: title ?? '（请填写标题）',
    issuer: found.issuer ?? '（请填写发布机构）',
    date: found.date,
    ...(found.inspected && { inspected: found.inspected }),
    ...(found.inspection && { inspection: found.inspection }),
    ...(found.contact && { contact: found.contact }),
  };
  // The importer never writes a file the checker would reject.
  const parsed = noticeSchema.safeParse(frontmatter);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ImportError(`识别出的信息不完整：${issue.path.join('.')}：${issue.message}。可以用 --title 指定标题。`);
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
