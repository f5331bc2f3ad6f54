// A notice body, Markdown → HTML, in one pass that also yields its outline: the page needs both, and
// parsing once keeps a large site's build linear and light (Astro's own Markdown pipeline would parse
// again and keep every rendered body in its content store). The output is what Astro's pipeline gives
// with gongshi's settings: GFM, CJK-friendly emphasis, the notice anchors (remark-notice) and, for any
// other heading, the same GitHub-style id. Raw HTML is never passed through (the check refuses it).
import Slugger from 'github-slugger';
import type { Element, Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';
import { isOutbound } from './file';
import { parseMarkdown } from './markdown';
import { buildOutline, type Outline } from './outline';
import { addNoticeAnchors } from './remark-notice';
import { OUTBOUND_WORDS } from '../site/link-policy';

export interface RenderedNotice {
  html: string;
  outline: Outline;
}

export function renderNoticeBody(body: string): RenderedNotice {
  return renderNoticeTree(parseMarkdown(body));
}

/** The same from a parsed body (the content check has one); the tree is changed (anchors are added). */
export function renderNoticeTree(tree: MdastRoot): RenderedNotice {
  const outline = buildOutline(tree);
  addNoticeAnchors(tree, outline);
  const hast = toHast(tree) as HastRoot;
  addHeadingIds(hast);
  markOutboundLinks(hast);
  wrapClosing(hast);
  return { html: toHtml(hast), outline };
}

const CLOSING_CLASSES = new Set(['notice-appeal', 'notice-contact', 'notice-signature', 'notice-date']);
const isClosing = (node: HastRoot['children'][number]) =>
  node.type === 'element' && ((node.properties.className as string[] | undefined) ?? []).some((c) => CLOSING_CLASSES.has(c));

/**
 * The closing (appeal, contact lines, signature, date) as its own section with a heading for screen readers,
 * so that it is not read as part of the last numbered section: search links a match on the phone number
 * to `#closing`, not to `#s3`.
 */
function wrapClosing(tree: HastRoot) {
  const first = tree.children.findIndex(isClosing);
  if (first < 0) return;
  const closing = tree.children.slice(first);
  const heading: Element = {
    type: 'element',
    tagName: 'h2',
    properties: { id: 'closing', className: ['visually-hidden'] },
    children: [{ type: 'text', value: '意见反馈' }],
  };
  const section: Element = {
    type: 'element',
    tagName: 'section',
    properties: { className: ['notice-closing'], ariaLabelledBy: ['closing'] },
    children: [heading, { type: 'text', value: '\n' }, ...(closing as Element[])],
  };
  tree.children.splice(first, closing.length, section);
}

/**
 * A link to another site (the content check allows only those the site's link policy names) says that it
 * leaves the site: a visible arrow, and words for screen readers that search leaves out. It sends no
 * referrer and gives the other page no handle on this one.
 */
function markOutboundLinks(tree: HastRoot) {
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'a' || !isOutbound(String(node.properties.href ?? ''))) return;
    node.properties.rel = ['noopener', 'noreferrer'];
    node.properties.className = ['external-link'];
    node.children.push(outboundNote());
  });
}

/** The words that tell a screen reader a link leaves the site; kept out of the search index. */
const outboundNote = (): Element => ({
  type: 'element',
  tagName: 'span',
  properties: { className: ['visually-hidden'], dataPagefindIgnore: '' },
  children: [{ type: 'text', value: OUTBOUND_WORDS }],
});

function addHeadingIds(tree: HastRoot) {
  const slugger = new Slugger();
  visit(tree, 'element', (node: Element) => {
    if (!/^h[1-6]$/.test(node.tagName) || typeof node.properties.id === 'string') return;
    let text = '';
    visit(node, 'text', (t) => {
      text += t.value;
    });
    const slug = slugger.slug(text);
    node.properties.id = slug.endsWith('-') ? slug.slice(0, -1) : slug;
  });
}
