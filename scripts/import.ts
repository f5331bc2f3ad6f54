// npm run import -- <file> [--title …] [--date YYYY-MM-DD] [--issuer …] [--slug …] [--out dir] [--force] [--no-attachment]
// <file>: a text file, a Word file (.docx), a web page saved from a CMS (.html) or a PDF with a text layer.
// A Word file or PDF is also kept in the content folder's sources/ (the folder above --out) and recorded as
// the notice's attachment 原文, unless --no-attachment is given.
// A mistake in the input is an ImportError: its message is printed, exit code 1, nothing written. Anything else
// thrown is a defect of the importer: one line saying so (the stack with GONGSHI_DEBUG=1), exit code 70.
import { existsSync, mkdirSync, readFileSync, writeFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { optionMistake, type OptionsAllowed } from './lib/option-mistake';
import { formatDiagnostic } from '../src/base/diagnostics';
import { findDuplicate } from '../src/importer/duplicates';
import { uniqueFileName } from '../src/base/slug';
import { FORMAT_NAMES, importFile, ImportError } from '../src/importer';
import { keepOriginal, planOriginal, type KeptOriginal } from '../src/importer/original';
import { readNoticeFile } from '../src/notice/file';
import { IndexNumberError, indexNumberFor, withIndexNumber } from '../src/notice/index-number';
import { readSiteConfig } from '../src/site/config';
import { reportDefect } from './lib/defect';

const USAGE =
  '用法：npm run import -- <原文文件> [--title 标题] [--date 成文日期] [--issuer 发布机构] [--slug 网址名] [--out 目录] [--force] [--no-attachment]\n' +
  '（--date 写成 YYYY-MM-DD，用于原文没有落款日期时；--issuer 用于原文没有落款单位或要改用别的名称时）\n' +
  '（导入 Word 文档或 PDF 时，原文复制到 content/sources/ 并作为通报的附件“原文”；加 --no-attachment 则不附原文）';

const OPTIONS: OptionsAllowed = {
  names: ['--title', '--date', '--issuer', '--slug', '--out', '--force', '--no-attachment'],
  examples: {
    '--date': '--date 2023-09-20',
    '--issuer': '--issuer 中共某某委员会',
    '--title': '--title 中共某某委员会关于巡察整改进展情况的通报',
    '--slug': '--slug xiangjiang-chengtou',
    '--out': '--out content/notices',
  },
};

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        title: { type: 'string' },
        date: { type: 'string' },
        issuer: { type: 'string' },
        slug: { type: 'string' },
        out: { type: 'string', default: 'content/notices' },
        force: { type: 'boolean', default: false },
        'no-attachment': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    console.error(`错误：${optionMistake(e as NodeJS.ErrnoException, OPTIONS)}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.log(
      `${USAGE}\n把收到的通报原文（.txt、.docx、.html、.pdf）转换成 content/notices/ 里的一份通报，并说明识别出的结构和联系方式。`,
    );
    return 0;
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

  // The notice's content folder is the one above --out (content/ for content/notices): sources/ goes there.
  let original: KeptOriginal | undefined;
  const keep = (format: 'docx' | 'pdf') => (original = planOriginal(dirname(resolve(args.values.out!)), file, bytes, format)).file;

  let result;
  try {
    result = await importFile(bytes, {
      title: args.values.title,
      date: args.values.date,
      issuer: args.values.issuer,
      slug: args.values.slug,
      sourceName: file,
      original: args.values['no-attachment'] ? undefined : keep,
    });
  } catch (e) {
    if (e instanceof ImportError) {
      console.error(`错误：${file}：${e.message}\n没有写入任何文件。`);
      return 1;
    }
    throw e;
  }

  // The last guard: the file is checked exactly as `npm run check` will check it, before it is written.
  const rejected = readNoticeFile(result.fileName, Buffer.from(result.markdown)).diagnostics.filter((d) => d.severity === 'error');
  if (rejected.length) {
    console.error(
      `错误：${file}：导入的结果没有通过 npm run check 的检查：\n${rejected.map((d) => `  ${formatDiagnostic(d)}`).join('\n')}`,
    );
    console.error('这是导入程序的缺陷，不是原文的问题：请把原文交给网站维护人员。没有写入任何文件。');
    return 1;
  }

  const outDir = resolve(args.values.out!);
  // The same notice twice (once as UTF-8 and once as GB18030, or as .docx and .pdf) would fail the next check.
  const duplicate = findDuplicate(outDir, result);
  if (duplicate && !args.values.force) {
    console.error(
      `错误：${file}：这份通报已经导入过：${duplicate.file}（${duplicate.why}）。如确需用这次导入的内容替换它，请加 --force。没有写入任何文件。`,
    );
    return 1;
  }
  let target = duplicate ? duplicate.file : join(outDir, result.fileName);
  if (!duplicate && existsSync(target)) {
    if (args.values.slug !== undefined && !args.values.force) {
      console.error(`错误：${target} 已存在，是另一份通报。请换一个 --slug，或加 --force 覆盖它。没有写入任何文件。`);
      return 1;
    }
    // A different notice took the derived name first: this one gets the next free name.
    if (args.values.slug === undefined) target = join(outDir, uniqueFileName(outDir, result.fileName));
  }
  // The index number: a replaced notice keeps its own; a new one, when the content folder (--out's parent) sets
  // a prefix, takes the next free number of its year (src/notice/index-number).
  const siteFile = join(dirname(outDir), 'site.yaml');
  const site = existsSync(siteFile) ? readSiteConfig(siteFile, siteFile) : undefined;
  let indexNumber;
  try {
    indexNumber = indexNumberFor(result.markdown, {
      prefix: site?.data?.indexNumberPrefix,
      dir: outDir,
      replacing: existsSync(target) ? target : undefined,
    });
  } catch (e) {
    if (!(e instanceof IndexNumberError)) throw e;
    console.error(`错误：${e.message}。没有写入任何文件。`);
    return 1;
  }
  if (indexNumber) result.markdown = withIndexNumber(result.markdown, indexNumber.value);
  // The original first: a notice is never written with an attachment that is not there.
  const copied = result.report.attachment ? original : undefined;
  try {
    if (copied) keepOriginal(copied, bytes);
  } catch (e) {
    console.error(
      `错误：无法把原文复制到 ${copied!.path}（${(e as NodeJS.ErrnoException).code}）。请检查这个文件夹是否可写，或加 --no-attachment。没有写入任何文件。`,
    );
    return 1;
  }
  const tmp = `${target}.tmp-${process.pid}`;
  try {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(tmp, result.markdown);
    renameSync(tmp, target);
  } catch (e) {
    try {
      rmSync(tmp, { force: true });
      if (copied?.copy) rmSync(copied.path, { force: true });
    } catch {
      // The folder itself is the problem; there is nothing to remove.
    }
    console.error(`错误：无法写入 ${target}（${(e as NodeJS.ErrnoException).code}）。请检查 --out 目录是否可写。没有写入任何文件。`);
    return 1;
  }

  const r = result.report;
  console.log(`已导入 ${file} → ${target}`);
  if (r.format !== 'text') console.log(`  格式：${FORMAT_NAMES[r.format]}`);
  else console.log(`  编码：${r.encoding}${r.crlf ? '（CRLF 换行已统一为 LF）' : ''}`);
  console.log(
    `  成文日期：${result.date}（${r.dateFrom === '落款' ? '取自落款' : r.dateFrom === '--date' ? '取自 --date' : `取自${r.dateFrom}`}）`,
  );
  if (r.issuerFrom) console.log(`  发布机构：${result.issuer}（取自${r.issuerFrom === '--issuer' ? ' --issuer' : r.issuerFrom}）`);
  console.log(`  删除拼音注音：${r.annotationsRemoved} 处`);
  console.log(`  繁体转简体：${r.traditional ? `${r.charactersConverted} 个字` : '原文为简体，未转换'}`);
  console.log(`  恢复全角标点：${r.punctuationRestored} 处`);
  console.log(`  识别标题：${r.headings} 个，其中问题 ${r.problems} 个`);
  if (r.rectifications !== r.problems) console.log(`  找到整改情况：${r.rectifications} 个`);
  const contact = Object.entries(r.contact).map(([field, value]) => `${CONTACT_NAMES[field] ?? field} ${[value].flat().join('、')}`);
  console.log(`  通报的联系方式：${contact.length ? contact.join('；') : '没有（网站页脚显示 site.yaml 的联系方式）'}`);
  if (copied) console.log(`  附件：${copied.file}（原文${copied.copy ? '' : '；sources/ 里已有相同的文件，没有再复制'}）`);
  if (indexNumber) console.log(`  索引号：${indexNumber.value}${indexNumber.kept ? '（沿用被替换的通报的索引号）' : ''}`);
  if (site && !site.data && !indexNumber)
    console.warn(`  警告：网站配置 ${siteFile} 有错误（npm run check 会列出），读不到索引号前缀，没有写索引号。`);
  for (const w of r.warnings) console.warn(`  警告：第 ${w.line} 行：${w.message}`);
  return 0;
}

const CONTACT_NAMES: Record<string, string> = { phone: '电话', address: '地址', postcode: '邮编', email: '邮箱', hours: '受理时间' };

try {
  process.exitCode = await main();
} catch (e) {
  reportDefect('导入程序', e, '这是导入程序的缺陷，不是原文的问题：请把原文和这条信息交给网站维护人员。没有写入任何文件。');
}
