// Rectification progress as a notice states it in words, e.g. `反馈的18个问题已完成整改16个`, for the
// importer to fill in the optional `progress: { total, done }` frontmatter field.
import { chineseToNumber } from './numbering';

export interface Progress {
  total: number;
  done: number;
}

const N = '(\\d{1,4}|[零一二两三四五六七八九十]{1,3})';
const UNIT = '[个项条]';
const DONE = '(?:完成整改|整改完成|整改到位|已整改|完成)';
/** The words a count of problems may carry: `35个具体问题`, `18条反馈问题`, `4个方面问题`. */
const PROBLEMS = `${UNIT}[^，,。；;\\d]{0,6}?问题`;
// `18个问题已完成整改16个`, `18个问题中，已整改完成16个`, `巡察反馈35个具体问题，整改完成28个`
const TOTAL_THEN_DONE = new RegExp(`${N}${PROBLEMS}[^。；;]{0,16}?(?:已经?|均已)?${DONE}${N}${UNIT}`);
// `反馈问题35个，已完成整改28个`
const PROBLEMS_COUNTED = new RegExp(`问题(?:共|共计|总计)?${N}${UNIT}[^。；;]{0,16}?(?:已经?|均已)?${DONE}${N}${UNIT}`);
// `18个问题已全部完成整改`, `反馈问题共计12项，已全部完成整改`
const ALL_DONE = new RegExp(`(?:${N}${PROBLEMS}|问题(?:共|共计|总计)?${N}${UNIT})[^。；;]{0,16}?(?:已经?|均已)?全部${DONE}`);
// `已完成整改16个，正在推进2个`
const DONE_THEN_REST = new RegExp(`(?:已经?)?${DONE}${N}${UNIT}[^。；;]{0,12}?(?:正在|持续|仍在)(?:推进|整改|落实)${N}${UNIT}`);

function count(text: string): number {
  return /^\d+$/.test(text) ? Number(text) : chineseToNumber(text.replace(/两/g, '二'));
}

/** The first statement of progress in the text, when its numbers make sense (1 ≤ total, done ≤ total). */
export function findProgress(text: string): Progress | undefined {
  const candidates: Array<Progress | undefined> = [];
  let m = text.match(TOTAL_THEN_DONE);
  if (m) candidates.push({ total: count(m[1]), done: count(m[2]) });
  m = text.match(PROBLEMS_COUNTED);
  if (m) candidates.push({ total: count(m[1]), done: count(m[2]) });
  m = text.match(ALL_DONE);
  if (m) candidates.push({ total: count(m[1] ?? m[2]), done: count(m[1] ?? m[2]) });
  m = text.match(DONE_THEN_REST);
  if (m) candidates.push({ total: count(m[1]) + count(m[2]), done: count(m[1]) });
  return candidates.find((p) => p && Number.isInteger(p.total) && Number.isInteger(p.done) && p.total >= 1 && p.done <= p.total);
}
