// Dev-server middleware: while a notice or the site configuration has a mistake, every page shows it in
// Astro's error overlay, worded exactly as `npm run check` words it, with the line in the source marked,
// instead of a page built from stale content or a stack trace. Added only by `astro dev`.
import { defineMiddleware } from 'astro:middleware';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatDiagnostic } from '../base/diagnostics';
import { contentErrors } from './dev-content-errors';

/** An error whose fields Astro's overlay shows: title, message, hint and the source around `loc`. */
class ContentError extends Error {
  title = '通报或网站配置有错误';
  hint = '改正后保存文件，页面会自动刷新。npm run check 列出同样的问题。';
  loc?: { file: string; line?: number; column?: number };
  fullCode?: string;
}

export const onRequest = defineMiddleware((_context, next) => {
  // A request has waited for a pending check already (src/integrations/dev-server), so these are current.
  const errors = contentErrors();
  if (errors.length === 0) return next();
  const error = new ContentError(errors.map(formatDiagnostic).join('\n'));
  error.name = '内容错误';
  const first = errors[0];
  const file = resolve(first.file);
  try {
    error.fullCode = readFileSync(file, 'utf8');
    error.loc = { file, line: first.line, column: 1 };
  } catch {
    // A folder or a missing file: the message alone says what to do.
  }
  // The overlay shows the stack when there is one; this is the editor's mistake, not the program's.
  error.stack = '';
  throw error;
});
