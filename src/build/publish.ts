// Build stage: the verified site in the staging folder takes the place of the output folder. It goes next to
// it first (a copy when the output is on another file system), then two renames on one file system swap it
// in, so the output is never half old and half new.
import { cpSync, existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Records the base path (npm run preview serves the site there; the name is also in scripts/preview.ts) and
 * swaps `staging` in for `outDir`. dist/ is published, so the record holds only that path, which every URL
 * of the site shows anyway.
 */
export function publishSite(staging: string, outDir: string, base: string): void {
  writeFileSync(join(staging, '.gongshi-build.json'), `${JSON.stringify({ base })}\n`);
  const incoming = join(dirname(outDir), `.${basename(outDir)}.incoming-${process.pid}`);
  const previous = join(dirname(outDir), `.${basename(outDir)}.previous-${process.pid}`);
  try {
    renameSync(staging, incoming);
  } catch {
    cpSync(staging, incoming, { recursive: true });
    rmSync(staging, { recursive: true, force: true });
  }
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(incoming, outDir);
  rmSync(previous, { recursive: true, force: true });
}
