// The system Chromium (Debian package `chromium`) driven through playwright-core, shared by the browser
// tests and the benchmarks. Playwright's own browser downloads are never used.
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.GONGSHI_CHROMIUM ?? '/usr/bin/chromium';
export const INSTALL_HINT = 'sudo apt-get install -y chromium fonts-noto-cjk';

export const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS, timeout: 30_000 });
}
