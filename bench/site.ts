// The benchmark site: a generated corpus built with the real build (scripts/build.ts), in a folder of its
// own under .bench/ with its own Astro cache, so it never touches dist/, .test-build/ or another build.
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_SEED, writeCorpus } from './corpus';
import { BenchError } from './errors';
import { ROOT } from './seed-text';

export const BENCH_DIR = resolve(ROOT, '.bench');

export interface BenchSite {
  /** .bench/search-<notices>[-s<seed>][-<commit>] */
  dir: string;
  /** The commit whose code built the site, or `working tree`. */
  source: string;
  content: string;
  dist: string;
  notices: number;
  seed: number;
  /** Seconds spent generating and building in this run; 0 when reused. */
  generateSeconds: number;
  buildSeconds: number;
  reused: boolean;
}

interface Stamp {
  notices: number;
  seed: number;
  source: string;
  builtAt: string;
}

export interface SiteOptions {
  notices: number;
  seed?: number;
  /** Keep an existing build of the same corpus and code instead of generating and building again. */
  reuse: boolean;
  /** Build with the code of this commit (e.g. a baseline before a search change) instead of the working tree. */
  ref?: string;
  log?: (line: string) => void;
}

/** Generates and builds the corpus, or with `reuse` keeps an existing build of the same corpus. */
export async function prepareSite(options: SiteOptions): Promise<BenchSite> {
  const seed = options.seed ?? DEFAULT_SEED;
  const log = options.log ?? (() => undefined);
  const commit = options.ref ? resolveCommit(options.ref) : undefined;
  const dir = join(BENCH_DIR, `search-${options.notices}${seed === DEFAULT_SEED ? '' : `-s${seed}`}${commit ? `-${commit}` : ''}`);
  const site: BenchSite = {
    dir,
    source: commit ?? 'working tree',
    content: join(dir, 'content'),
    dist: join(dir, 'dist'),
    notices: options.notices,
    seed,
    generateSeconds: 0,
    buildSeconds: 0,
    reused: false,
  };
  const stampFile = join(dir, 'build.json');
  if (options.reuse && existsSync(stampFile) && existsSync(join(site.dist, 'pagefind/pagefind.js'))) {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as Stamp;
    if (stamp.notices === options.notices && stamp.seed === seed && stamp.source === site.source) {
      log(`reusing the build of ${stamp.builtAt} in ${dir}`);
      return { ...site, reused: true };
    }
  }
  rmSync(stampFile, { force: true });
  mkdirSync(dir, { recursive: true });

  let started = performance.now();
  const corpus = writeCorpus(site.content, { notices: options.notices, seed });
  site.generateSeconds = (performance.now() - started) / 1000;
  log(`generated ${corpus.notices} notices (${(corpus.chars / 1e6).toFixed(1)} M characters) in ${site.generateSeconds.toFixed(1)} s`);

  started = performance.now();
  rmSync(site.dist, { recursive: true, force: true });
  await runBuild(site, commit ? checkout(commit, log) : ROOT, join(dir, 'build.log'));
  site.buildSeconds = (performance.now() - started) / 1000;
  log(`built in ${site.buildSeconds.toFixed(1)} s (log: ${join(dir, 'build.log')})`);
  writeFileSync(
    stampFile,
    JSON.stringify({ notices: options.notices, seed, source: site.source, builtAt: new Date().toISOString() } satisfies Stamp, null, 2),
  );
  return site;
}

function resolveCommit(ref: string): string {
  try {
    return execFileSync('git', ['rev-parse', '--short=10', `${ref}^{commit}`], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' }).trim();
  } catch {
    throw new BenchError(`--ref ${ref}: not a commit of ${ROOT}`);
  }
}

/** The files of a commit in .bench/src-<commit>/ (git archive: the checkout and its index are untouched). */
function checkout(commit: string, log: (line: string) => void): string {
  const dir = join(BENCH_DIR, `src-${commit}`);
  if (existsSync(join(dir, 'package.json'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('sh', ['-c', `git archive --format=tar ${commit} | tar -x -C '${dir}'`], { cwd: ROOT, stdio: 'pipe' });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  log(`checked out ${commit} in ${dir}`);
  return dir;
}

function runBuild(site: BenchSite, code: string, logFile: string): Promise<void> {
  const tsx = resolve(ROOT, 'node_modules/tsx/dist/cli.mjs');
  const child = spawn(process.execPath, [tsx, 'scripts/build.ts', '--out-dir', site.dist], {
    cwd: code,
    env: {
      ...process.env,
      GONGSHI_CONTENT: site.content,
      GONGSHI_CACHE_DIR: join(site.dir, 'astro-cache'),
      BASE_PATH: '',
      SITE_URL: '',
      NO_COLOR: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = createWriteStream(logFile);
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  return new Promise((ok, fail) => {
    child.on('error', fail);
    child.on('close', (code) => {
      out.end(() => {
        if (code === 0 && existsSync(join(site.dist, 'pagefind/pagefind.js'))) return ok();
        const tail = readFileSync(logFile, 'utf8').trim().split('\n').slice(-15).join('\n');
        fail(new BenchError(`the build of ${site.content} failed (exit ${code}); last lines of ${logFile}:\n${tail}`));
      });
    });
  });
}
