// The bad-input corpus (tests/fixtures/bad): every folder is a content directory with one thing wrong, or
// one unusual thing that must work, and a case.json saying what `npm run check` and `npm run build` do.
// Every folder goes through the check; the build runs for every must-work folder and the folders marked
// `"build": true` (all folders with GONGSHI_BAD_INPUT_BUILD=all: each failing build loads Astro, ~2 s).
import iconv from 'iconv-lite';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../src/base/source-text';
import { runScript, STACK_TRACE, type RunResult } from '../helpers/cli';
import { ROOT } from '../helpers/fixtures';
import { tempDir } from '../helpers/temp';

const CORPUS = join(ROOT, 'tests/fixtures/bad');
/** The issue's own definition of a stack trace in the output. */
const STACK_FRAME = /\n\s+at .+:\d+:\d+/;

interface Case {
  name: string;
  dir: string;
  description: string;
  exit: 0 | 1;
  file?: string;
  line?: number;
  field?: string;
  hint?: string;
  errors?: number;
  shows?: string[];
  build?: boolean;
}

const CASES: Case[] = readdirSync(CORPUS, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => ({ name: e.name, dir: join(CORPUS, e.name), ...JSON.parse(readFileSync(join(CORPUS, e.name, 'case.json'), 'utf8')) }))
  .sort((a, b) => a.name.localeCompare(b.name));
const FAILING = CASES.filter((c) => c.exit === 1);
const WORKING = CASES.filter((c) => c.exit === 0);
const BUILD_ALL = process.env.GONGSHI_BAD_INPUT_BUILD === 'all';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const errorLines = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('错误 '));

/** One error line names the file (as `prefix` + case file), the line, the field right after it, and the hint. */
function expectReported(result: RunResult, c: Case, prefix: string) {
  expect(result.code, result.stderr).toBe(1);
  expect(result.stderr).not.toMatch(STACK_FRAME);
  expect(result.stderr).not.toMatch(STACK_TRACE);
  const where = `${prefix}${c.file}${c.line ? `:${c.line}` : ''}: `;
  const field = c.field ? `${escape(c.field)}(?:（[^）]+）)?：` : '';
  const lines = errorLines(result.stderr);
  expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^错误 ${escape(where)}${field}.*${escape(c.hint!)}`)));
  if (c.errors !== undefined) expect(lines, 'one mistake, one message').toHaveLength(c.errors);
}

describe('the bad-input corpus', () => {
  it('has at least 25 cases, each with a complete case.json', () => {
    expect(FAILING.length).toBeGreaterThanOrEqual(25);
    expect(WORKING.map((c) => c.name)).toEqual(expect.arrayContaining(['bom-and-crlf', 'valid-minimal']));
    for (const c of CASES) {
      expect(c.description, c.name).toMatch(/\S{3}/);
      expect([0, 1], c.name).toContain(c.exit);
      if (c.exit === 1) {
        expect(c.file, c.name).toBeTypeOf('string');
        expect(c.hint, c.name).toBeTypeOf('string');
      } else {
        expect(c.shows?.length, c.name).toBeGreaterThan(0);
      }
    }
  });

  it('keeps its byte-exact files: GB18030, BOM + CRLF, a dangling link', () => {
    const gb = readFileSync(join(CORPUS, 'encoding-gb18030/notices/2023-03-10-test.md'));
    expect(decodeUtf8(gb)).toBeUndefined();
    expect(iconv.decode(gb, 'gb18030')).toContain('title: 中共测试集团有限公司委员会关于巡察整改进展情况的通报');
    for (const file of ['site.yaml', 'notices/2023-03-10-test.md']) {
      const bytes = readFileSync(join(CORPUS, 'bom-and-crlf', file));
      expect([...bytes.subarray(0, 3)], file).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.toString('utf8').split('\r\n').length, file).toBe(bytes.toString('utf8').split('\n').length);
    }
    const link = join(CORPUS, 'file-dangling-link/notices/2023-03-11-gone.md');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(existsSync(link)).toBe(false);
  });
});

async function build(c: Case) {
  const parent = tempDir('gongshi-bad-build-');
  const out = join(parent, 'site');
  const result = await runScript('build', ['--out-dir', out], {
    cwd: ROOT,
    env: { GONGSHI_CONTENT: c.dir, GONGSHI_CACHE_DIR: tempDir('gongshi-bad-cache-'), BASE_PATH: '', SITE_URL: '' },
    timeout: 240_000,
  });
  return { result, parent, out };
}

// Checks and builds share one pool of concurrent tests (Vitest's maxConcurrency): the slow builds first.
describe.concurrent('bad input', () => {
  describe('npm run build', () => {
    const failing = FAILING.filter((c) => BUILD_ALL || c.build);

    it.each(WORKING)(
      '$name: builds the site',
      async (c) => {
        const { result, out } = await build(c);
        expect(result.code, result.stderr).toBe(0);
        expect(result.stderr).not.toMatch(STACK_FRAME);
        expect(errorLines(result.stderr)).toEqual([]);
        const notices = readdirSync(join(c.dir, 'notices')).filter((n) => n.endsWith('.md'));
        expect(readFileSync(join(out, 'index.html'), 'utf8').match(/class="notice-card"/g)).toHaveLength(notices.length);
        for (const name of notices) {
          const page = readFileSync(join(out, 'notices', name.replace(/\.md$/, ''), 'index.html'), 'utf8');
          for (const text of c.shows!) expect(page, `${name} shows ${text}`).toContain(text);
        }
      },
      300_000,
    );

    it.each(failing)('$name: stops with the same message and writes nothing', async (c) => {
      const { result, parent } = await build(c);
      expectReported(result, c, `${relative(ROOT, c.dir)}/`);
      // Neither the output folder nor a staging folder beside it.
      expect(readdirSync(parent)).toEqual([]);
    });
  });

  describe('npm run check on every case', () => {
    it.each(FAILING)('$name: fails, naming file, line, field and what to do', async (c) => {
      const result = await runScript('check', ['.'], { cwd: c.dir });
      expect(result.stdout).toBe('');
      expectReported(result, c, '');
    });

    it.each(WORKING)('$name: passes', async (c) => {
      const result = await runScript('check', ['.'], { cwd: c.dir });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^检查通过：\d+ 份通报/);
    });
  });
});
