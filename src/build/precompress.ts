// Build stage: a gzipped copy beside each script and stylesheet of the site (`x.js.gz`, compressed once at the
// highest level), for hosts that serve a file's .gz when the browser accepts gzip (nginx's gzip_static,
// deploy/nginx.conf) instead of compressing every response at a low level. These are what every page and
// every first search load (Pagefind's script among them) and they are few, so the build spends well under a
// second on them; pages and data files, many and large, are left to the host's own compression. Pagefind's
// index files are gzipped already. A copy that would not be smaller is not written.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import { filesUnder } from '../base/files';

/** What is compressed: the scripts, stylesheets and images drawn as text that pages load. */
const TEXT = /\.(css|js|mjs|svg)$/;
/** Below this a response is one packet anyway. */
const MIN_BYTES = 1024;

/** Writes `<file>.gz` beside each script and stylesheet of `dir` that it makes smaller; returns how many it wrote. */
export function precompress(dir: string): number {
  let written = 0;
  for (const file of filesUnder(dir)) {
    if (!TEXT.test(file)) continue;
    const path = join(dir, file);
    const bytes = readFileSync(path);
    if (bytes.length < MIN_BYTES) continue;
    // No file name or time in the header: two builds of the same site write the same bytes.
    const gzipped = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION });
    if (gzipped.length >= bytes.length * 0.9) continue;
    writeFileSync(`${path}.gz`, gzipped);
    written++;
  }
  return written;
}
