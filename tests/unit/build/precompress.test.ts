// Each script and stylesheet of the site gets a gzipped copy for hosts that serve it (gzip_static); nothing else does.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { precompress } from '../../../src/build/precompress';
import { tempDir } from '../../helpers/temp';

describe('precompress', () => {
  it('writes a .gz beside each text file it makes smaller, the same bytes every time', () => {
    const dir = tempDir();
    const script = `export const text = '${'整改情况：一是完善制度。'.repeat(200)}';`;
    mkdirSync(join(dir, 'notices/a'), { recursive: true });
    mkdirSync(join(dir, 'pagefind/index'), { recursive: true });
    writeFileSync(join(dir, 'notices/a/index.html'), script);
    writeFileSync(join(dir, 'notices/a/page.js'), script);
    writeFileSync(join(dir, 'small.css'), 'body{}');
    writeFileSync(join(dir, 'pagefind/index/zxx_1.pf_index'), script);
    writeFileSync(join(dir, 'random.js'), randomBytes(4096));
    expect(precompress(dir)).toBe(1);
    const gz = readFileSync(join(dir, 'notices/a/page.js.gz'));
    expect(gunzipSync(gz).toString()).toBe(script);
    expect(gz.length).toBeLessThan(script.length / 5);
    // Pages, small files, Pagefind's already gzipped files and what gzip cannot shrink get no copy.
    for (const f of ['notices/a/index.html.gz', 'small.css.gz', 'pagefind/index/zxx_1.pf_index.gz', 'random.js.gz'])
      expect(existsSync(join(dir, f)), f).toBe(false);
    writeFileSync(join(dir, 'notices/a/page.js.gz'), '');
    precompress(dir);
    expect(readFileSync(join(dir, 'notices/a/page.js.gz')).equals(gz)).toBe(true);
  });
});
