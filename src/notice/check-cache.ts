// The content check's result for each notice file, kept between builds in Astro's cache folder: a file
// whose path and bytes are unchanged, checked by unchanged code (src/base/code-version), is not parsed
// again. A cold build (no cache folder) checks everything; the cache never decides whether content passes,
// it only remembers.
// Beside it, each passing notice's rendered body (HTML and outline), by the SHA-256 of its file: the check
// renders it from the syntax tree it has parsed anyway, and Astro's pages read it (src/notice/collection)
// instead of parsing the Markdown twice more (the page and the open data).
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Diagnostic } from '../base/diagnostics';
import type { RenderedNotice } from './html';
import type { OutboundLink } from './file';
import type { ProblemSummary } from './outline';
import type { NoticeData } from '../schemas';
import { codeVersion } from '../base/code-version';
import { cacheRoot } from '../base/paths';

/** What checking one notice file gives, apart from the rules that span files. */
export interface FileCheck {
  diagnostics: Diagnostic[];
  data?: NoticeData;
  titleLine?: number;
  /** The file line of each frontmatter field, for the rules across notices (src/notice/index-number). */
  fieldLines?: Record<string, number>;
  problemCount: number;
  excerpt: string;
  problems: ProblemSummary[];
  /** Links to other sites, for the site's link policy (src/site/link-policy), which may change without the file. */
  outboundLinks?: OutboundLink[];
}

interface Entry {
  file: string;
  sha256: string;
  result: FileCheck;
}

export class CheckCache {
  #file: string;
  // gongshi's code and its dependencies' versions: when any of them changes, every cached result is stale.
  #version = codeVersion();
  #entries = new Map<string, Entry>();
  #used = new Map<string, Entry>();
  hits = 0;
  /** Where the rendered bodies of this checker code are kept (GONGSHI_RENDERED_DIR tells Astro's process). */
  readonly renderedDir: string;

  /** `file`: where the cache is kept; an unreadable or stale cache is simply not used. */
  constructor(file: string) {
    this.#file = file;
    this.renderedDir = join(dirname(file), RENDERED, this.#version.slice(0, 16));
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
    // A passing notice whose rendered body has gone is checked (and rendered) again.
    if (passes(entry.result) && !existsSync(this.#renderedFile(sha256))) return undefined;
    this.#used.set(path, entry);
    this.hits++;
    return entry.result;
  }

  set(path: string, file: string, sha256: string, result: FileCheck): void {
    this.#used.set(path, { file, sha256, result });
  }

  /** Keeps a notice's rendered body. */
  render(sha256: string, rendered: RenderedNotice): void {
    mkdirSync(this.renderedDir, { recursive: true });
    writeFileSync(this.#renderedFile(sha256), JSON.stringify(rendered));
  }

  #renderedFile = (sha256: string) => join(this.renderedDir, `${sha256}.json`);

  /** Keeps the files seen in this check only (a removed notice leaves nothing behind); written whole, then renamed. */
  save(): void {
    mkdirSync(dirname(this.#file), { recursive: true });
    const temporary = `${this.#file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ version: this.#version, entries: Object.fromEntries(this.#used) }));
    renameSync(temporary, this.#file);
    // Rendered bodies of older checker code, and of files no longer there, go.
    const rendered = join(dirname(this.#file), RENDERED);
    for (const version of existsSync(rendered) ? readdirSync(rendered) : []) {
      if (join(rendered, version) !== this.renderedDir) rmSync(join(rendered, version), { recursive: true, force: true });
    }
    const kept = new Set([...this.#used.values()].map((e) => `${e.sha256}.json`));
    for (const name of existsSync(this.renderedDir) ? readdirSync(this.renderedDir) : []) {
      if (!kept.has(name)) rmSync(join(this.renderedDir, name), { force: true });
    }
  }
}

const RENDERED = 'gongshi-rendered';

/** A notice that has a page: its data, and no mistake. Only these are rendered. */
export const passes = (result: Pick<FileCheck, 'data' | 'diagnostics'>) =>
  result.data !== undefined && !result.diagnostics.some((d) => d.severity === 'error');

/** A notice's rendered body from `dir` (a CheckCache's renderedDir), or undefined when it is not there. */
export function readRendered(dir: string | undefined, sha256: string): RenderedNotice | undefined {
  if (!dir) return undefined;
  try {
    return JSON.parse(readFileSync(join(dir, `${sha256}.json`), 'utf8')) as RenderedNotice;
  } catch {
    return undefined;
  }
}

/** Beside Astro's own cache. */
export const checkCacheFile = (env: Record<string, string | undefined> = process.env) =>
  resolve(cacheRoot(env), 'gongshi-content-check.json');
