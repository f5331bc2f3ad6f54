// The search page on a phone: /search/?q=<query> in Chromium with Lighthouse's mobile preset (a Moto G Power
// on a slow 4G connection: 412×823 at 1.75, RTT 150 ms, 1,638.4 Kbps down, 750 Kbps up, CPU 4× slower), each
// run in a fresh context (nothing cached). The network and CPU are throttled through the DevTools protocol
// (Network.emulateNetworkConditions, Emulation.setCPUThrottlingRate), as Lighthouse's `devtools` throttling
// does; Lighthouse's own devtools mode raises the latency to 562.5 ms per request and lowers the throughput
// to 90 % to stand for a whole connection's round trips, which this does not. The CPU slowdown is relative to
// the bench's host, not to a calibrated machine.
//
// The time is from navigation start to the first result shown and to the final status; the median of the
// runs is the figure. The static server does not compress, so the bytes are as sent.
import type { Browser } from 'playwright-core';
import type { StaticSite } from '../scripts/lib/static-server';
import { searchPage, type SearchPageFigures } from './first-search';
import type { GzipSizes, Traffic } from './measure';

export const PHONE = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  latencyMs: 150,
  downloadKbps: 1638.4,
  uploadKbps: 750,
  cpuSlowdown: 4,
} as const;

export const PHONE_PROFILE =
  `Lighthouse mobile preset: ${PHONE.viewport.width}×${PHONE.viewport.height} at ${PHONE.deviceScaleFactor}, mobile, ` +
  `RTT ${PHONE.latencyMs} ms, ${PHONE.downloadKbps.toLocaleString('en')} Kbps down, ${PHONE.uploadKbps} Kbps up, CPU ${PHONE.cpuSlowdown}× slower (CDP)`;

export interface PhoneRun {
  /** ms from navigation start to the first result shown, and to the final status; null: not within the timeout. */
  firstMs: number | null;
  finalMs: number | null;
  /** The HTML document's responseEnd, ms since navigation start. */
  htmlEndMs: number;
  /** Bytes as sent (the static server does not compress): by the first results, and until the network was quiet. */
  firstBytes: number | null;
  bytes: number;
  status: string;
}

export interface PhoneSearch {
  query: string;
  profile: string;
  runs: PhoneRun[];
  /** Medians of the runs (a run without the moment counts as slower than any with it); null: most runs had none. */
  firstMs: number | null;
  finalMs: number | null;
}

/** The median, with null as slower than any number; null when the median is a null. */
export function medianOrNull(values: Array<number | null>): number | null {
  if (!values.length) return null;
  const sorted = values.map((v) => v ?? Infinity).sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const m = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return Number.isFinite(m) ? m : null;
}

export async function phoneSearch(
  browser: Browser,
  site: StaticSite,
  traffic: Traffic,
  gzip: GzipSizes,
  query: string,
  { runs = 3, timeoutMs = 180_000, log = (_line: string) => {} } = {},
): Promise<PhoneSearch> {
  const results: PhoneRun[] = [];
  for (let i = 0; i < runs; i++) {
    const figures: SearchPageFigures = await searchPage(browser, site, traffic, gzip, query, {
      timeoutMs,
      context: {
        viewport: PHONE.viewport,
        screen: PHONE.viewport,
        deviceScaleFactor: PHONE.deviceScaleFactor,
        isMobile: true,
        hasTouch: true,
        userAgent: `Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${browser.version()} Mobile Safari/537.36`,
      },
      prepare: async (page, context) => {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        // DevTools takes bytes per second (Lighthouse: Kbps × 1024 / 8).
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false,
          latency: PHONE.latencyMs,
          downloadThroughput: Math.floor((PHONE.downloadKbps * 1024) / 8),
          uploadThroughput: Math.floor((PHONE.uploadKbps * 1024) / 8),
        });
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
      },
    });
    const run: PhoneRun = {
      firstMs: figures.first?.sinceNavigationMs ?? null,
      finalMs: figures.final?.sinceNavigationMs ?? null,
      htmlEndMs: figures.htmlEndMs,
      firstBytes: figures.first?.bytes ?? null,
      bytes: figures.bytes,
      status: figures.final?.status ?? figures.first?.status ?? '',
    };
    log(
      `phone search ${i + 1} of ${runs}: first result at ${run.firstMs?.toFixed(0) ?? '-'} ms, final status at ${run.finalMs?.toFixed(0) ?? '-'} ms`,
    );
    results.push(run);
  }
  return {
    query,
    profile: PHONE_PROFILE,
    runs: results,
    firstMs: medianOrNull(results.map((r) => r.firstMs)),
    finalMs: medianOrNull(results.map((r) => r.finalMs)),
  };
}
