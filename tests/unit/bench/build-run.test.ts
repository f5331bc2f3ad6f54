import { describe, expect, it } from 'vitest';
import { parseAstroLog } from '../../../bench/build-run';

// What Astro 7.3 logs for a build (npm run bench's 1,000-notice corpus), page lines shortened.
const ASTRO_7_LOG = `14:19:15 [content] Syncing content
14:19:15 [gongshi:notices] 通报：1000 份，其中 1000 份是新的或有改动
14:19:16 [content] Synced content
14:19:15 [types] Generated 1.31s
14:19:15 [build] output: "static"
14:19:15 [build] Collecting build info...
14:19:15 [build] ✓ Completed in 1.39s.
14:19:15 [build] Building static entrypoints...
14:19:16 [vite] ✓ built in 898ms
14:19:17 [vite] ✓ built in 1.23s
14:19:17 [build] Rearranging server assets...

 generating static routes 
14:19:17   ├─ /404.html (+58ms)
14:19:25 ✓ Completed in 7.83s.

14:19:25 [build] ✓ Completed in 10.02s.
14:19:25 [build] 1018 page(s) built in 11.42s
14:19:25 [build] Complete!`;

describe('parseAstroLog', () => {
  it('reads each of Astro 7’s steps once, and not the build’s total as a step', () => {
    const steps = parseAstroLog(ASTRO_7_LOG);
    expect(steps.map((s) => s.step)).toEqual([
      'setup, content sync, types',
      '  of which content sync (±1 s, log clock)',
      'Vite builds (server and client)',
      'page generation (render + write HTML)',
    ]);
    expect(steps.map((s) => Number(s.seconds.toFixed(3)))).toEqual([1.39, 1, 2.128, 7.83]);
  });
});
