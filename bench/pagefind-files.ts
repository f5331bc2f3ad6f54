// Reading a built Pagefind bundle from Node: its size, and the page URL behind each result id.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

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

export { fragmentUrls } from '../src/search/pagefind-bundle';
