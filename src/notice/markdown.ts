// The one Markdown dialect gongshi reads: CommonMark + GFM, with CJK-friendly emphasis so that
// `**整改情况：**一是…` is bold, as official documents set it.
import type { Root } from 'mdast';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkCjkFriendly);

export function parseMarkdown(body: string): Root {
  return processor.runSync(processor.parse(body)) as Root;
}
