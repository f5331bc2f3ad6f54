// Sizes that decide how a large site is laid out (index parts, home page, ledger pages), which tests and
// benchmarks lower through environment variables to exercise a large site's layout on a small corpus.

/** The positive integer in `env[name]`, or `fallback` when it is unset or not one. */
export function sizeFromEnv(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const value = Number(env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}
