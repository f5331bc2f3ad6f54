// Real-browser tests run the system Chromium (Debian package `chromium`) through playwright-core.
// Playwright's own browser downloads are never used. Without Chromium the browser suite is skipped
// on a developer's machine (with a message saying how to install it) and fails on CI.
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { CHROMIUM_PATH, INSTALL_HINT, launch } from '../../scripts/lib/chromium';
import type { StaticSite } from './static-server';

export { CHROMIUM_PATH, INSTALL_HINT };

export interface BrowserAvailability {
  available: boolean;
  /** Why the browser suite is skipped; empty when Chromium is there. */
  reason: string;
}

/**
 * Checks for Chromium before the suite is declared. On CI (`CI=true`) a missing Chromium throws, so the
 * test file fails; elsewhere it returns `available: false` and a reason to show in the skipped suite's name.
 */
export function checkBrowser(): BrowserAvailability {
  if (existsSync(CHROMIUM_PATH)) return { available: true, reason: '' };
  const reason = `Chromium not found at ${CHROMIUM_PATH}; install it with \`${INSTALL_HINT}\` to run the browser tests`;
  if (process.env.CI === 'true') {
    throw new Error(`${reason}. On CI the browser tests are required (.ci/run installs Chromium).`);
  }
  console.warn(`[browser tests skipped] ${reason}`);
  return { available: false, reason };
}

export function launchBrowser(): Promise<Browser> {
  return launch();
}

/** What a page did that a reader would not want: requests off the local host, errors, failed loads. */
export interface Observed {
  requests: string[];
  external: string[];
  consoleErrors: string[];
  pageErrors: string[];
  failed: string[];
  /** Responses with status >= 400, except those the test expects. */
  badResponses: string[];
}

export interface Session {
  context: BrowserContext;
  page: Page;
  observed: Observed;
  /** One line per thing that went wrong so far (external request, error, failed load). */
  problems(): string[];
  /** Asserts nothing went off-host and no error happened, then closes the context. */
  finish(): Promise<void>;
}

export interface SessionOptions extends BrowserContextOptions {
  /** URLs that are expected to answer 404 (the missing-page test). */
  expect404?: string[];
}

/**
 * A fresh context that records every request (page and workers) and aborts any that would leave
 * 127.0.0.1, so a test can never reach the network and every such attempt is reported.
 */
export async function openSession(browser: Browser, site: StaticSite, options: SessionOptions = {}): Promise<Session> {
  const { expect404 = [], ...contextOptions } = options;
  const context = await browser.newContext({ locale: 'zh-CN', ...contextOptions });
  const observed: Observed = { requests: [], external: [], consoleErrors: [], pageErrors: [], failed: [], badResponses: [] };
  const local = (url: string) => {
    if (/^(data|blob|about):/.test(url)) return true;
    try {
      return new URL(url).origin === site.origin;
    } catch {
      return false;
    }
  };
  await context.route(
    () => true,
    (route) => {
      const url = route.request().url();
      if (local(url)) return route.continue();
      if (!observed.external.includes(url)) observed.external.push(url);
      return route.abort('blockedbyclient');
    },
  );
  context.on('request', (req) => {
    const url = req.url();
    observed.requests.push(url);
    if (!local(url) && !observed.external.includes(url)) observed.external.push(url);
  });
  context.on('requestfailed', (req) => {
    const error = req.failure()?.errorText ?? 'failed';
    // ERR_ABORTED is a load cut short by navigating on; a missing file shows up as a 4xx response instead.
    if (local(req.url()) && error !== 'net::ERR_ABORTED') observed.failed.push(`${req.url()}: ${error}`);
  });
  context.on('response', (res) => {
    if (res.status() >= 400 && !(res.status() === 404 && expect404.includes(res.url()))) {
      observed.badResponses.push(`${res.status()} ${res.url()}`);
    }
  });
  const watch = (page: Page) => {
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const where = msg.location().url;
      // Chromium logs every 4xx response as a console error; the expected 404 document is no error.
      if (/status of 404/.test(msg.text()) && expect404.includes(where)) return;
      observed.consoleErrors.push(`${msg.text()}${where ? ` (${where})` : ''}`);
    });
    page.on('pageerror', (err) => observed.pageErrors.push(String(err?.stack ?? err)));
  };
  context.on('page', watch);
  const page = await context.newPage();
  const problems = () => [
    ...observed.external.map((u) => `external request: ${u}`),
    ...observed.consoleErrors.map((m) => `console error: ${m}`),
    ...observed.pageErrors.map((m) => `page error: ${m}`),
    ...observed.failed.map((m) => `failed request: ${m}`),
    ...observed.badResponses.map((m) => `bad response: ${m}`),
  ];
  return {
    context,
    page,
    observed,
    problems,
    async finish() {
      try {
        const found = problems();
        if (found.length) throw new Error(['the page did something it should not:', ...found.map((p) => `  ${p}`)].join('\n'));
      } finally {
        await context.close();
      }
    },
  };
}

/**
 * Runs `fn` on a page in a fresh context; afterwards no external request, console error or failed load may
 * have happened. When `fn` fails, what the browser reported is added to the error (a 404 script, a page error).
 */
export async function withSession(
  browser: Browser,
  site: StaticSite,
  fn: (page: Page) => Promise<void>,
  { timeout = 10_000, ...options }: SessionOptions & { timeout?: number } = {},
): Promise<Observed> {
  const session = await openSession(browser, site, options);
  session.page.setDefaultTimeout(timeout);
  try {
    await fn(session.page);
  } catch (err) {
    await session.context.close();
    const found = session.problems();
    if (found.length && err instanceof Error) err.message += `\nthe browser also reported:\n${found.map((p) => `  ${p}`).join('\n')}`;
    throw err;
  }
  await session.finish();
  return session.observed;
}
