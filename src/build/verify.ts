// Build stage: the post-build check of the pages (src/site/verify), with what it read of each page kept
// between builds by the SHA-256 of the page's bytes: a page unchanged since the last build is not parsed
// again (on a rebuild after one notice changed, nearly every page is byte-identical). Pages that must be
// read are read in worker threads when there are many, so a cold build checks its pages on both cores.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '../notice/diagnostics';
import { codeVersion } from '../site/code-version';
import { checkPages, readPage, readPagesInWorkers, sitePages, type PageFacts, type VerifyOptions } from '../site/verify';

/** Fewer pages than this to read are read in this thread: starting workers would take longer. */
const WORKER_THRESHOLD = 100;

type Kept = Record<string, Omit<PageFacts, 'file'>>;

/** `verifyPages` of src/site/verify, reading only the pages not kept in `cacheFile`. */
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
  const files = sitePages(dir);
  const keys = new Map(
    files.map((file) => [
      file,
      createHash('sha256')
        .update(salt)
        .update(readFileSync(join(dir, file)))
        .digest('hex'),
    ]),
  );
  const facts: PageFacts[] = [];
  const missing: string[] = [];
  for (const file of files) {
    const hit = kept[keys.get(file)!];
    if (hit) facts.push({ ...hit, file });
    else missing.push(file);
  }
  facts.push(
    ...(missing.length >= WORKER_THRESHOLD
      ? await readPagesInWorkers(dir, missing, contact, availableParallelism())
      : missing.map((file) => readPage(dir, file, contact))),
  );
  const problems = checkPages(options, facts);
  // The pages of this build only, written whole, then renamed.
  const next: Kept = {};
  for (const { file, ...rest } of facts) next[keys.get(file)!] = rest;
  mkdirSync(dirname(cacheFile), { recursive: true });
  writeFileSync(`${cacheFile}.${process.pid}.tmp`, JSON.stringify(next));
  renameSync(`${cacheFile}.${process.pid}.tmp`, cacheFile);
  return problems;
}
