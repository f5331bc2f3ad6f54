// Runs the Astro CLI with the given arguments (npm run typecheck: astro sync, astro check) with telemetry and the update check off, on any OS.
import './lib/no-phoning-home';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The CLI runs in a child process that inherits the switches set above: `VAR=1 astro …` in package.json
// would not work in Windows' cmd.exe, where many webmasters run npm. Its entry point is the one its package
// names (bin/astro.mjs in Astro 7), not a fixed path.
const astro = join(import.meta.dirname, '..', 'node_modules', 'astro');
let cli: string;
try {
  const { bin } = JSON.parse(readFileSync(join(astro, 'package.json'), 'utf8')) as { bin: string | Record<string, string> };
  cli = join(astro, typeof bin === 'string' ? bin : bin.astro);
} catch {
  console.error('找不到 Astro：依赖还没有安装。请先运行 npm ci。');
  process.exit(1);
}
const run = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: 'inherit' });
if (run.error) {
  console.error(`无法运行 Astro：${run.error.message}`);
  process.exit(1);
}
process.exit(run.status ?? 1);
