// Temporary folders, removed after each test file.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { CONTENT_DIR } from './fixtures';

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'gongshi-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A fresh temp dir holding a copy of the real content/ folder as `<dir>/content`. */
export function copyOfContent(): { dir: string; content: string } {
  const dir = tempDir();
  const content = join(dir, 'content');
  cpSync(CONTENT_DIR, content, { recursive: true });
  return { dir, content };
}
