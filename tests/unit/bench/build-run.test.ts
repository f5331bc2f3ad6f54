import { describe, expect, it } from 'vitest';
import { PARALLEL_STAGE, intervals, parseAstroLog, stageAt, type Timing } from '../../../bench/build-run';

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

// A cold build's timing log (npm run bench, 1,000 notices, times shortened): Astro in its own process while
// the index documents are made and Pagefind indexes them in three parts.
const t0 = 1_000_000;
const COLD_TIMINGS: Timing[] = [
  { stage: 'content-check', start: t0 + 700, end: t0 + 7_500 },
  { stage: 'index-text', start: t0 + 7_550, end: t0 + 14_000, made: 1000 },
  { stage: 'search-index:write', start: t0 + 14_200, end: t0 + 15_000 },
  { stage: 'search-index:write', start: t0 + 16_000, end: t0 + 18_000 },
  { stage: 'astro', start: t0 + 7_540, end: t0 + 19_000 },
  { stage: 'search-index:write', start: t0 + 24_000, end: t0 + 26_000 },
  { stage: 'search-index', start: t0 + 14_000, end: t0 + 26_100, parts: 3, reused: 0 },
  { stage: 'verify', start: t0 + 26_200, end: t0 + 30_000 },
  { stage: 'swap', start: t0 + 30_000, end: t0 + 30_100 },
];

describe('intervals', () => {
  const spans = (timings: Timing[], exited = t0 + 30_200) =>
    Object.fromEntries(intervals(timings, t0, exited).map(({ stage, spans }) => [stage, spans.map(([a, b]) => [a - t0, b - t0])]));

  it('puts Astro and the search index side by side inside one stage, from the earlier start to the later end', () => {
    expect(spans(COLD_TIMINGS)).toEqual({
      startup: [[0, 700]],
      'content-check': [[700, 7_500]],
      [PARALLEL_STAGE]: [[7_540, 26_100]],
      astro: [[7_540, 19_000]],
      'index-text': [[7_550, 14_000]],
      'search-index': [[14_000, 26_100]],
      'search-index:write': [
        [14_200, 15_000],
        [16_000, 18_000],
        [24_000, 26_000],
      ],
      verify: [[26_200, 30_000]],
      swap: [[30_000, 30_100]],
      exit: [[30_100, 30_200]],
    });
  });

  it('starts Astro with the index documents when the log gives it the search index’s start (builds before the fix)', () => {
    const late = COLD_TIMINGS.map((t) => (t.stage === 'astro' ? { ...t, start: t0 + 14_000 } : t));
    expect(spans(late).astro).toEqual([[7_550, 19_000]]);
  });

  it('lets a failed build’s Astro and search index run until the build ended', () => {
    const failed = COLD_TIMINGS.filter((t) => ['content-check', 'index-text'].includes(t.stage));
    const s = spans(failed, t0 + 20_000);
    expect(s.astro).toEqual([[7_500, 20_000]]);
    expect(s['search-index']).toEqual([[14_000, 20_000]]);
    expect(s[PARALLEL_STAGE]).toEqual([[7_500, 20_000]]);
    expect(s.exit).toEqual([[20_000, 20_000]]);
  });
});

describe('stageAt', () => {
  const at = (ms: number) => stageAt(COLD_TIMINGS, t0, t0 + 30_200, t0 + ms);
  it('names every stage running at the moment, the innermost ones', () => {
    expect(at(500)).toBe('startup');
    expect(at(10_000)).toBe('astro ∥ index-text');
    expect(at(15_500)).toBe('astro ∥ search-index');
    expect(at(17_000)).toBe('astro ∥ search-index:write');
    expect(at(25_000)).toBe('search-index:write');
    expect(at(26_150)).toBe('between stages');
    expect(at(28_000)).toBe('verify');
  });
});
