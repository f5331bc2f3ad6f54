/** A failure the user can fix (no engine in the build, a failed build, a bad --ref): shown without a stack. */
export class BenchError extends Error {}
