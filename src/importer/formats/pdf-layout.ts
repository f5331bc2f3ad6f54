// Turns the positioned text of a PDF's pages into paragraphs and tables: glyphs into lines by baseline,
// page numbers and running headers and footers out, lines that wrap mid-paragraph (also across a page
// break) joined, paragraph breaks kept where the next line is indented, the line before is short, or a
// gap or heading says so; right-aligned and centred lines (signature, date) stay lines of their own.
import type { Block } from './blocks';
import { foldRadicals } from './radicals';
import { cleanText, isCjk } from './text';

/** One text item as pdf.js gives it, in page coordinates (y up, the baseline's left end). */
export interface PositionedText {
  str: string;
  x: number;
  y: number;
  width: number;
  /** The font size on the page (the text matrix's vertical scale). */
  size: number;
}

export interface PageText {
  items: PositionedText[];
}

interface Segment {
  x0: number;
  x1: number;
  text: string;
}

interface Line {
  page: number;
  y: number;
  x0: number;
  x1: number;
  size: number;
  text: string;
  /** Runs of the line separated by wide gaps (table cells). */
  segments: Segment[];
}

/** Sentence-final punctuation, possibly followed by closing quotes or brackets. */
const SENTENCE_END = /[。！？；：!?;:…][”’）)」』】》]*$/;
/** A line that starts a numbered heading or item: 一、 （一） 1、 1. 1． ⑴ ① 第一条. */
const HEADING_START =
  /^([一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百\d]+[）)]|\d{1,3}[、.．](?!\d)|[⑴-⒇①-⑳]|第[一二三四五六七八九十百\d]+[章节条部分])/;
/** Page numbers: - 1 -, — 2 —, 1, 1/5, 第1页, 第 1 页 共 5 页, 共5页 第1页, Page 1 of 5. */
const PAGE_NUMBER =
  /^([-—–－─―_~·•\s]*\d{1,4}[-—–－─―_~·•\s]*|\d{1,4}\s*[/／]\s*\d{1,4}|第\s*\d{1,4}\s*页(\s*[,，]?\s*共\s*\d{1,4}\s*页)?|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页|page\s*\d{1,4}(\s*of\s*\d{1,4})?)$/i;

const isLatinEnd = (s: string) => /[A-Za-z0-9]$/.test(s);
const isLatinStart = (s: string) => /^[A-Za-z0-9]/.test(s);

/** Joins a line's items left to right: no space between Chinese characters, one between Latin words set apart. */
function joinItems(items: PositionedText[], size: number): { text: string; segments: Segment[] } {
  const segments: Segment[] = [];
  let current: Segment | undefined;
  let end = -Infinity;
  for (const item of items) {
    const gap = item.x - end;
    if (!current || gap > size * 0.9) {
      current = { x0: item.x, x1: item.x + item.width, text: item.str };
      segments.push(current);
    } else {
      const prev = current.text;
      const spaced = gap > size * 0.2 && !isCjk(prev.slice(-1)) && !isCjk(item.str[0] ?? '') && !/\s$/.test(prev) && !/^\s/.test(item.str);
      current.text = prev + (spaced ? ' ' : '') + item.str;
      current.x1 = Math.max(current.x1, item.x + item.width);
    }
    end = Math.max(end, item.x + item.width);
  }
  const text = segments.map((s) => s.text).join(' ');
  return { text, segments };
}

/** A page's items grouped into lines by baseline, top to bottom. */
function pageLines(page: PageText, index: number): Line[] {
  const items = page.items
    .filter((i) => i.str.trim() !== '' && i.size > 0)
    .map((i) => ({ ...i, str: foldRadicals(i.str) }))
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PositionedText[][] = [];
  for (const item of items) {
    const group = groups.at(-1);
    const ref = group?.[0];
    if (group && ref && Math.abs(ref.y - item.y) <= Math.max(ref.size, item.size) * 0.35) group.push(item);
    else groups.push([item]);
  }
  return groups.map((group) => {
    group.sort((a, b) => a.x - b.x);
    // The size most of the line's characters have (a bold lead or a digit run in another font does not change it).
    const bySize = new Map<number, number>();
    for (const g of group) bySize.set(Math.round(g.size * 10) / 10, (bySize.get(Math.round(g.size * 10) / 10) ?? 0) + [...g.str].length);
    const size = [...bySize].sort((a, b) => b[1] - a[1])[0][0];
    const { text, segments } = joinItems(group, size);
    return {
      page: index,
      y: group[0].y,
      x0: group[0].x,
      x1: Math.max(...group.map((g) => g.x + g.width)),
      size,
      text,
      segments,
    };
  });
}

const compact = (text: string) => text.replace(/\s+/g, '');

/**
 * Takes page numbers and running headers and footers off. A page number is a first or last line, set apart
 * from the text, that is only a number in one of the usual dresses; a running header or footer is a first
 * or last line whose text (numbers aside) stands at the same height on at least half the pages (and two).
 */
function removePageFurniture(pages: Line[][]): Line[][] {
  const gaps: number[] = [];
  for (const lines of pages) for (let i = 1; i < lines.length; i++) gaps.push(lines[i - 1].y - lines[i].y);
  gaps.sort((a, b) => a - b);
  const lineGap = gaps[Math.floor(gaps.length / 2)] ?? 0;
  const edge = (lines: Line[], line: Line) => {
    const i = lines.indexOf(line);
    return i <= 1 || i >= lines.length - 2;
  };
  /** Set apart from the text: more than the usual line spacing from the next line towards the middle of the page. */
  const apart = (lines: Line[], line: Line) => {
    const i = lines.indexOf(line);
    const inner = i <= 1 && i < lines.length - 2 ? lines[i + 1] : i >= lines.length - 2 && i > 1 ? lines[i - 1] : undefined;
    const neighbours = inner ? [inner] : [lines[i - 1], lines[i + 1]];
    return neighbours.every((n) => !n || Math.abs(n.y - line.y) > Math.max(lineGap * 1.4, Math.max(n.size, line.size) * 1.2));
  };
  let result = pages;
  // Running headers and footers first, so that a page number next to one is at the edge of the text.
  if (result.length >= 2) {
    const key = (line: Line) => `${compact(line.text).replace(/\d+/g, '#')}@${Math.round(line.y / 4)}`;
    const counts = new Map<string, number>();
    for (const lines of result) {
      const keys = new Set([...lines.slice(0, 2), ...lines.slice(-2)].flatMap((l) => [key(l), key({ ...l, y: l.y + 2 })]));
      for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const repeated = (line: Line) =>
      Math.max(counts.get(key(line)) ?? 0, counts.get(key({ ...line, y: line.y + 2 })) ?? 0) >= Math.max(2, Math.ceil(result.length / 2));
    result = result.map((lines) => lines.filter((line) => !(edge(lines, line) && repeated(line))));
  }
  result = result.map((lines) => lines.filter((line) => !(edge(lines, line) && PAGE_NUMBER.test(line.text.trim()) && apart(lines, line))));
  return result;
}

interface Metrics {
  size: number;
  left: number;
  right: number;
  pitch: number;
}

/** The body text's size, left and right edges and line spacing, from the lines in the body size. */
function measure(pages: Line[][]): Metrics {
  const lines = pages.flat();
  const bySize = new Map<number, number>();
  for (const l of lines) bySize.set(l.size, (bySize.get(l.size) ?? 0) + l.text.length);
  const size = [...bySize].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 12;
  const body = lines.filter((l) => Math.abs(l.size - size) <= size * 0.15);
  const enough = Math.max(2, Math.round(body.length * 0.1));
  const near = (values: number[], v: number) => values.filter((x) => Math.abs(x - v) <= size * 0.3).length;
  const starts = body.map((l) => l.x0).sort((a, b) => a - b);
  const left = starts.find((x) => near(starts, x) >= enough) ?? starts[0] ?? 0;
  const ends = body.map((l) => l.x1).sort((a, b) => b - a);
  const right = ends.find((x) => near(ends, x) >= enough) ?? ends[0] ?? 0;
  const gaps: number[] = [];
  for (const page of pages) {
    const pageBody = page.filter((l) => Math.abs(l.size - size) <= size * 0.15);
    for (let i = 1; i < pageBody.length; i++) {
      const gap = pageBody[i - 1].y - pageBody[i].y;
      if (gap > 0 && gap < size * 3) gaps.push(gap);
    }
  }
  gaps.sort((a, b) => a - b);
  const pitch = gaps[Math.floor(gaps.length / 2)] ?? size * 1.5;
  return { size, left, right, pitch };
}

// ----------------------------------------------------------------------------------------- tables

type Item = { kind: 'line'; line: Line } | { kind: 'table'; rows: string[][]; columns: number; page: number };

/**
 * Runs of lines with two or more wide-gapped segments (at least two such lines) are table rows; a line of
 * one segment inside the run that sits under a later column continues that cell.
 */
function findTables(lines: Line[]): Item[] {
  const items: Item[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i].segments.length >= 2) {
      const run = [lines[i]];
      for (let j = i + 1; j < lines.length; j++) {
        const line = lines[j];
        const last = run[run.length - 1];
        if (line.page !== last.page || last.y - line.y > Math.max(line.size, last.size) * 4) break;
        const row = line.segments.length >= 2;
        // A wrapped cell's next line: one segment, in the table's type size, right of the first column.
        const continuation =
          line.segments.length === 1 &&
          Math.abs(line.size - run[0].size) < 0.5 &&
          line.x0 > run[0].segments[0].x1 &&
          last.y - line.y < line.size * 2.2;
        if (!row && !continuation) break;
        run.push(line);
      }
      if (run.filter((l) => l.segments.length >= 2).length >= 2) {
        items.push(tableFrom(run));
        i += run.length;
        continue;
      }
    }
    items.push({ kind: 'line', line: lines[i] });
    i++;
  }
  return mergeTablesAcrossPages(items);
}

function tableFrom(run: Line[]): Item {
  const widest = run.reduce((a, b) => (b.segments.length > a.segments.length ? b : a));
  const columns = widest.segments.map((s) => ({ x0: s.x0, x1: s.x1 }));
  // Widen the columns with the other rows' segments, so a column's extent covers all its cells.
  const columnOf = (s: Segment) => {
    let best = 0;
    let bestScore = -Infinity;
    columns.forEach((c, k) => {
      const overlap = Math.min(c.x1, s.x1) - Math.max(c.x0, s.x0);
      const score = overlap > 0 ? overlap : -Math.abs((c.x0 + c.x1) / 2 - (s.x0 + s.x1) / 2);
      if (score > bestScore) {
        bestScore = score;
        best = k;
      }
    });
    return best;
  };
  // Rows are told apart by their spacing: a cell's wrapped lines sit closer than the rows (which have the
  // cell padding and border between them). With no difference to go by, a line with text in the first
  // column starts a row.
  const gaps = run.slice(1).map((line, i) => run[i].y - line.y);
  const closest = Math.min(...gaps);
  const bySpacing = gaps.length > 0 && Math.max(...gaps) > closest * 1.15;
  const rows: string[][] = [];
  for (const [i, line] of run.entries()) {
    const cells = line.segments.map((s) => ({ column: columnOf(s), text: s.text }));
    const newRow = rows.length === 0 || (bySpacing ? gaps[i - 1] > closest * 1.15 : cells.some((c) => c.column === 0));
    if (newRow) rows.push(columns.map(() => ''));
    const row = rows[rows.length - 1];
    for (const c of cells) {
      const before = row[c.column];
      row[c.column] = before + (before && isLatinEnd(before) && isLatinStart(c.text) ? ' ' : '') + c.text;
    }
  }
  return {
    kind: 'table',
    rows: rows.map((r) => r.map((c) => cleanText(c, { spacesNearCjk: 'drop' }))),
    columns: columns.length,
    page: run[0].page,
  };
}

/** A table broken by a page break is one table; a header row the next page repeats is dropped. */
function mergeTablesAcrossPages(items: Item[]): Item[] {
  const out: Item[] = [];
  for (const item of items) {
    const prev = out[out.length - 1];
    if (item.kind === 'table' && prev?.kind === 'table' && prev.columns === item.columns && item.page === prev.page + 1) {
      const repeatsHeader = item.rows[0]?.join('\u0000') === prev.rows[0]?.join('\u0000');
      prev.rows.push(...item.rows.slice(repeatsHeader ? 1 : 0));
      prev.page = item.page;
      continue;
    }
    out.push(item);
  }
  return out;
}

// ------------------------------------------------------------------------------------- paragraphs

/** Whether `line` starts a new paragraph after `prev`. */
function startsParagraph(prev: Line, line: Line, m: Metrics): boolean {
  const samePage = prev.page === line.page;
  if (Math.abs(prev.size - line.size) > Math.min(prev.size, line.size) * 0.15) return true;
  const prevText = prev.text.trim();
  const ended = SENTENCE_END.test(prevText);
  // Display type (a title in a larger size) wraps without the body's indentation rules.
  if (line.size > m.size * 1.15) return ended || !samePage || prev.y - line.y > line.size * 2.2;
  // A line standing far from the left edge (right-aligned signature or date, a centred line) stands alone.
  const far = m.size * 3.5;
  if (line.x0 - m.left > far || prev.x0 - m.left > far) return true;
  if (line.x0 - m.left >= m.size * 0.8) return true;
  if (samePage && prev.y - line.y > m.pitch * 1.45) return true;
  const room = m.right - prev.x1;
  if (ended && room > m.size * 1.0) return true;
  if (!ended && room > m.size * 2.5) {
    // A Latin word (an email, a web address) too long for the room left moved down whole: the line goes on.
    const word = /^[A-Za-z0-9@._:/%+=&?#~-]+/.exec(line.text)?.[0];
    const wordWidth = word ? word.length * line.size * 0.55 : 0;
    if (!(word && wordWidth > room - m.size * 0.5)) return true;
  }
  if (ended && HEADING_START.test(line.text.trim())) return true;
  return false;
}

function joinLines(before: string, after: string): string {
  return before + (isLatinEnd(before) && isLatinStart(after) ? ' ' : '') + after;
}

export function layoutBlocks(pageTexts: PageText[]): Block[] {
  const pages = removePageFurniture(pageTexts.map(pageLines));
  const metrics = measure(pages);
  const items = findTables(pages.flat());
  const blocks: Block[] = [];
  let text: string | undefined;
  let prev: Line | undefined;
  const flush = () => {
    const cleaned = text === undefined ? '' : cleanText(text, { spacesNearCjk: 'drop' });
    if (cleaned) blocks.push({ kind: 'paragraph', text: cleaned });
    text = undefined;
  };
  for (const item of items) {
    if (item.kind === 'table') {
      flush();
      prev = undefined;
      blocks.push({ kind: 'table', rows: item.rows });
      continue;
    }
    const { line } = item;
    if (prev && text !== undefined && !startsParagraph(prev, line, metrics)) text = joinLines(text, line.text.trim());
    else {
      flush();
      text = line.text.trim();
    }
    prev = line;
  }
  flush();
  return blocks;
}
