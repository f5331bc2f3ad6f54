// Recognises the structure of a normalised notice (Simplified, full-width) and writes it as Markdown.
import {
  type Level,
  RECTIFICATION_LABEL,
  chineseDateToIso,
  parseNumbering,
  splitLeadSentence,
} from '../numbering';
import { classifyClosing } from '../closing';
import { ImportError } from './decode';

export type LineKind = 'title' | 'heading' | 'lead' | 'rectification' | 'paragraph' | 'appeal' | 'contact' | 'signature' | 'date';

export interface ClassifiedLine {
  line: number;
  kind: LineKind;
  text: string;
  level?: number;
  /** For headings: which kind of numbering opens the line. */
  numbering?: Level;
}

export interface Warning {
  line: number;
  message: string;
}

/** Sentence-final characters; a plain paragraph ending otherwise is suspicious. */
const SENTENCE_END = /[。！？；：”’）》…]$/;
const TITLE_LINE = /关于.*(通报|公告|公示|情况)$/;

export function classifyLines(text: string): { lines: ClassifiedLine[]; warnings: Warning[] } {
  const raw = text.split('\n').map((t, i) => ({ line: i + 1, text: t.trim() })).filter((l) => l.text !== '');
  if (raw.length === 0) throw new ImportError('文件里没有文字：没有可导入的内容。');

  const lines: ClassifiedLine[] = [];
  const warnings: Warning[] = [];
  let depth: { section: boolean; group: boolean } = { section: false, group: false };

  const closingKinds = classifyClosing(raw.map((l) => l.text));
  const closing: ClassifiedLine[] = raw.flatMap((l, i) => (closingKinds[i] ? [{ ...l, kind: closingKinds[i]! }] : []));
  const end = raw.length - closing.length;

  for (let i = 0; i < end; i++) {
    const { line, text: t } = raw[i];
    const numbering = parseNumbering(t);
    // The length first: TITLE_LINE backtracks over the whole line from every 关于 in it.
    if (i === 0 && !numbering && t.length <= 120 && TITLE_LINE.test(t) && !t.includes('。')) {
      lines.push({ line, kind: 'title', text: t });
      continue;
    }
    if (numbering) {
      const [lead, rest] = splitLeadSentence(numbering.rest);
      if (rest === '' && !lead.slice(0, -1).includes('。') && t.length <= 120) {
        let level: number;
        if (numbering.level === 'section') {
          level = 2;
          depth = { section: true, group: false };
        } else if (numbering.level === 'group') {
          level = depth.section ? 3 : 2;
          depth.group = true;
        } else {
          level = 2 + Number(depth.section) + Number(depth.group);
        }
        lines.push({ line, kind: 'heading', level, numbering: numbering.level, text: t });
      } else {
        lines.push({ line, kind: 'lead', text: t });
      }
      continue;
    }
    if (t.startsWith(RECTIFICATION_LABEL)) {
      lines.push({ line, kind: 'rectification', text: t });
      continue;
    }
    if (!SENTENCE_END.test(t)) {
      warnings.push({ line, message: `无法识别这一行的作用（不是标题、编号段落或整改情况，也不以句末标点结束），已作为普通段落保留：“${preview(t)}”` });
    }
    lines.push({ line, kind: 'paragraph', text: t });
  }
  return { lines: [...lines, ...closing], warnings };
}

function preview(t: string): string {
  return t.length > 30 ? `${t.slice(0, 30)}…` : t;
}

/**
 * A web address in running text (`http://`, `https://`, `ftp://` or `www.`, in any case, wherever it starts);
 * it ends at Chinese text, and trailing punctuation belongs to the sentence.
 */
const URL_IN_TEXT = /(?:(?:https?|ftp):\/\/|www\.)(?:[^\s\p{Script=Han}\u3000-\u303f\uff00-\uffef“”<>]*[^\s\p{Script=Han}\u3000-\u303f\uff00-\uffef“”<>,.;:!?()'"])?/giu;

/** Escapes what Markdown would otherwise read as syntax, so every character survives as text. */
export function escapeMarkdown(text: string): string {
  // GFM turns a bare address into a link (escapes do not stop it), and a notice may not link to other sites
  // (`npm run check` refuses it): addresses are written as code, which shows every character and links nothing.
  let out = '';
  let last = 0;
  for (const m of text.matchAll(URL_IN_TEXT)) {
    out += escapeText(text.slice(last, m.index), last === 0) + codeSpan(m[0]);
    last = m.index! + m[0].length;
  }
  return out + escapeText(text.slice(last), last === 0);
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
  const escaped = text.replace(/[\\`*_[\]<>~&]/g, (c) => `\\${c}`); // ~ is GFM strikethrough, & starts an entity
  return atLineStart ? escaped.replace(/^([#>+\-=|])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2') : escaped;
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
      case 'lead': {
        const [lead, rest] = splitLeadSentence(l.text);
        out.push(`**${escapeMarkdown(lead)}**${escapeMarkdown(rest)}`);
        break;
      }
      case 'rectification':
        out.push(`**${RECTIFICATION_LABEL}**${escapeMarkdown(l.text.slice(RECTIFICATION_LABEL.length))}`);
        break;
      default:
        out.push(escapeMarkdown(l.text));
    }
  }
  return out.join('\n\n') + '\n';
}

export interface Recognised {
  title?: string;
  issuer?: string;
  date?: string;
  inspected?: Array<{ name: string; short?: string }>;
  inspection?: { groups?: string[]; period?: string; feedback?: string };
  contact?: { phone?: string; address?: string; postcode?: string; email?: string };
}

/** Reads the metadata a notice states in its own words. */
export function recognise(lines: ClassifiedLine[]): Recognised {
  const found: Recognised = {};
  const titleLine = lines.find((l) => l.kind === 'title');
  const signature = lines.find((l) => l.kind === 'signature');
  const dateLine = lines.find((l) => l.kind === 'date');
  if (signature) found.issuer = signature.text;
  if (dateLine) found.date = chineseDateToIso(dateLine.text);
  const all = lines.map((l) => l.text).join('\n');
  if (titleLine) found.title = titleLine.text;
  else if (found.issuer) {
    const phrase = all.match(/巡察(?:集中)?整改(?:进展|落实)?情况/)?.[0] ?? '巡察整改进展情况';
    found.title = `${found.issuer}关于${phrase}的通报`;
  }

  const opening = lines.find((l) => l.kind === 'paragraph')?.text ?? '';
  // Every open-ended repetition below is bounded: tried from every position of a long paragraph without
  // punctuation, an unbounded lazy `*?` rescans the rest of it each time (quadratic).
  const groupsText = opening.match(/((?:[^，。、；\s]{0,30}?委)?第[一二三四五六七八九十]+巡察组(?:、第[一二三四五六七八九十]+巡察组)*)/)?.[1];
  const inspection: NonNullable<Recognised['inspection']> = {};
  if (groupsText) {
    const prefix = groupsText.match(/^(.*?)第/)?.[1] ?? '';
    const trimmedPrefix = prefix.replace(/^.*?(?=(?:省|市|区|县|州)?委$)/, '');
    inspection.groups = groupsText.split('、').map((g, i) => (i === 0 ? `${trimmedPrefix}${g.slice(prefix.length)}` : `${trimmedPrefix}${g}`));
  }
  const period = opening.match(/(\d{4}年\d{1,2}月(?:[上中下]旬|\d{1,2}日)?)(?:至|—|-|到)((?:\d{4}年)?\d{1,2}月(?:[上中下]旬|\d{1,2}日)?)/);
  if (period) inspection.period = `${period[1]}至${period[2]}`;
  const feedback = opening.match(/于(\d{4}年\d{1,2}月(?:\d{1,2}日)?)(?:分别)?(?:向[^。]{0,60}?)?反馈/);
  if (feedback) inspection.feedback = feedback[1];
  if (Object.keys(inspection).length) found.inspection = inspection;

  const inspected = [
    ...opening.matchAll(/([^\s，、。（）“”对向]{1,60}?(?:有限责任公司|有限公司|集团|公司|委员会|局|厅|院|中心|大学))（以下简称“([^”]{1,30})”）/g),
  ].map((m) => ({ name: m[1], short: m[2] }));
  if (inspected.length) found.inspected = inspected;

  const contact: NonNullable<Recognised['contact']> = {};
  for (const l of lines.filter((x) => x.kind === 'contact')) {
    const [label, value] = [l.text.slice(0, l.text.indexOf('：')), l.text.slice(l.text.indexOf('：') + 1)];
    if (/电话/.test(label)) contact.phone = value.trim();
    else if (/邮箱|信箱/.test(label)) contact.email = value.trim();
    else if (/地址/.test(label)) Object.assign(contact, addressAndPostcode(value));
  }
  if (Object.keys(contact).length) found.contact = contact;
  return found;
}

/** `某某路1号，邮政编码：430021` → address and postcode (without regular expressions that backtrack over spaces). */
export function addressAndPostcode(value: string): { address: string; postcode?: string } {
  const at = value.lastIndexOf('邮政编码');
  const postcode = at >= 0 ? value.slice(at + '邮政编码'.length).match(/^：?\s*(\d{6})\s*$/)?.[1] : undefined;
  if (postcode === undefined) return { address: value.trim() };
  let end = at;
  while (end > 0 && /\s/.test(value[end - 1])) end--;
  if (value[end - 1] === '，' || value[end - 1] === ',') end--;
  return { address: value.slice(0, end), postcode };
}
