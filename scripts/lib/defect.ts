// How a command ends when gongshi itself fails (a bug, a full disk), not the webmaster's input: one line that
// says so and whom to tell, the stack only with GONGSHI_DEBUG=1, and exit code 70 (EX_SOFTWARE, sysexits.h).
export const DEFECT_EXIT_CODE = 70;

/** Prints `<what>出错：<message>` and the advice; sets the exit code. The caller decides whether to exit at once. */
export function reportDefect(what: string, error: unknown, advice: string): void {
  console.error(`${what}出错：${error instanceof Error ? error.message : String(error)}\n${advice}`);
  if (process.env.GONGSHI_DEBUG) console.error(error instanceof Error ? error.stack : error);
  process.exitCode = DEFECT_EXIT_CODE;
}
