// Firefox and WebKit for the cross-engine browser tests, from Debian packages with no browser download: Firefox ESR
// through puppeteer-core over WebDriver BiDi, WebKitGTK's MiniBrowser through WebKitWebDriver (classic WebDriver over
// fetch) on a private Xvfb display. Both behind one small interface, so a test reads the same for either engine.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { isIP, type AddressInfo } from 'node:net';
import { constants as osConstants } from 'node:os';
import type { Readable } from 'node:stream';
import puppeteer, { type Browser, type KeyInput, type Page } from 'puppeteer-core';
import type { BrowserAvailability } from './browser';
import { freePort } from './ports';

export type EngineName = 'Firefox' | 'WebKit';

export const FIREFOX_PATH = process.env.GONGSHI_FIREFOX ?? '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER_PATH = process.env.GONGSHI_WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
export const XVFB_PATH = process.env.GONGSHI_XVFB ?? '/usr/bin/Xvfb';
/** MiniBrowser lives under the multiarch folder (x86_64-linux-gnu, aarch64-linux-gnu…), so it is looked up. */
export const MINIBROWSER_PATH = process.env.GONGSHI_MINIBROWSER ?? findMiniBrowser();
export const ENGINES_INSTALL_HINT = 'sudo apt-get install -y --no-install-recommends firefox-esr webkit2gtk-driver xvfb';

function findMiniBrowser(): string {
  const fallback = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
  try {
    for (const dir of readdirSync('/usr/lib')) {
      const candidate = `/usr/lib/${dir}/webkit2gtk-4.1/MiniBrowser`;
      if (dir.endsWith('-linux-gnu') && existsSync(candidate)) return candidate;
    }
  } catch {
    // No /usr/lib to read: report the usual path as missing.
  }
  return fallback;
}

/** A page in one engine, driven from Node. Scripts run in the page; none is compiled there with Function(), which the site's CSP forbids. */
export interface EnginePage {
  readonly name: EngineName;
  /** The browser's own version string, for the suite's output. */
  readonly version: string;
  /** Navigates and waits for the load event. */
  goto(url: string): Promise<void>;
  /** Runs a function (called with `arg`) or an expression in the page; a returned promise is awaited. */
  evaluate<T, A = undefined>(script: string | ((arg: A) => T | Promise<T>), arg?: A): Promise<Awaited<T>>;
  /** Polls `evaluate` every 100 ms until it returns something truthy, and returns that; errors while a page loads are retried. */
  waitFor<T, A = undefined>(predicate: string | ((arg: A) => T | Promise<T>), timeoutMs?: number, arg?: A): Promise<Awaited<T>>;
  /** Clicks the first element `selector` matches as a mouse does: scrolled into view, at its centre, with real input events. */
  click(selector: string): Promise<void>;
  /**
   * Presses a key or a chord as the keyboard does: `+`-joined key names as puppeteer spells them ('Escape',
   * 'Alt+Shift+KeyA'); the modifiers are held while the last key is pressed, then released.
   */
  press(chord: string): Promise<void>;
  /**
   * Runs `script` in every page loaded from now on, until the returned function removes it. Firefox runs it before
   * the page's own scripts; WebKit right after the load event, as classic WebDriver has no command for it.
   */
  addInitScript(script: () => void): Promise<() => Promise<void>>;
  setLocalStorage(key: string, value: string): Promise<void>;
  /** Empties the current origin's localStorage. */
  clearLocalStorage(): Promise<void>;
  /**
   * Every URL the page requested since the last call (or launch), then forgets them, failed ones included. Firefox:
   * the requests puppeteer reports (served from cache too). WebKit: what passed through its recording proxy
   * (startRecordingProxy), as classic WebDriver sees no network and Resource Timing leaves failed requests out.
   */
  takeRequests(): string[];
  /** Uncaught page errors since the last call, or `undefined` where the engine cannot report them (WebKit over classic WebDriver). */
  takeErrors(): string[] | undefined;
  /** Closes the browser and stops every process started for it; safe to call twice. */
  close(): Promise<void>;
}

/** What is missing per engine; on CI (`CI` set) a missing engine throws, so the test file fails instead of skipping. */
export function checkEngines(): Record<EngineName, BrowserAvailability> {
  const missing: Record<EngineName, string[]> = {
    Firefox: [FIREFOX_PATH].filter((p) => !existsSync(p)),
    WebKit: [WEBKIT_DRIVER_PATH, MINIBROWSER_PATH, XVFB_PATH].filter((p) => !existsSync(p)),
  };
  const result = {} as Record<EngineName, BrowserAvailability>;
  const reasons: string[] = [];
  for (const name of Object.keys(missing) as EngineName[]) {
    if (!missing[name].length) {
      result[name] = { available: true, reason: '' };
      continue;
    }
    const reason = `${name} not found (${missing[name].join(', ')} missing); install it with \`${ENGINES_INSTALL_HINT}\` to run the cross-engine tests`;
    reasons.push(reason);
    result[name] = { available: false, reason };
  }
  if (reasons.length && process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0') {
    throw new Error(
      `${reasons.join('\n')}\nOn CI the cross-engine tests are required (.ci/run installs firefox-esr, webkit2gtk-driver and xvfb).`,
    );
  }
  for (const reason of reasons) console.warn(`[cross-engine tests skipped] ${reason}`);
  return result;
}

// ---------------------------------------------------------------------------------------------------- recording proxy

interface RecordingProxy {
  port: number;
  /** Absolute URLs requested through the proxy since the last call (`https://host:port` for a tunnel), then forgotten. */
  take(): string[];
  close(): Promise<void>;
}

/** Loopback hosts: the test's own servers. Anything else never leaves the machine. */
function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}

/**
 * An HTTP proxy on 127.0.0.1 that records every request and forwards only those to the local machine; the others get
 * 502 and HTTPS tunnels are refused, so a test never reaches the network (as the Chromium tests abort such requests).
 * It is WebKit's request log: classic WebDriver has no network events, and Resource Timing leaves out failed requests,
 * which on an offline CI machine every external request is.
 */
async function startRecordingProxy(): Promise<RecordingProxy> {
  let seen: string[] = [];
  const server: Server = createServer((req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end();
      return;
    }
    seen.push(url.href);
    if (url.protocol !== 'http:' || !isLoopback(url.hostname)) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end('blocked by the test proxy: not on this machine');
      return;
    }
    const upstream = httpRequest(url, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  server.on('connect', (req, socket) => {
    seen.push(`https://${req.url ?? ''}`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: (server.address() as AddressInfo).port,
    take() {
      const taken = seen;
      seen = [];
      return taken;
    },
    close() {
      // Browsers keep connections to a proxy open; close them, or close() would wait for them.
      server.closeAllConnections();
      return new Promise((ok) => server.close(() => ok()));
    },
  };
}

const POLL_MS = 100;
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** Shared polling: no page-side polling loop, so nothing in the page needs eval. */
async function poll<T>(name: EngineName, what: string, timeoutMs: number, attempt: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  let lastError: unknown;
  for (;;) {
    try {
      last = await attempt();
      if (last) return last as T;
    } catch (err) {
      // A navigation in progress destroys the page's realm; the next attempt runs in the new page.
      lastError = err;
    }
    if (Date.now() >= deadline) break;
    await sleep(POLL_MS);
  }
  const detail = lastError ? `; last error: ${lastError instanceof Error ? lastError.message : String(lastError)}` : '';
  throw new Error(`${name}: timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(last)}${detail}`);
}

const describeScript = (script: string | ((...args: never[]) => unknown)) => String(script).replace(/\s+/g, ' ').slice(0, 200);

const STORAGE_SET = ([key, value]: [string, string]) => localStorage.setItem(key, value);
const STORAGE_CLEAR = () => localStorage.clear();

// ---------------------------------------------------------------------------------------------------- Firefox

/** Firefox ESR over WebDriver BiDi. puppeteer-core never downloads a browser; it only runs the one at FIREFOX_PATH. */
export async function launchFirefox(): Promise<EnginePage> {
  const proxy = await startRecordingProxy();
  let browser: Browser | undefined;
  try {
    guardExit();
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      timeout: 60_000,
      // puppeteer's own SIGTERM handler closes Firefox but keeps the process alive; guardExit ends it instead, and
      // puppeteer's 'exit' handler then kills Firefox.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      extraPrefsFirefox: {
        // As the Chromium tests do (locale zh-CN): the site's readers.
        'intl.accept_languages': 'zh-CN, zh',
        // All traffic through the test proxy, 127.0.0.1 included (Firefox skips the proxy for it unless told), so that
        // nothing, not even Firefox's own update and settings requests, leaves the machine.
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
      },
    });
    const version = await browser.version();
    // A tab of its own: the one headless Firefox starts with never has the focus (document.hasFocus() is false), so
    // focusing an element there fires no focus or focusin event, which a reader's window does and the reading aids follow.
    const startTabs = await browser.pages();
    const page: Page = await browser.newPage();
    for (const tab of startTabs) await tab.close();
    page.setDefaultTimeout(30_000);
    let requests: string[] = [];
    let errors: string[] = [];
    page.on('request', (request) => void requests.push(request.url()));
    page.on('pageerror', (error) => void errors.push(error instanceof Error ? (error.stack ?? error.message) : String(error)));

    const evaluate = <T, A>(script: string | ((arg: A) => T | Promise<T>), arg?: A): Promise<Awaited<T>> =>
      (typeof script === 'string' ? page.evaluate(script) : page.evaluate(script as (arg: unknown) => T, arg)) as Promise<Awaited<T>>;
    const launched = browser;
    let closed = false;
    return {
      name: 'Firefox',
      version,
      async goto(url) {
        await page.goto(url, { waitUntil: 'load' });
      },
      evaluate,
      waitFor: (predicate, timeoutMs = 15_000, arg) =>
        poll('Firefox', describeScript(predicate), timeoutMs, () => evaluate(predicate, arg)),
      async click(selector) {
        await page.click(selector);
      },
      async press(chord) {
        const keys = chord.split('+') as KeyInput[];
        for (const key of keys.slice(0, -1)) await page.keyboard.down(key);
        await page.keyboard.press(keys[keys.length - 1]);
        for (const key of keys.slice(0, -1).reverse()) await page.keyboard.up(key);
      },
      async addInitScript(script) {
        const { identifier } = await page.evaluateOnNewDocument(script);
        return () => page.removeScriptToEvaluateOnNewDocument(identifier);
      },
      async setLocalStorage(key, value) {
        await evaluate(STORAGE_SET, [key, value] as [string, string]);
      },
      async clearLocalStorage() {
        await evaluate(STORAGE_CLEAR);
      },
      takeRequests() {
        // The proxy also sees Firefox's own traffic (Remote Settings…), which is not the site's: the page's requests are what puppeteer reports.
        proxy.take();
        const taken = requests;
        requests = [];
        return taken;
      },
      takeErrors() {
        const taken = errors;
        errors = [];
        return taken;
      },
      async close() {
        if (closed) return;
        closed = true;
        try {
          await launched.close();
        } finally {
          await proxy.close();
        }
      },
    };
  } catch (err) {
    // puppeteer stops a Firefox that failed to start; one that started is closed here.
    await browser?.close().catch(() => undefined);
    await proxy.close();
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------------- processes

/** Processes started here, each in its own process group, so the whole tree (driver, MiniBrowser, WebKit's helpers) can be stopped. */
const running = new Set<ChildProcess>();
let guarded = false;

/**
 * If the test process ends without close() (a crash, Ctrl-C, a killed worker), nothing may be left behind: the
 * groups are detached, so a signal to the test's own process group does not reach them. A signal ends the process
 * through process.exit, so that the 'exit' handlers run: ours, and puppeteer's, which kills Firefox.
 */
function guardExit(): void {
  if (guarded) return;
  guarded = true;
  process.once('exit', () => {
    for (const child of running) killGroup(child, 'SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      // Someone else handling the signal (Vitest) decides whether the process ends; otherwise end as the signal would.
      if (process.listenerCount(signal) === 0) process.exit(128 + osConstants.signals[signal]);
    });
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is gone already.
  }
}

interface Started {
  child: ChildProcess;
  /** The last few kilobytes it printed, for error messages. */
  output(): string;
}

function start(command: string, args: string[], env: NodeJS.ProcessEnv = process.env, extraFds = 0): Started {
  const child = spawn(command, args, {
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe', ...Array<'pipe'>(extraFds).fill('pipe')],
  });
  guardExit();
  running.add(child);
  child.once('exit', () => running.delete(child));
  let printed = '';
  const keep = (chunk: Buffer | string) => (printed = (printed + chunk.toString()).slice(-4000));
  // A binary that cannot start (ENOENT) must fail the launch, not crash the test process with an unhandled 'error'.
  child.on('error', (err) => {
    keep(`could not start ${command}: ${err.message}\n`);
    running.delete(child);
  });
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, output: () => printed };
}

/** SIGTERM to the process group, SIGKILL if it is still there after `graceMs`. */
async function stop(child: ChildProcess, graceMs = 5_000): Promise<void> {
  // Never started (the binary could not be run): nothing to stop.
  if (child.pid === undefined) return;
  if (child.exitCode !== null || child.signalCode !== null) {
    // The leader has exited; its group (MiniBrowser, web processes) may not have.
    killGroup(child, 'SIGKILL');
    running.delete(child);
    return;
  }
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  killGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  // Anything the leader started and left in its group.
  killGroup(child, 'SIGKILL');
  running.delete(child);
}

/** Runs the stops in order even when one fails. */
async function stopAll(children: ChildProcess[]): Promise<void> {
  for (const child of children) await stop(child).catch(() => undefined);
}

/** Starts Xvfb on a display it chooses itself (-displayfd): no race with another test's display. */
async function startXvfb(): Promise<{ started: Started; display: string }> {
  const started = start(XVFB_PATH, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], process.env, 1);
  const fd = started.child.stdio[3] as Readable;
  try {
    const display = await new Promise<string>((ok, fail) => {
      let text = '';
      const timer = setTimeout(() => fail(new Error(`Xvfb did not report a display in 15 s:\n${started.output()}`)), 15_000);
      fd.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes('\n')) {
          clearTimeout(timer);
          ok(`:${text.trim()}`);
        }
      });
      started.child.once('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`Xvfb exited (${code}) before it was ready:\n${started.output()}`));
      });
      started.child.once('error', (err) => {
        clearTimeout(timer);
        fail(err);
      });
    });
    return { started, display };
  } catch (err) {
    await stop(started.child);
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------------- WebKit

interface WebDriverError {
  error: string;
  message: string;
}

class WebDriver {
  constructor(
    private readonly base: string,
    private readonly output: () => string,
  ) {}

  /** One command; `timeoutMs` bounds it, as the driver waits forever for a browser that never connects. */
  async call<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown, timeoutMs = 45_000): Promise<T> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      signal: AbortSignal.timeout(timeoutMs),
      headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).catch((err: unknown) => {
      const reason = err instanceof Error && err.name === 'TimeoutError' ? `no answer in ${timeoutMs} ms` : String(err);
      throw new Error(`WebKitWebDriver ${method} ${path}: ${reason}\n${this.output()}`, { cause: err });
    });
    const text = await response.text();
    let value: unknown;
    try {
      value = (JSON.parse(text) as { value: unknown }).value;
    } catch {
      throw new Error(`WebKitWebDriver ${method} ${path}: HTTP ${response.status}, not JSON: ${text.slice(0, 500)}`);
    }
    if (!response.ok) {
      const { error, message } = (value ?? {}) as Partial<WebDriverError>;
      throw new Error(`WebKitWebDriver ${method} ${path}: ${error ?? response.status}: ${message ?? text.slice(0, 500)}\n${this.output()}`);
    }
    return value as T;
  }
}

/** The property holding an element's reference in classic WebDriver's answers. */
const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';

/** Classic WebDriver's code points for the named keys `press` takes (puppeteer's names), and KeyA… Digit0… as characters. */
const WEBDRIVER_KEYS: Record<string, string> = {
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Meta: '\uE03D',
  Escape: '\uE00C',
  Enter: '\uE007',
  Tab: '\uE004',
  Space: ' ',
};

function webDriverKey(key: string): string {
  const named = WEBDRIVER_KEYS[key] ?? /^(?:Key([A-Z])|Digit(\d))$/.exec(key)?.slice(1).find(Boolean)?.toLowerCase();
  if (named) return named;
  if ([...key].length === 1) return key;
  throw new Error(`press: no WebDriver key for ${key}`);
}

/**
 * WebKitGTK's MiniBrowser driven by WebKitWebDriver. MiniBrowser has no headless mode, so it draws on a private
 * Xvfb display; the driver, the browser, Xvfb and the proxy are stopped by close(), and on any failure while starting.
 */
export async function launchWebKit(): Promise<EnginePage> {
  const processes: ChildProcess[] = [];
  let proxy: RecordingProxy | undefined;
  try {
    proxy = await startRecordingProxy();
    const xvfb = await startXvfb();
    processes.unshift(xvfb.started.child);
    const port = await freePort();
    const driver = start(WEBKIT_DRIVER_PATH, [`--port=${port}`, '--host=127.0.0.1'], { ...process.env, DISPLAY: xvfb.display });
    // The driver (and MiniBrowser, in its process group) stops before Xvfb, whose display it draws on.
    processes.unshift(driver.child);
    const wd = new WebDriver(`http://127.0.0.1:${port}`, driver.output);
    for (const deadline = Date.now() + 20_000; ;) {
      await sleep(POLL_MS);
      // A driver that died (or never started) fails at once, with what it printed.
      if (driver.child.exitCode !== null || driver.child.pid === undefined)
        throw new Error(`WebKitWebDriver exited (${driver.child.exitCode}):\n${driver.output()}`);
      const ready = await wd.call<{ ready: boolean }>('GET', '/status').then(
        (status) => status.ready,
        () => false, // not listening yet
      );
      if (ready) break;
      if (Date.now() > deadline) throw new Error(`WebKitWebDriver did not answer on port ${port} within 20 s:\n${driver.output()}`);
    }
    // An empty --ignore-host sends 127.0.0.1 and localhost through the proxy too.
    const args = ['--automation', `--proxy=http://127.0.0.1:${proxy.port}`, '--ignore-host='];
    const { sessionId, capabilities } = await wd.call<{ sessionId: string; capabilities: { browserVersion?: string } }>(
      'POST',
      '/session',
      {
        capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args } } },
      },
      30_000,
    );
    const session = `/session/${sessionId}`;
    // Fail a hung load or script within a test's time rather than after the driver's 300 s default.
    await wd.call('POST', `${session}/timeouts`, { pageLoad: 30_000, script: 30_000 });

    const evaluate = <T, A>(script: string | ((arg: A) => T | Promise<T>), arg?: A): Promise<Awaited<T>> =>
      wd.call<Awaited<T>>('POST', `${session}/execute/sync`, {
        // execute/sync runs a function body and awaits a returned promise.
        script: typeof script === 'string' ? `return (${script});` : `return (${script.toString()}).apply(null, arguments);`,
        args: arg === undefined ? [] : [arg],
      });
    const recorder = proxy;
    const initScripts = new Set<{ script: () => void }>();
    let closed = false;
    return {
      name: 'WebKit',
      version: `WebKitGTK ${capabilities.browserVersion ?? '(unknown version)'}`,
      async goto(url) {
        await wd.call('POST', `${session}/url`, { url });
        for (const { script } of initScripts) await evaluate(script);
      },
      evaluate,
      waitFor: (predicate, timeoutMs = 15_000, arg) => poll('WebKit', describeScript(predicate), timeoutMs, () => evaluate(predicate, arg)),
      async click(selector) {
        const found = await wd.call<Record<string, string>>('POST', `${session}/element`, { using: 'css selector', value: selector });
        await wd.call('POST', `${session}/element/${found[ELEMENT_KEY]}/click`, {});
      },
      async press(chord) {
        const keys = chord.split('+').map(webDriverKey);
        const down = keys.map((value) => ({ type: 'keyDown', value }));
        const up = keys.map((value) => ({ type: 'keyUp', value })).reverse();
        await wd.call('POST', `${session}/actions`, { actions: [{ type: 'key', id: 'keyboard', actions: [...down, ...up] }] });
      },
      async addInitScript(script) {
        // An entry of its own, so that the same script added twice is removed one at a time.
        const entry = { script };
        initScripts.add(entry);
        return async () => void initScripts.delete(entry);
      },
      async setLocalStorage(key, value) {
        await evaluate(STORAGE_SET, [key, value] as [string, string]);
      },
      async clearLocalStorage() {
        await evaluate(STORAGE_CLEAR);
      },
      takeRequests: () => recorder.take(),
      takeErrors: () => undefined,
      async close() {
        if (closed) return;
        closed = true;
        try {
          // Ends MiniBrowser cleanly; the process-group stop below catches whatever remains.
          await wd.call('DELETE', session, undefined, 10_000);
        } catch {
          // The driver may be gone already; stopping the processes still happens.
        } finally {
          await stopAll(processes);
          await recorder.close();
        }
      },
    };
  } catch (err) {
    await stopAll(processes);
    await proxy?.close();
    throw err;
  }
}

/** Launches one engine by name. */
export function launchEngine(name: EngineName): Promise<EnginePage> {
  return name === 'Firefox' ? launchFirefox() : launchWebKit();
}
