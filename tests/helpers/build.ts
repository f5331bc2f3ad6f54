// Builds the bundled sample site once per test run, exactly as `npm run build` does: at the domain
// root and under the sub-path /gongshi/. Tests read the output from these folders. The search tests
// also get a build of a small fixture corpus (tests/fixtures/search-corpus), indexed in parts of two
// notices, as a site of thousands is (src/search/parts): every search test runs on merged parts.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
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

/**
 * A site with every setting a real organisation's site in mainland China has (tests/fixtures/live-site: the
 * filings and emblem, 网站标识码, portal, links, allowed hosts, 信息公开 fields, an attachment): at the domain
 * root, and under /gongshi/ with SITE_URL as a site under its organisation's portal would be.
 */
export const LIVE_BUILDS = {
  liveRoot: { dir: resolve(ROOT, '.test-build/live-root'), base: '/', siteUrl: '' },
  liveSub: { dir: resolve(ROOT, '.test-build/live-sub'), base: '/gongshi/', siteUrl: 'https://xc.example.cn' },
} as const;
export type LiveBuildName = keyof typeof LIVE_BUILDS;
export const LIVE_CONTENT = resolve(ROOT, 'tests/fixtures/live-site');

export interface BuildOptions {
  /** Added to the environment: GONGSHI_CONTENT, BASE_PATH, SITE_URL, GONGSHI_CACHE_DIR… (root base path, no SITE_URL by default). */
  env?: Record<string, string>;
  /** More options after `--out-dir <outDir>`. */
  args?: string[];
}

/** `npm run build -- --out-dir <outDir>` run in the project as a user runs it: its exit code and all it printed. */
export function runBuild(outDir: string, { env = {}, args = [] }: BuildOptions = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build.ts', '--out-dir', outDir, ...args], {
    cwd: ROOT,
    env: { ...process.env, BASE_PATH: '', SITE_URL: '', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
}

/** A build into a fresh `outDir` that must succeed; fails with what the build printed. */
export function buildInto(outDir: string, options: BuildOptions = {}): string {
  rmSync(outDir, { recursive: true, force: true });
  const result = runBuild(outDir, options);
  if (result.status !== 0 || !existsSync(resolve(outDir, 'index.html')))
    throw new Error(`npm run build into ${outDir} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  return outDir;
}

export function buildSite(name: BuildName): string {
  const { dir, base } = BUILDS[name];
  return buildInto(dir, { env: { BASE_PATH: base === '/' ? '' : base } });
}

/** The fixture corpus, with its own Astro cache so it never mixes with the sample site's. */
export function buildSearchFixture(): string {
  const { content, dir, base, partSize } = SEARCH_FIXTURE;
  return buildInto(dir, {
    env: {
      BASE_PATH: base === '/' ? '' : base,
      GONGSHI_CONTENT: content,
      GONGSHI_CACHE_DIR: resolve(ROOT, '.test-build/cache-search'),
      GONGSHI_INDEX_PART_SIZE: String(partSize),
    },
  });
}

/** The live-site fixture, with its own Astro cache. */
export function buildLiveSite(name: LiveBuildName): string {
  const { dir, base, siteUrl } = LIVE_BUILDS[name];
  return buildInto(dir, {
    env: {
      BASE_PATH: base === '/' ? '' : base,
      SITE_URL: siteUrl,
      GONGSHI_CONTENT: LIVE_CONTENT,
      GONGSHI_CACHE_DIR: resolve(ROOT, `.test-build/cache-${name}`),
    },
  });
}
