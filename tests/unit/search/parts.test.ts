import { describe, expect, it } from 'vitest';
import { DEFAULT_PART_SIZE, partSize, planIndexParts } from '../../../src/search/parts';

const notices = (counts: Record<string, number>) =>
  Object.entries(counts).flatMap(([year, n]) =>
    Array.from({ length: n }, (_, i) => ({
      id: `${year}-${String(i).padStart(5, '0')}`,
      date: `${year}-${String((i % 12) + 1).padStart(2, '0')}-01`,
    })),
  );

describe('planIndexParts', () => {
  it('keeps a site up to the part size in one index, newest first', () => {
    const parts = planIndexParts(notices({ 2022: 3, 2023: 2 }), 5);
    expect(parts).toHaveLength(1);
    expect(parts[0].dir).toBe('');
    expect(parts[0].ids.slice(0, 2).every((id) => id.startsWith('2023'))).toBe(true);
  });

  it('packs whole years, newest first, the first part being the main index', () => {
    const parts = planIndexParts(notices({ 2020: 2, 2021: 3, 2022: 2, 2023: 4 }), 5);
    expect(parts.map((p) => [p.dir, p.ids.length])).toEqual([
      ['', 4],
      ['part-2022-2021', 5],
      ['part-2020', 2],
    ]);
  });

  it('cuts a year larger than a part into equal pieces', () => {
    const parts = planIndexParts(notices({ 2023: 11, 2022: 1 }), 5);
    expect(parts.map((p) => [p.dir, p.ids.length])).toEqual([
      ['', 4],
      ['part-2023-2', 4],
      ['part-2023-3', 3],
      ['part-2022', 1],
    ]);
  });

  it('puts every notice in exactly one part, in date order across the parts', () => {
    const all = notices({ 2019: 7, 2020: 30, 2021: 1, 2022: 12, 2023: 5 });
    const parts = planIndexParts(all, 6);
    const ids = parts.flatMap((p) => p.ids);
    expect([...ids].sort()).toEqual(all.map((n) => n.id).sort());
    const date = new Map(all.map((n) => [n.id, n.date]));
    const dates = ids.map((id) => date.get(id)!);
    expect(dates).toEqual([...dates].sort().reverse());
    for (const part of parts) expect(part.ids.length).toBeLessThanOrEqual(6);
  });

  it('reads the part size from GONGSHI_INDEX_PART_SIZE, ignoring nonsense', () => {
    expect(partSize({})).toBe(DEFAULT_PART_SIZE);
    expect(partSize({ GONGSHI_INDEX_PART_SIZE: '2' })).toBe(2);
    expect(partSize({ GONGSHI_INDEX_PART_SIZE: 'abc' })).toBe(DEFAULT_PART_SIZE);
    expect(partSize({ GONGSHI_INDEX_PART_SIZE: '0' })).toBe(DEFAULT_PART_SIZE);
  });
});
