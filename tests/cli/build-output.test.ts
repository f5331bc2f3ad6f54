// `npm run build` is atomic and reproducible: a failed build leaves the previous site byte for byte,
// two builds of the same sources are byte-identical (search index included), and the post-build check
// runs as part of every build.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runBuild } from '../helpers/build';
import { STACK_TRACE } from '../helpers/cli';
import { fileHashes } from '../helpers/dist';
import { copyOfContent, tempDir } from '../helpers/temp';

function build(content: string, outDir: string) {
  return runBuild(outDir, { env: { GONGSHI_CONTENT: content, GONGSHI_CACHE_DIR: join(outDir, '..', 'astro-cache') } });
}

describe('npm run build', () => {
  it('leaves the previous site exactly as it was when a notice is broken, and says so', () => {
    const { content } = copyOfContent();
    const out = join(tempDir(), 'dist');
    const first = build(content, out);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('发布前检查通过');
    const before = fileHashes(out);
    expect(Object.keys(before).length).toBeGreaterThan(20);

    const notice = join(content, 'notices/2023-09-20-wuhan-industrial-investment.md');
    writeFileSync(notice, readFileSync(notice, 'utf8').replace(/^date: .*$/m, 'date: 2023-02-30'));
    const second = build(content, out);
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('2023-09-20-wuhan-industrial-investment.md');
    expect(second.stderr).toContain(`${out} 没有改动`);
    expect(second.stderr).not.toMatch(STACK_TRACE);
    expect(fileHashes(out)).toEqual(before);
    // No staging folder is left behind.
    expect(readdirSync(join(out, '..')).filter((n) => /incoming|previous/.test(n))).toEqual([]);
    // Staging folders are named after their build's process; other test files' builds may be running now.
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    const left = readdirSync(ROOT).filter((n) => /^\.gongshi-staging-\d+-/.test(n) && !alive(Number(n.split('-')[2])));
    expect(left).toEqual([]);
  });

  it('writes nothing at all when the first build fails', () => {
    const { content } = copyOfContent();
    writeFileSync(join(content, 'notices/notes.txt'), '备忘');
    const out = join(tempDir(), 'dist');
    const r = build(content, out);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('没有生成');
    expect(existsSync(out)).toBe(false);
  });

  it('produces byte-identical files from the same sources, Pagefind index included', () => {
    const { content } = copyOfContent();
    const [first, second] = [join(tempDir(), 'dist'), join(tempDir(), 'dist')];
    for (const out of [first, second]) {
      const r = build(content, out);
      expect(r.status, r.stderr).toBe(0);
    }
    const a = fileHashes(first);
    const b = fileHashes(second);
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    expect(Object.keys(a).filter((f) => a[f] !== b[f])).toEqual([]);
    expect(Object.keys(a).some((f) => f.startsWith('pagefind/index/'))).toBe(true);
  });

  it('stops cleanly when interrupted: Astro ends, the staging folder goes, the output stays as it was', async () => {
    const { content } = copyOfContent();
    const out = join(tempDir(), 'dist');
    const build = spawn(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--out-dir', out], {
      cwd: ROOT,
      env: { ...process.env, BASE_PATH: '', SITE_URL: '', GONGSHI_CONTENT: content, GONGSHI_CACHE_DIR: join(out, '..', 'astro-cache') },
    });
    let stderr = '';
    build.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    // Astro has started when it logs its build.
    await new Promise<void>((resolve) => build.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('[build]') && resolve()));
    // The site's staging folder, and the one the search index is written into beside it.
    const staging = readdirSync(ROOT).filter((n) => n.startsWith(`.gongshi-staging-${build.pid}-`));
    expect(staging.length).toBeGreaterThanOrEqual(1);
    build.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => build.on('exit', resolve));
    expect(code).toBe(143);
    expect(stderr).toContain('构建被中断（SIGTERM）');
    expect(stderr).not.toMatch(STACK_TRACE);
    const left = () => readdirSync(ROOT).filter((n) => n.startsWith(`.gongshi-staging-${build.pid}-`));
    expect(left()).toEqual([]);
    expect(existsSync(out)).toBe(false);
    // Astro's process and the index's workers were ended with it: nothing writes into a staging folder again.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(left()).toEqual([]);
  });
});
