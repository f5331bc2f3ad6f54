// Reads a Word file (.docx) with mammoth into the notice's paragraphs and tables: bold leads kept, soft
// line breaks (Shift+Enter) read as paragraph breaks, Word's automatic numbering (一、（一）1.) written
// out, footnotes, comments and images left out.
import mammoth from 'mammoth';
import { fromHtml } from 'hast-util-from-html';
import type { Element } from 'hast';
import { ImportError } from '../decode';
import type { Block } from './blocks';
import { SAVE_AS_DOCX } from './detect';
import { numberingAsText } from './docx-numbering';
import { blocksFromHast } from './hast-blocks';
import { docxProperties, type DocumentProperties } from './properties';
import { zipEntries } from './zip';

const DAMAGED = `这个 Word 文档（.docx）已损坏或不完整，读不出正文（可能没有下载或复制完整）。请重新获取原文件；如果 Word 或 WPS 还能打开它，${SAVE_AS_DOCX}`;
const ENCRYPTED =
  '这个 Word 文档（.docx）设置了密码（已加密），导入程序无法读取。请在 Word 或 WPS 里输入密码打开，取消密码后“另存为” .docx 再导入。';

/** Errors from mammoth (JSZip, its XML reader, its part lookup) that mean the file itself is broken. */
const FILE_FAULT =
  /central directory|end of data|corrupted|zip|invalid \.docx|main document part|body element|are you sure|unclosed|unexpected (end|close)|invalid (character|attribute|block|stored|distance|code|literal|window)|text data outside|not well-formed|non-whitespace before|attribute without value|unmatched|unencoded <|xml|size mismatch|crc32|incorrect (header|data)|too many length/i;

/** The notice's blocks of a Word file. */
export const readDocx = async (bytes: Uint8Array): Promise<Block[]> => (await readDocxDocument(bytes)).blocks;

/** The blocks and the file's own properties (its dates). */
export async function readDocxDocument(bytes: Uint8Array): Promise<{ blocks: Block[]; properties: DocumentProperties }> {
  const entries = zipEntries(bytes);
  if (!entries) throw new ImportError(DAMAGED);
  if (entries.some((e) => e.flags & 1)) throw new ImportError(ENCRYPTED);
  let prepared: Uint8Array;
  try {
    prepared = numberingAsText(bytes, entries);
  } catch {
    // The numbering could not be written out (a part that does not inflate): mammoth says what is wrong.
    prepared = bytes;
  }
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(prepared.buffer, prepared.byteOffset, prepared.byteLength) },
      {
        externalFileAccess: false,
        // Images are not text: give them no data instead of base64-encoding every photo into the HTML.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    // mammoth's messages are about styles it did not map; the text is all there.
    html = result.value;
  } catch (error) {
    if (error instanceof Error && FILE_FAULT.test(error.message)) throw new ImportError(DAMAGED);
    throw new Error(`mammoth could not read the Word file: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const tree = fromHtml(html, { fragment: true });
  return {
    blocks: blocksFromHast(tree, { skip: isNoteOrComment, isDataTable: isWordDataTable }),
    properties: docxProperties(bytes, entries),
  };
}

/**
 * Footnote and endnote references and the notes themselves (mammoth puts them at the end as a list with
 * ids footnote-N / endnote-N), and comments: not the notice's text.
 */
function isNoteOrComment(el: Element): boolean {
  const id = typeof el.properties?.id === 'string' ? el.properties.id : '';
  if (/^(footnote|endnote|comment)-(ref-)?-?\d+$/.test(id)) return true;
  if (
    el.tagName === 'sup' &&
    el.children.some(
      (c) => c.type === 'element' && c.tagName === 'a' && /^#(footnote|endnote|comment)-/.test(String(c.properties?.href ?? '')),
    )
  )
    return true;
  return false;
}

/**
 * In a Word file every table is a table the author made, but one holding the whole text (a single column,
 * as when a web page is pasted into Word) reads better as paragraphs.
 */
function isWordDataTable(table: Element): boolean {
  const rows = table.children.flatMap((c) => (c.type === 'element' && (c.tagName === 'tbody' || c.tagName === 'thead') ? c.children : [c]));
  const cellsPerRow = rows
    .filter((r): r is Element => r.type === 'element' && r.tagName === 'tr')
    .map((r) => r.children.filter((c) => c.type === 'element').length);
  return cellsPerRow.some((n) => n >= 2);
}
