// The importer's entry to Word files, saved web pages and PDFs: which format a file is, and its blocks.
// Plain text is left to the text pipeline (undefined here).
import { ImportError } from '../decode';
import type { Extracted } from './blocks';
import { detectFormat } from './detect';
import { readDocxDocument } from './docx';
import { readHtmlDocument } from './html';
import { readPdfDocument } from './pdf';

export type { Block, Extracted, Format } from './blocks';
export type { DatedFrom, DocumentProperties } from './properties';
export { detectFormat } from './detect';

export async function extractBlocks(bytes: Uint8Array, fileName: string): Promise<Extracted | undefined> {
  const format = detectFormat(bytes, fileName);
  try {
    switch (format) {
      case 'text':
        return undefined;
      case 'docx':
        return { format, ...(await readDocxDocument(bytes)) };
      case 'html':
        return { format, ...readHtmlDocument(bytes) };
      case 'pdf':
        return { format, ...(await readPdfDocument(bytes)) };
    }
  } catch (error) {
    // The readers say what is wrong with a file as an ImportError; anything else is a fault of ours.
    if (error instanceof ImportError) throw error;
    throw new Error(`reading the ${format} file ${fileName} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}
