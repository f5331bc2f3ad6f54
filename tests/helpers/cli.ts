// Runs a script under tsx in a child process, as `npx tsx scripts/… ` (npm run import/check/build) would.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './fixtures';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** `timeout` in ms (default 30 s; a build that runs Astro needs more). */
export function runScript(
  script: 'import' | 'check' | 'build',
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeout?: number },
): Promise<RunResult> {
  return new Promise((resolvePromise) => {
    execFile(
      process.execPath,
      [TSX, join(ROOT, 'scripts', `${script}.ts`), ...args],
      {
        cwd: options.cwd,
        env: { ...process.env, NO_COLOR: '1', ...options.env },
        encoding: 'utf8',
        timeout: options.timeout ?? 30_000,
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolvePromise({ code, stdout, stderr });
      },
    );
  });
}

/** A Node stack frame (`    at fn (file:line:col)`) or an uncaught-error banner: user mistakes must not show these. */
export const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$|^\w*Error: |node:internal/m;
