// The benchmark's report: a table for the terminal and the same figures as JSON.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Engine } from './measure';
import type { BundleSize } from './pagefind-files';
import type { ClassSummary, QueryScore } from './score';

export interface Figures {
  median: number;
  p95?: number;
  max?: number;
}

/** Two runs that should have returned the same results and did not. */
export interface Mismatch {
  query: string;
  /** What it was compared with: the Simplified or half-width query, or the query run before it. */
  against: string;
  detail: string;
}

export interface SearchReport {
  engine: Engine;
  notices: number;
  seed: number;
  /** The commit the site was built from (--ref), or `working tree`. */
  source: string;
  date: string;
  chromium: string;
  site: { dir: string; reused: boolean; generateSeconds: number; buildSeconds: number; pages: number };
  classes: ClassSummary[];
  index: BundleSize;
  firstQuery: { bytes: Figures; pagefindBytes: Figures; gzipBytes: Figures; requests: Figures; errors: string[] };
  latency: { searchMs: Figures; endToEndMs: Figures };
  checks: {
    traditional: { compared: number; mismatches: Mismatch[] };
    width: { compared: number; mismatches: Mismatch[] };
    order: { compared: number; mismatches: Mismatch[] };
  };
  warnings: string[];
  runSeconds: number;
  queries: QueryScore[];
}

export function writeReport(path: string, report: SearchReport): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const fixed = (value: number) => (Number.isNaN(value) ? '   -' : value.toFixed(3));
/** Pads by display width: CJK characters take two columns. */
const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
const displayWidth = (text: string) =>
  [...text].reduce(
    (n, c) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1),
    0,
  );
const slug = (url: string) => url.replace(/^\/notices\//, '').replace(/\/$/, '');

export function formatReport(report: SearchReport): string {
  const lines: string[] = [];
  const { site } = report;
  lines.push(
    `Search benchmark: engine ${report.engine}, ${report.notices} notices (seed ${report.seed}, ${report.source}), ${report.chromium}`,
    site.reused
      ? `site: ${site.dir} (reused)`
      : `site: ${site.dir} (generated in ${site.generateSeconds.toFixed(1)} s, built in ${site.buildSeconds.toFixed(1)} s)`,
    '',
    `${pad('class', 14)}${'queries'.padStart(8)}${'recall'.padStart(9)}${'precision'.padStart(11)}${'exact'.padStart(8)}`,
  );
  for (const c of report.classes) {
    if (c.class === 'all') lines.push('-'.repeat(50));
    lines.push(
      `${pad(c.class, 14)}${String(c.queries).padStart(8)}${fixed(c.recall).padStart(9)}${fixed(c.precision).padStart(11)}${`${c.exact}/${c.queries}`.padStart(8)}`,
    );
  }
  const { checks, firstQuery, latency, index } = report;
  lines.push(
    '',
    `Traditional query = its Simplified form (same ids, same order): ${checks.traditional.compared - checks.traditional.mismatches.length}/${checks.traditional.compared} equal`,
    `Full-width query = its half-width form (same ids, same order):   ${checks.width.compared - checks.width.mismatches.length}/${checks.width.compared} equal`,
    `Order independence (B after A in one page = B in a fresh page):  ${checks.order.compared - checks.order.mismatches.length}/${checks.order.compared} equal`,
    '',
    `Index (dist/pagefind/):       ${mb(index.bytes)} in ${index.files} files`,
    `First query, /search/?q=:     bytes after the HTML median ${kb(firstQuery.bytes.median)}, max ${kb(firstQuery.bytes.max!)}` +
      ` (under /pagefind/: median ${kb(firstQuery.pagefindBytes.median)}, max ${kb(firstQuery.pagefindBytes.max!)}); requests median ${firstQuery.requests.median}, max ${firstQuery.requests.max}`,
    `  from a gzip-serving host:   median ${kb(firstQuery.gzipBytes.median)}, max ${kb(firstQuery.gzipBytes.max!)}`,
    `Latency, search() after ready: median ${ms(latency.searchMs.median)}, p95 ${ms(latency.searchMs.p95!)}`,
    `Latency, navigation → outcome: median ${ms(latency.endToEndMs.median)}, p95 ${ms(latency.endToEndMs.p95!)}`,
  );
  if (firstQuery.errors.length) lines.push(`Search page errors: ${firstQuery.errors.length}: ${firstQuery.errors.slice(0, 3).join(' | ')}`);

  const wrong = report.queries.filter((q) => q.recall < 1 || q.precision < 1);
  lines.push('', wrong.length ? `Queries that missed or over-matched (${wrong.length}):` : 'No query missed or over-matched.');
  if (wrong.length) {
    lines.push(
      `${pad('class', 13)}${pad('query', 36)}${'relevant'.padStart(9)}${'returned'.padStart(9)}${'missed'.padStart(8)}${'extra'.padStart(7)}  e.g.`,
    );
    for (const q of wrong) {
      const example = [q.missed[0] && `missed ${slug(q.missed[0])}`, q.extra[0] && `extra ${slug(q.extra[0])}`].filter(Boolean).join(', ');
      lines.push(
        `${pad(q.class, 13)}${pad(q.query, 36)}${String(q.relevant).padStart(9)}${String(q.returned).padStart(9)}${String(q.missed.length).padStart(8)}${String(q.extra.length).padStart(7)}  ${example}`,
      );
    }
  }
  const mismatches = [...checks.traditional.mismatches, ...checks.width.mismatches, ...checks.order.mismatches];
  if (mismatches.length) {
    lines.push('', 'Result lists that should have been equal:');
    for (const m of mismatches) lines.push(`  ${m.query}  vs  ${m.against}: ${m.detail}`);
  }
  if (report.warnings.length) lines.push('', 'Warnings:', ...report.warnings.map((w) => `  ${w}`));
  lines.push('', `Run time ${report.runSeconds.toFixed(0)} s.`);
  return lines.join('\n');
}
