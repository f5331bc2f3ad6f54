// Fuzzing `npm run import`: 2,200 generated inputs (tests/helpers/fuzz.ts: random bytes, truncated, shuffled,
// re-encoded and damaged copies of the seed, hostile long lines, control characters, Markdown syntax, 5 MB
// files) through the importer's core, and 20 of them through the real command. For every input the importer
// either returns a notice that `npm run check` accepts, or throws an ImportError with a Chinese message; it
// never throws anything else and never hangs.
//
// Every output is validated in full, with the same function `npm run check` runs on each notice
// (readNoticeFile: frontmatter, schema, Markdown, links, numbering, signature date); that costs about 6 ms a
// notice, so no sampling is needed.
//
// Reproducible: FUZZ_SEED (default below) seeds every input, and one input can be replayed alone with
//   FUZZ_SEED=<seed> FUZZ_ONLY=<generator>#<index> npx vitest run tests/cli/import-fuzz.test.ts
// A failing input is written to test-artifacts/fuzz/<seed>-<generator>-<index>.bin. Before each input a
// marker (test-artifacts/fuzz/in-flight.json) names it, so a run killed by a hang still says which input hung.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportError, importNotice, type ImportResult } from '../../src/importer';
import { formatDiagnostic } from '../../src/base/diagnostics';
import { readNoticeFile } from '../../src/notice/file';
import { runScript, STACK_TRACE } from '../helpers/cli';
import { CONTENT_DIR, ROOT } from '../helpers/fixtures';
import { GENERATORS, makeInput, type FuzzInput, type InputGenerator } from '../helpers/fuzz';
import { tempDir } from '../helpers/temp';

const SEED = Number(process.env.FUZZ_SEED ?? 20230920);
const ONLY = process.env.FUZZ_ONLY?.match(/^([\w-]+)#(\d+)$/);
const ARTIFACTS = join(ROOT, 'test-artifacts', 'fuzz');
const IN_FLIGHT = join(ARTIFACTS, 'in-flight.json');

/** Per-input wall-clock bounds: a guard against hangs and quadratic blow-ups, generous so it cannot flake. */
const LIMIT_MS = 2_000;
const LIMIT_MS_LARGE = 10_000;
const LARGE = 1024 * 1024;
const limitFor = (input: FuzzInput) => (input.bytes.length > LARGE ? LIMIT_MS_LARGE : LIMIT_MS);

/** What `npm run check` requires of a notice's file name (content-check.ts: the slug is part of the URL). */
const FILE_NAME = /^\d{4}-\d{2}-\d{2}-[a-z0-9][a-z0-9-]*\.md$/;

interface Outcome {
  input: FuzzInput;
  ms: number;
  result?: ImportResult;
  error?: unknown;
  problems: string[];
}

const outcomes: Outcome[] = [];

function importTimed(input: FuzzInput, sourceName = `${input.generator}-${input.index}.txt`): Omit<Outcome, 'problems'> {
  const start = performance.now();
  try {
    const result = importNotice(input.bytes, { sourceName });
    return { input, ms: performance.now() - start, result };
  } catch (error) {
    return { input, ms: performance.now() - start, error };
  }
}

/** Everything wrong with one outcome; empty when the importer kept its promise. */
function problemsOf(outcome: Omit<Outcome, 'problems'>): string[] {
  const { input, ms, result, error } = outcome;
  const problems: string[] = [];
  if (ms >= limitFor(input)) problems.push(`took ${ms.toFixed(0)} ms (limit ${limitFor(input)} ms for ${input.bytes.length} bytes)`);
  if (error !== undefined) {
    if (!(error instanceof ImportError)) {
      problems.push(
        `threw ${(error as Error)?.name ?? typeof error} instead of an ImportError: ${(error as Error)?.stack ?? String(error)}`,
      );
    } else if (!/\p{Script=Han}/u.test(error.message)) {
      problems.push(`ImportError without a Chinese message: ${JSON.stringify(error.message)}`);
    }
    return problems;
  }
  const { fileName, markdown } = result!;
  if (!FILE_NAME.test(fileName)) problems.push(`file name ${JSON.stringify(fileName)} would be refused by npm run check`);
  const diagnostics = readNoticeFile(`content/notices/${fileName}`, Buffer.from(markdown)).diagnostics.filter(
    (d) => d.severity === 'error',
  );
  for (const d of diagnostics.slice(0, 5)) problems.push(`npm run check would refuse the output: ${formatDiagnostic(d)}`);
  // A lossless re-encoding (GB18030, BOM, other line ends) must say exactly what the UTF-8 text says.
  if (input.sameAs !== undefined) {
    let expected: string | undefined;
    try {
      expected = importNotice(Buffer.from(input.sameAs, 'utf8'), { sourceName: `${input.generator}-${input.index}.txt` }).markdown;
    } catch {
      expected = undefined;
    }
    if (markdown !== expected)
      problems.push('imported, but not to the notice its text (as UTF-8 with LF line ends) gives: mojibake or lost text');
  }
  return problems;
}

function runInput(input: FuzzInput): Outcome {
  writeFileSync(IN_FLIGHT, JSON.stringify({ seed: SEED, generator: input.generator, index: input.index, bytes: input.bytes.length }));
  const timed = importTimed(input);
  const outcome = { ...timed, problems: problemsOf(timed) };
  outcomes.push(outcome);
  return outcome;
}

/** Writes the input for replay and says how to replay it. */
function report(outcome: Outcome): string {
  const { input } = outcome;
  const file = join(ARTIFACTS, `${SEED}-${input.generator}-${input.index}.bin`);
  writeFileSync(file, input.bytes);
  return [
    `seed ${SEED}, generator ${input.generator}, index ${input.index} (${input.bytes.length} bytes, ${outcome.ms.toFixed(0)} ms):`,
    ...outcome.problems.map((p) => `  ${p}`),
    `  input written to ${file}`,
    `  replay: FUZZ_SEED=${SEED} FUZZ_ONLY=${input.generator}#${input.index} npx vitest run tests/cli/import-fuzz.test.ts`,
    `     or: npm run import -- ${file} --out /tmp/fuzz-out`,
  ].join('\n');
}

const selected: Array<[InputGenerator, number[]]> = ONLY
  ? GENERATORS.filter((g) => g.name === ONLY[1]).map((g) => [g, [Number(ONLY[2])]])
  : GENERATORS.map((g) => [g, Array.from({ length: g.count }, (_, i) => i)]);

mkdirSync(ARTIFACTS, { recursive: true });
afterAll(() => {
  rmSync(IN_FLIGHT, { force: true });
  if (outcomes.length === 0) return;
  const small = outcomes.filter((o) => o.input.bytes.length <= LARGE);
  const large = outcomes.filter((o) => o.input.bytes.length > LARGE);
  const slowest = [...outcomes].sort((a, b) => b.ms - a.ms).slice(0, 5);
  const line = (o: Outcome) =>
    `${o.input.generator}#${o.input.index} ${o.ms.toFixed(0)} ms (${(o.input.bytes.length / 1024).toFixed(0)} KB, ${o.result ? 'imported' : 'ImportError'})`;
  console.log(
    [
      `fuzz seed ${SEED}: ${outcomes.length} inputs, ${outcomes.filter((o) => o.result).length} imported, ${outcomes.filter((o) => o.error).length} refused`,
      `  slowest ≤ 1 MB: ${small.length ? line(small.reduce((a, b) => (b.ms > a.ms ? b : a))) : '—'}`,
      `  slowest > 1 MB: ${large.length ? line(large.reduce((a, b) => (b.ms > a.ms ? b : a))) : '—'}`,
      `  slowest five: ${slowest.map(line).join('; ')}`,
    ].join('\n'),
  );
});

describe(`importNotice on generated inputs (seed ${SEED})`, () => {
  it('has at least 2,000 inputs', () => {
    if (ONLY) return;
    expect(selected.reduce((n, [, indices]) => n + indices.length, 0)).toBeGreaterThanOrEqual(2000);
  });

  it.each(selected.map(([g, indices]) => [g.name, indices.length, g, indices] as const))(
    '%s (%i inputs): a notice npm run check accepts, or an ImportError in Chinese; never anything else, never slow',
    async (_name, _count, generator, indices) => {
      const failures: string[] = [];
      for (const index of indices) {
        // Let the worker answer Vitest between inputs: a long synchronous loop on a busy machine makes
        // Vitest's own messaging time out.
        await new Promise((resolve) => setImmediate(resolve));
        const outcome = runInput(makeInput(SEED, generator, index));
        if (outcome.problems.length && failures.length < 5) failures.push(report(outcome));
      }
      expect(failures, failures.join('\n\n')).toEqual([]);
    },
    120_000,
  );
});

// ---------------------------------------------------------------------------------------------------------
// The real command on 20 of the inputs: a 5 MB notice that imports and a 5 MB file that does not, empty and
// one-byte files, UTF-16, truncated, shuffled and damaged copies, and some that import.

const CLI_PICKS: Array<[string, number]> = [
  ['huge', 4],
  ['huge', 0],
  ['random-bytes', 0],
  ['random-bytes', 1],
  ['random-bytes', 7],
  ['encoding', 0],
  ['encoding', 1],
  ['encoding', 2],
  ['truncate-end', 0],
  ['truncate-start', 1],
  ['shuffle-body', 0],
  ['shuffle-body', 9],
  ['line-ends', 3],
  ['long-lines', 0],
  ['long-lines', 1],
  ['control-chars', 2],
  ['traditional', 0],
  ['pinyin-noise', 0],
  ['markdown-noise', 1],
  ['notice-grammar', 0],
];

describe.runIf(!ONLY)(`npm run import on ${CLI_PICKS.length} of the inputs (seed ${SEED})`, () => {
  const kinds: Array<'imported' | 'refused'> = [];

  it.concurrent.each(CLI_PICKS)(
    '%s #%i: exit 0 and a file npm run check accepts, or exit 1, a clear message and nothing written',
    { timeout: 120_000 },
    async (name, index) => {
      const input = makeInput(
        SEED,
        GENERATORS.find((g) => g.name === name)!,
        index,
      );
      const expected = importTimed(input, 'input.txt');
      const dir = tempDir('gongshi-fuzz-');
      writeFileSync(join(dir, 'input.txt'), input.bytes);
      mkdirSync(join(dir, 'content'));
      copyFileSync(join(CONTENT_DIR, 'site.yaml'), join(dir, 'content', 'site.yaml'));
      const notices = join(dir, 'content', 'notices');
      const { code, stdout, stderr } = await runScript('import', ['input.txt', '--out', 'content/notices'], { cwd: dir, timeout: 60_000 });
      const context = `${name}#${index}, seed ${SEED}\n${stderr}`;
      expect(stderr, context).not.toMatch(STACK_TRACE);

      if (expected.result) {
        kinds.push('imported');
        expect(code, context).toBe(0);
        expect(stdout).toContain('已导入 input.txt');
        expect(readdirSync(notices)).toEqual([expected.result.fileName]);
        expect(readFileSync(join(notices, expected.result.fileName), 'utf8')).toBe(expected.result.markdown);
        const check = await runScript('check', ['content'], { cwd: dir, timeout: 60_000 });
        expect(check.stderr, context).toBe('');
        expect(check.code, `${context}\n${check.stderr}`).toBe(0);
        expect(check.stdout).toMatch(/^检查通过：1 份通报/);
      } else {
        kinds.push('refused');
        expect(expected.error).toBeInstanceOf(ImportError);
        expect(code, context).toBe(1);
        expect(stdout).toBe('');
        expect(stderr).toBe(`错误：input.txt：${(expected.error as Error).message}\n没有写入任何文件。\n`);
        expect(existsSync(notices)).toBe(false);
        expect(readdirSync(dir).sort()).toEqual(['content', 'input.txt']);
      }
    },
  );

  it('covered both outcomes, with at least five of each', () => {
    expect(kinds.filter((k) => k === 'imported').length).toBeGreaterThanOrEqual(5);
    expect(kinds.filter((k) => k === 'refused').length).toBeGreaterThanOrEqual(5);
  });
});
