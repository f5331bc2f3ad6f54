// The deploy recipes in deploy/ and the README, tried: the Pages workflow files parse strictly and say what a
// deployment needs, the nginx configs send the same security headers as the build, and nginx itself serves both
// test builds with them (a site at the domain root, and one under /gongshi/ of an existing site).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { securityHeaders } from '../../src/site/security-headers';
import { BUILDS, ROOT, type BuildName } from '../helpers/build';
import { listFiles } from '../helpers/dist';
import { checkNginx, type RunningNginx, startNginx } from '../helpers/nginx';
import { freePort } from '../helpers/ports';
import { tempDir } from '../helpers/temp';

const DEPLOY = resolve(ROOT, 'deploy');
const NOTICE = 'notices/2023-09-20-wuhan-industrial-investment/';
const readDeploy = (file: string) => readFileSync(join(DEPLOY, file), 'utf8');
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: { node: string } };
/** The major version of the Node the project pins (its `node` devDependency), which the CI files must set up. */
const NODE_MAJOR = Number(PACKAGE.devDependencies.node.split('.')[0]);

/** YAML as the CI services read it (1.2: `on` is a key, not `true`), refusing duplicate keys and anything doubtful. */
function parseStrict(text: string, name: string): unknown {
  const doc = parseDocument(text, { version: '1.2', uniqueKeys: true, strict: true, prettyErrors: true });
  const problems = [...doc.errors, ...doc.warnings].map((e) => e.message);
  if (problems.length) throw new Error(`${name} is not valid YAML:\n${problems.join('\n')}`);
  return doc.toJS({ maxAliasCount: 0 });
}

/** The headers the build writes to `_headers` for every file, by name. */
function builtHeaders(name: BuildName): Record<string, string> {
  const lines = readFileSync(join(BUILDS[name].dir, '_headers'), 'utf8').split('\n').slice(1).filter(Boolean);
  return Object.fromEntries(lines.map((line) => /^\s+([\w-]+): (.*)$/.exec(line)!.slice(1, 3)));
}

/**
 * Every `add_header … always` of an nginx file, by name (without `always` nginx leaves it off the 404 page, so such a
 * header is not counted); a name given twice is an error, as nginx would send both.
 */
function nginxHeaders(conf: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [, name, value] of conf.matchAll(/^\s*add_header\s+([\w-]+)\s+("[^"]*"|\S+)\s+always;/gm)) {
    if (name in headers) throw new Error(`add_header ${name} twice`);
    headers[name] = value.replace(/^"|"$/g, '');
  }
  return headers;
}

describe('the strict YAML reading', () => {
  it('refuses a duplicated key and accepts `on` as a key', () => {
    expect(() => parseStrict('a: 1\na: 2\n', 'x')).toThrow(/unique/i);
    expect(parseStrict('on: push\n', 'x')).toEqual({ on: 'push' });
  });
});

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  permissions?: Record<string, string>;
  environment?: { name?: string };
  steps?: Step[];
}
interface Workflow {
  on: { push?: { branches?: string[] }; workflow_dispatch?: unknown };
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

describe('deploy/github-pages.yml', () => {
  const workflow = parseStrict(readDeploy('github-pages.yml'), 'github-pages.yml') as Workflow;
  const jobs = Object.entries(workflow.jobs);
  const stepOf = (uses: string) => {
    const found = jobs
      .flatMap(([job, { steps = [] }]) => steps.map((step, index) => ({ job, step, index })))
      .filter(({ step }) => step.uses?.split('@')[0] === uses);
    expect(found, `one step uses ${uses}`).toHaveLength(1);
    expect(found[0].step.uses, `${uses} at a major version`).toMatch(/@v\d+$/);
    return found[0];
  };
  const runStep = (command: RegExp) => {
    const found = jobs
      .flatMap(([job, { steps = [] }]) => steps.map((step, index) => ({ job, step, index })))
      .filter(({ step }) => command.test(step.run ?? ''));
    expect(found, `one step runs ${command}`).toHaveLength(1);
    return found[0];
  };

  it('runs on a push to main and by hand', () => {
    expect(workflow.on.push?.branches).toEqual(['main']);
    expect(Object.keys(workflow.on)).toContain('workflow_dispatch');
  });

  it('gives the deploying job permission to write Pages and to ask for an id token', () => {
    const { job } = stepOf('actions/deploy-pages');
    const permissions = workflow.jobs[job].permissions ?? workflow.permissions ?? {};
    expect(permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    expect(workflow.jobs[job].environment?.name).toBe('github-pages');
  });

  it('checks out the whole history, sets up the project’s Node, runs npm ci, builds for the Pages path and uploads dist', () => {
    const checkout = stepOf('actions/checkout');
    expect(checkout.step.with?.['fetch-depth']).toBe(0);
    const node = stepOf('actions/setup-node');
    expect(Number(String(node.step.with?.['node-version']).split('.')[0])).toBe(NODE_MAJOR);
    const install = runStep(/^npm ci\b/m);
    const build = runStep(/^npm run build\b/m);
    const upload = stepOf('actions/upload-pages-artifact');
    expect(upload.step.with?.path).toBe('dist');
    const order = [checkout, node, install, build, upload];
    expect(new Set(order.map((s) => s.job)).size, 'all in one job').toBe(1);
    expect(order.map((s) => s.index)).toEqual([...order.map((s) => s.index)].sort((a, b) => a - b));
    // BASE_PATH is the Pages site's own path, from the configure-pages step it names.
    const basePath = build.step.env?.BASE_PATH ?? '';
    const id = /^\$\{\{ steps\.([\w-]+)\.outputs\.base_path \}\}$/.exec(basePath)?.[1];
    expect(id, `BASE_PATH: ${basePath}`).toBeDefined();
    const pages = stepOf('actions/configure-pages');
    expect(pages.step.id).toBe(id);
    expect(pages.index).toBeLessThan(build.index);
  });

  it('deploys after the build', () => {
    const deploy = stepOf('actions/deploy-pages');
    const upload = stepOf('actions/upload-pages-artifact');
    expect([workflow.jobs[deploy.job].needs].flat()).toContain(upload.job);
  });
});

interface GitLabJob {
  image?: string;
  variables?: Record<string, string | number>;
  script?: string[];
  pages?: { publish?: string };
  artifacts?: { paths?: string[] };
  rules?: Array<{ if?: string }>;
}

describe('deploy/gitlab-ci.yml', () => {
  const config = parseStrict(readDeploy('gitlab-ci.yml'), 'gitlab-ci.yml') as Record<string, GitLabJob>;
  const job = config.pages;
  const script = job?.script ?? [];

  it('has a pages job on the project’s Node, with the whole history', () => {
    expect(job).toBeDefined();
    expect(Number(/^node:(\d+)/.exec(job.image ?? '')?.[1])).toBe(NODE_MAJOR);
    expect(String(job.variables?.GIT_DEPTH)).toBe('0');
  });

  it('runs npm ci, then npm run build, and publishes dist', () => {
    const install = script.findIndex((line) => /^npm ci\b/.test(line));
    const build = script.findIndex((line) => /^npm run build\b/.test(line));
    expect(install).toBeGreaterThanOrEqual(0);
    expect(build).toBeGreaterThan(install);
    expect(job.pages?.publish).toBe('dist');
    expect(job.artifacts?.paths).toContain('dist');
  });

  it('deploys from the default branch only', () => {
    expect(job.rules).toEqual([{ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' }]);
  });

  it.each([
    ['https://jiwei.gitlab.io/gongshi', '/gongshi/', 'https://jiwei.gitlab.io'],
    ['https://gongshi-4f2a9c.gitlab.io', '/', 'https://gongshi-4f2a9c.gitlab.io'],
    ['http://pages.example.gov.cn/jiwei/gongshi', '/jiwei/gongshi/', 'http://pages.example.gov.cn'],
  ])('builds for the Pages address %s with BASE_PATH %s', (pagesUrl, basePath, siteUrl) => {
    // The script's own lines, run by a POSIX shell as the runner does, before the build.
    const exports = script.filter((line) => /^export (BASE_PATH|SITE_URL)=/.test(line));
    expect(exports).toHaveLength(2);
    expect(script.indexOf(exports[1])).toBeLessThan(script.findIndex((line) => /^npm run build\b/.test(line)));
    const shell = spawnSync('sh', ['-c', `${exports.join('\n')}\nprintf '%s\\n%s' "$BASE_PATH" "$SITE_URL"`], {
      env: { PATH: process.env.PATH, CI_PAGES_URL: pagesUrl },
      encoding: 'utf8',
    });
    expect(shell.stderr).toBe('');
    expect(shell.stdout).toBe(`${basePath}\n${siteUrl}`);
  });
});

describe('security headers in the recipes', () => {
  const expected = builtHeaders('root');

  it('the build’s _headers and the pages’ meta tag state one policy', () => {
    expect(expected).toEqual(securityHeaders());
    expect(builtHeaders('sub')).toEqual(expected);
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(
      readFileSync(join(BUILDS.root.dir, 'index.html'), 'utf8'),
    )?.[1];
    expect(`${meta}; frame-ancestors 'self'`).toBe(expected['Content-Security-Policy']);
  });

  it.each(['nginx.conf', 'nginx-subpath.conf'])('deploy/%s sends exactly the headers of dist/_headers', (file) => {
    expect(nginxHeaders(readDeploy(file))).toEqual(expected);
  });

  it('any policy the README spells out is the same', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const [, policy] of readme.matchAll(/Content-Security-Policy:? "?((?:default-src|script-src)[^"\n`]*)/g)) {
      expect(policy).toBe(expected['Content-Security-Policy']);
    }
  });
});

describe('deploy/ and the README point at each other', () => {
  const files = readdirSync(DEPLOY).filter((f) => f !== 'README.md');
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Deploying `dist/`'), readme.indexOf('\n## ', readme.indexOf('## Deploying `dist/`') + 1));

  it.each(files)('deploy/%s is listed in deploy/README.md and in the README’s deploy section', (file) => {
    expect(readDeploy('README.md')).toContain(file);
    expect(section).toContain(`deploy/${file}`);
  });
});

/**
 * A shipped nginx file with its example values replaced by the test's: each replaced text must occur exactly
 * once, so a recipe that changes shape fails here instead of being served half-substituted.
 */
function substitute(conf: string, file: string, replacements: Array<[string, string]>): string {
  let out = conf;
  for (const [from, to] of replacements) {
    const count = out.split(from).length - 1;
    if (count !== 1) throw new Error(`deploy/${file} has ${count} × \`${from}\`, expected one`);
    out = out.replace(from, () => to);
  }
  return out;
}

/** Content types nginx must send for each kind of file the build writes (a new kind needs an entry here). */
const TYPES: Record<string, RegExp> = {
  '.html': /^text\/html; charset=utf-8$/,
  '.css': /^text\/css\b/,
  '.js': /^(application|text)\/javascript\b/,
  '.json': /^application\/json\b/,
  '.xml': /^(text|application)\/xml\b/,
  '.svg': /^image\/svg\+xml\b/,
  // Not in nginx's mime.types: a download, which is what the data page's link asks for.
  '.csv': /^(text\/csv|application\/octet-stream)\b/,
  '.wasm': /^application\/wasm$/,
  // Pagefind's index, and its WebAssembly as `wasm.<language>.pagefind`: gzip the JavaScript unpacks itself.
  '.pagefind': /^application\/octet-stream$/,
  '.pf_meta': /^application\/octet-stream$/,
  '.pf_index': /^application\/octet-stream$/,
  '.pf_fragment': /^application\/octet-stream$/,
  '.pf_filter': /^application\/octet-stream$/,
  // The gzipped copies of scripts and stylesheets (src/build/precompress): gzip_static sends one in place of
  // its file; asked for by its own name, it is a download.
  '.gz': /^application\/(gzip|x-gzip|octet-stream)$/,
};

const nginx = checkNginx();

describe.skipIf(!nginx.available)(`nginx with the shipped recipes${nginx.reason ? ` (skipped: ${nginx.reason})` : ''}`, () => {
  let server: RunningNginx | undefined;
  let hostRoot = '';
  const origins = { root: '', sub: '' };
  const urls = { root: '', sub: '' };

  beforeAll(async () => {
    const dir = tempDir('gongshi-nginx-');
    const [rootPort, hostPort] = [await freePort(), await freePort()];
    origins.root = urls.root = `http://127.0.0.1:${rootPort}/`;
    origins.sub = `http://127.0.0.1:${hostPort}/`;
    urls.sub = `${origins.sub}gongshi/`;
    writeFileSync(
      join(dir, 'gongshi.conf'),
      substitute(readDeploy('nginx.conf'), 'nginx.conf', [
        ['listen 80;', `listen 127.0.0.1:${rootPort};`],
        ['root /var/www/gongshi/dist;', `root "${BUILDS.root.dir}";`],
      ]),
    );
    writeFileSync(
      join(dir, 'gongshi-subpath.conf'),
      substitute(readDeploy('nginx-subpath.conf'), 'nginx-subpath.conf', [
        ['alias /var/www/gongshi/dist/;', `alias "${BUILDS.sub.dir}/";`],
      ]),
    );
    // The existing site that /gongshi/ is added to, with its own front page and nginx's own 404 page.
    hostRoot = join(dir, 'host');
    mkdirSync(hostRoot);
    writeFileSync(join(hostRoot, 'index.html'), '<!doctype html><title>门户网站</title><p>门户网站首页</p>\n');
    const servers = [
      `    include "${join(dir, 'gongshi.conf')}";`,
      '    server {',
      `        listen 127.0.0.1:${hostPort};`,
      `        root "${hostRoot}";`,
      '        location / { try_files $uri $uri/ =404; }',
      `        include "${join(dir, 'gongshi-subpath.conf')}";`,
      '    }',
    ].join('\n');
    server = await startNginx({ path: nginx.path, dir, servers, ports: [rootPort, hostPort] });
  });

  afterAll(async () => {
    await server?.stop();
  });

  const get = async (url: string) => {
    const res = await fetch(url, { redirect: 'manual' });
    return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
  };

  describe.each(Object.keys(BUILDS) as BuildName[])('%s build', (name) => {
    const { dir } = BUILDS[name];
    const file = (path: string) => readFileSync(join(dir, path));

    it('serves the front page: 200, Chinese HTML, the security headers', async () => {
      const res = await get(urls[name]);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.body.toString()).toContain('<html lang="zh-CN"');
      expect(res.body.equals(file('index.html'))).toBe(true);
      for (const [header, value] of Object.entries(builtHeaders(name))) expect(res.headers.get(header), header).toBe(value);
    });

    it('serves a notice page', async () => {
      const res = await get(`${urls[name]}${NOTICE}`);
      expect(res.status).toBe(200);
      expect(res.body.equals(file(`${NOTICE}index.html`))).toBe(true);
    });

    it('serves Pagefind as JavaScript, compressed', async () => {
      const res = await get(`${urls[name]}pagefind/pagefind.js`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(TYPES['.js']);
      expect(res.headers.get('content-encoding')).toBe('gzip');
      expect(res.body.equals(file('pagefind/pagefind.js'))).toBe(true);
      // The copy the build compressed at the highest level, not a compression of nginx's own.
      expect(res.headers.get('content-length')).toBe(String(file('pagefind/pagefind.js.gz').length));
    });

    it('serves Pagefind’s WebAssembly byte for byte, not compressed again', async () => {
      const wasm = readdirSync(join(dir, 'pagefind')).filter((f) => /^wasm\..+\.pagefind$/.test(f));
      expect(wasm).not.toEqual([]);
      for (const f of wasm) {
        const res = await get(`${urls[name]}pagefind/${f}`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-encoding')).toBeNull();
        expect(res.headers.get('content-type')).toMatch(TYPES['.pagefind']);
        expect(res.body.equals(file(`pagefind/${f}`))).toBe(true);
      }
    });

    it('serves every kind of file the build writes with its content type', async () => {
      const byType = new Map<string, string>();
      for (const f of listFiles(dir)) if (extname(f) && !byType.has(extname(f))) byType.set(extname(f), f);
      const unknown = [...byType.keys()].filter((ext) => !(ext in TYPES));
      expect(unknown, 'file types without an expected content type in this test').toEqual([]);
      for (const [ext, f] of byType) {
        const res = await get(`${urls[name]}${f.split('/').map(encodeURIComponent).join('/')}`);
        expect(res.status, f).toBe(200);
        expect(res.headers.get('content-type'), f).toMatch(TYPES[ext]);
      }
    });

    it('answers a missing page with 404 and the site’s 404 page, with the security headers', async () => {
      for (const path of ['nope', 'notices/nope/', 'pagefind/nope.js']) {
        const res = await get(`${urls[name]}${path}`);
        expect(res.status, path).toBe(404);
        expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
        expect(res.body.equals(file('404.html')), `${path} gets 404.html`).toBe(true);
        expect(res.headers.get('content-security-policy')).toBe(builtHeaders(name)['Content-Security-Policy']);
      }
    });
  });

  it('does not name its version', async () => {
    expect((await get(urls.root)).headers.get('server')).toBe('nginx');
  });

  it('sends /gongshi to /gongshi/', async () => {
    const res = await get(`${origins.sub}gongshi`);
    expect(res.status).toBe(301);
    expect(new URL(res.headers.get('location')!, origins.sub).pathname).toBe('/gongshi/');
  });

  it('leaves the rest of the existing site alone: its pages, its own 404, no gongshi headers', async () => {
    const front = await get(origins.sub);
    expect(front.status).toBe(200);
    expect(front.body.equals(readFileSync(join(hostRoot, 'index.html')))).toBe(true);
    expect(front.headers.get('content-security-policy')).toBeNull();
    const missing = await get(`${origins.sub}nope`);
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).not.toContain('<html lang="zh-CN"');
    expect(missing.body.toString()).toContain('nginx');
  });

  it('logs no warning or error about the recipes', () => {
    expect(server!.log()).not.toMatch(/\[(warn|error|crit|alert|emerg)\]/);
  });
});
