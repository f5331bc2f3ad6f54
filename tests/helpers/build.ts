// Builds the bundled sample site once per test run, exactly as `npm run build` does: at the domain
// root and under the sub-path /gongshi/. Tests read the output from these folders. The search tests
// also get a build of a small fixture corpus (tests/fixtures/search-corpus), indexed in parts of two
// notices, as a site of thousands is (src/lib/search-parts): every search test runs on merged parts.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BUILDS = {
  root: { dir: resolve(ROOT, '.test-build/root'), base: '/' },
  sub: { dir: resolve(ROOT, '.test-build/sub'), base: '/gongshi/' },
} as const;
export type BuildName = keyof typeof BUILDS;
export const SEARCH_FIXTURE = {
  content: resolve(ROOT, 'tests/fixtures/search-corpus'),
  partSize: 2,
  dir: resolve(ROOT, '.test-build/search'),
  base: '/',
} as const;

function runBuild(dir: string, base: string, env: Record<string, string> = {}) {
  rmSync(dir, { recursive: true, force: true });
  execFileSync(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build.ts', '--out-dir', dir], {
    cwd: ROOT,
    env: { ...process.env, BASE_PATH: base === '/' ? '' : base, SITE_URL: '', ...env },
    stdio: 'pipe',
  });
  if (!existsSync(resolve(dir, 'index.html'))) throw new Error(`build of ${dir} produced no index.html`);
  return dir;
}

export function buildSite(name: BuildName): string {
  return runBuild(BUILDS[name].dir, BUILDS[name].base);
}

/** The fixture corpus, with its own Astro cache so it never mixes with the sample site's. */
export function buildSearchFixture(): string {
  const { content, dir, base, partSize } = SEARCH_FIXTURE;
  return runBuild(dir, base, {
    GONGSHI_CONTENT: content,
    GONGSHI_CACHE_DIR: resolve(ROOT, '.test-build/cache-search'),
    GONGSHI_INDEX_PART_SIZE: String(partSize),
  });
}
