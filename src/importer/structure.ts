// Recognises the structure of a normalised notice (Simplified, full-width) and writes it as Markdown.
import { classifyClosing, CONTACT_LABELS, isContactLine, parseSignatureDate } from '../notice/closing';
import { LEVELS, type Level, parseNumbering, rectificationLabel, splitLeadSentence } from '../notice/numbering';
import { ImportError } from './decode';
import { addressRest } from './web-address';

export type LineKind = 'title' | 'heading' | 'lead' | 'rectification' | 'paragraph' | 'table' | 'appeal' | 'contact' | 'signature' | 'date';

export interface ClassifiedLine {
  line: number;
  kind: LineKind;
  text: string;
  /** For headings: the Markdown heading depth (2 for the notice's top level). */
  level?: number;
  /** For headings: which kind of numbering opens the line. */
  numbering?: Level;
  /** For leads and rectifications: the words set in bold at the start. */
  lead?: string;
  /** For tables: the cells, header row first. */
  rows?: string[][];
}

export interface Warning {
  line: number;
  message: string;
}

/** Sentence-final characters; a plain paragraph ending otherwise is suspicious. */
const SENTENCE_END = /[。！？；：”’）》…]$/;
const TITLE_LINE = /关于.*(通报|公告|公示|情况)$/;
/** The longest line that can be a heading; longer numbered lines are paragraphs with a bold lead. */
const HEADING_MAX = 120;

/** A table row as text (`| 序号 | 问题 |`), as the Word and web-page readers write tables and as people paste them. */
const TABLE_ROW = /^\|.*\|$/;
const TABLE_DELIMITER = /^\|(?:\s*:?-{2,}:?\s*\|)+$/;

function tableCells(row: string): string[] {
  return row
    .slice(1, -1)
    .split('|')
    .map((c) => c.trim());
}

/**
 * Classifies each line of a notice. `bold` gives, by line, the words a Word file or web page set in bold at
 * the start of the paragraph.
 */
export function classifyLines(
  text: string,
  bold: ReadonlyMap<number, string> = new Map(),
): { lines: ClassifiedLine[]; warnings: Warning[] } {
  const raw = text
    .split('\n')
    .map((t, i) => ({ line: i + 1, text: t.trim() }))
    .filter((l) => l.text !== '');
  if (raw.length === 0) throw new ImportError('文件里没有文字：没有可导入的内容。');
  joinWrappedContact(raw);

  const lines: ClassifiedLine[] = [];
  const warnings: Warning[] = [];

  const closingKinds = classifyClosing(raw.map((l) => l.text));
  const closing: ClassifiedLine[] = raw.flatMap((l, i) => (closingKinds[i] ? [{ ...l, kind: closingKinds[i]! }] : []));
  const end = raw.length - closing.length;
  const isTitle = (t: string) => !parseNumbering(t) && t.length <= HEADING_MAX && !t.includes('。') && TITLE_LINE.test(t);

  // Numbered lines inside a problem's 整改情况 (`（1）…`) belong to it, not to the outline.
  let problemRank: number | undefined;
  let inRectification = false;
  for (let i = 0; i < end; i++) {
    const { line, text: t } = raw[i];
    if (i === 0 && isTitle(t)) {
      lines.push({ line, kind: 'title', text: t });
      continue;
    }
    // A title over two lines: the body's name, then `关于……的通报`.
    if (i === 0 && end > 1 && t.length <= 40 && !/[。，；：]/.test(t) && !parseNumbering(t) && isTitle(raw[1].text)) {
      lines.push({ line, kind: 'title', text: `${t}${raw[1].text}` });
      i++;
      continue;
    }
    if (TABLE_ROW.test(t)) {
      const rows: string[][] = [];
      let j = i;
      for (; j < end && TABLE_ROW.test(raw[j].text); j++) if (!TABLE_DELIMITER.test(raw[j].text)) rows.push(tableCells(raw[j].text));
      if (rows.length >= 1) {
        lines.push({
          line,
          kind: 'table',
          text: raw
            .slice(i, j)
            .map((r) => r.text)
            .join('\n'),
          rows,
        });
        i = j - 1;
        continue;
      }
    }
    const numbering = parseNumbering(t);
    const rank = numbering && LEVELS.indexOf(numbering.level);
    const label = rectificationLabel(t);
    if (label) {
      lines.push({ line, kind: 'rectification', text: t, lead: label });
      inRectification = true;
      continue;
    }
    if (numbering && !(inRectification && problemRank !== undefined && rank! > problemRank)) {
      const [lead, rest] = splitLeadSentence(numbering.rest);
      const nextIsRectification = i + 1 < end && rectificationLabel(raw[i + 1].text) !== undefined;
      const oneSentence = rest === '' && !lead.slice(0, -1).includes('。') && t.length <= HEADING_MAX;
      if (oneSentence || (nextIsRectification && numbering.label.length + lead.length <= HEADING_MAX)) {
        lines.push({ line, kind: 'heading', numbering: numbering.level, text: oneSentence ? t : `${numbering.label}${lead}` });
        // A problem stated at length before its 整改情况: the heading is its first sentence, the rest a paragraph.
        if (!oneSentence) lines.push({ line, kind: 'paragraph', text: rest });
        problemRank = rank;
        inRectification = false;
        continue;
      }
      const shown = bold.get(line);
      lines.push({ line, kind: 'lead', text: t, lead: shown && t.startsWith(shown) ? shown : numbering.label + lead });
      continue;
    }
    const shown = bold.get(line);
    if (shown && t.startsWith(shown)) {
      lines.push({ line, kind: 'lead', text: t, lead: shown });
      continue;
    }
    if (!SENTENCE_END.test(t) && !numbering) {
      warnings.push({
        line,
        message: `无法识别这一行的作用（不是标题、编号段落或整改情况，也不以句末标点结束），已作为普通段落保留：“${preview(t)}”`,
      });
    }
    lines.push({
      line,
      kind: numbering ? 'lead' : 'paragraph',
      text: t,
      ...(numbering && { lead: numbering.label + splitLeadSentence(numbering.rest)[0] }),
    });
  }
  setHeadingDepths(lines);
  return { lines: [...lines, ...closing], warnings };
}

/**
 * A contact line that a PDF (or a narrow column) broke after its label: `通信地址：某某路8号（邮编：` then
 * `725000）`, or `电子邮箱：` then the address. The value on the next line is joined back, so that the label
 * finds it; the joined line keeps the first line's number.
 */
function joinWrappedContact(raw: Array<{ line: number; text: string }>): void {
  for (let i = raw.length - 2; i >= 0; i--) {
    const { text } = raw[i];
    const next = raw[i + 1].text;
    if (!OPEN_LABEL.test(text) || next.length > 60 || isContactLine(next) || parseSignatureDate(next) || parseNumbering(next)) continue;
    raw.splice(i, 2, { line: raw[i].line, text: `${text}${next}` });
  }
}

/** A line that ends on a contact label and its colon, or on an opening bracket: its value is on the next line. */
const OPEN_LABEL = new RegExp(`(?:${CONTACT_LABELS})\\s*[：:]\\s*$|[（(]\\s*$`, 'iu');

/** Markdown depth from nesting: a notice's outermost numbering is `##`, whichever level it is. */
function setHeadingDepths(lines: ClassifiedLine[]): void {
  const open: number[] = [];
  for (const l of lines) {
    if (l.kind !== 'heading') continue;
    const rank = LEVELS.indexOf(l.numbering!);
    while (open.length && open.at(-1)! >= rank) open.pop();
    open.push(rank);
    l.level = Math.min(open.length + 1, 6);
  }
}

/** Body lines that read as contact details (`联系电话：…`) but stand outside the closing block. */
export function misplacedContactLines(lines: ClassifiedLine[]): ClassifiedLine[] {
  return lines.filter((l) => (l.kind === 'paragraph' || l.kind === 'lead') && isContactLine(l.text));
}

function preview(t: string): string {
  return t.length > 30 ? `${t.slice(0, 30)}…` : t;
}

/**
 * A web address in running text (`http://`, `https://`, `ftp://` or `www.`, in any case, wherever it starts);
 * it ends at Chinese text, and trailing punctuation belongs to the sentence.
 */
const URL_IN_TEXT = new RegExp(`(?:(?:https?|ftp):\\/\\/|www\\.)${addressRest('<>', `'"`)}`, 'giu');

/**
 * Escapes what Markdown would read as syntax here, and nothing else: a hand editor later reads this file, so
 * `1.关于` stays as it is (only `1. ` with a space starts a list). `atLineStart`: the text opens a paragraph.
 */
export function escapeMarkdown(text: string, atLineStart = true): string {
  // GFM turns a bare address into a link (escapes do not stop it), and a notice may not link to other sites
  // (`npm run check` refuses it): addresses are written as code, which shows every character and links nothing.
  let out = '';
  let last = 0;
  for (const m of text.matchAll(URL_IN_TEXT)) {
    out += escapeText(text.slice(last, m.index), atLineStart && last === 0) + codeSpan(m[0]);
    last = m.index! + m[0].length;
  }
  return out + escapeText(text.slice(last), atLineStart && last === 0);
}

/** `text` as a code span: fenced by one more backtick than its longest run, padded when it starts or ends with one. */
export function codeSpan(text: string): string {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function escapeText(text: string, atLineStart: boolean): string {
  const tildes = (text.match(/~/g) ?? []).length >= 2; // GFM strikethrough needs a pair
  let escaped = text
    .replace(/\\(?=[!-/:-@[-`{-~]|$)/g, '\\\\')
    .replace(/[`*]/g, (c) => `\\${c}`)
    .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\_')
    .replace(/\[(?=.*\])/g, '\\[')
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/~/g, (c) => (tildes ? `\\${c}` : c));
  if (atLineStart) {
    escaped = escaped
      .replace(/^(#{1,6})(?=\s|$)/, '\\$1')
      .replace(/^([>+-])/, (m, c: string, offset: number, all: string) =>
        c === '>' || /^[+-](?:\s|$)/.test(all) || /^-(?:\s*-){2,}\s*$/.test(all) ? `\\${c}` : c,
      )
      .replace(/^(=+)$/, '\\$1')
      .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
  }
  return escaped;
}

export function renderBody(lines: ClassifiedLine[]): string {
  const out: string[] = [];
  for (const l of lines) {
    switch (l.kind) {
      case 'title':
        break; // goes to the frontmatter
      case 'heading':
        out.push(`${'#'.repeat(l.level!)} ${escapeMarkdown(l.text).replace(/#$/, '\\#')}`); // not a closing sequence
        break;
      case 'lead':
      case 'rectification': {
        const lead = l.lead ?? splitLeadSentence(l.text)[0];
        out.push(`**${escapeMarkdown(lead)}**${escapeMarkdown(l.text.slice(lead.length), false)}`);
        break;
      }
      case 'table':
        out.push(renderTable(l.rows!));
        break;
      default:
        out.push(escapeMarkdown(l.text));
    }
  }
  return out.join('\n\n') + '\n';
}

/** A GFM table; the first row is its header, short rows are padded so every row has as many cells. */
function renderTable(rows: string[][]): string {
  const width = Math.max(...rows.map((r) => r.length));
  const cell = (c: string) => escapeMarkdown(c, false).replace(/\|/g, '\\|') || ' ';
  const row = (r: string[]) => `| ${Array.from({ length: width }, (_, i) => cell(r[i] ?? '')).join(' | ')} |`;
  return [row(rows[0]), `|${' --- |'.repeat(width)}`, ...rows.slice(1).map(row)].join('\n');
}

export interface Recognised {
  title?: string;
  issuer?: string;
  date?: string;
  inspected?: Array<{ name: string; short?: string }>;
  inspection?: { groups?: string[]; period?: string; feedback?: string };
}

/** Reads the metadata a notice states in its own words. */
export function recognise(lines: ClassifiedLine[]): Recognised {
  const found: Recognised = {};
  const titleLine = lines.find((l) => l.kind === 'title');
  const signature = lines.find((l) => l.kind === 'signature');
  const dateLine = lines.find((l) => l.kind === 'date');
  if (signature) found.issuer = signature.text;
  if (dateLine) found.date = parseSignatureDate(dateLine.text)?.iso;
  const all = lines.map((l) => l.text).join('\n');
  if (titleLine) found.title = titleLine.text;
  else if (found.issuer) {
    const phrase = all.match(/巡察(?:集中)?整改(?:进展|落实)?情况/)?.[0] ?? '巡察整改进展情况';
    found.title = `${found.issuer}关于${phrase}的通报`;
  }

  const opening = lines.find((l) => l.kind === 'paragraph')?.text ?? '';
  // Every open-ended repetition below is bounded: tried from every position of a long paragraph without
  // punctuation, an unbounded lazy `*?` rescans the rest of it each time (quadratic).
  const groupsText = opening.match(
    /((?:[^，。、；\s]{0,30}?委)?第[一二三四五六七八九十]+巡察组(?:、第[一二三四五六七八九十]+巡察组)*)/,
  )?.[1];
  const inspection: NonNullable<Recognised['inspection']> = {};
  if (groupsText) {
    const prefix = groupsText.match(/^(.*?)第/)?.[1] ?? '';
    const trimmedPrefix = prefix.replace(/^.*?(?=(?:省|市|区|县|州)?委$)/, '');
    inspection.groups = groupsText
      .split('、')
      .map((g, i) => (i === 0 ? `${trimmedPrefix}${g.slice(prefix.length)}` : `${trimmedPrefix}${g}`));
  }
  const period = opening.match(/(\d{4}年\d{1,2}月(?:[上中下]旬|\d{1,2}日)?)(?:至|—|-|到)((?:\d{4}年)?\d{1,2}月(?:[上中下]旬|\d{1,2}日)?)/);
  if (period) inspection.period = `${period[1]}至${period[2]}`;
  const feedback = opening.match(/于(\d{4}年\d{1,2}月(?:\d{1,2}日)?)(?:分别)?(?:向[^。]{0,60}?)?反馈/);
  if (feedback) inspection.feedback = feedback[1];
  if (Object.keys(inspection).length) found.inspection = inspection;

  const inspected = [
    ...opening.matchAll(
      /([^\s，、。（）“”对向]{1,60}?(?:有限责任公司|有限公司|集团|公司|委员会|局|厅|院|中心|大学))（以下简称“([^”]{1,30})”）/g,
    ),
  ].map((m) => ({ name: m[1], short: m[2] }));
  if (inspected.length) found.inspected = inspected;

  return found;
}
