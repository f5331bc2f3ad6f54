// Builds of the ledger's fixture corpus (tests/fixtures/ledger-corpus: 4 notices, 3 issuers, 2 years, 10
// problems, some stating their progress), each with its own Astro cache. `whole` has one table at
// /ledger/ (the browser tests filter it); `split` is built with a split threshold of 5 problems, so
// /ledger/ links to /ledger/2023/ and /ledger/2022/ as a site of thousands of problems does. `archive` is
// built with a home-page limit of 2 notices, so the home page links to /archive/2023/ and /archive/2022/.
import { resolve } from 'node:path';
import { buildInto, ROOT } from './build';

export const LEDGER_FIXTURE = {
  content: resolve(ROOT, 'tests/fixtures/ledger-corpus'),
  whole: { dir: resolve(ROOT, '.test-build/ledger'), splitAt: '', homeLimit: '' },
  split: { dir: resolve(ROOT, '.test-build/ledger-split'), splitAt: '5', homeLimit: '' },
  archive: { dir: resolve(ROOT, '.test-build/archive'), splitAt: '', homeLimit: '2' },
  base: '/',
} as const;

export function buildLedgerFixture(variant: 'whole' | 'split' | 'archive'): string {
  const { dir, splitAt, homeLimit } = LEDGER_FIXTURE[variant];
  return buildInto(dir, {
    env: {
      GONGSHI_CONTENT: LEDGER_FIXTURE.content,
      GONGSHI_CACHE_DIR: resolve(ROOT, `.test-build/cache-ledger-${variant}`),
      GONGSHI_LEDGER_SPLIT_AT: splitAt,
      GONGSHI_HOME_LIMIT: homeLimit,
    },
  });
}
