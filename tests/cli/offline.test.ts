// Nothing leaves the build machine (no telemetry, no update check, a build without any network), and npm run preview
// serves a build at the base path it was built for.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build';
import { STACK_TRACE } from '../helpers/cli';
import { freePort } from '../helpers/ports';
import { tempDir } from '../helpers/temp';

const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
/** Makes every attempt to reach another host fail, and logs it (tests/helpers/no-network.ts). */
const NO_NETWORK = pathToFileURL(join(ROOT, 'tests/helpers/no-network.ts')).href;
/** Astro's telemetry notice and update notice, npm's update notice, in any wording they have had. */
const PHONING_HOME = /anonymous usage|telemetry|new (major |minor |patch )?version|update available|npm update|npm notice/i;
const SLUG = readdirSync(join(ROOT, 'content/notices'))
  .find((f) => f.endsWith('.md'))!
  .replace(/\.md$/, '');

const home = tempDir('gongshi-offline-');
/** A log of its own for each command, to which the preload writes each attempt to reach another host. */
const networkLog = (name: string) => {
  const file = join(home, `${name}.network.log`);
  writeFileSync(file, '');
  return file;
};
const attempts = (log: string) => readFileSync(log, 'utf8').split('\n').filter(Boolean);

/**
 * The environment of a webmaster's fresh machine: a HOME and config folder in which Astro's and npm's global
 * preferences cannot already have turned telemetry or the update checks off, no CI (Astro and npm stay quiet on CI
 * machines: CI=false is how ci-info is told so), nothing npm or Vitest set, and the network blocked and logged.
 */
function freshMachine(log: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) =>
        !/^(npm_|VITEST|ASTRO_|GONGSHI_)/i.test(name) &&
        !['TELEMETRY_DISABLED', 'DO_NOT_TRACK', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'BASE_PATH', 'SITE_URL'].includes(
          name,
        ),
    ),
  );
  return {
    ...env,
    // npm and the scripts it runs find this test's Node first (the preload is TypeScript, which Node 24 reads itself).
    PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`,
    HOME: home,
    USERPROFILE: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    APPDATA: join(home, 'AppData'),
    CI: 'false',
    NO_COLOR: '1',
    NODE_OPTIONS: `--import=${NO_NETWORK}`,
    GONGSHI_NETWORK_LOG: log,
    // Astro's cache of its own, so that these builds never share one with the other test files' builds.
    GONGSHI_CACHE_DIR: join(home, 'astro-cache'),
    ...extra,
  };
}

interface Finished {
  code: number | null;
  output: string;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, timeout = 180_000): Promise<Finished> {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd: ROOT, env, timeout });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolvePromise({ code, output }));
  });
}

/** A long-running command (a server) in a process group of its own, so that stopping it stops its children too. */
class Server {
  output = '';
  exited = false;
  readonly child: ChildProcess;
  constructor(command: string, args: string[], env: NodeJS.ProcessEnv) {
    this.child = spawn(command, args, { cwd: ROOT, env, detached: true });
    this.child.stdout!.on('data', (d) => (this.output += d));
    this.child.stderr!.on('data', (d) => (this.output += d));
    this.child.on('exit', () => (this.exited = true));
    running.add(this);
  }
  async until<T>(found: () => Promise<T | undefined> | T | undefined, what: string, timeout = 90_000): Promise<T> {
    for (const end = Date.now() + timeout; Date.now() < end && !this.exited;) {
      const value = await found();
      if (value !== undefined) return value;
      await new Promise((ok) => setTimeout(ok, 250));
    }
    throw new Error(`${what}: ${this.exited ? 'the process ended' : 'timed out'}. Its output:\n${this.output}`);
  }
  async stop(): Promise<void> {
    running.delete(this);
    if (this.exited) return;
    const exited = new Promise((ok) => this.child.once('exit', ok));
    process.kill(-this.child.pid!, 'SIGTERM');
    const killed = setTimeout(() => !this.exited && process.kill(-this.child.pid!, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(killed);
  }
}
const running = new Set<Server>();
afterAll(async () => {
  for (const server of [...running]) await server.stop();
});

/** Whether this machine lets an unprivileged process have a network namespace of its own (`unshare -rn`). */
const canUnshare = spawnSync('unshare', ['-rn', process.execPath, '-e', ''], { stdio: 'ignore' }).status === 0;

const builds = { root: join(home, 'root'), sub: join(home, 'sub') };
const logs = { root: networkLog('build-root'), sub: networkLog('build-sub') };
let rootBuild: Finished;
let subBuild: Finished;

beforeAll(async () => {
  // Two builds for the whole file: the root one with every connection refused and logged; the sub-path one,
  // in addition, inside a network namespace with no interface at all, where nothing (Pagefind and git included)
  // can reach another host.
  rootBuild = await run(process.execPath, [TSX, 'scripts/build.ts', '--out-dir', builds.root], freshMachine(logs.root));
  const build = [process.execPath, TSX, 'scripts/build.ts', '--out-dir', builds.sub];
  const env = freshMachine(logs.sub, { BASE_PATH: '/gongshi/' });
  subBuild = canUnshare ? await run('unshare', ['-rn', ...build], env) : await run(build[0], build.slice(1), env);
}, 400_000);

describe('npm run build on a machine that has never run Astro', () => {
  it('prints no telemetry or update notice and tries to reach no other host', () => {
    expect(rootBuild.code, rootBuild.output).toBe(0);
    expect(rootBuild.output).toContain('发布前检查通过');
    expect(rootBuild.output).not.toMatch(PHONING_HOME);
    expect(attempts(logs.root)).toEqual([]);
  });

  it(`succeeds with the network unreachable (${canUnshare ? 'a network namespace without interfaces, and' : ''} every connection refused)`, () => {
    if (canUnshare) {
      // The namespace really has no network: a connection to a public address fails at once.
      const probe = spawnSync(
        'unshare',
        [
          '-rn',
          process.execPath,
          '-e',
          "require('net').connect(53, '1.1.1.1').on('error', (e) => { console.log(e.code); process.exit(0); })",
        ],
        { encoding: 'utf8', timeout: 10_000 },
      );
      expect(probe.stdout.trim()).toMatch(/^(ENETUNREACH|EHOSTUNREACH)$/);
    }
    expect(subBuild.code, subBuild.output).toBe(0);
    expect(existsSync(join(builds.sub, 'index.html'))).toBe(true);
    expect(subBuild.output).not.toMatch(PHONING_HOME);
    expect(attempts(logs.sub)).toEqual([]);
  });

  it('records the base path it built for in the output, and nothing else', () => {
    expect(JSON.parse(readFileSync(join(builds.root, '.gongshi-build.json'), 'utf8'))).toEqual({ base: '/' });
    expect(JSON.parse(readFileSync(join(builds.sub, '.gongshi-build.json'), 'utf8'))).toEqual({ base: '/gongshi/' });
  });
});

function startPreview(dir: string, port: number, log: string, env: Record<string, string> = {}) {
  return new Server(process.execPath, [TSX, 'scripts/preview.ts', '--dir', dir, '--port', String(port)], freshMachine(log, env));
}

const printedUrl = (server: Server) => () => server.output.match(/预览地址：(\S+)/)?.[1];

async function get(url: string) {
  const response = await fetch(url, { redirect: 'manual' });
  return { status: response.status, body: await response.text() };
}

describe('npm run preview', () => {
  it('serves a sub-path build at /gongshi/, the recorded path winning over BASE_PATH, as the host will', async () => {
    const port = await freePort();
    const log = networkLog('preview-sub');
    const server = startPreview(builds.sub, port, log, { BASE_PATH: '/elsewhere/' });
    const url = await server.until(printedUrl(server), 'preview printed no address');
    expect(url).toBe(`http://localhost:${port}/gongshi/`);
    expect(server.output).toMatch(/BASE_PATH 是 \/elsewhere\/.*预览使用构建时的 \/gongshi\//);

    const list = await get(url);
    expect(list.status).toBe(200);
    expect(list.body).toContain('class="notice-card"');
    expect((await get(`${url}notices/${SLUG}/`)).status).toBe(200);
    const missing = await get(`${url}nope/`);
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('找不到这个页面');
    // Outside the base path there is no site: Astro's 404 points to it.
    const outside = await get(`http://localhost:${port}/`);
    expect(outside.status).toBe(404);
    expect(outside.body).toContain('href="/gongshi/"');

    await server.stop();
    expect(server.output).not.toMatch(PHONING_HOME);
    expect(attempts(log)).toEqual([]);
  });

  it('serves a root build at /', async () => {
    const port = await freePort();
    const log = networkLog('preview-root');
    const server = startPreview(builds.root, port, log);
    const url = await server.until(printedUrl(server), 'preview printed no address');
    expect(url).toBe(`http://localhost:${port}/`);
    expect(server.output).not.toContain('注意');
    expect((await get(url)).body).toContain('class="notice-card"');
    expect((await get(`${url}notices/${SLUG}/`)).status).toBe(200);
    const missing = await get(`${url}gongshi/`);
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('找不到这个页面');
    await server.stop();
    expect(server.output).not.toMatch(PHONING_HOME);
    expect(attempts(log)).toEqual([]);
  });

  it('says to run npm run build when there is no built site', async () => {
    const dir = join(home, 'not-built');
    const r = await run(process.execPath, [TSX, 'scripts/preview.ts', '--dir', dir], freshMachine(networkLog('preview-none')), 30_000);
    expect(r.code).toBe(1);
    expect(r.output).toContain('npm run build');
    expect(r.output).not.toMatch(STACK_TRACE);
  });
});

describe('npm run dev', () => {
  it('starts without a telemetry or update notice, and tries to reach no other host', async () => {
    const port = await freePort();
    const log = networkLog('dev');
    const server = new Server('npm', ['run', 'dev', '--', '--port', String(port)], freshMachine(log));
    await server.until(
      () =>
        fetch(`http://localhost:${port}/`)
          .then((r) => (r.ok ? true : undefined))
          .catch(() => undefined),
      'npm run dev never served /',
      120_000,
    );
    // Astro's update check starts with the server and asks npm for its registry first: give it time to try.
    await new Promise((ok) => setTimeout(ok, 3_000));
    await server.stop();
    expect(server.output).not.toMatch(PHONING_HOME);
    expect(attempts(log)).toEqual([]);
  }, 180_000);
});
