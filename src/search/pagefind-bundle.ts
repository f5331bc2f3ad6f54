// Reading a built Pagefind bundle from Node: the page URL behind each result id. Used by the post-build
// check (every notice is in the index) and the search benchmark.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const SIGNATURE = 'pagefind_dcd';

/** The folders of a built index: pagefind/ and, on a site indexed in parts, each part's folder in it. */
export function indexFolders(dist: string): string[] {
  const main = join(dist, 'pagefind');
  const parts = readdirSync(main, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name.startsWith('part-'))
    .map((entry) => join(main, entry.name))
    .sort();
  return [main, ...parts];
}

/**
 * Page id → URL, from `pagefind/fragment/<id>.pf_fragment` (and each part's fragment folder): gzip, then
 * the 12-byte signature `pagefind_dcd`, then JSON with a `url` field. The id is what Pagefind's `result.id`
 * returns. URLs are from the site root, without the base path.
 */
export function fragmentUrls(dist: string): Map<string, string> {
  const urls = new Map<string, string>();
  for (const folder of indexFolders(dist)) {
    const dir = join(folder, 'fragment');
    for (const name of readdirSync(dir)) {
      if (!name.endsWith('.pf_fragment')) continue;
      const bytes = gunzipSync(readFileSync(join(dir, name)));
      if (bytes.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) {
        throw new Error(`${join(dir, name)}: no ${SIGNATURE} signature after gunzip`);
      }
      const { url } = JSON.parse(bytes.subarray(SIGNATURE.length).toString('utf8')) as { url: string };
      urls.set(name.replace(/\.pf_fragment$/, ''), url);
    }
  }
  return urls;
}
