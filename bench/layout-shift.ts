// Layout shift while a page loads, in Chromium: a PerformanceObserver for 'layout-shift' (buffered) is in
// place before the page's first byte (through the DevTools protocol, which the pages' CSP does not govern);
// after `load` and a quiet second, the sum of the shifts not caused by input is the page's CLS so far.
// Saved reading settings (localStorage 'gongshi-reading') are written before the page's own scripts run,
// as a returning reader's browser has them; they apply before first paint and must not shift anything either.
import type { Browser } from 'playwright-core';

export interface LayoutShiftCase {
  name: string;
  viewport: { width: number; height: number };
  /** Saved reading settings, e.g. { size: 150 }. */
  prefs?: Record<string, unknown>;
  /** Slow network and CPU (DevTools emulation), so that late styles or scripts would show. */
  throttled?: boolean;
}

export interface LayoutShiftResult extends LayoutShiftCase {
  cls: number;
  shifts: Array<{ value: number; startTime: number; sources: string[] }>;
  /** data-text-size on <html> after load: shows the saved settings took effect. */
  textSize: string | null;
  loadMs: number;
}

const OBSERVER = `(() => {
  window.__benchShifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      window.__benchShifts.push({
        value: entry.value,
        startTime: entry.startTime,
        sources: (entry.sources || []).map((s) => {
          const n = s.node;
          if (!n || !n.nodeName) return '?';
          return n.nodeName.toLowerCase() + (n.id ? '#' + n.id : '') + (typeof n.className === 'string' && n.className ? '.' + n.className.trim().split(/\\s+/).join('.') : '');
        }),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
})();`;

export const LAYOUT_SHIFT_CASES: LayoutShiftCase[] = [
  { name: 'desktop 1280×800', viewport: { width: 1280, height: 800 } },
  { name: 'desktop 1280×800, text 150%', viewport: { width: 1280, height: 800 }, prefs: { size: 150 } },
  { name: 'mobile 390×844', viewport: { width: 390, height: 844 } },
  { name: 'mobile 390×844, text 150%', viewport: { width: 390, height: 844 }, prefs: { size: 150 } },
  { name: 'mobile, slow 3G + CPU ×4', viewport: { width: 390, height: 844 }, throttled: true },
  { name: 'mobile, slow 3G + CPU ×4, text 150%', viewport: { width: 390, height: 844 }, prefs: { size: 150 }, throttled: true },
];

/**
 * CLS of `url` in case `c`, measured a quiet second after `load` and, where the page goes on changing after it
 * (search results, the ledger's filters), after `settled` (a page expression) has become true.
 */
export async function measureLayoutShift(browser: Browser, url: string, c: LayoutShiftCase, settled?: string): Promise<LayoutShiftResult> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: c.viewport });
  try {
    if (c.prefs)
      await context.addInitScript(`try { localStorage.setItem('gongshi-reading', ${JSON.stringify(JSON.stringify(c.prefs))}); } catch {}`);
    await context.addInitScript(OBSERVER);
    const page = await context.newPage();
    if (c.throttled) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      // Chrome DevTools' "Slow 3G": 400 ms RTT, 400 kbit/s down.
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 400,
        downloadThroughput: 50_000,
        uploadThroughput: 50_000,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    }
    const started = performance.now();
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const loadMs = performance.now() - started;
    // Polled with evaluate (the DevTools protocol), which the pages' CSP does not govern, unlike waitForFunction.
    for (const until = Date.now() + 60_000; settled && !(await page.evaluate(settled)) && Date.now() < until;)
      await page.waitForTimeout(100);
    await page.waitForTimeout(1000);
    const { shifts, textSize } = (await page.evaluate(
      `({ shifts: window.__benchShifts || [], textSize: document.documentElement.getAttribute('data-text-size') })`,
    )) as { shifts: LayoutShiftResult['shifts']; textSize: string | null };
    return { ...c, cls: shifts.reduce((n, s) => n + s.value, 0), shifts, textSize, loadMs };
  } finally {
    await context.close();
  }
}
