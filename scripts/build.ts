// npm run build: the build pipeline (src/build/pipeline: check, index text, Astro ∥ search index, verify,
// publish) run as a command. The site is assembled in a staging folder and put in place of dist/ only when
// it has passed every check; whatever fails or interrupts the build, an existing dist/ stays as it was.
import './lib/no-phoning-home';
import { appendFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ChildProcess } from 'node:child_process';
import { BuildStopped, indexStaging, runPipeline } from '../src/build/pipeline';
import { formatDiagnostic } from '../src/base/diagnostics';
import { strictProvenance } from '../src/provenance/git';
import { contentDir, normaliseBase } from '../src/base/paths';
import { reportDefect } from './lib/defect';

// --out-dir builds somewhere other than dist/ (the tests build the root and sub-path sites side by side).
// --strict-provenance (or GONGSHI_STRICT_PROVENANCE=1) refuses notices not yet committed to git (src/provenance/git).
const { values } = parseArgs({ options: { 'out-dir': { type: 'string' }, 'strict-provenance': { type: 'boolean' } } });
const outDir = resolve(values['out-dir'] ?? 'dist');
// Astro builds inside the project folder (given an outDir elsewhere it stages in .astro/ and copies that
// folder's files into the output), so the staging folder is here; the finished site then moves beside dist/.
const staging = mkdtempSync(join(process.cwd(), `.gongshi-staging-${process.pid}-`));

let astro: ChildProcess | undefined;
/** Whatever ends the build early: Astro's process stops, and the staging folder goes. */
const abandon = () => {
  if (astro && astro.exitCode === null) astro.kill();
  rmSync(staging, { recursive: true, force: true });
  rmSync(indexStaging(staging), { recursive: true, force: true });
};

// A failure that is not a content mistake (a bug, a full disk) ends with one line and exit code 70, as in
// `npm run import` and `npm run check`; the staging folder goes, dist/ stays as it was.
const failed = (e: unknown) => {
  reportDefect('构建程序', e, '这不是内容的问题，请把这条信息告诉网站维护人员。dist/ 没有改动。');
  abandon();
  process.exit();
};
process.on('uncaughtException', failed);
process.on('unhandledRejection', failed);
// Interrupted (Ctrl-C, a CI timeout, a benchmark stopping it): Astro stops too, and the staging folder goes.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    abandon();
    console.error(`构建被中断（${signal}）。dist/ 没有改动。`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

// GONGSHI_TIMINGS=<file> (npm run bench): one JSON line per stage, {stage, start, end} in ms since the epoch,
// with the stage's figures (index parts, reused parts, documents made).
const timed = (stage: string, start: number, end: number, figures: Record<string, number> = {}) =>
  process.env.GONGSHI_TIMINGS && appendFileSync(process.env.GONGSHI_TIMINGS, `${JSON.stringify({ stage, start, end, ...figures })}\n`);

const kept = existsSync(outDir) ? `${outDir} 没有改动。` : `没有生成 ${outDir}。`;
try {
  await runPipeline(
    {
      content: contentDir(),
      staging,
      outDir,
      base: normaliseBase(process.env.BASE_PATH),
      siteUrl: process.env.SITE_URL || undefined,
      strict: strictProvenance(values['strict-provenance']),
      log: (line) => console.log(line),
      warn: (d) => console.error(formatDiagnostic(d)),
      timed,
      started: (rendering) => (astro = rendering.process),
    },
    kept,
  );
} catch (e) {
  if (!(e instanceof BuildStopped)) throw e;
  for (const d of e.diagnostics) console.error(formatDiagnostic(d));
  abandon();
  console.error(`\n${e.message}`);
  process.exit(1);
}
console.log(`发布前检查通过；网站已写入 ${outDir}`);
