// The Content-Type a static host sends for each kind of file the built site holds; anything else
// (Pagefind's index chunks and WebAssembly) goes as bytes.
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

/** The Content-Type for a file of the site, by its name. */
export function contentType(file: string): string {
  const dot = file.lastIndexOf('.');
  return (dot > file.lastIndexOf('/') && TYPES[file.slice(dot).toLowerCase()]) || 'application/octet-stream';
}
