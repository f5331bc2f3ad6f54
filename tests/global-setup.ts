// The builds that site and e2e tests share: the sample site at the domain root and under /gongshi/, the
// search fixture corpus, and the live-site fixture (every setting of a real site) at the root and under /gongshi/. Made once per test run, however many tiers ask for them.
import { buildLiveSite, buildSearchFixture, buildSite } from './helpers/build';

const DONE = 'GONGSHI_TEST_BUILDS_DONE';

export default function setup() {
  if (process.env.GONGSHI_SKIP_BUILD || process.env[DONE]) return;
  buildSite('root');
  buildSite('sub');
  buildSearchFixture();
  buildLiveSite('liveRoot');
  buildLiveSite('liveSub');
  // Global setups of all projects run in this one process: the next tier sees the builds are there.
  process.env[DONE] = '1';
}
