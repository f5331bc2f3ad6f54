import type { DocumentProperties } from './properties';

// The shape every format reader returns: the document as paragraphs and tables, in reading order.
export type Block =
  | {
      kind: 'paragraph';
      /** The paragraph's text on one line: indentation trimmed, runs of white space collapsed. */
      text: string;
      /** leading bold run of the paragraph (a prefix of text), when it starts bold and is not wholly bold-less */
      bold?: string;
    }
  | {
      kind: 'table';
      /**
       * One array per row, one string per column: a merged cell gives its text in its first position and ''
       * in the positions it covers, so every row has as many cells as the widest; a cell holding several
       * paragraphs has them joined by a line feed.
       */
      rows: string[][];
    };

export interface Extracted {
  format: Format;
  blocks: Block[];
  /** What the file says of itself outside its text (src/importer/formats/properties). */
  properties: DocumentProperties;
}

export type Format = 'text' | 'docx' | 'html' | 'pdf';
