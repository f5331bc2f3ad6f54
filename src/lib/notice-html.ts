// A notice body, Markdown → HTML, in one pass that also yields its outline: the page needs both, and
// parsing once keeps a large site's build linear and light (Astro's own Markdown pipeline would parse
// again and keep every rendered body in its content store). The output is what Astro's pipeline gives
// with gongshi's settings: GFM, CJK-friendly emphasis, the notice anchors (remark-notice) and, for any
// other heading, the same GitHub-style id. Raw HTML is never passed through (the check refuses it).
import Slugger from 'github-slugger';
import type { Element, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';
import { parseMarkdown } from './markdown';
import { buildOutline, type Outline } from './outline';
import { addNoticeAnchors } from './remark-notice';

export interface RenderedNotice {
  html: string;
  outline: Outline;
}

export function renderNoticeBody(body: string): RenderedNotice {
  const tree = parseMarkdown(body);
  const outline = buildOutline(tree);
  addNoticeAnchors(tree, outline);
  const hast = toHast(tree) as HastRoot;
  addHeadingIds(hast);
  return { html: toHtml(hast), outline };
}

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
