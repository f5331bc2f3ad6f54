// Three tiers of tests. unit: no build and no browser, answers in under a minute (npm run test:unit);
// site: the built site's files and the command-line scripts, most of which build (npm run test:site);
// e2e: the built site and the dev server in real Chromium (npm run test:e2e). npm test runs all three.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // Browser tests start Chromium and many tests start processes; keep the 2-core machine from thrashing
    // (an overloaded machine also starves Vitest's own worker messages).
    maxWorkers: 2,
    maxConcurrency: 2,
    // A poll waits for a browser or a process; on the loaded 2-core CI machine one page load can take
    // longer than Vitest's 1 s default, so a poll fails only when the state truly never arrives.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      // The shared builds of the sample site (tests/global-setup) are made once for both tiers that read them.
      {
        extends: true,
        test: { name: 'site', include: ['tests/site/**/*.test.ts', 'tests/cli/**/*.test.ts'], globalSetup: ['tests/global-setup.ts'] },
      },
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], globalSetup: ['tests/global-setup.ts'] } },
    ],
  },
});
