// 整改台账: every problem of every notice in one table (src/pages/ledger/), with the per-issuer totals for
// its chart, the split into one page per year for a large site, and the matching and sorting the browser
// uses to filter the table (src/ledger/client/ledger-table). Pure functions, shared by the build and the browser.
import type { ProblemSummary } from '../notice/outline';
import { QUERY_SEPARATORS } from '../search/query-separators';
import type { NoticeEntry } from '../schemas';
import { sizeFromEnv } from '../base/overrides';
import { noticePath } from '../base/paths';
import type { Progress } from '../notice/progress';
import { PROBLEM_FIELD } from '../notice/numbering';

/** More problems than this and /ledger/ links to one page per year instead of holding the table itself. */
export const LEDGER_SPLIT_AT = 2000;

/** The split threshold: LEDGER_SPLIT_AT, or GONGSHI_LEDGER_SPLIT_AT (tests build a small corpus split by year). */
export function ledgerSplitAt(env: Record<string, string | undefined> = {}): number {
  return sizeFromEnv(env, 'GONGSHI_LEDGER_SPLIT_AT', LEDGER_SPLIT_AT);
}

/** What the ledger needs of a notice (src/notice/collection): its id, the facts it lists and its problems. */
export interface LedgerNotice {
  id: string;
  data: Pick<NoticeEntry, 'title' | 'issuer' | 'date' | 'published' | 'progress' | 'contact'> & { problems: ProblemSummary[] };
}

export interface LedgerRow {
  /** Position in the default order (notices newest first, problems as in the notice); ties in sorting keep it. */
  order: number;
  noticeId: string;
  /** The notice's title and own contact: what a reader's feedback on the problem is addressed by (src/feedback). */
  notice: string;
  contact?: NoticeEntry['contact'];
  /** The notice's 发布日期 (its signature date unless it says otherwise), as the table's column is headed. */
  date: string;
  year: string;
  issuer: string;
  /** The problem as the table shows it: `关于“…”的问题`. */
  title: string;
  section: string;
  group?: string;
  measures: number;
  /** 整改状态 as the notice states it, when it does. */
  status?: string;
  /** The problem's anchor in its notice page. */
  href: string;
}

/** A heading as a table cell shows it: without a final full stop. */
const trimHeading = (text: string) => text.trim().replace(/[。.]$/, '');

/**
 * The problem as the table names it: its heading as written, without the numbering, a field label
 * (`反馈问题：`) or a closing full stop.
 */
export function problemTitle(problem: Pick<ProblemSummary, 'heading' | 'label'>): string {
  const { heading, label } = problem;
  return trimHeading((heading.startsWith(label) ? heading.slice(label.length) : heading).replace(PROBLEM_FIELD, ''));
}

/** One row per problem, notices in the order given (newest first), problems as they appear in each notice. */
export function buildRows(notices: LedgerNotice[], base: string): LedgerRow[] {
  const rows: LedgerRow[] = [];
  for (const { id, data } of notices) {
    const page = noticePath(base, id);
    for (const p of data.problems) {
      rows.push({
        order: rows.length,
        noticeId: id,
        notice: data.title,
        ...(data.contact && { contact: data.contact }),
        date: data.published ?? data.date,
        year: data.date.slice(0, 4),
        issuer: data.issuer,
        title: problemTitle(p),
        section: trimHeading(p.section.heading),
        ...(p.group && { group: trimHeading(p.group.heading) }),
        measures: p.measures,
        ...(p.status && { status: p.status }),
        href: `${page}#${p.id}`,
      });
    }
  }
  return rows;
}

// ---- Matching ----

const QUOTES: Array<[RegExp, string]> = [
  [/[“”„‟＂〝〞]/g, '"'],
  [/[‘’‛＇]/g, "'"],
];

/**
 * Text as the filter compares it: NFKC (full-width letters, digits and punctuation become half-width:
 * `ＡＢＣ１２` = `abc12`), lower case, one kind of double and single quote, no spaces.
 */
export function comparableText(text: string): string {
  let t = text.normalize('NFKC').toLowerCase();
  for (const [re, to] of QUOTES) t = t.replace(re, to);
  return t.replace(/\s+/g, '');
}

/** The words of a query: separated by spaces, commas or 、; each normalised. Empty for a blank query. */
export function queryTerms(query: string): string[] {
  return query.normalize('NFKC').split(QUERY_SEPARATORS).map(comparableText).filter(Boolean);
}

/** The text a row is searched in: problem, section, group, issuer and status (`持续推进` finds what is not done). */
export function rowText(row: Pick<LedgerRow, 'title' | 'section' | 'group' | 'issuer' | 'status'>): string {
  return comparableText([row.title, row.section, row.group ?? '', row.issuer, row.status ?? ''].join('\n'));
}

/** Whether a row's normalised text contains every term (a substring match, characters in a row). */
export function matchesTerms(text: string, terms: string[]): boolean {
  return terms.every((t) => text.includes(t));
}

export interface LedgerFilter {
  issuer?: string;
  year?: string;
  query?: string;
}

/** A filter as the rows are tested against it: the query already split into normalised terms. */
export interface RowTest {
  issuer: string;
  year: string;
  terms: string[];
}

/**
 * Whether a row passes the filter. `alsoText` is further text the terms may match (the row as shown in
 * Traditional characters, in the browser); it is read only when the row's own text does not match.
 */
export function keepsRow(row: { issuer: string; year: string; text: string }, test: RowTest, alsoText?: () => string): boolean {
  if ((test.issuer && row.issuer !== test.issuer) || (test.year && row.year !== test.year)) return false;
  return matchesTerms(row.text, test.terms) || (alsoText !== undefined && test.terms.length > 0 && matchesTerms(alsoText(), test.terms));
}

/** The rows a filter keeps, in their order. */
export function filterRows<T extends Pick<LedgerRow, 'title' | 'section' | 'group' | 'issuer' | 'year'>>(
  rows: T[],
  filter: LedgerFilter,
): T[] {
  const test = { issuer: filter.issuer ?? '', year: filter.year ?? '', terms: queryTerms(filter.query ?? '') };
  return rows.filter((r) => keepsRow({ issuer: r.issuer, year: r.year, text: rowText(r) }, test));
}

// ---- Sorting ----

export const SORT_KEYS = ['title', 'issuer', 'date', 'measures'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';
export interface Sort {
  key: SortKey;
  direction: SortDirection;
}

/** The table's order before anyone sorts it: newest first, problems in the notice's order. */
export const DEFAULT_SORT: Sort = { key: 'date', direction: 'descending' };

type Sortable = Pick<LedgerRow, 'order' | 'title' | 'issuer' | 'date' | 'measures'>;

let collator: Intl.Collator | undefined;
const compareText = (a: string, b: string) => (collator ??= new Intl.Collator('zh-CN', { numeric: true })).compare(a, b);

/**
 * Rows sorted by one column (text in Chinese collation order, dates, numbers). Rows that tie keep their
 * default order in both directions, so a notice's problems stay in the notice's order.
 */
export function sortRows<T extends Sortable>(rows: T[], { key, direction }: Sort): T[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const by = (a: T, b: T): number => {
    switch (key) {
      case 'measures':
        return a.measures - b.measures;
      case 'date':
        return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
      default:
        return compareText(a[key], b[key]);
    }
  };
  return [...rows].sort((a, b) => sign * by(a, b) || a.order - b.order);
}

/** The next sort when a column's header is pressed: that column ascending, or the other way if it is already sorted by it. */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key !== key) return { key, direction: 'ascending' };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

/** `date` / `-date` in the address ⇄ a sort. */
export function formatSort(sort: Sort): string {
  return `${sort.direction === 'descending' ? '-' : ''}${sort.key}`;
}
export function parseSort(value: string | null | undefined): Sort | undefined {
  const m = value?.match(/^(-?)(\w+)$/);
  if (!m || !(SORT_KEYS as readonly string[]).includes(m[2])) return undefined;
  return { key: m[2] as SortKey, direction: m[1] ? 'descending' : 'ascending' };
}

// ---- Summaries, the chart, the split ----

/** `已完成整改 16 个，共 18 个（89%）`; the percentage never shows 100% before the last one nor 0% after the first. */
export function progressPercent({ total, done }: Progress): number {
  if (done >= total) return 100;
  if (done <= 0) return 0;
  return Math.min(99, Math.max(1, Math.round((done / total) * 100)));
}
export function progressText(p: Progress): string {
  return `已完成整改 ${p.done} 个，共 ${p.total} 个（${progressPercent(p)}%）`;
}

export interface IssuerTotals {
  issuer: string;
  notices: number;
  /** Problems listed in the issuer's notices (rows of the ledger). */
  problems: number;
  /** Of the issuer's notices, how many state their progress, and the problems they say are rectified. */
  stated: number;
  done?: number;
}

/** Per issuer, most problems first (then by name): notices, problems, and where stated, problems rectified. */
export function issuerTotals(notices: LedgerNotice[]): IssuerTotals[] {
  const map = new Map<string, IssuerTotals>();
  for (const { data } of notices) {
    const t = map.get(data.issuer) ?? { issuer: data.issuer, notices: 0, problems: 0, stated: 0 };
    t.notices++;
    t.problems += data.problems.length;
    if (data.progress) {
      t.stated++;
      t.done = (t.done ?? 0) + data.progress.done;
    }
    map.set(data.issuer, t);
  }
  return [...map.values()].sort((a, b) => b.problems - a.problems || compareText(a.issuer, b.issuer));
}

export interface LedgerSummary {
  notices: number;
  problems: number;
  issuers: number;
  firstYear?: string;
  lastYear?: string;
  /** Totals over the notices that state their progress. */
  progress?: Progress & { notices: number };
}

export function summarise(notices: LedgerNotice[]): LedgerSummary {
  const years = notices.map((n) => n.data.date.slice(0, 4)).sort();
  const stated = notices.filter((n) => n.data.progress);
  return {
    notices: notices.length,
    problems: notices.reduce((sum, n) => sum + n.data.problems.length, 0),
    issuers: new Set(notices.map((n) => n.data.issuer)).size,
    firstYear: years[0],
    lastYear: years.at(-1),
    ...(stated.length > 0 && {
      progress: {
        notices: stated.length,
        total: stated.reduce((s, n) => s + n.data.progress!.total, 0),
        done: stated.reduce((s, n) => s + n.data.progress!.done, 0),
      },
    }),
  };
}

export interface LedgerYear<N extends LedgerNotice = LedgerNotice> {
  year: string;
  notices: N[];
  problems: number;
}

export interface LedgerPlan<N extends LedgerNotice = LedgerNotice> {
  /** Whether /ledger/ links to a page per year instead of holding the whole table. */
  split: boolean;
  /** Newest year first; each year's notices in the order given. */
  years: LedgerYear<N>[];
}

/** Splits by year when there are more than `splitAt` problems, so that no page holds the whole table of a large site. */
export function planLedger<N extends LedgerNotice>(notices: N[], splitAt = LEDGER_SPLIT_AT): LedgerPlan<N> {
  const byYear = new Map<string, LedgerYear<N>>();
  let problems = 0;
  for (const n of notices) {
    const year = n.data.date.slice(0, 4);
    const y = byYear.get(year) ?? { year, notices: [], problems: 0 };
    y.notices.push(n);
    y.problems += n.data.problems.length;
    problems += n.data.problems.length;
    byYear.set(year, y);
  }
  const years = [...byYear.values()].sort((a, b) => b.year.localeCompare(a.year));
  return { split: problems > splitAt, years };
}

/** At most `max` issuers for the chart: the first `max - 1`, and the rest added up as one (the data table lists them all). */
export function chartTotals(totals: IssuerTotals[], max = 20): IssuerTotals[] {
  if (totals.length <= max) return totals;
  const rest = totals.slice(max - 1);
  const stated = rest.filter((t) => t.done !== undefined);
  const other: IssuerTotals = {
    issuer: `其他 ${rest.length} 个发布机构`,
    notices: rest.reduce((s, t) => s + t.notices, 0),
    problems: rest.reduce((s, t) => s + t.problems, 0),
    stated: rest.reduce((s, t) => s + t.stated, 0),
    ...(stated.length > 0 && { done: stated.reduce((s, t) => s + t.done!, 0) }),
  };
  return [...totals.slice(0, max - 1), other];
}

// ---- The chart's geometry ----

export interface ChartBar {
  issuer: string;
  problems: number;
  done?: number;
  /** The issuer's name in lines that fit the chart's width, each with its baseline. */
  lines: Array<{ text: string; y: number }>;
  /** Top of each bar, and its length, in the chart's units. */
  problemsY: number;
  problemsWidth: number;
  doneY: number;
  doneWidth: number;
}

export interface ChartLayout {
  width: number;
  height: number;
  bars: ChartBar[];
}

/** Splits a name into lines of at most `max` characters. */
export function wrapText(text: string, max: number): string[] {
  const chars = [...text];
  const lines: string[] = [];
  for (let i = 0; i < chars.length; i += max) lines.push(chars.slice(i, i + max).join(''));
  return lines.length ? lines : [''];
}

/**
 * The chart's units: 480 wide; names in 18-unit type, 24 characters a line; bars 16 high. The longest bar
 * leaves `labelWidth` for its number at its end.
 */
export const CHART = { width: 480, fontSize: 18, lineHeight: 24, lineChars: 24, bar: 16, gap: 6, labelWidth: 140, blockGap: 20 } as const;

/** Horizontal bars per issuer: its name, then a bar for its problems and one for those rectified, where stated. */
export function chartLayout(totals: IssuerTotals[]): ChartLayout {
  const { width, fontSize, lineHeight, lineChars, bar, gap, labelWidth, blockGap } = CHART;
  const max = Math.max(1, ...totals.map((t) => Math.max(t.problems, t.done ?? 0)));
  const length = (n: number) => (n > 0 ? Math.max(1, Math.round((n / max) * (width - labelWidth) * 10) / 10) : 0);
  let y = 0;
  const bars = totals.map((t) => {
    const lines = wrapText(t.issuer, lineChars).map((text, i) => ({ text, y: y + fontSize + i * lineHeight }));
    const problemsY = y + lines.length * lineHeight + gap;
    const doneY = problemsY + bar + gap;
    y = doneY + bar + blockGap;
    return {
      issuer: t.issuer,
      problems: t.problems,
      ...(t.done !== undefined && { done: t.done }),
      lines,
      problemsY,
      problemsWidth: length(t.problems),
      doneY,
      doneWidth: length(t.done ?? 0),
    };
  });
  return { width, height: Math.max(1, y - blockGap + 2), bars };
}
