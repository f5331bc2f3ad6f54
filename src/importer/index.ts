// The importer's core: raw bytes in, a notice's Markdown source and a report of what was done out.
import type { PhrasingContent, Root, RootContent, Table } from 'mdast';
import { stringify } from 'yaml';
import { emailsIn, isSignature, parseSignatureDate, phonesIn, readContact, type ContactFound } from '../notice/closing';
import { findProgress } from '../notice/progress';
import { buildOutline } from '../notice/outline';
import { parseIsoDate } from '../notice/skeleton';
import { contactSchema, noticeSchema } from '../schemas';
import { removeControlCharacters } from './controls';
import { decodeNoticeBytes, ImportError, type Encoding } from './decode';
import { stripPinyin } from './pinyin';
import { restorePunctuation } from './punctuation';
import { toSimplifiedIfTraditional } from './script';
import { extractBlocks } from './formats';
import type { Block, Format } from './formats/blocks';
import type { DatedFrom, DocumentProperties } from './formats/properties';
import { slugFor } from '../base/slug';
import { classifyLines, misplacedContactLines, recognise, renderBody, type ClassifiedLine, type Warning } from './structure';

export { ImportError } from './decode';

export interface ImportOptions {
  /** Overrides the derived title. */
  title?: string;
  /** The slug part of the file name; derived from the source's name, the issuer or the title when absent. */
  slug?: string;
  /** The source file's name, used to derive a slug. */
  sourceName?: string;
  /**
   * Where the original of a Word file or PDF will be kept, relative to the content folder (`sources/x.pdf`):
   * the notice records it as its attachment 原文. Asked only for those formats; may throw an ImportError.
   */
  original?: (format: 'docx' | 'pdf') => string;
  /**
   * The 成文日期 (`YYYY-MM-DD`) when the notice has no signature date, as a page that prints the date in its
   * header; one that contradicts the signature's date is refused.
   */
  date?: string;
  /** The 发布机构, in place of the signature (or when the notice has none). */
  issuer?: string;
}

export interface ImportReport {
  format: Format;
  encoding: Encoding;
  crlf: boolean;
  annotationsRemoved: number;
  traditional: boolean;
  charactersConverted: number;
  punctuationRestored: number;
  headings: number;
  /** Problems as the outline (and so the site) counts them. */
  problems: number;
  /** Problems with their 整改情况 found. */
  rectifications: number;
  /** Where the date and the issuer came from: the notice's own closing, an option, or the file's properties. */
  dateFrom: string;
  issuerFrom?: string;
  /** The contact written to the frontmatter. */
  contact: Record<string, string | string[]>;
  /** The attachment recorded: the original's path relative to the content folder. */
  attachment?: string;
  warnings: Warning[];
}

export interface ImportResult {
  fileName: string;
  markdown: string;
  /** The normalised text (annotations removed, Simplified, full-width), before structuring. */
  normalised: string;
  title: string;
  issuer: string;
  date: string;
  report: ImportReport;
}

/** The text-level clean-up, separate so tests can compare a rendered notice with it. */
export function cleanUpText(text: string) {
  const pinyin = stripPinyin(text);
  const script = toSimplifiedIfTraditional(pinyin.text);
  const punctuation = restorePunctuation(script.text);
  return { text: punctuation.text, pinyin, script, punctuation };
}

/** Words a rectification notice cannot be without, numbered or not. */
const INSPECTION_WORDS = /巡察|巡视|整改/;

/** The longest line (paragraph) accepted; the seed's longest is under 1,000 characters. */
export const MAX_LINE_LENGTH = 20_000;

export function importNotice(bytes: Uint8Array, options: ImportOptions = {}): ImportResult {
  const decoded = decodeNoticeBytes(bytes);
  return importText(decoded.text, { encoding: decoded.encoding, crlf: decoded.crlf, format: 'text' }, options);
}

/** Any file a webmaster holds: a Word file, a saved web page or a PDF is read into paragraphs first. */
export async function importFile(bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  const extracted = await extractBlocks(bytes, options.sourceName ?? '');
  if (!extracted) return importNotice(bytes, options);
  const { text, bold } = blocksToText(extracted.blocks);
  if (!text.trim()) throw new ImportError(`${FORMAT_NAMES[extracted.format]}里没有文字：没有可导入的内容。`);
  return importText(text, { encoding: 'utf-8', crlf: false, format: extracted.format, bold, properties: extracted.properties }, options);
}

/** How the import report names each format. */
export const FORMAT_NAMES: Record<Format, string> = {
  text: '文本文件',
  docx: 'Word 文档（.docx）',
  html: '网页（.html）',
  pdf: 'PDF 文件',
};

/** Paragraphs as lines, tables as `| … |` rows, and the bold words that open each line. */
export function blocksToText(blocks: Block[]): { text: string; bold: Map<number, string> } {
  const lines: string[] = [];
  const bold = new Map<number, string>();
  for (const block of blocks) {
    if (block.kind === 'table') {
      // A cell's own line breaks and bars would break the row: they become spaces and full-width bars.
      for (const row of block.rows) lines.push(`| ${row.map((c) => c.replace(/\s+/g, ' ').replace(/\|/g, '｜').trim()).join(' | ')} |`);
      continue;
    }
    for (const [i, line] of block.text.split(/\n+/).entries()) {
      if (!line.trim()) continue;
      lines.push(line.trim());
      if (i === 0 && block.bold?.trim()) bold.set(lines.length, block.bold.trim());
    }
  }
  return { text: lines.join('\n'), bold };
}

/** How the text came in: its encoding, and for Word files and web pages the words set in bold by line. */
export interface TextSource {
  format: Format;
  encoding: Encoding;
  crlf: boolean;
  bold?: ReadonlyMap<number, string>;
  /** What the file says of itself: a date to fall back on. */
  properties?: DocumentProperties;
}

/** The importer after decoding: text with one paragraph per line in, the notice out. */
export function importText(text: string, source: TextSource, options: ImportOptions = {}): ImportResult {
  const controls = removeControlCharacters(text);
  rejectLongLines(controls.text);
  const norm = cleanUpText(controls.text);
  if (!/\p{Script=Han}/u.test(norm.text)) throw new ImportError('文件里没有中文内容，不像一份通报。');
  // Bold words are normalised as their line was, so that the line still starts with them.
  const bold = new Map([...(source.bold ?? [])].map(([line, words]) => [line, cleanUpText(words).text]));

  const classified = classifyLines(norm.text, bold);
  const { lines } = classified;
  const warnings = [...controls.warnings, ...classified.warnings];
  const headings = lines.filter((l) => l.kind === 'heading');
  // Read as GB18030, text in another encoding (Big5, Shift-JIS) is Chinese-looking nonsense without structure.
  const encodingHint =
    source.encoding === 'gb18030' ? '文件是按 GB18030 编码读取的；如果原文是繁体 Big5 等其他编码，请先“另存为”UTF-8 再导入。' : '';
  // A short summary without numbered headings is a notice too (no outline, no ledger rows), when it speaks of
  // an inspection's rectification; any other text without structure is not a notice.
  const unsectioned = headings.length === 0;
  if (unsectioned && !INSPECTION_WORDS.test(norm.text)) {
    throw new ImportError(
      `没有找到通报的结构：没有“一、”“（一）”“1.”这样的编号标题，也没有说到巡察、巡视或整改。请确认这是一份巡察整改通报的正文。${encodingHint}`,
    );
  }
  if (unsectioned) {
    warnings.push({
      line: lines[0].line,
      message:
        '通报没有“一、”“（一）”“1.”这样的编号标题，按不分部分的通报导入：没有目录，也没有问题进入整改台账。如果原文有标题，请检查标题的编号后重新导入。',
    });
  }
  const outline = checkOutline(lines, encodingHint);
  const found = recognise(lines);
  const dateLine = lines.find((l) => l.kind === 'date');
  if (dateLine && !found.date) {
    throw new ImportError(`第 ${dateLine.line} 行的落款日期“${dateLine.text}”不是有效日期，请检查年月日后再导入。`);
  }
  const dated = noticeDate(found.date, dateLine, options.date, plausible(source.properties?.date), lines);
  if (dated.warning) warnings.push({ line: lines.at(-1)!.line, message: dated.warning });
  const fromTitle = found.issuer ? undefined : issuerInTitle(options.title?.trim() || found.title);
  const issuer = options.issuer?.trim() || found.issuer || fromTitle;
  if (fromTitle && !options.issuer?.trim()) {
    warnings.push({
      line: lines.at(-1)!.line,
      message: `通报没有落款单位，发布机构取自标题：“${fromTitle}”。请核对；如果不对，请用 --issuer 指定后重新导入。`,
    });
  }
  if (!issuer) {
    warnings.push({
      line: lines.at(-1)!.line,
      message: '没有找到落款单位（日期前一行），发布机构需要手工填写 issuer，或导入时用 --issuer 指定。',
    });
  }
  const contact = frontmatterContact(lines);
  const title = options.title?.trim() || found.title;
  const progress = findProgress(outsideRectifications(lines));
  // Text and web pages are the notice itself; a Word file or PDF is the document as issued, worth offering.
  const attachment = source.format === 'docx' || source.format === 'pdf' ? options.original?.(source.format) : undefined;

  const frontmatter = {
    title: title ?? '（请填写标题）',
    issuer: issuer ?? '（请填写发布机构）',
    date: dated.iso,
    ...(found.inspected && { inspected: found.inspected }),
    ...(found.inspection && { inspection: found.inspection }),
    ...(contact && { contact }),
    ...(progress && { progress }),
    ...(attachment && { attachments: [{ file: attachment, title: '原文' }] }),
  };
  // The importer never writes a file the checker would reject.
  const parsed = noticeSchema.safeParse(frontmatter);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const advice = issue.path[0] === 'title' ? '可以用 --title 指定标题。' : '请检查原文后再导入。';
    throw new ImportError(`识别出的信息不完整：${issue.path.join('.')}：${issue.message}。${advice}`);
  }

  const markdown = `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n${renderBody(lines)}`;
  const slug = options.slug ?? slugFor({ date: dated.iso, sourceName: options.sourceName, issuer, title });
  return {
    fileName: `${dated.iso}-${slug}.md`,
    markdown,
    normalised: norm.text,
    title: frontmatter.title,
    issuer: frontmatter.issuer,
    date: dated.iso,
    report: {
      format: source.format,
      encoding: source.encoding,
      crlf: source.crlf,
      annotationsRemoved: norm.pinyin.removed,
      traditional: norm.script.traditional,
      charactersConverted: norm.script.converted,
      punctuationRestored: norm.punctuation.restored,
      headings: headings.length,
      problems: outline.problems.length,
      rectifications: outline.problems.filter((p) => p.rectification !== undefined).length,
      dateFrom: dated.from,
      ...(issuer && { issuerFrom: options.issuer?.trim() ? '--issuer' : found.issuer ? '落款' : '标题' }),
      contact: contact ?? {},
      ...(attachment && { attachment }),
      warnings,
    },
  };
}

/**
 * The notice's 成文日期: its signature date; else --date; else the file's own date (a page's publication date,
 * a PDF's or Word file's), with a warning to check it. A --date that contradicts the signature is refused.
 */
function noticeDate(
  signed: string | undefined,
  dateLine: ClassifiedLine | undefined,
  given: string | undefined,
  property: DatedFrom | undefined,
  lines: ClassifiedLine[],
): { iso: string; from: string; warning?: string } {
  if (given !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(given)) {
    throw new ImportError(`--date “${given}”不是 YYYY-MM-DD 形式的日期，例如 --date 2023-09-20。`);
  }
  const option = given && parseIsoDate(given);
  if (given && !option) throw new ImportError(`--date “${given}”不是有效日期，请检查年月日，例如 --date 2023-09-20。`);
  if (signed) {
    if (option && option !== signed) {
      throw new ImportError(
        `--date ${option} 与第 ${dateLine!.line} 行的落款日期“${dateLine!.text}”（${signed}）不一致。通报有落款日期时不需要 --date：请去掉 --date，或先改正原文的落款日期。`,
      );
    }
    return { iso: signed, from: '落款' };
  }
  if (option) return { iso: option, from: '--date' };
  if (property) {
    return {
      iso: property.iso,
      from: property.from,
      warning: `通报正文没有落款日期，成文日期取自${property.from}：${property.iso}。请核对；如果不对，请用 --date 指定（例如 --date 2023-09-20）后重新导入。`,
    };
  }
  throw new ImportError(missingDate(lines));
}

/** The body a title names before 关于 (`中共某某区委员会关于……的通报`), when it reads as a signature would. */
function issuerInTitle(title: string | undefined): string | undefined {
  const name = title?.match(/^(.{2,50}?)关于/)?.[1];
  return name && isSignature(name, true) ? name : undefined;
}

/** A file's own date is a fallback only when it could be the notice's: not before 2000, not in the future. */
function plausible(date: DatedFrom | undefined): DatedFrom | undefined {
  if (!date) return undefined;
  const tomorrow = new Date(Date.now() + 36 * 3600 * 1000).toISOString().slice(0, 10);
  return date.iso >= '2000-01-01' && date.iso <= tomorrow ? date : undefined;
}

/** Why no date was found, with the line to look at when the notice goes on after its date. */
function missingDate(lines: ClassifiedLine[]): string {
  const advice =
    '通报最后一行应是“2023年9月20日”这样的落款日期。请在原文末尾补上落款和日期后再导入；如果原文确实没有落款日期（日期印在网页标题下），请用 --date 指定成文日期，例如 --date 2023-09-20。';
  const dated = lines.findLastIndex((l) => parseSignatureDate(l.text));
  if (dated >= 0) {
    const after = lines.slice(dated + 1);
    const contact = after.find((l) => phonesIn(l.text).length || emailsIn(l.text).length || /\d{6}/.test(l.text));
    const where = contact ?? after[0];
    const what = contact ? '写有联系方式，无法放进通报的联系方式（联系方式应在落款之前）' : '在落款日期之后';
    return `第 ${where.line} 行“${preview(where.text)}”${what}：第 ${lines[dated].line} 行的“${lines[dated].text}”之后还有文字。${advice}如果这些文字属于通报，请移到落款之前。`;
  }
  return `没有找到落款日期：${advice}`;
}

/**
 * The closing's contact details as frontmatter: one value as itself, several as a list. A contact line outside
 * the closing, or a labelled value the importer cannot read, is refused with its line: never dropped.
 */
function frontmatterContact(lines: ClassifiedLine[]): Record<string, string | string[]> | undefined {
  const misplaced = misplacedContactLines(lines);
  const { contact, unplaced } = readContact(
    lines
      .filter((l) => l.kind === 'appeal' || l.kind === 'contact')
      .map((l) => ({ text: l.text, line: l.line, kind: l.kind as 'appeal' | 'contact' })),
  );
  const problems = [
    ...misplaced.map((l) => ({
      line: l.line,
      message: `“${preview(l.text)}”是联系方式，但不在文末的联系方式部分（监督意见之后、落款之前），无法写入文件头的 contact`,
    })),
    ...unplaced,
  ];
  for (const field of ['phone', 'email', 'postcode'] as const) {
    for (const value of contact[field]) {
      const result = contactSchema.shape[field].safeParse(value);
      if (!result.success) {
        const line = lines.find((l) => l.text.includes(value))?.line ?? lines.at(-1)!.line;
        problems.push({ line, message: `${result.error.issues[0].message}：“${value}”` });
      }
    }
  }
  if (problems.length) {
    const shown = problems.sort((a, b) => a.line - b.line).map((p) => `  第 ${p.line} 行：${p.message}`);
    throw new ImportError(
      `有联系方式无法放进通报的联系方式：\n${shown.join('\n')}\n导入程序不会丢掉任何电话、邮箱或邮政编码。请把联系方式写成文末单独的一行（如“联系电话：027-85615369”），放在监督意见之后、落款之前，再导入。`,
    );
  }
  const out: Record<string, string | string[]> = {};
  for (const field of ['phone', 'address', 'postcode', 'email', 'hours'] as Array<keyof ContactFound>) {
    const values = contact[field];
    if (values.length) out[field] = field === 'hours' ? values.join('；') : values.length === 1 ? values[0] : values;
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * The text where a notice states its overall progress: not inside a problem's 整改情况, where
 * `4个问题…已全部整改到位` speaks of that problem's own findings.
 */
function outsideRectifications(lines: ClassifiedLine[]): string {
  let inside = false;
  const kept: string[] = [];
  for (const l of lines) {
    if (l.kind === 'heading') inside = false;
    else if (l.kind === 'rectification') inside = true;
    if (!inside) kept.push(l.text);
  }
  return kept.join('\n');
}

function preview(t: string): string {
  return t.length > 30 ? `${t.slice(0, 30)}…` : t;
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
function checkOutline(lines: ClassifiedLine[], encodingHint: string): ReturnType<typeof buildOutline> {
  const outline = buildOutline(asTree(lines));
  if (outline.issues.length) {
    const shown = outline.issues.slice(0, 5).map((i) => `  第 ${i.line} 行：${i.message}`);
    const more = outline.issues.length > 5 ? `\n  ……另有 ${outline.issues.length - 5} 处。` : '';
    throw new ImportError(`原文的编号有问题，导入后无法通过 npm run check：\n${shown.join('\n')}${more}\n请改正原文后再导入。`);
  }
  if (outline.sections.length === 0 && lines.some((l) => l.kind === 'heading')) {
    throw new ImportError(
      `没有找到“一、”这样的部分标题：通报正文应分为“一、”“二、”……几个部分。请确认这是一份巡察整改通报的正文。${encodingHint}`,
    );
  }
  return outline;
}

/** The Markdown tree `renderBody` stands for, with positions on the lines of the original text. */
function asTree(lines: ClassifiedLine[]): Root {
  const text = (value: string): PhrasingContent => ({ type: 'text', value });
  const boldStart = (bold: string, rest: string): PhrasingContent[] => [
    { type: 'strong', children: [text(bold)] },
    ...(rest ? [text(rest)] : []),
  ];
  const children = lines
    .filter((l) => l.kind !== 'title')
    .map((l): RootContent => {
      const position = { start: { line: l.line, column: 1 }, end: { line: l.line, column: l.text.length + 1 } };
      if (l.kind === 'heading') return { type: 'heading', depth: l.level as 2 | 3 | 4 | 5 | 6, children: [text(l.text)], position };
      if (l.kind === 'lead' || l.kind === 'rectification')
        return { type: 'paragraph', children: boldStart(l.lead!, l.text.slice(l.lead!.length)), position };
      if (l.kind === 'table') return { type: 'table', children: [], position } satisfies Table;
      return { type: 'paragraph', children: [text(l.text)], position };
    });
  return { type: 'root', children };
}
