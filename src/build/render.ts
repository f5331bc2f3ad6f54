// Build stage: Astro renders the site into the staging folder, in a process of its own (its memory is given
// back when it ends, and it runs on one core while the search index is built on the other). It is handed the
// content check's results and rendered bodies, so nothing is parsed a second time there.
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CheckedNotice } from '../notice/check';

export interface Rendering {
  /** Settles when Astro has finished; rejects with the reason when it failed. */
  done: Promise<void>;
  /** Astro's process, ended by whoever abandons the build. */
  process: ChildProcess;
}

const ASTRO_BUILD = resolve(import.meta.dirname, '../../scripts/lib/astro-build.ts');

/** Starts Astro's build of the site into `staging`. */
export function renderSite(staging: string, notices: CheckedNotice[], renderedDir: string): Rendering {
  // Astro lets BASE_URL, MODE, DEV, PROD and SSR in the environment (Vitest sets them all, some hosts set
  // some) override `import.meta.env` inside pages: the base path, and whether this is a production build,
  // on which the pages' security policy depends. BASE_PATH is gongshi's only knob for the sub-path.
  const env: Record<string, string | undefined> = { ...process.env, NODE_ENV: 'production' };
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[name];
  const handover = join(tmpdir(), `gongshi-checked-notices-${process.pid}.json`);
  writeFileSync(handover, JSON.stringify(notices));
  const child = spawn(process.execPath, ['--import', 'tsx', ASTRO_BUILD, staging], {
    stdio: 'inherit',
    env: { ...env, GONGSHI_CHECKED_NOTICES: handover, GONGSHI_RENDERED_DIR: renderedDir },
  });
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', (e) => {
      rmSync(handover, { force: true });
      reject(new Error(`Astro 无法启动：${e.message}。`, { cause: e }));
    });
    child.on('close', (code, signal) => {
      rmSync(handover, { force: true });
      if (code === 0) resolve();
      else reject(new Error(`构建没有完成（Astro ${signal ? `被信号 ${signal} 终止` : `退出码 ${code}`}）。`));
    });
  });
  // Whoever awaits it hears of a failure; until then it must not count as unhandled.
  done.catch(() => {});
  return { done, process: child };
}
