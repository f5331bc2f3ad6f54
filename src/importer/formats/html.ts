// Reads a web page saved from a CMS (TRS, 大汉, 博达 and the like; GB2312/GBK or UTF-8) into the notice's
// paragraphs and tables, leaving the page's navigation, info line, links and footer behind.
import { fromHtml } from 'hast-util-from-html';
import { ImportError } from '../decode';
import { findArticle, isChromeElement, trimChrome } from './article';
import type { Block } from './blocks';
import { decodeHtmlBytes } from './charset';
import { toBlock, walkBlocks } from './hast-blocks';
import { htmlProperties, type DocumentProperties } from './properties';
import { compactText, hanCount } from './text';

const NO_BODY =
  '没有在网页里找到通报正文：网页里没有成段的中文文字（可能是只有导航的栏目页、需要脚本才显示正文的页面，或正文是图片）。请在浏览器里打开网页，复制正文粘贴到一个 .txt 文件后再导入。';

/** The notice's blocks of a saved page. */
export const readHtml = (bytes: Uint8Array): Block[] => readHtmlDocument(bytes).blocks;

/** The blocks and what the page says of itself (its publication date and source). */
export function readHtmlDocument(bytes: Uint8Array): { blocks: Block[]; properties: DocumentProperties } {
  const tree = fromHtml(decodeHtmlBytes(bytes));
  const article = findArticle(tree);
  if (!article) throw new ImportError(NO_BODY);
  // A CMS's article container holds only the notice; a container found by its text may still hold chrome.
  const walked = trimChrome(walkBlocks(article.body, article.known ? {} : { skip: isChromeElement }));
  if (!walked.some((b) => (b.kind === 'paragraph' ? hanCount(b.text) : 0) > 0)) throw new ImportError(NO_BODY);
  const blocks = walked.map(toBlock);
  if (article.title && !startsWithTitle(blocks, article.title)) blocks.unshift({ kind: 'paragraph', text: article.title });
  return { blocks, properties: htmlProperties(tree) };
}

/** Whether the body already opens with the title (on one line, or broken over two or three). */
function startsWithTitle(blocks: Block[], title: string): boolean {
  const want = compactText(title);
  let joined = '';
  for (const block of blocks.slice(0, 3)) {
    if (block.kind !== 'paragraph') return false;
    const text = compactText(block.text);
    if (joined === '' && text.startsWith(want)) return true;
    joined += text;
    if (joined === want) return true;
    if (!want.startsWith(joined)) return false;
  }
  return false;
}
