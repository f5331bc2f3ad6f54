// `npm run import` end to end over the layouts real notices come in (tests/fixtures/layouts/*.txt) and every
// input format it accepts: the text as is, and the same notice as .docx, as a page saved from a government
// CMS (TRS, Hanweb, VSB, one per notice in turn) and as a PDF printed by Chromium (made by
// tests/helpers/documents.ts). For each, the written notice keeps every sentence and table cell of the
// source, has the right date, issuer and contact, counts the problems and 整改情况 paragraphs the corpus
// says (tests/fixtures/layouts/expected.json), carries no page chrome (CMS) or running header and page
// numbers (PDF), and passes `npm run check` next to the real content. Then the refusals: .doc/.wps, a
// scanned PDF, the same notice imported twice, a phone number that belongs nowhere.
//
// The corpus is written as organisations write these notices, not to suit the importer; the first
// describe checks the corpus against expected.json so that the two cannot drift apart.
import iconv from 'iconv-lite';
import { toString } from 'mdast-util-to-string';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type ExpectStatic } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkBrowser } from '../helpers/browser';
import * as documents from '../helpers/documents';
import type { Cms } from '../helpers/documents';
import { runScript, STACK_TRACE, type RunResult } from '../helpers/cli';
import { parseMarkdown } from '../../src/notice/markdown';
import { ROOT } from '../helpers/fixtures';
import { blockTexts, textLines } from '../helpers/markdown-text';
import { copyOfContent, tempDir } from '../helpers/temp';

const LAYOUTS = join(ROOT, 'tests/fixtures/layouts');

interface Expected {
  date: string;
  issuer: string;
  phones: string[];
  emails: string[];
  postcodes: string[];
  problems: number;
  rectifications: number;
  progress?: { total: number; done: number };
}
const EXPECTED: Record<string, Expected> = JSON.parse(readFileSync(join(LAYOUTS, 'expected.json'), 'utf8'));
const FILES = readdirSync(LAYOUTS)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const sourceOf = (file: string): string => readFileSync(join(LAYOUTS, file), 'utf8');
const stemOf = (file: string): string => file.replace(/\.txt$/, '');

const browser = checkBrowser();

// ---------------------------------------------------------------------------------------------------------
// What the source says, and what the written notice says.

/** No white space at all: line breaks, full-width spaces and indentation differ between formats. */
const squash = (s: string): string => s.replace(/\s+/g, '');

const TABLE_LINE = /^\|/;
const TABLE_SEPARATOR = /^\|[\s|:-]+\|?$/;

/** Every sentence (split after 。！？；, the mark kept) of every non-table line, and every table cell. */
function sourcePieces(text: string): { sentences: string[]; cells: string[] } {
  const sentences: string[] = [];
  const cells: string[] = [];
  // A CMS's column tag before the title (【巡察整改】) is not the notice's text: the importer leaves it out.
  for (const line of textLines(text).map((l, i) => (i === 0 ? l.replace(/^【[^】]{1,12}】/, '') : l))) {
    if (TABLE_LINE.test(line)) {
      if (TABLE_SEPARATOR.test(line)) continue;
      cells.push(
        ...line
          .split('|')
          .map((c) => c.trim())
          .filter(Boolean),
      );
    } else {
      sentences.push(
        ...line
          .split(/(?<=[。！？；])/)
          .map((s) => s.trim())
          .filter(Boolean),
      );
    }
  }
  return { sentences, cells };
}

/** The source's tables (runs of `|` lines), separator rows left out, cells squashed. */
function sourceTables(text: string): string[][][] {
  const tables: string[][][] = [];
  let current: string[][] | undefined;
  for (const line of textLines(text)) {
    if (!TABLE_LINE.test(line)) {
      current = undefined;
      continue;
    }
    if (TABLE_SEPARATOR.test(line)) continue;
    if (!current) tables.push((current = []));
    current.push(line.replace(/^\|/, '').replace(/\|$/, '').split('|').map(squash));
  }
  return tables;
}

/** The tables of a Markdown body (GFM), header row first, cells squashed. */
function markdownTables(body: string): string[][][] {
  return parseMarkdown(body)
    .children.filter((node) => node.type === 'table')
    .map((table) => table.children.map((row) => row.children.map((cell) => squash(toString(cell)))));
}

interface Notice {
  name: string;
  markdown: string;
  data: Record<string, unknown>;
  body: string;
}

function readNotice(name: string, markdown: string): Notice {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(markdown);
  if (!match) throw new Error(`${name} has no frontmatter:\n${markdown.slice(0, 400)}`);
  return { name, markdown, data: (parseYaml(match[1]) ?? {}) as Record<string, unknown>, body: match[2] };
}

/** What a reader can find in the notice: its title and each block's text, blocks kept apart. */
function readerText(notice: Notice): string {
  return [String(notice.data.title ?? ''), ...blockTexts(notice.body)].map(squash).join('\u0000');
}

const isoDate = (value: unknown): string => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));

/** `contact.<key>` as a string or a list, plus `contact.<key>s`: the schema may hold several phones. */
function contactValues(data: Record<string, unknown>, key: string): string[] {
  const contact = (data.contact ?? {}) as Record<string, unknown>;
  return [contact[key], contact[`${key}s`]]
    .flat()
    .filter((v) => v !== undefined && v !== null)
    .map((v) => squash(String(v)));
}

const RECTIFICATION = /^\*\*整改(?:情况|进展)：\*\*/gm;
const problemsReported = (stdout: string): number | undefined => {
  const m = /其中问题 (\d+) 个/.exec(stdout);
  return m ? Number(m[1]) : undefined;
};

// ---------------------------------------------------------------------------------------------------------
// Running the importer: every case is started at once behind a small pool (the machine has 2 cores) and
// each case's tests wait for their own result. Chromium makes one PDF at a time (one shared browser, one page
// per PDF), closed when the file's tests are done.

function pool(size: number) {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    while (active >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}
const processes = pool(2);
const chromium = pool(1);

const memo = <T>(fn: () => Promise<T>): (() => Promise<T>) => {
  let promise: Promise<T> | undefined;
  return () => (promise ??= fn());
};

interface Format {
  label: string;
  ext: 'txt' | 'docx' | 'html' | 'pdf';
  cms?: Cms;
  needsBrowser: boolean;
}
const CMSES: Cms[] = ['trs', 'hanweb', 'vsb'];
const formatsFor = (index: number): Format[] => [
  { label: 'txt', ext: 'txt', needsBrowser: false },
  { label: 'docx', ext: 'docx', needsBrowser: false },
  { label: `html (${CMSES[index % CMSES.length]})`, ext: 'html', cms: CMSES[index % CMSES.length], needsBrowser: false },
  { label: 'pdf', ext: 'pdf', needsBrowser: true },
];

/** Each document made once per corpus file. */
const inputs = new Map<string, { docx: () => Promise<Buffer>; pdf: () => Promise<Buffer> }>();
for (const file of FILES) {
  const blocks = () => documents.blocksFromText(sourceOf(file));
  inputs.set(file, {
    docx: memo(async () => documents.docxFrom(blocks())),
    pdf: memo(() => chromium(async () => documents.pdfFrom(blocks()))),
  });
}

async function inputBytes(file: string, format: Format): Promise<Buffer> {
  switch (format.ext) {
    case 'txt':
      return readFileSync(join(LAYOUTS, file));
    case 'docx':
      return inputs.get(file)!.docx();
    case 'html':
      return documents.htmlPageFrom(documents.blocksFromText(sourceOf(file)), format.cms!, textLines(sourceOf(file))[0]);
    case 'pdf':
      return inputs.get(file)!.pdf();
  }
}

interface CaseResult {
  input: string;
  run: RunResult;
  written: string[];
  notice?: Notice;
  /** Where the notice was written. */
  path?: string;
}

/** Imports into a fresh temp dir. */
async function importCase(file: string, format: Format): Promise<CaseResult> {
  const bytes = await inputBytes(file, format);
  const dir = tempDir();
  const input = `${stemOf(file)}.${format.ext}`;
  writeFileSync(join(dir, input), bytes);
  const run = await processes(() => runScript('import', [input, '--out', 'out'], { cwd: dir, timeout: 90_000 }));
  const out = join(dir, 'out');
  const written = existsSync(out) ? readdirSync(out) : [];
  const result: CaseResult = { input, run, written };
  const md = written.filter((n) => n.endsWith('.md'));
  if (run.code !== 0 || md.length !== 1) return result;
  result.path = join(out, md[0]);
  result.notice = readNotice(md[0], readFileSync(result.path, 'utf8'));
  return result;
}

const checkEnv = { GONGSHI_CONTENT: '' };

/** `npm run check` on content/ alone: the notice and problem counts the imported notices add to. */
const baseline = memo(async () => {
  const { dir } = copyOfContent();
  const run = await processes(() => runScript('check', [], { cwd: dir, env: checkEnv }));
  const m = /检查通过：(\d+) 份通报，(\d+) 个问题/.exec(run.stdout);
  if (!m) throw new Error(`npm run check fails on content/ itself:\n${run.stdout}${run.stderr}`);
  return { notices: Number(m[1]), problems: Number(m[2]) };
});

const CASES = FILES.flatMap((file, index) => formatsFor(index).map((format) => ({ file, format, label: format.label })));
const caseKey = (file: string, format: Format) => `${file} ${format.label}`;
const results = new Map<string, () => Promise<CaseResult>>();
for (const { file, format } of CASES) {
  if (format.needsBrowser && !browser.available) continue;
  results.set(
    caseKey(file, format),
    memo(() => importCase(file, format)),
  );
}

interface CheckBatch {
  run: RunResult;
  /** The notices added to content/notices/ (one per corpus file, so the names differ). */
  names: string[];
  /** Their problems, as expected.json counts them. */
  problems: number;
}

/**
 * One `npm run check` per input format, on a copy of content/ with every notice imported from that format
 * added (20 checks would cost as much as the imports). Errors name the file, so each case looks at its own.
 */
const checks = new Map<Format['ext'], () => Promise<CheckBatch>>();
for (const ext of ['txt', 'docx', 'html', 'pdf'] as const) {
  checks.set(
    ext,
    memo(async () => {
      const mine = CASES.filter(({ file, format }) => format.ext === ext && results.has(caseKey(file, format)));
      const settled = await Promise.allSettled(mine.map(({ file, format }) => results.get(caseKey(file, format))!()));
      const { dir, content } = copyOfContent();
      const names: string[] = [];
      let problems = 0;
      settled.forEach((s, i) => {
        if (s.status !== 'fulfilled' || !s.value.notice || !s.value.path) return;
        cpSync(s.value.path, join(content, 'notices', s.value.notice.name));
        // A Word file or PDF keeps its original as the notice's attachment, in sources/ beside --out.
        const sources = join(dirname(dirname(s.value.path)), 'sources');
        if (existsSync(sources)) cpSync(sources, join(content, 'sources'), { recursive: true });
        names.push(s.value.notice.name);
        problems += EXPECTED[mine[i].file].problems;
      });
      const run = await processes(() => runScript('check', [], { cwd: dir, env: checkEnv }));
      return { run, names, problems };
    }),
  );
}

/** The scanned PDF for the OCR refusal, made while the import cases run. */
const scanned = memo(() => chromium(async () => documents.scannedPdf()));

// Start every case now; each case's beforeAll only waits for its own.
beforeAll(() => {
  void baseline().catch(() => undefined);
  for (const start of results.values()) void start().catch(() => undefined);
  for (const start of checks.values()) void start().catch(() => undefined);
  // Last in Chromium's queue: the notices' PDFs are on the critical path, this one is not.
  if (browser.available) void scanned().catch(() => undefined);
});
afterAll(documents.closePdfBrowser);

/** The import's output, for failure messages. */
const transcript = (r: CaseResult): string =>
  `exit ${r.run.code}\n--- stdout\n${r.run.stdout}--- stderr\n${r.run.stderr}--- written: ${r.written.join(', ') || '(nothing)'}`;

// ---------------------------------------------------------------------------------------------------------

describe('the layout corpus', () => {
  it('has at least five notices, each with its entry in expected.json', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(5);
    expect(Object.keys(EXPECTED).sort()).toEqual(FILES);
  });

  it.each(FILES)('%s agrees with expected.json', (file) => {
    const text = sourceOf(file);
    const lines = textLines(text);
    const expected = EXPECTED[file];
    // A report on each problem runs to a few dozen lines; a summary without numbered headings to a few.
    expect(lines.length).toBeGreaterThanOrEqual(expected.problems ? 30 : 8);
    expect(lines.length).toBeLessThanOrEqual(90);
    expect(lines.filter((l) => /^整改(?:情况|进展)：/.test(l))).toHaveLength(expected.rectifications);
    // In this corpus every problem line starts with 1、/1. or 问题1：, and only problem lines do (summary.txt has none).
    expect(lines.filter((l) => /^(?:\d+[、.]|问题\d+：)/.test(l))).toHaveLength(expected.problems);
    expect(lines).toContain(expected.issuer);
    for (const value of [...expected.phones, ...expected.emails, ...expected.postcodes]) expect(text).toContain(value);
  });
});

describe.each(CASES)('$file as $label', ({ file, format }) => {
  const skip = format.needsBrowser && !browser.available;
  const test = skip ? it.skip : it;
  const expected = EXPECTED[file];
  const source = sourceOf(file);
  let result: CaseResult;

  beforeAll(async () => {
    if (skip) return;
    result = await results.get(caseKey(file, format))!();
  });

  /** The written notice; fails with the importer's output when there is none. */
  const notice = (): Notice => {
    if (!result.notice) expect.fail(`no notice was written\n${transcript(result)}`);
    return result.notice;
  };

  test('imports with exit code 0, no stack trace, one notice named by its date', () => {
    expect(result.run.stderr, transcript(result)).not.toMatch(STACK_TRACE);
    expect(result.run.stdout, transcript(result)).not.toMatch(STACK_TRACE);
    expect(result.run.code, transcript(result)).toBe(0);
    expect(result.written, transcript(result)).toEqual([expect.stringMatching(new RegExp(`^${expected.date}-[a-z0-9-]+\\.md$`))]);
  });

  test('keeps every sentence and every table cell of the source', () => {
    const text = readerText(notice());
    const { sentences, cells } = sourcePieces(source);
    const missing = sentences.filter((s) => !text.includes(squash(s)));
    const missingCells = cells.filter((c) => !text.includes(squash(c)));
    expect.soft(missing, `sentences missing from the notice:\n${missing.join('\n')}`).toEqual([]);
    expect.soft(missingCells, `table cells missing from the notice: ${missingCells.join(' | ')}`).toEqual([]);
  });

  test('frontmatter: date, issuer and every phone, email and postcode of the closing', () => {
    const { data } = notice();
    expect(isoDate(data.date)).toBe(expected.date);
    expect(data.issuer).toBe(expected.issuer);
    expect(data.contact, 'contact').toBeTypeOf('object');
    expect(contactValues(data, 'phone'), 'contact.phone / contact.phones').toEqual(expect.arrayContaining(expected.phones));
    expect(contactValues(data, 'email'), 'contact.email').toEqual(expect.arrayContaining(expected.emails));
    expect(contactValues(data, 'postcode'), 'contact.postcode').toEqual(expect.arrayContaining(expected.postcodes));
    if (expected.progress) expect(data.progress).toEqual(expected.progress);
    // Nothing from elsewhere (a CMS footer's 邮编, a page header): every contact value is in the source.
    const everyValue = ['phone', 'email', 'postcode'].flatMap((key) => contactValues(data, key));
    expect(
      everyValue.filter((v) => !squash(source).includes(v)),
      'contact values not in the source',
    ).toEqual([]);
  });

  if (sourceTables(source).length) {
    test('keeps the table as a table, row by row', () => {
      const tables = markdownTables(notice().body);
      const show = (t: string[][][]) => t.map((rows) => rows.map((r) => `| ${r.join(' | ')} |`).join('\n')).join('\n\n');
      expect(tables, `the notice's tables:\n${show(tables)}\nthe source's:\n${show(sourceTables(source))}`).toEqual(sourceTables(source));
    });
  }

  test('counts the problems and the 整改情况 paragraphs the notice has', () => {
    const { body } = notice();
    expect(body.match(RECTIFICATION) ?? [], '**整改情况：** / **整改进展：** paragraphs').toHaveLength(expected.rectifications);
    expect(problemsReported(result.run.stdout), `the report's 其中问题 N 个\n${result.run.stdout}`).toBe(expected.problems);
  });

  if (format.ext === 'html') {
    test('leaves the page chrome behind', () => {
      const { markdown } = notice();
      // A chrome text that the notice itself happens to contain could not be told apart; none should.
      const chrome = documents.CHROME_TEXTS.filter((t) => !squash(source).includes(squash(t)));
      expect(chrome.length).toBeGreaterThan(0);
      expect(
        chrome.filter((t) => squash(markdown).includes(squash(t))),
        'page chrome in the notice',
      ).toEqual([]);
    });
  }

  if (format.ext === 'pdf') {
    test('leaves the running header and page numbers behind', () => {
      const { markdown, body } = notice();
      expect(squash(markdown)).not.toContain(squash(documents.PDF_RUNNING_HEADER));
      // Chromium's footer "- 2 -"; no date or phone of the corpus has a lone 1–2 digit number between hyphens.
      expect(
        blockTexts(body)
          .map(squash)
          .filter((t) => /(?<!\d)-\d{1,2}-(?!\d)/.test(t)),
        'page numbers in the notice',
      ).toEqual([]);
    });
  }

  test('passes npm run check next to the real content', async () => {
    const { name } = notice();
    const [batch, base] = await Promise.all([checks.get(format.ext)!(), baseline()]);
    const all = `exit ${batch.run.code}\n--- stdout\n${batch.run.stdout}--- stderr\n${batch.run.stderr}`;
    const errors = batch.run.stderr.split('\n').filter((l) => l.startsWith('错误'));
    expect(batch.run.stderr, all).not.toMatch(STACK_TRACE);
    expect(
      errors.filter((l) => l.includes(name)),
      `npm run check on ${name}:\n${all}`,
    ).toEqual([]);
    expect(
      errors.filter((l) => !batch.names.some((n) => l.includes(n))),
      `errors outside the imported notices:\n${all}`,
    ).toEqual([]);
    // A notice from another corpus file that fails the check fails its own case; the totals (notices and
    // problems as the check counts them) can only be compared when the whole batch passes.
    if (errors.length === 0) {
      expect(batch.run.code, all).toBe(0);
      expect(batch.run.stdout, all).toContain(
        `检查通过：${base.notices + batch.names.length} 份通报，${base.problems + batch.problems} 个问题`,
      );
    }
  }, 240_000); // waits for every import of its format, which share the two cores with Chromium
});

// ---------------------------------------------------------------------------------------------------------

/** Exit 1, a message and no stack trace, nothing written: only the input is left in the folder. */
function expectRefusal(expect: ExpectStatic, run: RunResult, dir: string, inputs: string[], message: RegExp[]) {
  const all = `exit ${run.code}\n--- stdout\n${run.stdout}--- stderr\n${run.stderr}`;
  expect(run.code, all).toBe(1);
  expect(run.stderr, all).not.toMatch(STACK_TRACE);
  for (const m of message) expect(run.stderr, all).toMatch(m);
  expect(run.stderr, all).toContain('没有写入任何文件');
  expect(existsSync(join(dir, 'out')) ? readdirSync(join(dir, 'out')) : [], all).toEqual([]);
  expect(readdirSync(dir).sort(), all).toEqual([...inputs].sort());
}

const OLE_HEADER = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const oleFile = (): Buffer => Buffer.concat([OLE_HEADER, Buffer.alloc(4096 - OLE_HEADER.length, 0)]);

// The refusals are independent of each other: run them side by side (assertions through the test's own expect).
describe.concurrent('npm run import refuses, saying what to do, and writes nothing', () => {
  it.for([
    ['a Word 97–2003 .doc', 'notice.doc'],
    ['a WPS .wps', 'notice.wps'],
  ])('%s: save it as .docx', async ([, name], { expect }) => {
    const dir = tempDir();
    writeFileSync(join(dir, name), oleFile());
    const run = await runScript('import', [name, '--out', 'out'], { cwd: dir });
    expectRefusal(expect, run, dir, [name], [/另存为/, /\.docx/]);
  });

  it.skipIf(!browser.available)('a scanned PDF (images, no text): needs OCR first', async ({ expect }) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'scan.pdf'), await scanned());
    const run = await runScript('import', ['scan.pdf', '--out', 'out'], { cwd: dir, timeout: 90_000 });
    expectRefusal(expect, run, dir, ['scan.pdf'], [/OCR/]);
  });

  it('the same notice twice (again as GB18030, under another name): names the notice already written; --force allows it', async ({
    expect,
  }) => {
    const dir = tempDir();
    const out = join(dir, 'out');
    writeFileSync(join(dir, 'sample-form.txt'), sourceOf('sample-form.txt'));
    const first = await runScript('import', ['sample-form.txt', '--out', 'out'], { cwd: dir });
    expect(first.code, `${first.stdout}${first.stderr}`).toBe(0);
    const [existing] = readdirSync(out);
    expect(existing).toMatch(/^2024-09-10-.+\.md$/);
    const before = readFileSync(join(out, existing));

    writeFileSync(join(dir, 'yichang-gb.txt'), iconv.encode(sourceOf('sample-form.txt'), 'gb18030'));
    const again = await runScript('import', ['yichang-gb.txt', '--out', 'out'], { cwd: dir });
    const all = `exit ${again.code}\n--- stdout\n${again.stdout}--- stderr\n${again.stderr}`;
    expect(again.code, all).toBe(1);
    expect(again.stderr, all).not.toMatch(STACK_TRACE);
    expect(again.stderr, all).toContain(existing);
    expect(again.stderr, all).toContain('--force');
    expect(readdirSync(out), all).toEqual([existing]);
    expect(readFileSync(join(out, existing)).equals(before)).toBe(true);

    const forced = await runScript('import', ['yichang-gb.txt', '--out', 'out', '--force'], { cwd: dir });
    expect(forced.stderr, `${forced.stdout}${forced.stderr}`).not.toMatch(STACK_TRACE);
    expect(forced.code, `${forced.stdout}${forced.stderr}`).toBe(0);
    expect(readdirSync(out).filter((n) => n.endsWith('.md')).length).toBeGreaterThanOrEqual(1);
  });

  it('a phone number it cannot place, in a stray line after the date: names the line', async ({ expect }) => {
    const dir = tempDir();
    const lines = sourceOf('sample-form.txt').trimEnd().split('\n');
    lines.push('经办人：刘洋　13872019934');
    const strayLine = lines.length;
    writeFileSync(join(dir, 'stray.txt'), `${lines.join('\n')}\n`);
    const run = await runScript('import', ['stray.txt', '--out', 'out'], { cwd: dir });
    expectRefusal(expect, run, dir, ['stray.txt'], [new RegExp(`第 ${strayLine} 行`), /13872019934/]);
  });
});
