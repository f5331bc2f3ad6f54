// Walks an HTML tree (a saved web page, or the HTML mammoth makes of a Word file) into paragraphs and
// tables: block elements and <br> end a paragraph, a paragraph's leading bold run is kept, data tables
// become table blocks and layout tables are read through cell by cell.
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { Block } from './blocks';
import { BLOCK_ELEMENTS } from '../../base/block-elements';
import { cleanText, hanCount } from './text';

/** A paragraph as walked, with what the article finder needs to tell text from page chrome. */
export interface WalkedParagraph {
  kind: 'paragraph';
  text: string;
  bold?: string;
  /** Characters (white space aside) inside links. */
  linkChars: number;
  /** Characters (white space aside) in all. */
  chars: number;
  /** The href of every link in the paragraph. */
  hrefs: string[];
  /** The elements that hold the whole paragraph, outermost first (the walk's root not included). */
  chain: Element[];
}

export interface WalkedTable {
  kind: 'table';
  rows: string[][];
  /** The elements that hold the table, outermost first, the table itself last. */
  chain: Element[];
}

export type WalkedBlock = WalkedParagraph | WalkedTable;

export interface WalkOptions {
  /** Elements left out with everything in them (page chrome), besides scripts, styles and hidden elements. */
  skip?: (element: Element) => boolean;
  /** Whether a <table> holds data (→ a table block) or only lays the page out (→ its cells read as paragraphs). */
  isDataTable?: (table: Element) => boolean;
}

/** Never text: scripts, styles, embedded objects, form controls, and the document head. */
const NEVER_TEXT = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'canvas',
  'select',
  'option',
  'button',
  'input',
  'textarea',
  'map',
  'area',
  'audio',
  'video',
  'source',
  'track',
  'img',
  'picture',
]);

/** Elements that start and end a paragraph (CSS display: block, list-item, table parts). */
// Saved pages also carry the document's own frame, old elements (center, dir, menu) and forms.
export const BLOCK_TAGS = new Set<string>([
  ...BLOCK_ELEMENTS,
  'body',
  'center',
  'dialog',
  'dir',
  'fieldset',
  'form',
  'hgroup',
  'html',
  'legend',
  'menu',
  'tbody',
  'tfoot',
  'thead',
]);

const styleOf = (el: Element) => (typeof el.properties?.style === 'string' ? el.properties.style : '');

/** Hidden by the page itself: the hidden attribute, display:none, visibility:hidden, aria-hidden. */
export function isHidden(el: Element): boolean {
  const p = el.properties ?? {};
  if (p.hidden !== undefined && p.hidden !== false && p.hidden !== null) return true;
  if (String(p.ariaHidden) === 'true') return true;
  return /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)\s*(!important)?\s*(;|$)/i.test(styleOf(el));
}

/** Whether the element makes its text bold, makes it not bold, or leaves it as it is. */
function boldness(el: Element): boolean | undefined {
  const weight = /(?:^|;)\s*font-weight\s*:\s*([a-z0-9]+)/i.exec(styleOf(el))?.[1].toLowerCase();
  if (weight) return weight === 'bold' || weight === 'bolder' || (/^\d+$/.test(weight) && Number(weight) >= 600);
  if (el.tagName === 'b' || el.tagName === 'strong') return true;
  return undefined;
}

/** A run of text; `link` is the href of the link it is in (possibly ''), undefined outside links. */
type Inline = { text: string; bold: boolean; link: string | undefined; chain: Element[] } | { br: true };

/** Raw text of an element (hidden parts and scripts aside), for measuring; no paragraph structure. */
export function rawText(node: Root | Element | ElementContent | RootContent, skip?: (el: Element) => boolean): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' && node.type !== 'root') return '';
  if (node.type === 'element') {
    if (NEVER_TEXT.has(node.tagName) || isHidden(node) || skip?.(node)) return '';
    if (node.tagName === 'br') return '\n';
  }
  let text = '';
  for (const child of node.children) {
    text += rawText(child, skip);
    if (child.type === 'element' && BLOCK_TAGS.has(child.tagName)) text += '\n';
  }
  return text;
}

/** The rows of a table (through thead/tbody/tfoot, not into nested tables) and their cells. */
export function tableRows(table: Element): Element[][] {
  const rows: Element[][] = [];
  const visit = (el: Element) => {
    for (const child of el.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'tr')
        rows.push(child.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th')));
      else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') visit(child);
    }
  };
  visit(table);
  return rows;
}

const hasDescendant = (el: Element, tag: string): boolean =>
  el.children.some((c) => c.type === 'element' && (c.tagName === tag || hasDescendant(c, tag)));

/**
 * A data table, as opposed to a table that lays a page out: most rows with text have at least two cells
 * with text, and nothing in it is page-sized: no table, heading or form inside, no cell holding more than
 * a few hundred characters or several paragraphs of text, no cell that is a list of links (a menu). When
 * in doubt a table is read as layout: its cells then become paragraphs, and no text is lost.
 */
export function looksLikeDataTable(table: Element): boolean {
  if (['table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'form', 'iframe'].some((tag) => hasDescendant(table, tag))) return false;
  const cells = tableRows(table);
  const texts = cells.map((row) => row.map((c) => cleanText(rawText(c))));
  const withText = texts.filter((r) => r.some((c) => c !== ''));
  if (withText.length === 0) return false;
  const multi = withText.filter((r) => r.filter((c) => c !== '').length >= 2).length;
  if (multi === 0 || multi * 2 < withText.length) return false;
  if (Math.max(...withText.flat().map((c) => c.length)) > 300) return false;
  return !cells.flat().some((cell) => {
    const text = cleanText(rawText(cell));
    const blocks = countBlocksWithText(cell);
    if (blocks >= 3 && text.length > 150) return true;
    const links = countLinks(cell);
    return links >= 3 && hanOutsideLinks(cell) <= hanCount(text) * 0.2;
  });
}

function countBlocksWithText(el: Element): number {
  let n = 0;
  for (const c of el.children) {
    if (c.type !== 'element') continue;
    if (BLOCK_TAGS.has(c.tagName) && cleanText(rawText(c)) !== '') n += 1 + countBlocksWithText(c);
    else n += countBlocksWithText(c);
  }
  return n;
}

function countLinks(el: Element): number {
  return el.children.reduce((n, c) => n + (c.type === 'element' ? (c.tagName === 'a' ? 1 : 0) + countLinks(c) : 0), 0);
}

/** A piece of a paragraph ending this way goes on after a <br> (a line cannot end a sentence like this). */
const OPEN_END = /[，、（(“‘《〈【「『—-]$/;
/** A piece starting this way continues the line before it (Chinese lines never start with these). */
const CLOSED_START = /^[，。、；：！？）)”’》〉】」』…]/;

class Walker {
  readonly blocks: WalkedBlock[] = [];
  private inline: Inline[] = [];
  /** The elements the walk is inside of. */
  private readonly stack: Element[] = [];
  constructor(private readonly options: WalkOptions) {}

  walk(node: Root | Element | ElementContent | RootContent, bold: boolean, link: string | undefined): void {
    if (node.type === 'text') {
      this.inline.push({ text: node.value, bold, link, chain: this.stack.slice() });
      return;
    }
    if (node.type === 'root') {
      for (const child of node.children) this.walk(child, bold, link);
      return;
    }
    if (node.type !== 'element') return;
    const el = node;
    if (NEVER_TEXT.has(el.tagName) || isHidden(el) || this.options.skip?.(el)) return;
    if (el.tagName === 'br') {
      this.inline.push({ br: true });
      return;
    }
    if (el.tagName === 'table' && (this.options.isDataTable ?? looksLikeDataTable)(el)) {
      this.flush();
      const rows = this.tableBlock(el);
      if (rows.length) this.blocks.push({ kind: 'table', rows, chain: [...this.stack, el] });
      return;
    }
    const block = BLOCK_TAGS.has(el.tagName);
    if (block) this.flush();
    const b = boldness(el) ?? bold;
    const l = el.tagName === 'a' ? String(el.properties?.href ?? '') : link;
    this.stack.push(el);
    for (const child of el.children) this.walk(child, b, l);
    if (block) this.flush();
    this.stack.pop();
  }

  /** The cells' text on a grid: a merged cell's text in its first position, '' where it spans. */
  private tableBlock(table: Element): string[][] {
    const grid: string[][] = [];
    tableRows(table).forEach((cells, r) => {
      grid[r] ??= [];
      let c = 0;
      for (const cell of cells) {
        while (grid[r][c] !== undefined) c++;
        const inner = new Walker({ skip: this.options.skip, isDataTable: () => false });
        inner.walk(cell, false, undefined);
        inner.flush();
        const text = inner.blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.rows.map((row) => row.join(' ')).join('\n'))).join('\n');
        const colSpan = Math.min(Math.max(1, Number(cell.properties?.colSpan) || 1), 50);
        const rowSpan = Math.min(Math.max(1, Number(cell.properties?.rowSpan) || 1), 1000);
        for (let dr = 0; dr < rowSpan; dr++) {
          grid[r + dr] ??= [];
          for (let dc = 0; dc < colSpan; dc++) grid[r + dr][c + dc] = dr === 0 && dc === 0 ? text : '';
        }
        c += colSpan;
      }
    });
    const rows = grid.filter((row) => row && row.some((cell) => cell !== ''));
    const width = Math.max(0, ...rows.map((row) => row.length));
    return rows.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
  }

  /** Ends the paragraph being collected: split at <br> where the text really is two lines, then cleaned. */
  flush(): void {
    const inline = this.inline;
    this.inline = [];
    const pieces: Array<Array<Exclude<Inline, { br: true }>>> = [[]];
    for (const part of inline) {
      if ('br' in part) pieces.push([]);
      else pieces.at(-1)!.push(part);
    }
    const lines: Array<Array<Exclude<Inline, { br: true }>>> = [];
    for (const piece of pieces) {
      const text = cleanText(piece.map((p) => p.text).join(''));
      if (!text) continue;
      const previous = lines.at(-1);
      const previousText = previous && cleanText(previous.map((p) => p.text).join(''));
      if (previous && previousText && (OPEN_END.test(previousText) || CLOSED_START.test(text))) previous.push(...piece);
      else lines.push([...piece]);
    }
    for (const line of lines) this.paragraph(line);
  }

  private paragraph(parts: Array<Exclude<Inline, { br: true }>>): void {
    const raw = parts.map((p) => p.text).join('');
    const text = cleanText(raw);
    if (!text) return;
    // The leading bold run: bold parts from the start, white space between them counting as bold.
    let boldEnd = 0;
    let sawBold = false;
    let at = 0;
    for (const part of parts) {
      const blank = cleanText(part.text) === '';
      if (!part.bold && !blank) break;
      at += part.text.length;
      if (part.bold && !blank) {
        sawBold = true;
        boldEnd = at;
      }
    }
    const bold = sawBold ? cleanText(raw.slice(0, boldEnd)) : '';
    const count = (s: string) => s.replace(/\s/g, '').length;
    const paragraph: WalkedParagraph = {
      kind: 'paragraph',
      text,
      linkChars: parts.filter((p) => p.link !== undefined).reduce((n, p) => n + count(p.text), 0),
      chars: count(raw),
      hrefs: [...new Set(parts.map((p) => p.link).filter((h): h is string => !!h))],
      chain: commonPrefix(parts.map((p) => p.chain)),
    };
    if (bold && text.startsWith(bold)) paragraph.bold = bold;
    this.blocks.push(paragraph);
  }
}

function commonPrefix(chains: Element[][]): Element[] {
  const first = chains[0] ?? [];
  let n = first.length;
  for (const chain of chains) {
    let i = 0;
    while (i < n && i < chain.length && chain[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n);
}

/** The tree's paragraphs and tables, with what the article finder measures (link text, hrefs). */
export function walkBlocks(node: Root | Element, options: WalkOptions = {}): WalkedBlock[] {
  const walker = new Walker(options);
  walker.walk(node, false, undefined);
  walker.flush();
  return walker.blocks;
}

/** The tree's paragraphs and tables, as the importer takes them. */
export function blocksFromHast(node: Root | Element, options: WalkOptions = {}): Block[] {
  return walkBlocks(node, options).map(toBlock);
}

/** A walked block as the importer takes it (the measurements dropped). */
export function toBlock(b: WalkedBlock): Block {
  if (b.kind === 'table') return { kind: 'table', rows: b.rows };
  return b.bold ? { kind: 'paragraph', text: b.text, bold: b.bold } : { kind: 'paragraph', text: b.text };
}

/** Han characters in an element's text outside links (what a reader reads, not what they click). */
export function hanOutsideLinks(node: Root | Element | ElementContent, skip?: (el: Element) => boolean): number {
  if (node.type === 'text') return hanCount(node.value);
  if (node.type !== 'element' && node.type !== 'root') return 0;
  if (node.type === 'element' && (node.tagName === 'a' || NEVER_TEXT.has(node.tagName) || isHidden(node) || skip?.(node))) return 0;
  let n = 0;
  for (const child of node.children) n += hanOutsideLinks(child as ElementContent, skip);
  return n;
}
