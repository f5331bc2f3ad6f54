// Reading a built site: its files and parsed HTML pages.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

/** Every file under `dir` with the SHA-256 of its bytes: two builds compared file by file. */
export function fileHashes(dir: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(dir).map((file) => [
      file,
      createHash('sha256')
        .update(readFileSync(join(dir, file)))
        .digest('hex'),
    ]),
  );
}

export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

export interface Page {
  file: string;
  html: string;
  doc: HTMLElement;
}

export function readPages(dir: string): Page[] {
  return listFiles(dir)
    .filter((f) => f.endsWith('.html'))
    .map((file) => {
      const html = readFileSync(join(dir, file), 'utf8');
      return { file, html, doc: parse(html) };
    });
}
