import { buildSearchFixture, buildSite } from './helpers/build';

// One build of each variant for the whole run; site and browser tests share them.
export default function setup() {
  if (process.env.GONGSHI_SKIP_BUILD) return;
  buildSite('root');
  buildSite('sub');
  buildSearchFixture();
}
