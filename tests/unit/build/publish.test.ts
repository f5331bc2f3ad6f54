// The last stage of a build: the staged site takes the output folder's place whole, with the base path recorded.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishSite } from '../../../src/build/publish';
import { tempDir } from '../../helpers/temp';

const folder = (files: Record<string, string>) => {
  const dir = join(tempDir(), 'site');
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
};

describe('publishSite', () => {
  it('replaces the output folder with the staged site, leaving nothing of the old one and no folder beside it', () => {
    const parent = tempDir();
    const out = join(parent, 'dist');
    mkdirSync(out);
    writeFileSync(join(out, 'old.html'), 'old');
    const staging = folder({ 'index.html': 'new' });
    publishSite(staging, out, '/gongshi/');
    expect(readdirSync(out).sort()).toEqual(['.gongshi-build.json', 'index.html']);
    expect(JSON.parse(readFileSync(join(out, '.gongshi-build.json'), 'utf8'))).toEqual({ base: '/gongshi/' });
    expect(existsSync(staging)).toBe(false);
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('makes the output folder when there was none', () => {
    const out = join(tempDir(), 'dist');
    publishSite(folder({ 'index.html': 'new' }), out, '/');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('new');
  });
});
