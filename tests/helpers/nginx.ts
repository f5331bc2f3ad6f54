// Runs the system nginx as the current user on 127.0.0.1, so that the recipes in deploy/ are tried as a host runs
// them: a generated nginx.conf in a temp folder includes them, everything nginx writes stays in that folder, its
// log goes to stderr. Without nginx the tests that need it are skipped on a developer's machine and fail on CI.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { delimiter, dirname, join } from 'node:path';

export const NGINX_INSTALL_HINT = 'sudo apt-get install -y nginx';

export interface NginxAvailability {
  available: boolean;
  /** The nginx binary, when there is one. */
  path: string;
  /** Why the nginx tests are skipped; empty when nginx is there. */
  reason: string;
}

/** nginx on PATH, else where Debian and the nginx.org packages put it (/usr/sbin is not on a user's PATH everywhere). */
export function findNginx(): string | undefined {
  const onPath = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  return [...onPath, '/usr/sbin', '/usr/local/sbin', '/usr/local/nginx/sbin']
    .map((dir) => join(dir, 'nginx'))
    .find((file) => existsSync(file));
}

/**
 * Checks for nginx before the suite is declared, as checkBrowser() does for Chromium: on CI (`CI=true`) a missing
 * nginx throws, so the test file fails; elsewhere it returns `available: false` and a reason for the skipped suite.
 */
export function checkNginx(): NginxAvailability {
  const path = findNginx();
  if (path) return { available: true, path, reason: '' };
  const reason = `nginx not found (on PATH or in /usr/sbin); install it with \`${NGINX_INSTALL_HINT}\` to run the nginx recipe tests`;
  if (process.env.CI === 'true') throw new Error(`${reason}. On CI these tests are required (.ci/run installs nginx).`);
  console.warn(`[nginx tests skipped] ${reason}`);
  return { available: false, path: '', reason };
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

export interface RunningNginx {
  /** What nginx wrote to stderr so far: warnings, errors. */
  log(): string;
  stop(): Promise<void>;
}

export interface NginxOptions {
  /** The nginx binary. */
  path: string;
  /** A temp folder of the caller's, which nginx's config, pid file and temp files go into. */
  dir: string;
  /** What goes inside `http { }` after the usual settings: server blocks. */
  servers: string;
  /** The ports the servers listen on; start() returns once every one accepts connections. */
  ports: number[];
}

/** The folder of nginx's own config (Debian: /etc/nginx), where the host's mime.types is. */
function confDir(built: string): string {
  const confPath = /--conf-path=(\S+)/.exec(built)?.[1];
  return confPath ? dirname(confPath) : '/etc/nginx';
}

/**
 * Starts nginx in the foreground with a config that, like a distribution's nginx.conf, includes the host's
 * mime.types and `default_type application/octet-stream`, then `servers`. Every path nginx would otherwise write
 * under /var (temp folders, logs, pid) is in `dir`, so it runs without root.
 */
export async function startNginx({ path, dir, servers, ports }: NginxOptions): Promise<RunningNginx> {
  // `nginx -V` prints the version and build options on stderr.
  const { stdout, stderr: options } = spawnSync(path, ['-V'], { encoding: 'utf8' });
  const built = `${stdout}${options}`;
  const mime = join(confDir(built), 'mime.types');
  if (!existsSync(mime)) throw new Error(`nginx's mime.types not found at ${mime}`);
  copyFileSync(mime, join(dir, 'mime.types'));
  const temp = ['client_body', ...['proxy', 'fastcgi', 'uwsgi', 'scgi'].filter((m) => !built.includes(`--without-http_${m}_module`))];
  for (const name of temp) mkdirSync(join(dir, `${name}_temp`), { recursive: true });
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    [
      'worker_processes 1;',
      // Started as root, nginx would run its worker as nobody, who may not read the test builds.
      ...(process.getuid?.() === 0 ? ['user root;'] : []),
      'events { worker_connections 64; }',
      'http {',
      `    include ${join(dir, 'mime.types')};`,
      '    default_type application/octet-stream;',
      '    access_log off;',
      ...temp.map((name) => `    ${name}_temp_path ${join(dir, `${name}_temp`)};`),
      servers,
      '}',
      '',
    ].join('\n'),
  );
  const args = ['-p', `${dir}/`, '-c', conf, '-g', `daemon off; pid ${join(dir, 'nginx.pid')}; error_log stderr;`];
  // -e (nginx 1.19.5 and later) keeps nginx from opening its default error log, which a user may not write to.
  const [major, minor, patch] = (/nginx\/(\d+)\.(\d+)\.(\d+)/.exec(built) ?? []).slice(1).map(Number);
  if (major > 1 || (major === 1 && (minor > 19 || (minor === 19 && patch >= 5)))) args.unshift('-e', 'stderr');

  let stderr = '';
  const child: ChildProcess = spawn(path, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let exited: number | null | undefined;
  const exit = new Promise<void>((done) =>
    child.once('exit', (code) => {
      exited = code;
      done();
    }),
  );
  const running: RunningNginx = {
    log: () => stderr,
    async stop() {
      if (exited === undefined) {
        // The master process we started; it stops its worker itself.
        child.kill('SIGTERM');
        await exit;
      }
    },
  };
  const deadline = Date.now() + 15_000;
  for (const port of ports) {
    while (!(await canConnect(port))) {
      if (exited !== undefined) throw new Error(`nginx exited with code ${exited}:\n${stderr}`);
      if (Date.now() > deadline) {
        await running.stop();
        throw new Error(`nginx did not listen on 127.0.0.1:${port} within 15 s:\n${stderr}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return running;
}
