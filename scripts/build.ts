// npm run build: checks content/ first (clear errors, nothing built), then builds site and search index.
import { parseArgs } from 'node:util';
import { build } from 'astro';
import { checkContent } from '../src/lib/content-check';
import { formatDiagnostic } from '../src/lib/diagnostics';
import { contentDir } from '../src/lib/paths';

// --out-dir builds somewhere other than dist/ (the tests build the root and sub-path sites side by side).
const { values } = parseArgs({ options: { 'out-dir': { type: 'string' } } });
const result = checkContent(contentDir());
for (const d of result.diagnostics) console.error(formatDiagnostic(d));
const errors = result.diagnostics.filter((d) => d.severity === 'error');
if (errors.length) {
  console.error(`\n构建已停止：内容有 ${errors.length} 个错误，dist/ 没有改动。改正后再运行 npm run build。`);
  process.exit(1);
}
// Astro lets a BASE_URL in the environment (Vitest sets one, some hosts do too) override the configured
// base inside pages; BASE_PATH is gongshi's only knob for the sub-path.
delete process.env.BASE_URL;
try {
  await build(values['out-dir'] ? { outDir: values['out-dir'] } : {});
} catch (e) {
  console.error(`\n构建失败：${(e as Error).message}`);
  process.exit(1);
}
