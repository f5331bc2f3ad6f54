// The numbering an official notice uses, and the patterns that recognise each kind of line.
// Shared by the importer (raw text), the outline parser (Markdown) and the checker.

const DIGITS = '零一二三四五六七八九';

/** 一 → 1, 十 → 10, 十二 → 12, 二十三 → 23. Returns NaN for anything else. */
export function chineseToNumber(text: string): number {
  if (!/^[零一二三四五六七八九十]{1,3}$/.test(text)) return NaN;
  if (!text.includes('十')) return text.length === 1 ? DIGITS.indexOf(text) : NaN;
  const [tens, ones] = text.split('十');
  const t = tens === '' ? 1 : DIGITS.indexOf(tens);
  const o = ones === '' ? 0 : DIGITS.indexOf(ones);
  return t > 0 && o >= 0 ? t * 10 + o : NaN;
}

export type Level = 'section' | 'group' | 'item';

export interface Numbering {
  level: Level;
  /** The numbering exactly as written, e.g. `一、`, `（一）`, `1、`. */
  label: string;
  value: number;
  /** The text after the numbering. */
  rest: string;
}

const NUMBERED: Array<[Level, RegExp, (m: RegExpMatchArray) => number]> = [
  ['section', /^([一二三四五六七八九十]{1,3})、/, (m) => chineseToNumber(m[1])],
  ['group', /^（([一二三四五六七八九十]{1,3})）/, (m) => chineseToNumber(m[1])],
  ['item', /^(\d{1,3})[、.．]/, (m) => Number(m[1])],
];

/** Recognises a leading `一、`, `（一）` or `1、`. */
export function parseNumbering(line: string): Numbering | undefined {
  for (const [level, re, value] of NUMBERED) {
    const m = line.match(re);
    if (m) return { level, label: m[0], value: value(m), rest: line.slice(m[0].length) };
  }
  return undefined;
}

/** `关于“…”的问题` with an optional trailing full stop. */
export const PROBLEM_TITLE = /^关于“(.+)”的问题[。]?$/;

export const RECTIFICATION_LABEL = '整改情况：';

/** `一是`, `二是`… opening a measure inside a 整改情况 paragraph. */
export const MEASURE_MARKER = /[一二三四五六七八九十]{1,3}是/g;

/** A signature date standing alone: `2023年9月20日`. */
export const SIGNATURE_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;

/** Labels of the contact lines printed at a notice's end. */
export const CONTACT_LINE = /^(联系电话|举报电话|电话|邮件地址|通信地址|通讯地址|联系地址|邮寄地址|电子邮箱|电子信箱|邮箱)：/;

/** The closing appeal for supervision and feedback. */
/** The appeal for feedback before the contact block. Linear in the line's length (a regex `欢迎.*(监督|意见)` is not). */
export function isAppeal(text: string): boolean {
  const welcome = text.indexOf('欢迎');
  return (welcome >= 0 && /监督|意见/.test(text.slice(welcome))) || /如有意见建议|请及时向我们反映/.test(text);
}

/** Splits a paragraph into its lead sentence (up to the first 。) and the rest. */
export function splitLeadSentence(text: string): [lead: string, rest: string] {
  const end = text.indexOf('。');
  if (end < 0 || end === text.length - 1) return [text, ''];
  return [text.slice(0, end + 1), text.slice(end + 1)];
}

/** `2023年9月20日` → `2023-09-20`, or undefined when not a real calendar date. */
export function chineseDateToIso(text: string): string | undefined {
  const m = text.match(SIGNATURE_DATE);
  if (!m) return undefined;
  return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function isoDate(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
