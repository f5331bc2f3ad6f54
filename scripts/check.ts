// npm run check: validates content/ without building.
import { checkContent } from '../src/lib/content-check';
import { formatDiagnostic } from '../src/lib/diagnostics';
import { contentDir } from '../src/lib/paths';

const root = process.argv[2] ?? contentDir();
const result = checkContent(root);
const errors = result.diagnostics.filter((d) => d.severity === 'error');
for (const d of result.diagnostics) console.error(formatDiagnostic(d));
if (errors.length) {
  console.error(`\n检查未通过：${errors.length} 个错误。改正后再运行 npm run check。`);
  process.exitCode = 1;
} else {
  const problems = result.notices.reduce((n, x) => n + (x.outline?.problems.length ?? 0), 0);
  console.log(`检查通过：${result.notices.length} 份通报，${problems} 个问题，网站配置正确。`);
}
