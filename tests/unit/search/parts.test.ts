import { describe, expect, it } from 'vitest';
import { DEFAULT_PART_SIZE, partSize, planIndexParts } from '../../../src/search/parts';

/** `n` notices on each date given, ids `<date>-<k>`. */
const on = (dates: Record<string, number>) =>
  Object.entries(dates).flatMap(([date, n]) => Array.from({ length: n }, (_, k) => ({ id: `${date}-${k}`, date })));
const shape = (parts: ReturnType<typeof planIndexParts>) => parts.map((p) => [p.dir, p.ids.length]);

describe('planIndexParts', () => {
  it('keeps a site up to the part size in one index, newest first', () => {
    const parts = planIndexParts(on({ '2022-05-01': 3, '2023-01-01': 2 }), 5);
    expect(shape(parts)).toEqual([['', 5]]);
    expect(parts[0].ids.slice(0, 2).every((id) => id.startsWith('2023'))).toBe(true);
  });

  it('splits a larger site by year, the newest year being the main index', () => {
    const parts = planIndexParts(on({ '2020-03-01': 2, '2021-03-01': 3, '2023-03-01': 4 }), 5);
    expect(shape(parts)).toEqual([
      ['', 4],
      ['part-2021', 3],
      ['part-2020', 2],
    ]);
    expect(parts.map((p) => p.period)).toEqual(['2023', '2021', '2020']);
  });

  it('splits a year that is too big into halves, quarters, months, 旬 and days, as far as needed', () => {
    const parts = planIndexParts(on({ '2023-02-01': 2, '2023-05-01': 2, '2023-08-01': 3, '2023-08-02': 4, '2022-01-01': 1 }), 5);
    expect(parts.map((p) => [p.period, p.ids.length])).toEqual([
      ['2023-08-02', 4],
      ['2023-08-01', 3],
      ['2023-h1', 4],
      ['2022', 1],
    ]);
  });

  it('splits a busy month into its 旬 before its days', () => {
    const dates: Record<string, number> = {};
    for (let day = 1; day <= 30; day++) dates[`2023-08-${String(day).padStart(2, '0')}`] = 1;
    const parts = planIndexParts(on(dates), 12);
    expect(parts.map((p) => [p.period, p.ids.length])).toEqual([
      ['2023-08-x3', 10],
      ['2023-08-x2', 10],
      ['2023-08-x1', 10],
    ]);
  });

  it('cuts a day with more notices than a part into runs', () => {
    const parts = planIndexParts(on({ '2023-08-01': 7, '2022-01-01': 1 }), 3);
    expect(parts.map((p) => [p.period, p.ids.length])).toEqual([
      ['2023-08-01', 3],
      ['2023-08-01-2', 3],
      ['2023-08-01-3', 1],
      ['2022', 1],
    ]);
  });

  it('never moves another period’s parts when a notice is added', () => {
    const before = on({ '2021-02-01': 3, '2022-03-01': 4, '2022-09-01': 4, '2023-06-01': 2 });
    const size = 5;
    const old = planIndexParts(before, size);
    for (const date of ['2021-02-01', '2022-03-02', '2022-10-01', '2023-01-01', '2024-01-01']) {
      const plan = planIndexParts([...before, { id: `${date}-new`, date }], size);
      const changed = plan.filter((p) => !old.some((o) => o.period === p.period && o.ids.join() === p.ids.join()));
      // Only parts of the new notice's own year change (the new year's part when it starts one).
      expect(changed.every((p) => p.period.startsWith(date.slice(0, 4)))).toBe(true);
      expect(changed.length).toBeGreaterThan(0);
    }
  });

  it('puts every notice in exactly one part, in date order across the parts', () => {
    const all = Array.from({ length: 300 }, (_, i) => ({
      id: `n${i}`,
      date: `20${10 + (i % 13)}-${String((i % 12) + 1).padStart(2, '0')}-0${(i % 9) + 1}`,
    }));
    const parts = planIndexParts(all, 6);
    const ids = parts.flatMap((p) => p.ids);
    expect([...ids].sort()).toEqual(all.map((n) => n.id).sort());
    const date = new Map(all.map((n) => [n.id, n.date]));
    const dates = ids.map((id) => date.get(id)!);
    expect(dates).toEqual([...dates].sort().reverse());
    for (const part of parts) expect(part.ids.length).toBeLessThanOrEqual(6);
    expect(new Set(parts.map((p) => p.dir)).size).toBe(parts.length);
  });

  it('reads the part size from GONGSHI_INDEX_PART_SIZE, ignoring nonsense', () => {
    expect(partSize({})).toBe(DEFAULT_PART_SIZE);
    expect(partSize({ GONGSHI_INDEX_PART_SIZE: '2' })).toBe(2);
    expect(partSize({ GONGSHI_INDEX_PART_SIZE: 'abc' })).toBe(DEFAULT_PART_SIZE);
    expect(partSize({ GONGSHI_INDEX_PART_SIZE: '0' })).toBe(DEFAULT_PART_SIZE);
  });
});
