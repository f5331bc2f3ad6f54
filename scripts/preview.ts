// npm run preview: serves the built site (dist/, or --dir) at the base path it was built for, and prints the address to open.
import './lib/no-phoning-home';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { preview } from 'astro';
import { normaliseBase } from '../src/base/paths';
import { parseServerArgs } from './lib/server-args';

const ROOT = resolve(import.meta.dirname, '..');
// Written by scripts/build.ts into the site it builds: the base path its links and assets were made for.
const BUILD_RECORD = '.gongshi-build.json';

// One line that says what to do, and exit code 1; GONGSHI_DEBUG=1 adds the stack trace of what Astro threw.
function fail(message: string, cause?: unknown): never {
  console.error(message);
  if (process.env.GONGSHI_DEBUG && cause) console.error(cause instanceof Error ? cause.stack : cause);
  process.exit(1);
}

const USAGE = '用法：npm run preview [-- --port 端口号] [--host [地址]] [--dir 文件夹]';

const options = parseServerArgs(process.argv.slice(2), ['port', 'host', 'dir'], (message) => fail(`${message}\n${USAGE}`));
const dir = resolve(options.dir ?? join(ROOT, 'dist'));
const shown = relative(process.cwd(), dir) || '.';

if (!existsSync(dir)) {
  fail(
    options.dir
      ? `找不到文件夹 ${shown}。请先构建网站：npm run build -- --out-dir ${shown}`
      : '还没有 dist/：网站还没有构建。请先运行 npm run build，再运行 npm run preview。',
  );
}
if (!existsSync(join(dir, 'index.html'))) fail(`${shown} 里没有 index.html，不是构建好的网站。请先运行 npm run build。`);

// The pages link to the base path they were built for, so that is where they must be served; BASE_PATH now
// cannot move them. A site built before the record existed falls back to BASE_PATH, and says so.
const requested = process.env.BASE_PATH?.trim() ? normaliseBase(process.env.BASE_PATH) : undefined;
let base: string;
const recordFile = join(dir, BUILD_RECORD);
if (existsSync(recordFile)) {
  let recorded: unknown;
  try {
    recorded = (JSON.parse(readFileSync(recordFile, 'utf8')) as { base?: unknown }).base;
  } catch {
    // Handled below, as a record without a base.
  }
  if (typeof recorded !== 'string') fail(`${join(shown, BUILD_RECORD)} 内容不对，读不出构建时的路径。请重新运行 npm run build。`);
  base = normaliseBase(recorded);
  if (requested && requested !== base)
    console.log(
      `注意：环境变量 BASE_PATH 是 ${requested}，但 ${shown} 是按 ${base} 构建的，预览使用构建时的 ${base}。要换路径，请设好 BASE_PATH 后重新运行 npm run build。`,
    );
} else {
  base = requested ?? '/';
  console.log(
    `注意：${shown} 里没有构建记录 ${BUILD_RECORD}（不是 npm run build 构建的，或是较早的版本构建的），按环境变量 BASE_PATH 使用 ${base}。重新运行 npm run build 即可。`,
  );
}

let server: Awaited<ReturnType<typeof preview>>;
try {
  server = await preview({
    root: ROOT,
    outDir: dir,
    base,
    // Astro's banner and Vite's port notice repeat, in English, what is printed below; errors are reported below in one line.
    logLevel: 'silent',
    vite: { logLevel: 'warn' },
    server: { ...(options.port !== undefined && { port: options.port }), ...(options.host !== undefined && { host: options.host }) },
  });
} catch (e) {
  const error = e as NodeJS.ErrnoException;
  fail(
    error.code === 'EADDRINUSE'
      ? `端口已被占用，预览没有启动。请换一个端口：npm run preview -- --port 4322`
      : error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND'
        ? `本机没有地址 ${String(options.host)}，预览没有启动。请检查 --host。`
        : `预览没有启动：${error.message}`,
    e,
  );
}

const local = server.urls?.local[0] ?? `http://localhost:${server.port}${base}`;
console.log(`预览地址：${local}`);
for (const url of server.urls?.network ?? []) console.log(`局域网地址：${url}`);
if (options.port && server.port !== options.port) console.log(`端口 ${options.port} 已被占用，改用 ${server.port}。`);
console.log(`正在预览 ${shown}，网站在 ${base}${base === '/' ? '（域名根目录）' : ''}，与按这次构建上传后的网站一致；按 Ctrl+C 停止。`);
