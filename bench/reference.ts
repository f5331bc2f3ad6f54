// The side-by-side reference for the build-speed target (`npm run bench -- --reference`): the same generated corpus
// built by Hugo (Debian's `hugo` package) and indexed by the project's pinned Pagefind CLI with its default
// settings, timed and sampled like gongshi's own builds. Its theme is the smallest that gives Pagefind one page per
// notice in Chinese (`lang="zh-CN"`, the body marked `data-pagefind-body`), so that the two index the same text.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ProcessTreeSampler } from './process-memory';
import { ROOT } from './seed-text';

export interface ReferenceRun {
  /** Hugo then Pagefind, end to end. */
  seconds: number;
  hugoSeconds: number;
  pagefindSeconds: number;
  /** The larger of the two steps' process-tree peaks (they run one after the other). */
  peakRss: number;
}

export type ReferenceReport = { tool: string; runs: ReferenceRun[]; medianSeconds: number; peakRss: number } | { skipped: string };

const PAGEFIND = resolve(ROOT, 'node_modules/.bin/pagefind');

/** `hugo v0.111.3 …`, or undefined when Hugo is not installed. */
export function hugoVersion(): string | undefined {
  const result = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim().split(' ').slice(0, 2).join(' ') : undefined;
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const LAYOUT_SINGLE = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main data-pagefind-body><h1>{{ .Title }}</h1>{{ .Content }}</main></body>
</html>
`;
const LAYOUT_LIST = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body>
</html>
`;

/** Writes the minimal Hugo site in `dir`, its content a link to the corpus's notices. */
function writeSite(dir: string, corpusContent: string): void {
  mkdirSync(join(dir, 'layouts/_default'), { recursive: true });
  mkdirSync(join(dir, 'content'), { recursive: true });
  writeFileSync(
    join(dir, 'config.toml'),
    [
      `baseURL = '/'`,
      `languageCode = 'zh-cn'`,
      `title = 'reference'`,
      `disableKinds = ['taxonomy', 'term', 'RSS', 'sitemap', 'robotsTXT', '404']`,
    ].join('\n') + '\n',
  );
  writeFileSync(join(dir, 'layouts/_default/single.html'), LAYOUT_SINGLE);
  writeFileSync(join(dir, 'layouts/_default/list.html'), LAYOUT_LIST);
  writeFileSync(join(dir, 'layouts/index.html'), LAYOUT_LIST);
  const link = join(dir, 'content/notices');
  if (!existsSync(link)) symlinkSync(join(corpusContent, 'notices'), link, 'dir');
}

/** Runs `command` to the end while sampling its process tree; seconds and peak RSS. */
async function timed(command: string, args: string[], cwd: string): Promise<{ seconds: number; peakRss: number }> {
  const start = performance.now();
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  const sampler = new ProcessTreeSampler(child.pid!, 100);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((ok) => {
    child.on('error', () => ok(null));
    child.on('close', ok);
  });
  const trace = sampler.stop();
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' / ')}`);
  return { seconds: (performance.now() - start) / 1000, peakRss: trace.peakRss };
}

/** One cold reference build of the corpus: Hugo into public/ (emptied first), then Pagefind over it. */
export async function runReference(corpusContent: string, dir: string): Promise<ReferenceRun> {
  writeSite(dir, corpusContent);
  rmSync(join(dir, 'public'), { recursive: true, force: true });
  rmSync(join(dir, 'resources'), { recursive: true, force: true });
  const hugo = await timed('hugo', ['--quiet', '--destination', 'public'], dir);
  const pagefind = await timed(PAGEFIND, ['--site', 'public'], dir);
  return {
    seconds: hugo.seconds + pagefind.seconds,
    hugoSeconds: hugo.seconds,
    pagefindSeconds: pagefind.seconds,
    peakRss: Math.max(hugo.peakRss, pagefind.peakRss),
  };
}
