// The content mistakes the dev server has found, shared between the integration (which checks the content
// when a file changes) and the middleware that shows them in the browser. The two are loaded by different
// module loaders in one process, so the state lives on globalThis. Between a change on disk and the end of
// its check the state is pending, and pages wait for it: a page reloaded at once must not show old mistakes.
import type { Diagnostic } from '../base/diagnostics';

interface State {
  errors: Diagnostic[];
  pending?: Promise<void>;
  settle?: () => void;
}
const KEY = Symbol.for('gongshi.dev.contentErrors');
const state = (): State => ((globalThis as { [KEY]?: State })[KEY] ??= { errors: [] });

/** A file changed: pages wait until `setContentErrors` gives the outcome of its check. */
export function markContentChanged(): void {
  const s = state();
  s.pending ??= new Promise((resolve) => (s.settle = resolve));
}

/** The outcome of the latest check (unchanged errors when the check itself failed). */
export function setContentErrors(errors: Diagnostic[] = state().errors): void {
  const s = state();
  s.errors = errors;
  s.settle?.();
  s.pending = s.settle = undefined;
}

/** The request header of the dev server's own indexing, which renders the notices its update has just checked. */
export const INDEXING_HEADER = 'x-gongshi-indexing';

/**
 * Resolves once no check is pending. The wait is bounded: a page must never hang on an update that cannot
 * finish (the update itself fetches pages, marked with INDEXING_HEADER, which do not wait).
 */
export async function contentSettled(timeout = 10_000): Promise<void> {
  const { pending } = state();
  if (pending) await Promise.race([pending, new Promise((resolve) => setTimeout(resolve, timeout).unref())]);
}

export const contentErrors = (): Diagnostic[] => state().errors;
