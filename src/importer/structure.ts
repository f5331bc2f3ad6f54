// Recognises the structure of a normalised notice (Simplified, full-width) and writes it as Markdown.
import { classifyClosing, CONTACT_LABELS, isContactLine, parseSignatureDate } from '../notice/closing';
import {
  ENTRY_FIELD,
  LEVELS,
  type Level,
  parseNumbering,
  PROBLEM_FIELD,
  PROBLEM_TITLE,
  rectificationLabel,
  splitLeadSentence,
  statusField,
} from '../notice/numbering';
import { ImportError } from './decode';
import { RECTIFICATION_HEADING } from '../notice/outline';
import { addressRest } from './web-address';
import { inspectionWordIn } from '../notice/inspection';

export type LineKind = 'title' | 'heading' | 'lead' | 'rectification' | 'paragraph' | 'table' | 'appeal' | 'contact' | 'signature' | 'date';

export interface ClassifiedLine {
  line: number;
  kind: LineKind;
  text: string;
  /** For headings: the Markdown heading depth (2 for the notice's top level). */
  level?: number;
  /** For headings: which kind of numbering opens the line. */
  numbering?: Level;
  /** For headings: a problem written as fields without a number (`反馈问题：…`), at the level `numbering` says. */
  synthetic?: boolean;
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
  /** The last heading so far: a problem written as fields goes one level below it. */
  let lastHeading: ClassifiedLine | undefined;
  /** The title without the column tags a CMS puts round it, with a warning naming what was left out. */
  const title = (line: number, text: string): ClassifiedLine => {
    const bare = withoutColumnTags(text);
    if (bare !== text) warnings.push({ line, message: `标题“${preview(text)}”带有栏目标签，已从标题中去掉：“${bare}”。` });
    return { line, kind: 'title', text: bare };
  };
  for (let i = 0; i < end; i++) {
    const { line, text: t } = raw[i];
    if (i === 0 && isTitle(withoutColumnTags(t))) {
      lines.push(title(line, t));
      continue;
    }
    // A title over two lines: the body's name, then `关于……的通报`.
    if (i === 0 && end > 1 && t.length <= 40 && !/[。，；：]/.test(t) && !parseNumbering(t) && isTitle(withoutColumnTags(raw[1].text))) {
      lines.push(title(line, `${t}${raw[1].text}`));
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
    // A problem entry's other fields (整改状态：已完成, 整改时限：…): the label in bold, the words as written.
    const field = statusField(t)?.label ?? t.match(ENTRY_FIELD)?.[0];
    if (field && !numbering) {
      lines.push({ line, kind: 'lead', text: t, lead: field });
      continue;
    }
    // `反馈问题：…` without a number, followed by its fields: a problem heading one level below the last heading.
    const outer = lastHeading;
    if (!numbering && PROBLEM_FIELD.test(t) && outer && opensEntry(raw[i + 1]?.text) && t.length <= HEADING_MAX) {
      const level = outer.synthetic ? outer.numbering! : LEVELS[LEVELS.indexOf(outer.numbering!) + 1];
      if (level) {
        lines.push((lastHeading = { line, kind: 'heading', numbering: level, synthetic: true, text: t }));
        problemRank = LEVELS.indexOf(level);
        inRectification = false;
        continue;
      }
    }
    if (numbering && !(inRectification && problemRank !== undefined && rank! > problemRank)) {
      const [lead, rest] = splitLeadSentence(numbering.rest);
      const nextIsRectification = i + 1 < end && opensEntry(raw[i + 1].text);
      const oneSentence = rest === '' && !lead.slice(0, -1).includes('。') && t.length <= HEADING_MAX;
      if (oneSentence || (nextIsRectification && numbering.label.length + lead.length <= HEADING_MAX)) {
        lines.push(
          (lastHeading = { line, kind: 'heading', numbering: numbering.level, text: oneSentence ? t : `${numbering.label}${lead}` }),
        );
        // A problem stated at length before its 整改情况: the heading is its first sentence, the rest a paragraph.
        if (!oneSentence) lines.push({ line, kind: 'paragraph', text: rest });
        problemRank = rank;
        // `1.关于“…”问题的整改情况` over a paragraph: the text below is that rectification, its own numbered
        // points included (a section `二、关于巡察反馈问题整改落实情况` is followed by its numbered parts).
        inRectification =
          PROBLEM_TITLE.test(numbering.rest) &&
          RECTIFICATION_HEADING.test(numbering.rest) &&
          i + 1 < end &&
          !parseNumbering(raw[i + 1].text);
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
 * A title without the column tags that CMSs and republishing sites put before or after it: `【巡察整改】`,
 * `[公示公告]`, `【图文】`. A tag is short and bracketed, and never the title itself; 〔〕 are the 文号's own brackets.
 */
export function withoutColumnTags(title: string): string {
  const tag = '(?:【[^【】]{1,12}】|\\[[^[\\]]{1,12}\\])';
  const bare = title.replace(new RegExp(`^(?:${tag}\\s*)+`), '').replace(new RegExp(`(?:\\s*${tag})+$`), '');
  return /\p{Script=Han}/u.test(bare) ? bare : title;
}

/** Whether a line opens the fields of a problem entry: its 整改情况, its 整改状态 or another field. */
function opensEntry(text: string | undefined): boolean {
  return text !== undefined && (rectificationLabel(text) !== undefined || statusField(text) !== undefined || ENTRY_FIELD.test(text));
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

// Every open-ended repetition below is bounded: tried from every position of a long paragraph without
// punctuation, an unbounded lazy `*?` rescans the rest of it each time (quadratic).
const CN = '[一二三四五六七八九十]{1,3}';
/** One inspection group as official texts name it: 第三巡察组, 第一巡视组, 巡察三组. */
const GROUP = `(?:第${CN}巡[察视]组|巡[察视]${CN}组)`;
/** Groups with the body that sent them (中央, 省委, 市委, 集团党委…), several joined by 、. */
const GROUPS = new RegExp(
  `((?:[^，。、；：\\s]{0,30}?(?:中央|委|党组))?${GROUP}(?:、(?:[^，。、；：\\s]{0,30}?(?:中央|委|党组))?${GROUP}){0,20})`,
);
/** The words before a body's name that are not part of it: 根据市委部署 → 市委. */
const LEADING_VERBS = /^(?:根据|按照|依据|经过|经|由|受|在|对|派出|派驻)+/;
const DATE = '(\\d{4}年)?(\\d{1,2})月(?:[上中下]旬|\\d{1,2}日)?';
const PERIOD = /(\d{4}年\d{1,2}月(?:[上中下]旬|\d{1,2}日)?)(?:至|—|－|-|到)((?:\d{4}年)?\d{1,2}月(?:[上中下]旬|\d{1,2}日)?)/;

/**
 * The sending body at the end of the words before a group: 中央, 省委/市委/区委/县委 (the old rule: `某某县委`
 * is 县委), or an organisation's own 党委/党组 with up to ten characters of its name (集团党委).
 */
function sendingBody(words: string): string {
  if (/(?:党委|党组)$/.test(words)) return words.match(/\p{Script=Han}{0,10}(?:党委|党组)$/u)?.[0] ?? words;
  return words.match(/(?:中央|(?:省|市|区|县|州|旗|盟)?委)$/u)?.[0] ?? words;
}

/** `市委第一巡察组、第二巡察组` → both with their body; `中央第二巡视组`; `集团党委巡察三组`. */
function inspectionGroups(opening: string): string[] | undefined {
  const text = opening.match(GROUPS)?.[1];
  if (!text) return undefined;
  let body = '';
  return text.split('、').map((piece) => {
    const name = piece.replace(LEADING_VERBS, '');
    const sender = name.match(new RegExp(`^(.*?)${GROUP}$`))?.[1] ?? '';
    const own = sender && sendingBody(sender);
    if (own) body = own;
    return `${body}${name.slice(sender.length)}`;
  });
}

/**
 * When the findings were given: the date nearest before `反馈` in its sentence, outside the inspection period
 * (`2023年4月至6月…巡察，8月25日反馈` is 8月25日), its year taken from the date before it when not written.
 */
function feedbackDate(opening: string, period: RegExpMatchArray | null): string | undefined {
  const periodEnd = period ? period.index! + period[0].length : 0;
  for (const sentence of opening.matchAll(/[^。；]{1,2000}/g)) {
    const at = sentence[0].indexOf('反馈');
    if (at < 0) continue;
    const before = sentence[0].slice(0, at);
    const dates = [...before.matchAll(new RegExp(DATE, 'g'))].filter((d) => sentence.index! + d.index! >= periodEnd || !period);
    const date = dates.at(-1);
    if (!date || /(?:开展|进行|实施)[^，。；]{0,10}巡[察视]|巡[察视]了/.test(before.slice(date.index! + date[0].length))) continue;
    if (date[1]) return date[0];
    const years = [...opening.slice(0, sentence.index! + date.index!).matchAll(/(\d{4})年/g)];
    return years.length ? `${years.at(-1)![1]}年${date[0]}` : undefined;
  }
  return undefined;
}

/**
 * The title's words for a notice without a title line: the phrase the text itself uses (巡视整改进展情况,
 * 巡察集中整改情况), else one made from how the opening names the inspection (巡视 or 巡察, “回头看”, 集中整改).
 */
function titlePhrase(all: string, opening: string): string {
  const own = all.match(/巡[察视](?:[“"]回头看[”"])?(?:集中)?整改(?:进展|落实)?情况/)?.[0];
  if (own) return own;
  const word = inspectionWordIn(opening) ?? inspectionWordIn(all) ?? '巡察';
  const lookBack = /回头看/.test(all) ? '“回头看”' : '';
  const focused = /集中整改/.test(all) ? '集中' : '';
  return `${word}${lookBack}${focused}整改进展情况`;
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
  const opening = lines.find((l) => l.kind === 'paragraph')?.text ?? '';
  if (titleLine) found.title = titleLine.text;
  else if (found.issuer) found.title = `${found.issuer}关于${titlePhrase(all, opening)}的通报`;

  const inspection: NonNullable<Recognised['inspection']> = {};
  const groups = inspectionGroups(opening);
  if (groups) inspection.groups = groups;
  const period = opening.match(PERIOD);
  if (period) inspection.period = `${period[1]}至${period[2]}`;
  const feedback = feedbackDate(opening, period);
  if (feedback) inspection.feedback = feedback;
  if (Object.keys(inspection).length) found.inspection = inspection;

  const inspected = [
    ...opening.matchAll(
      /([^\s，、。（）“”对向]{1,60}?(?:有限责任公司|有限公司|集团|公司|委员会|局|厅|院|中心|大学))（以下简称“([^”]{1,30})”）/g,
    ),
  ].map((m) => ({ name: m[1], short: m[2] }));
  if (inspected.length) found.inspected = inspected;

  return found;
}
