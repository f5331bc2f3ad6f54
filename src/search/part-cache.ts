// Each written part of the search index, kept between builds with the fingerprint of everything Pagefind
// was given for it (the Pagefind version and options, the part's folder, each page's path and index copy). A part whose
// fingerprint is unchanged is copied from the cache instead of being indexed again: at 10,000 notices a
// change to one notice re-indexes one part, not every part. Folders are named by their fingerprint and never
// changed once in place, so that builds sharing a cache never read a half-written part.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createHash, type Hash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { IndexPart } from './parts';

// Pagefind's package exports no package.json: it is found beside the module's entry point (lib/index.js).
// Read on first use: only npm run build keeps parts (the dev server indexes without a cache).
let pagefindVersion: string | undefined;
const pagefindRelease = () =>
  (pagefindVersion ??= (
    JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.resolve('pagefind'))), '..', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version);

/** The fingerprint of one part, fed page by page in the order Pagefind takes them in. */
export class PartFingerprint {
  #hash: Hash;
  /** `settings`: how the part is written (Pagefind's options, the files left out), as text. */
  constructor(part: IndexPart, settings = '') {
    this.#hash = createHash('sha256').update(`pagefind ${pagefindRelease()}\0${settings}\0${part.dir}\0`);
  }
  page(sourcePath: string, copy: string | undefined): void {
    this.#hash.update(`${sourcePath}\0${copy ?? ''}\0`);
  }
  digest(): string {
    return this.#hash.digest('hex');
  }
}

const nameOf = (part: IndexPart) => part.dir || 'main';

export class PartCache {
  #dir: string;
  constructor(dir: string) {
    this.#dir = dir;
  }

  /** Whether some version of this part is kept (a first build, or a new part, has none). */
  has(part: IndexPart): boolean {
    const prefix = `${nameOf(part)}-`;
    return existsSync(this.#dir) && readdirSync(this.#dir).some((name) => name.startsWith(prefix) && name.length === prefix.length + 64);
  }

  /** Copies the part with this fingerprint to `outputPath`; false when there is none (or it went meanwhile). */
  restore(part: IndexPart, fingerprint: string, outputPath: string): boolean {
    const kept = join(this.#dir, `${nameOf(part)}-${fingerprint}`);
    if (!existsSync(kept)) return false;
    const incoming = `${outputPath}.restoring-${process.pid}`;
    try {
      cpSync(kept, incoming, { recursive: true });
      mkdirSync(dirname(outputPath), { recursive: true });
      // The main part's folder is pagefind/ itself; the other parts' folders go inside it later.
      if (existsSync(outputPath)) {
        for (const name of readdirSync(incoming)) renameSync(join(incoming, name), join(outputPath, name));
        rmSync(incoming, { recursive: true, force: true });
      } else renameSync(incoming, outputPath);
      return true;
    } catch {
      // Another build replaced it while it was copied: index the part instead.
      rmSync(incoming, { recursive: true, force: true });
      return false;
    }
  }

  /** Keeps the part just written at `outputPath` (without the other parts' folders inside the main one). */
  store(part: IndexPart, fingerprint: string, outputPath: string, otherParts: string[]): void {
    mkdirSync(this.#dir, { recursive: true });
    const name = `${nameOf(part)}-${fingerprint}`;
    const incoming = join(this.#dir, `.${name}.${process.pid}`);
    cpSync(outputPath, incoming, { recursive: true, filter: (from) => !otherParts.some((p) => from === join(outputPath, p)) });
    rmSync(join(this.#dir, name), { recursive: true, force: true });
    renameSync(incoming, join(this.#dir, name));
    // Older versions of this part go.
    for (const other of readdirSync(this.#dir)) {
      if (other !== name && other.startsWith(`${nameOf(part)}-`) && other.length === name.length)
        rmSync(join(this.#dir, other), { recursive: true, force: true });
    }
  }
}
