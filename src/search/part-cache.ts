// Each written part of the search index, kept between builds under the fingerprint of everything Pagefind
// was given for it (the Pagefind version and options, and each page's path and index document). A part
// whose fingerprint is unchanged is copied from the cache instead of being indexed again, into whichever
// folder the plan now gives it (a part's files do not depend on where they are served from). Folders are
// named by their fingerprint and never changed once in place, so builds sharing a cache never read a
// half-written part.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createHash, type Hash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

// Pagefind's package exports no package.json: it is found beside the module's entry point (lib/index.js).
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
  constructor(settings = '') {
    this.#hash = createHash('sha256').update(`pagefind ${pagefindRelease()}\0${settings}\0`);
  }
  page(sourcePath: string, document: string): void {
    this.#hash.update(`${sourcePath}\0${document}\0`);
  }
  digest(): string {
    return this.#hash.digest('hex');
  }
}

const KEPT = /^[0-9a-f]{64}$/;

export class PartCache {
  #dir: string;
  #used = new Set<string>();
  constructor(dir: string) {
    this.#dir = dir;
  }

  /** Copies the part with this fingerprint to `outputPath`, a folder not there yet; false when there is none (or it went meanwhile). */
  restore(fingerprint: string, outputPath: string): boolean {
    const kept = join(this.#dir, fingerprint);
    if (!existsSync(kept)) return false;
    const incoming = `${outputPath}.restoring-${process.pid}`;
    try {
      cpSync(kept, incoming, { recursive: true });
      mkdirSync(dirname(outputPath), { recursive: true });
      renameSync(incoming, outputPath);
      this.#used.add(fingerprint);
      return true;
    } catch {
      // Another build replaced it while it was copied: index the part instead.
      rmSync(incoming, { recursive: true, force: true });
      return false;
    }
  }

  /** Keeps the part just written at `outputPath`. */
  store(fingerprint: string, outputPath: string): void {
    mkdirSync(this.#dir, { recursive: true });
    const incoming = join(this.#dir, `.${fingerprint}.${process.pid}`);
    cpSync(outputPath, incoming, { recursive: true });
    rmSync(join(this.#dir, fingerprint), { recursive: true, force: true });
    renameSync(incoming, join(this.#dir, fingerprint));
    this.#used.add(fingerprint);
  }

  /** Removes the kept parts this build neither restored nor stored: a site's cache holds its current parts only. */
  prune(): void {
    for (const name of existsSync(this.#dir) ? readdirSync(this.#dir) : []) {
      if (KEPT.test(name) && !this.#used.has(name)) rmSync(join(this.#dir, name), { recursive: true, force: true });
    }
  }
}
