// npm run new -- [--title 标题] [--issuer 发布机构] [--date YYYY-MM-DD]: writes a skeleton notice to fill in.
// Missing values are asked for in a terminal and defaulted without one. A mistake in the options is printed,
// exit code 1, nothing written; anything else thrown is a defect: one line (the stack with GONGSHI_DEBUG=1), exit code 70.
import { mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { optionMistake, type OptionsAllowed } from './lib/option-mistake';
import { formatDiagnostic } from '../src/base/diagnostics';
import { freeNoticeFileName, NewNoticeError, resolveFields, skeletonNotice, todayInShanghai, type Ask } from '../src/notice/skeleton';
import { findSameTitleAndDate } from '../src/importer/duplicates';
import { readNoticeFile } from '../src/notice/file';
import { formatChineseDate } from '../src/base/format';
import { contentDir } from '../src/base/paths';
import { PLACEHOLDER } from '../src/notice/placeholders';
import { readSiteConfig } from '../src/site/config';
import { IndexNumberError, indexNumbersIn, nextIndexNumber, noticeYear, withIndexNumber } from '../src/notice/index-number';
import { reportDefect } from './lib/defect';

const USAGE = '用法：npm run new -- [--title 标题] [--issuer 发布机构] [--date YYYY-MM-DD]';
const NOTHING_WRITTEN = '没有写入任何文件。';
const EXAMPLES: Record<string, string> = {
  '--title': '--title 中共某某委员会关于巡察整改进展情况的通报',
  '--issuer': '--issuer 中共某某委员会',
  '--date': '--date 2024-09-10',
};

const OPTIONS: OptionsAllowed = {
  names: ['--title', '--issuer', '--date'],
  examples: EXAMPLES,
  positional: (argument) => `多余的参数“${argument}”。标题要写在 --title 后面，例如 ${EXAMPLES['--title']}；含空格时请加引号。`,
};

/** The user cancelled a question (Ctrl+C, or the end of input): not a mistake, nothing written. */
class Cancelled extends Error {}

/** A path as the webmaster can open it: relative to where the command ran, unless it lies elsewhere. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** Questions on the terminal; Ctrl+C or the end of input cancels. */
function terminalAsk(): { ask: Ask; close: () => void } {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const cancel = new AbortController();
  // Without a listener, Ctrl+C in a readline prompt only pauses the input and the command would hang.
  rl.on('SIGINT', () => cancel.abort());
  rl.on('close', () => cancel.abort());
  return {
    ask: async (question) => {
      try {
        return await rl.question(question, { signal: cancel.signal });
      } catch (e) {
        if (cancel.signal.aborted) throw new Cancelled();
        throw e;
      }
    },
    close: () => rl.close(),
  };
}

async function main(): Promise<number> {
  let values: { title?: string; issuer?: string; date?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      strict: true,
      allowPositionals: false,
      options: { title: { type: 'string' }, issuer: { type: 'string' }, date: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (e) {
    console.error(`错误：${optionMistake(e as NodeJS.ErrnoException, OPTIONS)}\n${USAGE}\n${NOTHING_WRITTEN}`);
    return 1;
  }
  if (values.help) {
    console.log(
      `${USAGE}\n新建一份通报骨架，写到通报目录里。没有给出的选项：在终端里会逐项询问；否则发布机构用网站配置的 organisation，标题用“发布机构关于巡察整改进展情况的通报”，日期用今天（北京时间）。`,
    );
    return 0;
  }

  const root = contentDir();
  const siteFile = join(root, 'site.yaml');
  const site = readSiteConfig(siteFile, shown(resolve(siteFile)));
  if (!site.data) {
    for (const d of site.diagnostics) console.error(formatDiagnostic(d));
    console.error(
      `错误：通报的落款和联系方式要从网站配置里取，但网站配置有问题。请先改正（npm run check 会列出所有问题），再运行 npm run new。${NOTHING_WRITTEN}`,
    );
    return 1;
  }

  const given = { title: values.title, issuer: values.issuer, date: values.date };
  const missing = Object.values(given).some((v) => v === undefined);
  // Ask only a person at a terminal; an editor's task runner or a script gets the defaults instead of a hang.
  const terminal = missing && process.stdin.isTTY && process.stdout.isTTY ? terminalAsk() : undefined;
  let resolved;
  try {
    if (terminal) console.log('新建一份通报。直接回车就用方括号里的默认值，按 Ctrl+C 取消。');
    resolved = await resolveFields(given, { organisation: site.data.organisation, today: todayInShanghai() }, terminal?.ask);
  } catch (e) {
    if (e instanceof Cancelled) {
      console.error(`\n已取消。${NOTHING_WRITTEN}`);
      return 130;
    }
    if (e instanceof NewNoticeError) {
      console.error(`错误：${e.message}\n${USAGE}\n${NOTHING_WRITTEN}`);
      return 1;
    }
    throw e;
  } finally {
    terminal?.close();
  }
  const { fields, defaulted } = resolved;

  const dir = join(root, 'notices');
  const twin = findSameTitleAndDate(dir, fields);
  if (twin) {
    console.error(
      `错误：${shown(resolve(twin))} 的标题和日期与这份相同（${fields.title}，${fields.date}），npm run check 会把两份当成同一份通报放了两次。请直接编辑那个文件，或者用 --title 换一个标题、用 --date 换一个日期。${NOTHING_WRITTEN}`,
    );
    return 1;
  }

  // The next free index number of the year among the notices already there, when the site has a prefix.
  const prefix = site.data.indexNumberPrefix;
  let indexNumber: string | undefined;
  try {
    indexNumber = prefix === undefined ? undefined : nextIndexNumber(prefix, noticeYear(fields), indexNumbersIn(dir));
  } catch (e) {
    if (!(e instanceof IndexNumberError)) throw e;
    console.error(`错误：${e.message}。${NOTHING_WRITTEN}`);
    return 1;
  }
  const skeleton = skeletonNotice(fields, site.data.contact);
  const markdown = indexNumber === undefined ? skeleton : withIndexNumber(skeleton, indexNumber);
  // The last guard, as the importer has: the skeleton is checked exactly as `npm run check` will check it.
  const rejected = readNoticeFile('skeleton.md', Buffer.from(markdown)).diagnostics.filter((d) => d.severity === 'error');
  if (rejected.length) throw new Error(`the skeleton fails the check: ${rejected.map(formatDiagnostic).join(' ')}`);

  let target = '';
  try {
    mkdirSync(dir, { recursive: true });
    // `wx` never replaces a file: one that appears between choosing the name and writing (a second run,
    // an import) makes the next free name be chosen.
    for (let attempt = 0; !target; attempt++) {
      const candidate = join(dir, freeNoticeFileName(dir, fields));
      try {
        writeFileSync(candidate, markdown, { flag: 'wx' });
        target = candidate;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 20) throw e;
      }
    }
  } catch (e) {
    console.error(
      `错误：无法写入 ${shown(resolve(dir))}（${(e as NodeJS.ErrnoException).code}）。请检查通报目录是否存在、是否可写。${NOTHING_WRITTEN}`,
    );
    return 1;
  }

  console.log(`已新建通报：${shown(resolve(target))}`);
  console.log(`  标题：${fields.title}`);
  console.log(`  发布机构：${fields.issuer}`);
  console.log(`  落款日期：${formatChineseDate(fields.date)}`);
  if (indexNumber !== undefined) console.log(`  索引号：${indexNumber}`);
  if (defaulted.length) {
    console.log(`  没有给出 ${defaulted.map((k) => `--${k}`).join('、')}，用了上面的默认值，请在文件头里核对。`);
  }
  console.log('下一步：');
  console.log(
    `  1. 编辑这个文件：把每一处“${PLACEHOLDER}”换成通报的实际内容，按需增删部分、问题和整改措施（格式见 README.md 的“Or write it by hand”）；`,
  );
  console.log('  2. npm run dev：边写边在浏览器里看效果；');
  console.log(`  3. npm run check：检查格式，还留着“${PLACEHOLDER}”时会给出警告；`);
  console.log('  4. npm run build：生成网站。');
  return 0;
}

try {
  process.exitCode = await main();
} catch (e) {
  reportDefect('npm run new ', e, `这是程序的缺陷，不是输入的问题：请把这条信息交给网站维护人员。${NOTHING_WRITTEN}`);
}
