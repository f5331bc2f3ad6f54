// The W3C Nu HTML Checker (vnu-jar, on the machine's Java) over every page of the sample and live-site builds, beside
// html-validate in output.test.ts: the two catch different mistakes (a <script> after </html> is only the Nu
// checker's). One Java process checks all pages. Without Java the file is skipped locally and fails on CI.
import { execFile, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { BUILDS, LIVE_BUILDS, ROOT } from '../helpers/build';
import { listFiles } from '../helpers/dist';

const VNU = join(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');

function javaAvailable(): boolean {
  return spawnSync('java', ['-version']).status === 0;
}

const java = javaAvailable();
if (!java && process.env.CI === 'true')
  throw new Error('java not found: the Nu HTML Checker needs Java 17 or later (.ci/run installs default-jre-headless).');

interface NuMessage {
  type: string;
  subType?: string;
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

describe.skipIf(!java)(`the Nu HTML Checker${java ? '' : ' (skipped: no java on this machine)'}`, () => {
  const pages = [...Object.values(BUILDS), ...Object.values(LIVE_BUILDS)].flatMap(({ dir }) =>
    listFiles(dir)
      .filter((f) => f.endsWith('.html'))
      .map((f) => join(dir, f)),
  );

  it('finds no error on any page of the root and /gongshi/ builds, with and without every site setting', async () => {
    expect(pages.length).toBeGreaterThanOrEqual(14);
    const result = await promisify(execFile)('java', ['-jar', VNU, '--errors-only', '--format', 'json', '--stdout', ...pages], {
      maxBuffer: 64 * 1024 * 1024,
    }).catch((e: { stdout?: string; stderr?: string }) => ({ stdout: e.stdout ?? '', stderr: e.stderr ?? '' }));
    const { messages } = JSON.parse(result.stdout || '{"messages":[]}') as { messages: NuMessage[] };
    const errors = messages
      .filter((m) => m.type === 'error' || m.subType === 'fatal')
      .map(
        (m) =>
          `${m.url.replace(`file:${ROOT}/`, '')}:${m.lastLine ?? '?'} ${m.message}${m.extract ? ` — ${m.extract.trim().slice(0, 120)}` : ''}`,
      );
    expect(errors, result.stderr).toEqual([]);
  }, 120_000);
});
