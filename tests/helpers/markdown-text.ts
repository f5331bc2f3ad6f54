// The text a reader sees in each top-level block of a notice body, Markdown syntax removed.
import { toString } from 'mdast-util-to-string';
import { parseMarkdown } from '../../src/notice/markdown';

export function blockTexts(markdownBody: string): string[] {
  return parseMarkdown(markdownBody).children.map((node) => toString(node));
}

/** Non-empty trimmed lines, the shape the importer turns into blocks. */
export function textLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}
