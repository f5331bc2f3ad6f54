// npm run import -- <file> [--title …] [--slug …] [--out dir] [--force]
import { existsSync, mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { importNotice, ImportError } from '../src/lib/import/index';

const USAGE = '用法：npm run import -- <原文文件> [--title 标题] [--slug 网址名] [--out 目录] [--force]';

function main(): number {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        title: { type: 'string' },
        slug: { type: 'string' },
        out: { type: 'string', default: 'content/notices' },
        force: { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    console.error(`错误：${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const [file] = args.positionals;
  if (!file || args.positionals.length > 1) {
    console.error(`错误：请给出一个原文文件。\n${USAGE}`);
    return 2;
  }
  if (args.values.slug !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(args.values.slug)) {
    console.error('错误：--slug 只能包含小写字母、数字和连字符，例如 --slug wuhan-industrial-investment');
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    console.error(`错误：${file}：无法读取文件（${(e as NodeJS.ErrnoException).code}）。请检查路径。`);
    return 1;
  }

  let result;
  try {
    result = importNotice(bytes, { title: args.values.title, slug: args.values.slug, sourceName: file });
  } catch (e) {
    if (e instanceof ImportError) {
      console.error(`错误：${file}：${e.message}\n没有写入任何文件。`);
      return 1;
    }
    throw e;
  }

  const outDir = resolve(args.values.out!);
  const target = join(outDir, result.fileName);
  if (existsSync(target) && !args.values.force) {
    console.error(`错误：${target} 已存在。如确需覆盖，请加 --force。没有写入任何文件。`);
    return 1;
  }
  mkdirSync(outDir, { recursive: true });
  const tmp = `${target}.tmp-${process.pid}`;
  writeFileSync(tmp, result.markdown);
  renameSync(tmp, target);

  const r = result.report;
  console.log(`已导入 ${file} → ${target}`);
  console.log(`  编码：${r.encoding}${r.crlf ? '（CRLF 换行已统一为 LF）' : ''}`);
  console.log(`  删除拼音注音：${r.annotationsRemoved} 处`);
  console.log(`  繁体转简体：${r.traditional ? `${r.charactersConverted} 个字` : '原文为简体，未转换'}`);
  console.log(`  恢复全角标点：${r.punctuationRestored} 处`);
  console.log(`  识别标题：${r.headings} 个，其中问题 ${r.problems} 个`);
  for (const w of r.warnings) console.warn(`  警告：第 ${w.line} 行：${w.message}`);
  return 0;
}

process.exitCode = main();
