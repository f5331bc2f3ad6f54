// Builds the bundled sample site once per test run, exactly as `npm run build` does: at the domain
// root and under the sub-path /gongshi/. Tests read the output from these folders.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BUILDS = {
  root: { dir: resolve(ROOT, '.test-build/root'), base: '/' },
  sub: { dir: resolve(ROOT, '.test-build/sub'), base: '/gongshi/' },
} as const;
export type BuildName = keyof typeof BUILDS;

export function buildSite(name: BuildName): string {
  const { dir, base } = BUILDS[name];
  rmSync(dir, { recursive: true, force: true });
  execFileSync(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build.ts', '--out-dir', dir], {
    cwd: ROOT,
    env: { ...process.env, BASE_PATH: base === '/' ? '' : base, SITE_URL: '' },
    stdio: 'pipe',
  });
  if (!existsSync(resolve(dir, 'index.html'))) throw new Error(`build ${name} produced no index.html`);
  return dir;
}
