// The Content-Type a static host sends for each kind of file the built site holds; anything else
// (Pagefind's index chunks and WebAssembly) goes as bytes.
import { attachmentType } from '../attachments/rules';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

/** The Content-Type for a file of the site, by its name; notices' attachments as src/attachments types them. */
export function contentType(file: string): string {
  const dot = file.lastIndexOf('.');
  const ext = file.slice(dot).toLowerCase();
  return (dot > file.lastIndexOf('/') && (TYPES[ext] ?? attachmentType(ext.slice(1))?.mime)) || 'application/octet-stream';
}
