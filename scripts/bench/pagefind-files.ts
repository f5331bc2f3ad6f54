// Reading a built Pagefind bundle from Node: its size, and the page URL behind each result id.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const SIGNATURE = 'pagefind_dcd';

export interface BundleSize {
  bytes: number;
  files: number;
}

export function bundleSize(dist: string): BundleSize {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(join(dist, 'pagefind'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
    files++;
  }
  return { bytes, files };
}

/**
 * Page id → URL, from `pagefind/fragment/<id>.pf_fragment`: gzip, then the 12-byte signature
 * `pagefind_dcd`, then JSON with a `url` field. The id is what Pagefind's `result.id` and
 * `gongshiSearch.search().ids` return.
 */
export function fragmentUrls(dist: string): Map<string, string> {
  const dir = join(dist, 'pagefind', 'fragment');
  const urls = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.pf_fragment')) continue;
    const bytes = gunzipSync(readFileSync(join(dir, name)));
    if (bytes.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) {
      throw new Error(`${join(dir, name)}: no ${SIGNATURE} signature after gunzip`);
    }
    const { url } = JSON.parse(bytes.subarray(SIGNATURE.length).toString('utf8')) as { url: string };
    urls.set(name.replace(/\.pf_fragment$/, ''), url);
  }
  return urls;
}
