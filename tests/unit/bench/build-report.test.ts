import { describe, expect, it } from 'vitest';
import { SAMPLE_PAGE, formatReport, targets, type BuildReport, type FirstSearch, type Target } from '../../../bench/build-report';
import type { BuildKind, BuildRun } from '../../../bench/build-run';
import type { LayoutShiftResult } from '../../../bench/layout-shift';
import { medianOrNull, type PhoneSearch } from '../../../bench/phone-search';

const MiB = 2 ** 20;

function build(kind: BuildKind, wallSeconds: number, peakMiB: number, ok = true): BuildRun {
  return {
    kind,
    ok,
    exitCode: ok ? 0 : 1,
    signal: null,
    wallSeconds,
    stages: [
      { stage: 'startup', seconds: 0.5, peakRss: 100 * MiB, peakByProcess: {} },
      { stage: 'astro ∥ search-index', seconds: wallSeconds - 1, peakRss: peakMiB * MiB, peakByProcess: {} },
    ],
    astroSteps: [],
    memory: { peakRss: peakMiB * MiB, peakStage: 'astro ∥ search-index', intervalMs: 100, samples: 10, processes: [] },
    timeline: [],
    cpuSeconds: wallSeconds,
    otherBusyCores: 0,
    loadAverageBefore: [0, 0, 0],
    log: `build-${kind}.log`,
  };
}

const shift = (name: string, cls: number): LayoutShiftResult => ({
  name,
  viewport: { width: 390, height: 844 },
  cls,
  shifts: [],
  textSize: null,
  loadMs: 100,
});

const FIRST_SEARCH: FirstSearch = {
  query: '董事会',
  bytes: 700 * 1024,
  pagefindBytes: 650 * 1024,
  gzipBytes: 600 * 1024,
  htmlBytes: 9000,
  requests: 77,
  ms: 900,
  status: '找到 40 份与“董事会”相关的通报。',
  htmlEndMs: 40,
  finalMs: 860,
  first: {
    ms: 420,
    sinceNavigationMs: 460,
    status: '已找到 13 份与“董事会”相关的较新通报，正在检索更早的通报…',
    results: 5,
    bytes: 140 * 1024,
    pagefindBytes: 120 * 1024,
    gzipBytes: 110 * 1024,
    requests: 20,
  },
  parts: 10,
};

const PHONE: PhoneSearch = {
  query: '董事会',
  profile: 'Lighthouse mobile preset',
  runs: [2400, 2600, 2300].map((firstMs) => ({
    firstMs,
    finalMs: firstMs + 3000,
    htmlEndMs: 700,
    firstBytes: 150 * 1024,
    bytes: 700 * 1024,
    status: '找到 40 份与“董事会”相关的通报。',
  })),
  firstMs: 2400,
  finalMs: 5400,
};

function report(notices: number, overrides: Partial<BuildReport> = {}): BuildReport {
  return {
    notices,
    seed: 1,
    date: '2026-12-08T00:00:00Z',
    complete: true,
    machine: { cpu: 'test', cores: 2, memoryBytes: 8 * 2 ** 30, node: 'v24', platform: 'linux x64' },
    memoryLimit: 8 * 2 ** 30,
    corpus: { dir: 'content', reused: false, generateSeconds: 1 },
    builds: [build('cold', 30, 900), build('warm', 12, 800), build('rebuild', 8, 700), build('add', 11, 700)],
    sizes: {
      dist: { bytes: 1, files: 1 },
      pagefind: { bytes: 1, files: 1 },
      pages: [
        {
          name: 'sample notice',
          page: SAMPLE_PAGE,
          html: { path: `${SAMPLE_PAGE}index.html`, bytes: 40_000, gzip: 14_000 },
          css: { bytes: 20_000, gzip: 6000, files: [{ path: '_astro/a.css', bytes: 20_000, gzip: 6000 }] },
          js: { bytes: 7000, gzip: 4000, files: [{ path: '_astro/a.js', bytes: 7000, gzip: 4000 }] },
        },
      ],
    },
    layoutShift: { page: SAMPLE_PAGE, results: [shift('desktop', 0), shift('mobile', 0.01)] },
    layoutShiftSettled: [{ page: 'search/?q=%E8%91%A3%E4%BA%8B%E4%BC%9A', results: [shift('desktop', 0.018), shift('mobile', 0.072)] }],
    firstSearch: FIRST_SEARCH,
    phoneSearch: PHONE,
    targets: [],
    warnings: [],
    phases: {},
    runSeconds: 100,
    ...overrides,
  };
}

/** The target whose text contains every one of `words`, in `group`. */
function find(list: Target[], group: string, ...words: string[]): Target {
  const found = list.filter((t) => t.group === group && words.every((w) => t.target.includes(w)));
  expect(found, `${group}: ${words.join(' ')}`).toHaveLength(1);
  return found[0];
}

describe('targets', () => {
  it('marks the 1,000-notice targets from a 1,000-notice run, and leaves the 10,000-notice ones not measured', () => {
    const list = targets(report(1000));
    expect(find(list, '1,000 notices', 'peak memory').met).toBe(true);
    expect(find(list, '1,000 notices', 'changing one').met).toBe(true);
    expect(find(list, '1,000 notices', 'changing one').figure).toContain('aim 5 s: not yet');
    expect(find(list, '1,000 notices', 'adding one').met).toBe(false);
    expect(find(list, '1,000 notices', 'Hugo').met).toBeNull();
    expect(find(list, '10,000 notices', 'peak memory').met).toBeNull();
    expect(find(list, '10,000 notices', 'peak memory').figure).toContain('target for 10,000 notices; this run: 1,000');
    expect(find(list, '10,000 notices', 'cold build').met).toBeNull();
    expect(find(list, '10,000 notices', 'changing one').met).toBeNull();
  });

  it('takes the reference ratio against 1.2, and says when the aim of 1.0 is met', () => {
    const reference = { tool: 'hugo v0.111.3 + Pagefind 1.6.0', runs: [], medianSeconds: 25, peakRss: 0 };
    const over = find(targets(report(1000, { reference, coldSeconds: [31, 30, 29] })), '1,000 notices', 'Hugo');
    expect(over.met).toBe(true);
    expect(over.figure).toContain('ratio 1.20');
    const under = find(targets(report(1000, { reference, coldSeconds: [24, 26, 25] })), '1,000 notices', 'Hugo');
    expect(under.figure).toContain('aim 1.0 met');
    expect(find(targets(report(1000, { reference, coldSeconds: [31, 31, 31] })), '1,000 notices', 'Hugo').met).toBe(false);
  });

  it('measures the first query’s bytes and time to its first results against the budget of its corpus size', () => {
    const list = targets(report(1000));
    expect(find(list, 'reader', '1,000 notices', 'transfers ≤ 150 KB').met).toBe(true);
    expect(find(list, 'reader', '1,000 notices', '≤ 500 ms').met).toBe(true);
    expect(find(list, 'reader', '10,000 notices', 'transfers ≤ 300 KB').met).toBeNull();
    const at10k = targets(report(10_000, { firstSearch: { ...FIRST_SEARCH, first: { ...FIRST_SEARCH.first!, ms: 650 } } }));
    expect(find(at10k, 'reader', '10,000 notices', '≤ 700 ms').met).toBe(true);
    expect(find(at10k, 'reader', '1,000 notices', '≤ 500 ms').met).toBeNull();
    const heavy = targets(report(1000, { firstSearch: { ...FIRST_SEARCH, first: { ...FIRST_SEARCH.first!, bytes: 151 * 1024 } } }));
    expect(find(heavy, 'reader', '1,000 notices', 'transfers').met).toBe(false);
  });

  it('fails the first-results targets when no results were shown, and does not measure them from an older report', () => {
    const none = targets(report(1000, { firstSearch: { ...FIRST_SEARCH, first: null } }));
    expect(find(none, 'reader', '1,000 notices', '≤ 500 ms').met).toBe(false);
    const { first: _, ...older } = FIRST_SEARCH;
    const old = targets(report(1000, { firstSearch: older }));
    expect(find(old, 'reader', '1,000 notices', '≤ 500 ms').met).toBeNull();
  });

  it('takes the phone’s median first result against 2.5 s, and notes that its bytes are as sent', () => {
    const phone = find(targets(report(100)), 'reader', 'phone');
    expect(phone.met).toBe(true);
    expect(phone.figure).toContain('2400 ms');
    expect(phone.figure).toContain('as sent');
    const slow = { ...PHONE, firstMs: null };
    expect(find(targets(report(100, { phoneSearch: slow })), 'reader', 'phone').met).toBe(false);
    expect(find(targets(report(100, { phoneSearch: undefined })), 'reader', 'phone').met).toBeNull();
  });

  it('allows the notice page a CLS of up to 0.02', () => {
    const list = targets(report(100));
    expect(find(list, 'reader', 'sample notice page: CLS ≤ 0.02').met).toBe(true);
    expect(find(list, 'reader', '/search/?q=董事会: CLS').met).toBe(false);
    const shifted = targets(report(100, { layoutShift: { page: SAMPLE_PAGE, results: [shift('mobile', 0.03)] } }));
    expect(find(shifted, 'reader', 'sample notice page: CLS').met).toBe(false);
  });

  it('takes search() and recall from --search, and leaves them not measured without it', () => {
    const list = targets(report(1000));
    expect(find(list, 'reader', 'search()').met).toBeNull();
    expect(find(list, 'reader', 'recall').met).toBeNull();
    const search = {
      report: 'search.json',
      classes: [
        { class: 'word', recall: 1, precision: 1 },
        { class: 'phrase', recall: 1, precision: 0.99 },
      ],
      firstQueryBytes: 300 * 1024,
      searchMs: 140,
    };
    const searched = targets(report(1000, { search }));
    expect(find(searched, 'reader', 'search()').met).toBe(true);
    expect(find(searched, 'reader', 'recall').met).toBe(false);
    expect(find(searched, 'reader', 'recall').figure).toContain('phrase 0.990');
  });

  it('compares a 10,000-notice cold build with the 1,000-notice report’s', () => {
    const baseline = { file: 'bench-results/build-1000.json', notices: 1000, wallSeconds: { cold: 40 }, stageSeconds: {} };
    const list = targets(report(10_000, { baseline, builds: [build('cold', 390, 1400), build('rebuild', 25, 1400)] }));
    expect(find(list, '10,000 notices', 'cold build').met).toBe(true);
    expect(find(list, '10,000 notices', 'cold build').figure).toContain('×9.75');
    expect(find(list, '10,000 notices', 'peak memory').met).toBe(true);
    expect(find(list, '10,000 notices', 'changing one').met).toBe(false);
    expect(find(list, '1,000 notices', 'peak memory').met).toBeNull();
  });

  it('gives every target a figure, and prints them under their headings', () => {
    const r = report(100);
    r.targets = targets(r);
    expect(r.targets.every((t) => t.figure.length > 0)).toBe(true);
    const text = formatReport(r);
    for (const heading of ['1,000 notices', '10,000 notices', 'reader', 'pages']) expect(text).toContain(`\n  ${heading}\n`);
    expect(text).toContain('Astro ∥ search index');
    expect(text).toMatch(/\n {2}first results +420 ms +140\.0 KiB \(110\.0 KiB\), 20 requests/);
    expect(text).toMatch(/\n {2}final outcome +860 ms +700\.0 KiB/);
  });
});

describe('medianOrNull', () => {
  it('counts a run without the moment as slower than any other', () => {
    expect(medianOrNull([3, 1, 2])).toBe(2);
    expect(medianOrNull([3, null, 1])).toBe(3);
    expect(medianOrNull([null, null, 1])).toBeNull();
    expect(medianOrNull([])).toBeNull();
  });
});
