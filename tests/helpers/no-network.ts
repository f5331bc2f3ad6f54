// Preloaded with NODE_OPTIONS=--import=<this file> (tests/cli/offline.test.ts): any attempt by this Node process
// or a Node child (they inherit NODE_OPTIONS) to reach another host fails with ENETUNREACH and is logged to $GONGSHI_NETWORK_LOG.
// Plain TypeScript that Node runs itself (type stripping): it is loaded before tsx, so it may use no TypeScript-only syntax.
import dns from 'node:dns';
import { appendFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';

const LOG = process.env.GONGSHI_NETWORK_LOG;

/** The local machine: loopback addresses and names, and the unspecified address, which connects to it. */
function isLocal(host: string): boolean {
  let h = host.replace(/^\[|\]$/g, '').toLowerCase();
  // IPv6 in its shortest form: Vite looks up `0000:…:0000`, a mapped IPv4 loopback may be `::ffff:7f00:1`.
  if (net.isIPv6(h)) h = new URL(`http://[${h}]`).hostname.slice(1, -1);
  if (h === '' || h === 'localhost' || h.endsWith('.localhost') || h === '::1' || h === '::' || h === '0.0.0.0') return true;
  if (/^::ffff:7f[0-9a-f]{2}:/.test(h)) return true;
  const v4 = h.replace(/^::ffff:/, '');
  return net.isIPv4(v4) && v4.startsWith('127.');
}

function refused(what: string): NodeJS.ErrnoException {
  // Logged before anything else can happen: the test counts the lines, even of a process killed right after.
  if (LOG) appendFileSync(LOG, `${process.pid} ${what} ${process.argv.slice(1).join(' ')}\n`);
  return Object.assign(new Error(`connect ENETUNREACH ${what} (network blocked by the test)`), {
    code: 'ENETUNREACH',
    errno: -101,
    syscall: 'connect',
  });
}

// Every TCP and TLS connection (http, https, fetch through undici, net.connect) passes through Socket#connect.
type Connect = (...args: unknown[]) => net.Socket;
const connect = net.Socket.prototype.connect as unknown as Connect;
net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
  // net.connect() hands over its arguments already normalised, as one array.
  const list = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  const first = list[0];
  let host = 'localhost';
  let port: unknown;
  if (first && typeof first === 'object') {
    const options = first as { host?: string; port?: unknown; path?: string };
    if (options.path) return connect.apply(this, args); // a Unix socket or pipe: local
    host = options.host ?? 'localhost';
    port = options.port;
  } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    port = first;
    if (typeof list[1] === 'string') host = list[1];
  } else {
    return connect.apply(this, args); // a Unix socket path
  }
  if (isLocal(host)) return connect.apply(this, args);
  const error = refused(`connect ${host}:${String(port)}`);
  process.nextTick(() => this.destroy(error));
  return this;
} as typeof net.Socket.prototype.connect;

// fetch() is refused before undici is loaded, with the error fetch itself gives when a host cannot be reached.
const realFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if ((url.protocol === 'http:' || url.protocol === 'https:') && !isLocal(url.hostname))
    throw new TypeError('fetch failed', { cause: refused(`fetch ${url.origin}`) });
  return realFetch(input, init);
};

// Name lookups of other hosts (a connectivity check, a resolver) are refused too; localhost still resolves.
type Callback = (error: NodeJS.ErrnoException | null, ...results: unknown[]) => void;
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveTxt'] as const) {
  const real = dns[name] as unknown as (...args: unknown[]) => unknown;
  (dns as unknown as Record<string, unknown>)[name] = (host: string, ...rest: unknown[]) => {
    if (isLocal(host)) return real(host, ...rest);
    const callback = rest[rest.length - 1] as Callback;
    const error = refused(`dns.${name} ${host}`);
    process.nextTick(() => callback(error));
  };
  const realPromise = dns.promises[name] as unknown as (...args: unknown[]) => Promise<unknown>;
  (dns.promises as unknown as Record<string, unknown>)[name] = async (host: string, ...rest: unknown[]) => {
    if (isLocal(host)) return realPromise(host, ...rest);
    throw refused(`dns.promises.${name} ${host}`);
  };
}
// `import { lookup } from 'node:dns'` elsewhere must see the replacements too.
syncBuiltinESMExports();
