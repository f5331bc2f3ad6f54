// The reading controls as a test drives them in Chromium.
import type { Page } from 'playwright-core';

/** Opens the 阅读辅助 panel (if it is not open) and waits for its controls, which load when it first opens. */
export async function openPanel(page: Page): Promise<void> {
  const toggle = page.locator('.reading-controls [data-action="panel"]');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.locator('#reading-panel[data-ready]').waitFor();
}
