// html-validate's recommended rules over built pages, as every built-site test runs them.
import { HtmlValidate } from 'html-validate';
import type { Page } from './dist';

// tel-non-breaking wants U+2011 in phone numbers, which breaks copying the number into a dialler; the
// stylesheet keeps `a[href^="tel:"]` on one line instead.
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'no-trailing-whitespace': 'off', 'tel-non-breaking': 'off' },
});

/** One line per problem: `file:line:column rule message`; empty when every page is valid. */
export async function htmlErrors(pages: Array<Pick<Page, 'file' | 'html'>>): Promise<string[]> {
  const errors: string[] = [];
  for (const { file, html } of pages) {
    const report = await validator.validateString(html, file);
    for (const r of report.results) for (const m of r.messages) errors.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
  }
  return errors;
}
