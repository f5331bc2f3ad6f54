// Build stage: the post-build check of the pages (src/build/page-check), with what it read of each page kept
// between builds by the SHA-256 of the page's text: a page unchanged since the last build is not parsed
// again (on a rebuild after one notice changed, nearly every page is unchanged). The hashed names of the
// site's scripts and styles are left out of that text, because they change with any text of the site (the
// 简/繁 dictionary is cut to it): a kept page's own addresses of them are read afresh, in order. Pages that
// must be read are read in worker threads when there are many, leaving a core to the search index (which may
// still be written) and the memory of one more thread's pages to the machine.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '../base/diagnostics';
import { codeVersion } from '../base/code-version';
import { checkPages, readPage, readPagesInWorkers, siteFiles, sitePages, type PageFacts, type VerifyOptions } from './page-check';

/** Fewer pages than this to read are read in this thread: starting workers would take longer. */
const WORKER_THRESHOLD = 100;

type Kept = Record<string, Omit<PageFacts, 'file'>>;

/** An address of one of the site's built scripts or styles (Astro names them by their content's hash). */
const ASSET = /\s(?:src|href)="([^"]*\/_astro\/[^"]*)"/g;
const isAsset = (url: string) => url.includes('/_astro/');

/** A kept page's facts with the page's current asset addresses, or undefined when they do not line up. */
function withAssets(kept: Omit<PageFacts, 'file'>, file: string, assets: string[]): PageFacts | undefined {
  let next = 0;
  const refs = kept.refs.map((ref) => (isAsset(ref.url) ? { ...ref, url: assets[next++] ?? '' } : ref));
  return next === assets.length && refs.every((ref) => ref.url !== '') ? { ...kept, refs, file } : undefined;
}

/** `verifyPages` of src/build/page-check, reading only the pages not kept in `cacheFile`. */
export async function verifyBuiltPages(options: VerifyOptions, cacheFile: string): Promise<Diagnostic[]> {
  const { dir, contact } = options;
  let kept: Kept = {};
  try {
    kept = JSON.parse(readFileSync(cacheFile, 'utf8')) as Kept;
  } catch {
    // none yet, or unreadable: every page is read
  }
  // What is read of a page depends on its bytes, on the postal contact it must show and on this code.
  const salt = `${codeVersion()}\0${contact.address ?? ''}\0${contact.postcode ?? ''}\0`;
  const all = siteFiles(dir);
  const files = sitePages(all);
  const keys = new Map<string, string>();
  const facts: PageFacts[] = [];
  const missing: string[] = [];
  for (const file of files) {
    const html = readFileSync(join(dir, file), 'utf8');
    const assets = [...html.matchAll(ASSET)].map((m) => m[1]);
    const key = createHash('sha256')
      .update(salt)
      .update(html.replace(ASSET, (m, url: string) => m.replace(url, '/_astro/')))
      .digest('hex');
    keys.set(file, key);
    const hit = kept[key] && withAssets(kept[key], file, assets);
    if (hit) facts.push(hit);
    else missing.push(file);
  }
  facts.push(
    ...(missing.length >= WORKER_THRESHOLD
      ? await readPagesInWorkers(dir, missing, contact, Math.max(1, availableParallelism() - 1))
      : missing.map((file) => readPage(dir, file, contact))),
  );
  const problems = checkPages(options, facts, all);
  // The pages of this build only, written whole, then renamed.
  const next: Kept = {};
  for (const { file, ...rest } of facts) next[keys.get(file)!] = rest;
  mkdirSync(dirname(cacheFile), { recursive: true });
  writeFileSync(`${cacheFile}.${process.pid}.tmp`, JSON.stringify(next));
  renameSync(`${cacheFile}.${process.pid}.tmp`, cacheFile);
  return problems;
}
