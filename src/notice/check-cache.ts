// The content check's result for each notice file, kept between builds in Astro's cache folder: a file
// whose path and bytes are unchanged, checked by unchanged checker code, is not parsed again. A cold build
// (no cache folder) checks everything; the cache never decides whether content passes, it only remembers.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Diagnostic } from './diagnostics';
import type { ProblemSummary } from './outline';
import type { NoticeData } from '../schemas';

/** What checking one notice file gives, apart from the rules that span files. */
export interface FileCheck {
  diagnostics: Diagnostic[];
  data?: NoticeData;
  titleLine?: number;
  problemCount: number;
  excerpt: string;
  problems: ProblemSummary[];
}

interface Entry {
  file: string;
  sha256: string;
  result: FileCheck;
}

/** The checker's own code and its dependencies' versions: when they change, every cached result is stale. */
function checkerVersion(): string {
  const hash = createHash('sha256');
  const src = join(import.meta.dirname, '..');
  for (const folder of ['notice', 'schemas', 'site']) {
    for (const name of readdirSync(join(src, folder)).sort()) {
      if (name.endsWith('.ts')) hash.update(name).update(readFileSync(join(src, folder, name)));
    }
  }
  const lock = join(src, '..', 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return hash.digest('hex');
}

export class CheckCache {
  #file: string;
  #version = checkerVersion();
  #entries = new Map<string, Entry>();
  #used = new Map<string, Entry>();
  hits = 0;

  /** `file`: where the cache is kept; an unreadable or stale cache is simply not used. */
  constructor(file: string) {
    this.#file = file;
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as { version: string; entries: Record<string, Entry> };
      if (saved.version === this.#version) this.#entries = new Map(Object.entries(saved.entries));
    } catch {
      // none yet, or unreadable: start afresh
    }
  }

  /** The result for the file at `path` (absolute), named `file` in messages, when its bytes are the ones cached. */
  get(path: string, file: string, sha256: string): FileCheck | undefined {
    const entry = this.#entries.get(path);
    if (!entry || entry.sha256 !== sha256 || entry.file !== file) return undefined;
    this.#used.set(path, entry);
    this.hits++;
    return entry.result;
  }

  set(path: string, file: string, sha256: string, result: FileCheck): void {
    this.#used.set(path, { file, sha256, result });
  }

  /** Keeps the files seen in this check only (a removed notice leaves nothing behind); written whole, then renamed. */
  save(): void {
    mkdirSync(dirname(this.#file), { recursive: true });
    const temporary = `${this.#file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ version: this.#version, entries: Object.fromEntries(this.#used) }));
    renameSync(temporary, this.#file);
  }
}

/** Beside Astro's own cache: GONGSHI_CACHE_DIR (as astro.config.mjs reads it), or Astro's default folder. */
export const checkCacheFile = (env: Record<string, string | undefined> = process.env) =>
  resolve(env.GONGSHI_CACHE_DIR || 'node_modules/.astro', 'gongshi-content-check.json');
