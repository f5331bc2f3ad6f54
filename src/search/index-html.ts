// The copy of a built page that Pagefind indexes: the same document, with the searchable text (inside
// `data-pagefind-body`, outside `data-pagefind-ignore`) rewritten into index tokens, block by block (src/search/text).
// Element structure, ids, filters and metadata stay as they are, so Pagefind still finds sub-result
// anchors, filters and metadata; the page readers get is not touched.
import type { Element, ElementContent, Root, Text } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { BLOCK_ELEMENTS } from '../base/block-elements';
import { SEARCH_INDEX_LANGUAGE, toIndexBlock } from './text';

// Elements that end a run of text: Han characters either side of them are not neighbours (a <br> too).
const BLOCKS = new Set<string>([...BLOCK_ELEMENTS, 'br']);
const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'svg', 'form']);

const ignored = (el: Element) => el.properties.dataPagefindIgnore !== undefined;

/** Rewrites every stretch of text between block boundaries into its index form, in place. */
function tokeniseBody(body: Element): void {
  let stretch: Text[] = [];
  const flush = () => {
    if (stretch.length === 0) return;
    const indexed = toIndexBlock(stretch.map((t) => t.value).join(''));
    stretch.forEach((t, i) => (t.value = i === 0 ? indexed : ''));
    stretch = [];
  };
  const walk = (nodes: ElementContent[]) => {
    for (const node of nodes) {
      if (node.type === 'text') stretch.push(node);
      else if (node.type === 'element') {
        if (SKIPPED.has(node.tagName)) continue;
        const boundary = BLOCKS.has(node.tagName) || ignored(node);
        if (boundary) flush();
        if (!ignored(node)) walk(node.children);
        if (boundary) flush();
      }
    }
  };
  walk(body.children);
  flush();
}

/**
 * Pagefind stores each anchor's whole text in the result data, so a paragraph with an id would be stored
 * twice. A paragraph that opens with a bold lead sentence lends its id to that sentence instead.
 */
function anchorLeadSentences(node: Root | Element): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    const first = child.children.find((c) => c.type !== 'text' || c.value.trim() !== '');
    if (child.tagName === 'p' && child.properties.id !== undefined && first?.type === 'element' && first.tagName === 'strong') {
      first.properties.id = child.properties.id;
      delete child.properties.id;
    } else anchorLeadSentences(child);
  }
}

function findBodies(node: Root | Element, found: Element[] = []): Element[] {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.properties.dataPagefindBody !== undefined) found.push(child);
    else findBodies(child, found);
  }
  return found;
}

// Elements Pagefind needs nothing from. Scripts, styles and links carry the hashed names of the site's
// assets, which change with any text of the site (the 简/繁 dictionary is cut to it). Images: a notice has
// none (the content check refuses them), and Pagefind would take the first image anywhere on the page (the
// footer's police-filing emblem) as the result's picture.
const UNREAD = new Set(['script', 'style', 'link', 'img']);

function dropUnread(node: Root | Element): void {
  node.children = node.children.filter((child) => child.type !== 'element' || !UNREAD.has(child.tagName));
  for (const child of node.children) if (child.type === 'element') dropUnread(child);
}

/**
 * The index copy of a page, or `undefined` when the page has no `data-pagefind-body` (it is not indexed).
 * The document language becomes SEARCH_INDEX_LANGUAGE; scripts, styles, links and images are left out.
 */
export function toSearchIndexHtml(html: string): string | undefined {
  // Most pages that are not notices (the ledger's year pages run to megabytes) need no parsing at all.
  if (!html.includes('data-pagefind-body')) return undefined;
  const tree = fromHtml(html);
  const bodies = findBodies(tree);
  if (bodies.length === 0) return undefined;
  bodies.forEach(anchorLeadSentences);
  bodies.forEach(tokeniseBody);
  const root = tree.children.find((n): n is Element => n.type === 'element' && n.tagName === 'html');
  if (root) root.properties.lang = SEARCH_INDEX_LANGUAGE;
  dropUnread(tree);
  return toHtml(tree);
}
