// A fingerprint of gongshi's own code and its dependencies' versions, for caches of what that code makes
// from content (the content check, the index documents, the page check): when any of it changes, everything
// kept is made again. Every source file counts, so no list of "the code that matters" has to be kept by hand.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesUnder } from './files';

let version: string | undefined;

export function codeVersion(): string {
  if (version) return version;
  const hash = createHash('sha256');
  const src = join(import.meta.dirname, '..');
  const files = filesUnder(src).filter((name) => /\.(ts|astro|mjs)$/.test(name));
  for (const name of files) hash.update(`${name}\0`).update(readFileSync(join(src, name)));
  const lock = join(src, '..', 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return (version = hash.digest('hex'));
}
