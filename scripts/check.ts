// npm run check: validates content/ without building. Exit codes: 0 passed, 1 the content has mistakes,
// 70 the checker itself failed (one line; the stack with GONGSHI_DEBUG=1), as `npm run import` and `npm run build`.
import { checkContent } from '../src/notice/check';
import { CheckCache, checkCacheFile } from '../src/notice/check-cache';
import { formatDiagnostic } from '../src/base/diagnostics';
import { contentDir } from '../src/base/paths';
import { reportDefect } from './lib/defect';

const root = process.argv[2] ?? contentDir();
let result: ReturnType<typeof checkContent>;
try {
  result = checkContent(root, process.cwd(), new CheckCache(checkCacheFile()));
} catch (e) {
  // A bug in the checker, not in the content: one line for the editor, the stack only when asked for.
  reportDefect('检查程序', e, '这不是内容的问题，请把这条信息告诉网站维护人员。');
  process.exit();
}
const errors = result.diagnostics.filter((d) => d.severity === 'error');
for (const d of result.diagnostics) console.error(formatDiagnostic(d));
if (errors.length) {
  console.error(`\n检查未通过：${errors.length} 个错误。改正后再运行 npm run check。`);
  process.exitCode = 1;
} else {
  const problems = result.notices.reduce((n, x) => n + x.problemCount, 0);
  console.log(`检查通过：${result.notices.length} 份通报，${problems} 个问题，网站配置正确。`);
}
