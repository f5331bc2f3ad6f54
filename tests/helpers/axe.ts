// axe-core in the page under test: injected from node_modules (never from a CDN) and run over the whole
// document with the WCAG 2.0/2.1/2.2 A and AA rules plus axe's best practices. A violation is reported
// with what a developer needs to fix it: the rule, its impact, the help text and where it happened.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';
import { ROOT } from './build';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

let source: string | undefined;
const axeSource = () => (source ??= readFileSync(resolve(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));

/** Runs axe on the page as it is now and returns its violations. */
export async function runAxe(page: Page, tags: string[] = AXE_TAGS): Promise<Result[]> {
  // Evaluated through the DevTools protocol: the site's Content-Security-Policy (rightly) refuses an inline <script>.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource());
  const results = await page.evaluate(
    (values) =>
      (window as unknown as { axe: { run(ctx: Document, options: object): Promise<AxeResults> } }).axe.run(document, {
        runOnly: { type: 'tag', values },
        resultTypes: ['violations'],
      }),
    tags,
  );
  return results.violations;
}

/** One block per violation: id, impact, help (with its link) and the first three targets with their HTML. */
export function formatViolations(violations: Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.slice(0, 3).map((n) => `    ${n.target.join(' ')}\n      ${n.html.replace(/\s+/g, ' ').slice(0, 300)}`);
      const more = v.nodes.length > 3 ? [`    … and ${v.nodes.length - 3} more`] : [];
      return [`  ${v.id} (${v.impact ?? 'no impact'}): ${v.help} — ${v.helpUrl}`, ...nodes, ...more].join('\n');
    })
    .join('\n');
}
