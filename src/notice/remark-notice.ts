// A notice body's syntax tree made ready to render (src/notice/html): stable anchors from the outline on every
// section, group and problem, a visible link on each problem, the place of each problem's feedback action,
// classes for the 整改情况 and 整改状态 paragraphs and the closing block, and `tel:` links on the contact lines
// (GFM already links email addresses).
import type { Heading, Link, Paragraph, PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { rectificationLabel, statusField } from './numbering';
import type { Outline } from './outline';
import { classifyClosing, phoneMatches } from './closing';
import { telHref } from './contact';

type HProps = { data?: { hProperties?: Record<string, unknown> } };

function setProps(node: HProps, props: Record<string, unknown>) {
  node.data ??= {};
  node.data.hProperties = { ...node.data.hProperties, ...props };
}

/** What remark-notice does, given the tree's outline when it has been built already. */
export function addNoticeAnchors(tree: Root, outline: Outline) {
  const headingIds = new Map<number, { id: string; problem: boolean }>();
  for (const s of outline.sections) {
    headingIds.set(s.line, { id: s.id, problem: false });
    for (const g of s.groups) headingIds.set(g.line, { id: g.id, problem: false });
  }
  for (const p of outline.problems) headingIds.set(p.line, { id: p.id, problem: true });
  const pointIds = new Map(outline.sections.flatMap((s) => s.points.map((p) => [p.line, p.id] as const)));

  addFeedbackPlaces(tree, outline);
  const blocks = tree.children.filter((n): n is Heading | Paragraph => n.type === 'heading' || n.type === 'paragraph');
  const closing = classifyClosing(blocks.map((n) => toString(n)));
  blocks.forEach((node, i) => {
    const line = node.position?.start.line ?? -1;
    if (node.type === 'heading') {
      const anchor = headingIds.get(line);
      if (!anchor) return;
      setProps(node, { id: anchor.id });
      if (anchor.problem) {
        const link: Link = {
          type: 'link',
          url: `#${anchor.id}`,
          children: [{ type: 'text', value: '链接' }],
          data: {
            hProperties: { className: ['problem-link'], 'data-pagefind-ignore': '', 'aria-label': `本问题的链接：${toString(node)}` },
          },
        };
        node.children.push({ type: 'text', value: ' ' }, link);
      }
      return;
    }
    const kind = closing[i];
    if (kind) {
      setProps(node, { className: [`notice-${kind}`] });
      if (kind === 'contact' || kind === 'appeal') linkPhones(node);
      return;
    }
    const text = toString(node);
    if (rectificationLabel(text)) setProps(node, { className: ['rectification'] });
    else if (statusField(text)) setProps(node, { className: ['problem-status'] });
    const point = pointIds.get(line);
    if (point) setProps(node, { id: point, className: ['lead-paragraph'] });
  });
}

/** The class of the empty paragraph that marks where a problem's feedback action goes (src/feedback/actions). */
export const FEEDBACK_PLACE = 'problem-feedback';

/**
 * After each problem's text, an empty paragraph naming the problem: the page puts its feedback action there
 * (src/feedback/actions). It holds nothing of the site's settings, so the body rendered by the content check
 * stays a function of the notice's file.
 */
function addFeedbackPlaces(tree: Root, outline: Outline) {
  const problems = new Map(outline.problems.map((p) => [p.line, p.id]));
  // The closing the outline read (its lines are the tree's own): no problem runs into it.
  const closing = new Set(outline.closing.map((c) => c.line));
  const children: Root['children'] = [];
  let open: string | undefined;
  const close = () => {
    if (open) children.push({ type: 'paragraph', children: [], data: { hProperties: { className: [FEEDBACK_PLACE], dataProblem: open } } });
    open = undefined;
  };
  tree.children.forEach((node) => {
    if (node.type === 'heading' || closing.has(node.position?.start.line ?? -1)) close();
    children.push(node);
    if (node.type === 'heading') open = problems.get(node.position?.start.line ?? -1);
  });
  close();
  tree.children = children;
}

function linkPhones(node: Paragraph) {
  node.children = node.children.flatMap((child): PhrasingContent[] => {
    if (child.type !== 'text') return [child];
    const out: PhrasingContent[] = [];
    let last = 0;
    for (const m of phoneMatches(child.value)) {
      if (m.index > last) out.push({ type: 'text', value: child.value.slice(last, m.index) });
      out.push({ type: 'link', url: telHref(m.phone), children: [{ type: 'text', value: m.text }] });
      last = m.index + m.text.length;
    }
    if (last < child.value.length) out.push({ type: 'text', value: child.value.slice(last) });
    return out;
  });
}
