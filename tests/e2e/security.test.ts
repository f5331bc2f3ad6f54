// The Content-Security-Policy: every page carries it, the _headers file repeats it for hosts that read
// one, and nothing the site does in a real browser breaks it (searching, in Traditional too, the reading
// controls, 简/繁, print) — zero violations reported by Chromium.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, headersFile } from '../../src/site/security-headers';
import { checkBrowser, launchBrowser, openSession } from '../helpers/browser';
import { BUILDS } from '../helpers/build';
import { serveStatic, type StaticSite } from '../helpers/static-server';

const NOTICE = 'notices/2023-09-20-wuhan-industrial-investment/';

describe.each(Object.entries(BUILDS))('%s build: policy in the output', (_, { dir, base }) => {
  const pages = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));

  it.each(pages)('%s carries the policy as its first meta after the charset', (page) => {
    const html = readFileSync(join(dir, page), 'utf8');
    const metas = html.match(/<meta[^>]*>/g) ?? [];
    expect(metas[1]).toBe(`<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">`);
    // Nothing inline for the policy to allow.
    // (A JSON-LD block is data, not a script: the policy does not apply to it.)
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)(?! type="application\/ld\+json">)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=/);
  });

  it('ships a _headers file with the same policy for the whole site', () => {
    expect(readFileSync(join(dir, '_headers'), 'utf8')).toBe(headersFile(base));
    expect(headersFile(base)).toContain(`Content-Security-Policy: ${contentSecurityPolicy()}; frame-ancestors 'self'`);
  });
});

const browserCheck = checkBrowser();

describe.skipIf(!browserCheck.available)(`policy in Chromium${browserCheck.reason ? ` (skipped: ${browserCheck.reason})` : ''}`, () => {
  let browser: Browser;
  let site: StaticSite;
  beforeAll(async () => {
    browser = await launchBrowser();
    site = await serveStatic(BUILDS.sub.dir, BUILDS.sub.base);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('searching, the reading controls, 简/繁 and printing cause no policy violation', async () => {
    const session = await openSession(browser, site);
    const { page, context } = session;
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
      );
    });
    const violations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    const status = () =>
      page.waitForFunction(() => /^(找到|没有找到|找到)/.test(document.getElementById('search-status')?.textContent ?? ''));

    await page.goto(`${site.url('search/')}?q=${encodeURIComponent('董事会')}`);
    await status();
    await page.locator('main form[role=search] input[name=q]').fill('董事會 借貸');
    await page.locator('main form[role=search] input[name=q]').press('Enter');
    await page.waitForFunction(() => (document.getElementById('search-status')?.textContent ?? '').includes('已按简体'));
    expect(await page.locator('#search-results > li').count()).toBeGreaterThan(0);
    await page.click('[data-action="panel"]');
    await page.locator('#reading-panel[data-ready]').waitFor();
    for (const action of ['larger', 'line-spacing', 'contrast', 'script', 'cursor', 'guide', 'caption', 'speech'])
      await page.click(`[data-action="${action}"]`);
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
    expect(await violations()).toEqual([]);

    await page.goto(site.url(NOTICE));
    await page.waitForFunction(() => document.documentElement.lang === 'zh-Hant');
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.click('[data-action="reset"]', { force: true }).catch(() => undefined);
    expect(await violations()).toEqual([]);
    await session.finish();
  });
});
