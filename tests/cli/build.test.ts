// `npm run build` stops on bad content with a clear message and leaves the output folder alone.
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInto, ROOT, runBuild } from '../helpers/build';

const build = (content: string, outDir: string) => runBuild(outDir, { env: { GONGSHI_CONTENT: content } });

function contentCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongshi-content-'));
  cpSync(resolve(ROOT, 'content'), dir, { recursive: true });
  return dir;
}

describe('npm run build with bad site configuration', () => {
  it.each([
    ['a bad email', (y: string) => y.replace('email: whtkjt@126.com', 'email: whtkjt-at-126'), 'contact.email'],
    ['a phone without digits', (y: string) => y.replace('phone: 027-85615369', 'phone: 请来电'), 'contact.phone'],
    ['a missing postcode', (y: string) => y.replace(/^\s+postcode:.*\n/m, ''), 'contact.postcode'],
    ['no contact at all', (y: string) => y.replace(/^contact:[\s\S]*$/m, ''), 'contact'],
  ])('fails on %s, naming the file and the field, without a stack trace', (_, breakIt, field) => {
    const content = contentCopy();
    const site = join(content, 'site.yaml');
    writeFileSync(site, breakIt(readFileSync(site, 'utf8')));
    const out = join(content, 'out');
    const r = build(content, out);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('site.yaml');
    expect(r.stderr).toContain(`${field}（`);
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('npm run build with another content folder', () => {
  it('builds the notices of GONGSHI_CONTENT', () => {
    const content = contentCopy();
    const notice = join(content, 'notices/2023-09-20-wuhan-industrial-investment.md');
    writeFileSync(
      join(content, 'notices/2023-09-20-copy.md'),
      readFileSync(notice, 'utf8').replace(/^title: .*$/m, 'title: 另一份测试通报'),
    );
    const out = join(content, 'out');
    buildInto(out, { env: { GONGSHI_CONTENT: content } });
    expect(readFileSync(join(out, 'notices/2023-09-20-copy/index.html'), 'utf8')).toContain('另一份测试通报');
    const home = readFileSync(join(out, 'index.html'), 'utf8');
    expect(home.match(/class="notice-card"/g)).toHaveLength(2);
  });
});
