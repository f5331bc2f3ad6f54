// The 信息公开 索引号 of notices: its `<prefix>/<year>-<sequence>` form, the next free number, and the checks across notices.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { Diagnostic } from '../base/diagnostics';
import { decodeUtf8, splitFrontmatter } from '../base/source-text';

/** `000014349/2017-00110`: the organisation's code, the year of publication and a 5-digit sequence within that year. */
export const INDEX_NUMBER = /^([0-9A-Za-z-]+)\/(\d{4})-(\d{5})$/;

export const SEQUENCE_DIGITS = 5;
const MAX_SEQUENCE = 10 ** SEQUENCE_DIGITS - 1;

export interface IndexNumber {
  prefix: string;
  year: number;
  sequence: number;
}

/** No number is free: a year's sequence has reached 99999, nearly always through a mistyped number. Its message says so. */
export class IndexNumberError extends Error {}

/** (`000014349`, 2017, 110) → `000014349/2017-00110`. */
export function formatIndexNumber(prefix: string, year: number | string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) {
    throw new RangeError(`索引号的序号应在 1 到 ${MAX_SEQUENCE} 之间，而不是 ${sequence}`);
  }
  return `${prefix}/${year}-${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`;
}

/** The parts of an index number in the usual form; undefined for anything else (an older or hand-made form). */
export function parseIndexNumber(value: string): IndexNumber | undefined {
  const m = value.trim().match(INDEX_NUMBER);
  return m ? { prefix: m[1], year: Number(m[2]), sequence: Number(m[3]) } : undefined;
}

/** The highest sequence that `prefix` has used in `year` among `existing` (0 when none). */
function lastSequence(prefix: string, year: number, existing: Iterable<string | undefined>): number {
  let last = 0;
  for (const value of existing) {
    const parsed = value === undefined ? undefined : parseIndexNumber(value);
    if (parsed && parsed.prefix === prefix && parsed.year === year) last = Math.max(last, parsed.sequence);
  }
  return last;
}

/**
 * The next free number for `prefix` in `year`: one after the highest used, so a number once given (and published)
 * is never given again, even when the notice that had it was deleted in between; 00001 for a year's first notice.
 */
export function nextIndexNumber(prefix: string, year: number | string, existing: Iterable<string | undefined>): string {
  const last = lastSequence(prefix, Number(year), existing);
  if (last >= MAX_SEQUENCE) {
    throw new IndexNumberError(
      `索引号 ${formatIndexNumber(prefix, year, MAX_SEQUENCE)} 已经用掉，${year} 年没有空号了：请检查有没有通报的索引号序号写错`,
    );
  }
  return formatIndexNumber(prefix, year, last + 1);
}

/** The year an index number is counted in: that of the notice's 发布日期 (`published`), which defaults to its `date`. */
export function noticeYear(data: { date: string; published?: string }): number {
  return Number((data.published ?? data.date).slice(0, 4));
}

/** What the check needs of one notice: its file as messages name it, its frontmatter and the lines of its fields. */
export interface IndexedNotice {
  file: string;
  data?: { date: string; published?: string; indexNumber?: string };
  fieldLines?: Record<string, number>;
}

/** Notices named in the warning about missing numbers; the rest are counted. */
export const LISTED_MISSING = 20;

/**
 * The rules that span notices, run by checkContent after each notice has been checked on its own (those results
 * are cached by the file's bytes, and these depend on the site configuration and on the other files).
 * Two documents can never share an index number. With the site's `indexNumberPrefix`, every number must also
 * have the usual form with that prefix, and notices without one are listed in a single warning (an older site
 * may have many, and a draft still builds). Every number suggested is free and none is suggested twice.
 * `folder`: the notices folder as messages name it, where the warning is reported.
 */
export function checkIndexNumbers(notices: IndexedNotice[], prefix: string | undefined, folder: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const wellFormed = (value: string) => prefix === undefined || parseIndexNumber(value)?.prefix === prefix;
  const used = notices.map((n) => n.data?.indexNumber).filter((v): v is string => v !== undefined && wellFormed(v));
  /** The next free number in the notice's year, which is then taken: two notices are never offered the same one. */
  const take = (prefix: string, data: { date: string; published?: string }): string | IndexNumberError => {
    try {
      const next = nextIndexNumber(prefix, noticeYear(data), used);
      used.push(next);
      return next;
    } catch (e) {
      if (e instanceof IndexNumberError) return e;
      throw e;
    }
  };
  const example = (next: string | IndexNumberError) => (typeof next === 'string' ? `例如 ${next}（这一年的下一个空号）` : next.message);

  const first = new Map<string, string>();
  const missing: string[] = [];
  for (const { file, data, fieldLines } of notices) {
    // A notice whose frontmatter does not pass has its own errors already.
    if (!data) continue;
    const value = data.indexNumber;
    const at = { file, line: fieldLines?.indexNumber, field: 'indexNumber', severity: 'error' as const };
    if (value === undefined) {
      if (prefix !== undefined) {
        const next = take(prefix, data);
        missing.push(`${basename(file)}（${typeof next === 'string' ? `indexNumber: ${next}` : next.message}）`);
      }
      continue;
    }
    if (prefix !== undefined && !wellFormed(value)) {
      const other = parseIndexNumber(value)?.prefix;
      const wrong = other ? `的前缀 ${other} 与网站配置 site.yaml 的 indexNumberPrefix 不同` : '的写法不对';
      diagnostics.push({
        ...at,
        message: `索引号“${value}”${wrong}。索引号应写成“${prefix}/年份-${SEQUENCE_DIGITS} 位序号”（前缀是 indexNumberPrefix，年份是发布年份），${example(take(prefix, data))}。请改正。`,
      });
      continue;
    }
    const twin = first.get(value);
    if (twin === undefined) {
      first.set(value, file);
      continue;
    }
    const instead = prefix === undefined ? '请给后发布的一份另编一个索引号' : `请给后发布的一份另编一个：${example(take(prefix, data))}`;
    diagnostics.push({
      ...at,
      message: `与 ${twin} 的索引号相同（${value}）：一个索引号只能标识一份文件。已经发布的索引号不要改，${instead}。`,
    });
  }

  if (missing.length) {
    const listed = missing.slice(0, LISTED_MISSING).join('、');
    const rest = missing.length > LISTED_MISSING ? `，另有 ${missing.length - LISTED_MISSING} 份` : '';
    diagnostics.push({
      file: folder,
      field: 'indexNumber',
      severity: 'warning',
      message: `${missing.length} 份通报没有索引号：${listed}${rest}。npm run new 和 npm run import 新建的通报会自动写上索引号；已有的通报请在文件头 date 的下一行写上括号里的那一行（按发布年份接着已用的最大序号编排）。`,
    });
  }
  return diagnostics;
}

/** A frontmatter as plain data; undefined when the file has none or it is not YAML (`npm run check` says why). */
function frontmatterOf(text: string): Record<string, unknown> | undefined {
  const parts = splitFrontmatter(text);
  if (!parts) return undefined;
  try {
    const data: unknown = parse(parts.yaml, { maxAliasCount: 100 });
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The `indexNumber` a notice file has; undefined when it has none or cannot be read. */
export function readIndexNumber(path: string): string | undefined {
  let text: string | undefined;
  try {
    text = decodeUtf8(readFileSync(path));
  } catch {
    return undefined;
  }
  const value = text === undefined ? undefined : frontmatterOf(text)?.indexNumber;
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** The index numbers of the notices in `dir`; a notice that cannot be read is skipped, and so is a missing folder. */
export function indexNumbersIn(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.md'));
  } catch {
    return [];
  }
  return names.map((n) => readIndexNumber(join(dir, n))).filter((v): v is string => v !== undefined);
}

/**
 * The number `npm run import` writes into `markdown`, a new notice bound for `dir`: the one the notice it replaces
 * already has (`kept`: a published number never changes, with or without a prefix), else with the site's `prefix`
 * the next free one in the notice's year, else none.
 */
export function indexNumberFor(
  markdown: string,
  { prefix, dir, replacing }: { prefix?: string; dir: string; replacing?: string },
): { value: string; kept: boolean } | undefined {
  const kept = replacing === undefined ? undefined : readIndexNumber(replacing);
  if (kept !== undefined) return { value: kept, kept: true };
  if (prefix === undefined) return undefined;
  const data = frontmatterOf(markdown);
  const day = (value: unknown) =>
    value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' ? value : undefined;
  const date = day(data?.date);
  if (date === undefined) throw new Error('the new notice has no date in its frontmatter');
  return { value: nextIndexNumber(prefix, noticeYear({ date, published: day(data?.published) }), indexNumbersIn(dir)), kept: false };
}

/**
 * `markdown` with `indexNumber: <value>` on the line after its frontmatter's `date`, where the skeleton and the
 * importer (both through the yaml package) write the date as one plain line.
 */
export function withIndexNumber(markdown: string, value: string): string {
  const parts = splitFrontmatter(markdown);
  const date = parts?.yaml.match(/^date:.*\n/m);
  if (!parts || !date || date.index === undefined) throw new Error('the new notice has no date line in its frontmatter');
  // The frontmatter starts after the opening `---` line.
  const at = markdown.indexOf('\n') + 1 + date.index + date[0].length;
  // A number kept from a replaced notice may be in any form: the yaml package quotes it when YAML needs that.
  return markdown.slice(0, at) + stringify({ indexNumber: value }, { lineWidth: 0 }) + markdown.slice(at);
}
