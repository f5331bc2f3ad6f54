// The original of an imported Word file or PDF, kept in the content folder's sources/ and recorded as the
// notice's attachment 原文 (src/attachments): under its own name when that is free, as `name-2.ext` beside
// a different file of that name, and not copied again when an identical file is already there.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { contentProblem, extensionOf, SNIFF_BYTES, sizeProblem } from '../attachments/rules';
import { ImportError } from './decode';

export interface KeptOriginal {
  /** As the frontmatter writes it, relative to the content folder: `sources/<name>`. */
  file: string;
  /** Where the original goes, or already is. */
  path: string;
  /** False when an identical file is already there. */
  copy: boolean;
}

export const SOURCES = 'sources';

/**
 * Where the original of `sourcePath` will be kept under `contentDir`, without writing anything. Its name gets
 * the extension of what the file is (a Word file named `.doc` is kept as `.docx`). An ImportError when the
 * file could not be published as an attachment (too large, say).
 */
export function planOriginal(contentDir: string, sourcePath: string, bytes: Uint8Array, format: 'docx' | 'pdf'): KeptOriginal {
  const own = basename(sourcePath);
  const name = extensionOf(own) === format ? own : `${own.replace(/\.[^.]*$/, '')}.${format}`;
  const problem = sizeProblem(name, bytes.length) ?? contentProblem(name, format, bytes.subarray(0, SNIFF_BYTES));
  if (problem) throw new ImportError(`原文不能作为通报的附件发布：${problem}只导入正文、不附原文时，请加 --no-attachment。`);
  const dir = join(contentDir, SOURCES);
  const kept = (n: string, copy: boolean): KeptOriginal => ({ file: `${SOURCES}/${n}`, path: join(dir, n), copy });
  const names = existsSync(dir) ? readdirSync(dir).sort() : [];
  const same = (n: string) => {
    const path = join(dir, n);
    const stat = statSync(path, { throwIfNoEntry: false });
    return !!stat?.isFile() && stat.size === bytes.length && readFileSync(path).equals(bytes);
  };
  // The same file imported before (or the original imported from sources/ itself): reuse it.
  const identical = [name, ...names.filter((n) => n !== name)].find((n) => names.includes(n) && same(n));
  if (identical) return kept(identical, false);
  const stem = name.replace(/\.[^.]*$/, '');
  let candidate = name;
  for (let n = 2; existsSync(join(dir, candidate)); n++) candidate = `${stem}-${n}.${format}`;
  return kept(candidate, true);
}

/** Copies the original into place (whole, then renamed, so that no half-written file is ever there). */
export function keepOriginal(plan: KeptOriginal, bytes: Uint8Array): void {
  if (!plan.copy) return;
  mkdirSync(dirname(plan.path), { recursive: true });
  const tmp = `${plan.path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, plan.path);
  } finally {
    rmSync(tmp, { force: true });
  }
}
