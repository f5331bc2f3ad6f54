// Reading a built site: its files and parsed HTML pages.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

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
