// A minimal static host for dist/ on 127.0.0.1, like nginx or GitHub Pages: serves files under a base
// path, directory index.html, and 404.html for anything missing. No server-side rewriting, no compression.
// Used by the browser tests and the benchmarks, which count the bytes it sends (`onResponse`).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { contentType } from '../../src/site/content-types';

export interface StaticSite {
  origin: string;
  base: string;
  url(path?: string): string;
  close(): Promise<void>;
}

/** One response: the request path (decoded), status, body bytes, and whether it was sent in full. */
export interface ServedResponse {
  path: string;
  status: number;
  bytes: number;
  complete: boolean;
}

/** Hooks that see every request, from pages, workers and shared workers alike. */
export interface ServeOptions {
  onRequest?: (path: string) => void;
  /** Called once per request when its response has ended (sent in full or cut off). */
  onResponse?: (response: ServedResponse) => void;
  /** Holds back the response to a path until the promise it returns settles (a slow network for one file). */
  hold?: (path: string) => Promise<void> | undefined;
}

export async function serveStatic(dir: string, base = '/', options: ServeOptions = {}): Promise<StaticSite> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const held = options.hold?.(path);
    if (held) void held.then(() => respond(res, path));
    else respond(res, path);
  });
  const respond = (res: ServerResponse, path: string) => {
    let file: string | undefined;
    if (path.startsWith(base)) {
      const rel = normalize(path.slice(base.length)).replace(/^(\.\.[/\\])+/, '');
      let candidate = join(dir, rel);
      if (existsSync(candidate) && statSync(candidate).isDirectory()) candidate = join(candidate, 'index.html');
      if (existsSync(candidate) && statSync(candidate).isFile()) file = candidate;
    }
    const status = file ? 200 : 404;
    file ??= join(dir, '404.html');
    res.writeHead(status, { 'content-type': contentType(file) });
    options.onRequest?.(path);
    if (options.onResponse) {
      const bytes = statSync(file).size;
      res.on('close', () => options.onResponse?.({ path, status, bytes, complete: res.writableFinished }));
    }
    createReadStream(file).pipe(res);
  };
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    base,
    url: (path = '') => `${origin}${base}${path.replace(/^\//, '')}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
