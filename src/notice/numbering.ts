// The numbering an official notice uses (GB/T 9704-2012: 一、 → （一） → 1. → （1）), and the patterns that
// recognise a problem and its rectification. Shared by the importer (raw text), the outline parser (Markdown)
// and the checker, so that all three read a notice the same way.

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

/** The kinds of numbering, outermost first. A notice may start at any of them and skip none it uses. */
export const LEVELS = ['section', 'group', 'item', 'subitem'] as const;
export type Level = (typeof LEVELS)[number];

/** How each kind is written, as a reader would name it in a message. */
export const LEVEL_EXAMPLE: Record<Level, string> = { section: '一、', group: '（一）', item: '1.', subitem: '（1）' };

export interface Numbering {
  level: Level;
  /** The numbering exactly as written, e.g. `一、`, `（一）`, `1、`, `问题1：`. */
  label: string;
  value: number;
  /** The text after the numbering. */
  rest: string;
}

const NUMBERED: Array<[Level, RegExp, (m: RegExpMatchArray) => number]> = [
  ['section', /^([一二三四五六七八九十]{1,3})、/, (m) => chineseToNumber(m[1])],
  ['group', /^[（(]([一二三四五六七八九十]{1,3})[）)]/, (m) => chineseToNumber(m[1])],
  // `1.` must not be a decimal (`1.5亿元`), and `问题1：` numbers problems as `1.` would.
  ['item', /^(?:(\d{1,3})(?:[、．]|\.(?!\d))|(?:反馈|存在)?问题(\d{1,3})[：:.．、])/, (m) => Number(m[1] ?? m[2])],
  ['subitem', /^[（(](\d{1,3})[）)]/, (m) => Number(m[1])],
];

/** Recognises a leading `一、`, `（一）`, `1、`/`1.`, `问题1：` or `（1）`. */
export function parseNumbering(line: string): Numbering | undefined {
  for (const [level, re, value] of NUMBERED) {
    const m = line.match(re);
    if (m) return { level, label: m[0], value: value(m), rest: line.slice(m[0].length) };
  }
  return undefined;
}

/**
 * A heading that names a problem: `关于“…”的问题`, and the forms of notices that report on each problem's
 * rectification: `关于“…”问题的整改`, `关于……问题的整改情况`, `关于“…”问题整改落实情况`. The problem's own words
 * are the quoted ones, else those between 关于 and 问题.
 */
export const PROBLEM_TITLE =
  /^关于(?:[“"](?<quoted>[^”"]{1,200})[”"]|(?<plain>[^“”"]{1,200}?))(?:的)?问题(?:的)?(?:整改(?:落实|进展)?(?:情况)?)?[。：:]?$/;

/** A problem written as fields: `反馈问题：…`, `存在问题：…`, `问题描述：…`, `巡察发现问题：…`. */
export const PROBLEM_FIELD = /^(?:巡[察视])?(?:反馈|存在|发现)?问题(?:描述|表现|内容)?[：:]/;

/** Whether a heading's words (numbering removed) name a problem: as above, or numbered `问题N：`. */
export function namesProblem(numbering: Numbering): boolean {
  return PROBLEM_TITLE.test(numbering.rest) || PROBLEM_FIELD.test(numbering.rest) || /问题\d/.test(numbering.label);
}

/** The problem in its own words: inside `关于“…”的问题` or after `反馈问题：`, else the heading without numbering. */
export function problemTitle(numbering: Numbering): string {
  const named = numbering.rest.match(PROBLEM_TITLE)?.groups;
  if (named) return named.quoted ?? named.plain;
  return numbering.rest.replace(PROBLEM_FIELD, '').replace(/[。；]$/, '');
}

/**
 * A problem's 整改状态 as notices written as fields state it (`整改状态：已完成`, `完成情况：持续推进`): a few
 * words, not a sentence of measures.
 */
const STATUS_FIELD = /^(?:整改状态|整改进度|完成状态|完成情况|整改完成情况|状态)[：:]/;
export function statusField(text: string): { label: string; value: string } | undefined {
  const label = text.match(STATUS_FIELD)?.[0];
  if (!label) return undefined;
  const value = text
    .slice(label.length)
    .trim()
    .replace(/[。；;]$/, '');
  return value && value.length <= 20 && !/[。；;]/.test(value) ? { label, value } : undefined;
}

/** The other fields of a problem entry (`整改时限：`, `责任单位：`, `责任处室：`): a label set in bold. */
export const ENTRY_FIELD = /^(?:整改|责任|完成|牵头|配合)?(?:时限|期限|单位|领导|部门|处室|科室|责任人|目标)[：:]/;

/** The label that opens a problem's rectification: `整改情况：`, `整改进展：`, `整改措施：`… */
export const RECTIFICATION = /^(?:整改(?:落实)?(?:进展)?(?:情况|进展|措施|结果|成效))：/;

/** The rectification label a paragraph starts with, or undefined. */
export function rectificationLabel(text: string): string | undefined {
  return text.match(RECTIFICATION)?.[0];
}

/** The label of the sample and of most notices, used where the importer has to name one. */
export const RECTIFICATION_LABEL = '整改情况：';

/** `一是`, `二是`… opening a measure inside a 整改情况 paragraph. */
export const MEASURE_MARKER = /[一二三四五六七八九十]{1,3}是/g;

/** Splits a paragraph into its lead sentence (up to the first 。) and the rest. */
export function splitLeadSentence(text: string): [lead: string, rest: string] {
  const end = text.indexOf('。');
  if (end < 0 || end === text.length - 1) return [text, ''];
  return [text.slice(0, end + 1), text.slice(end + 1)];
}
