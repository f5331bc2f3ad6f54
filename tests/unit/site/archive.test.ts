import { describe, expect, it } from 'vitest';
import { DEFAULT_HOME_LIMIT, homeLimit, planHome } from '../../../src/site/archive';

const notices = (dates: string[]) => dates.map((date, i) => ({ id: `n${i}`, data: { date } }));

describe('planHome', () => {
  const list = notices(['2024-05-01', '2024-01-02', '2023-12-30', '2023-03-01', '2021-07-07']);

  it('lists every notice on the home page up to the limit, with no archive pages', () => {
    const plan = planHome(list, 5);
    expect(plan.archived).toBe(false);
    expect(plan.listed).toHaveLength(5);
  });

  it('beyond the limit lists the newest and counts every year, newest first', () => {
    const plan = planHome(list, 2);
    expect(plan.archived).toBe(true);
    expect(plan.listed.map((n) => n.id)).toEqual(['n0', 'n1']);
    expect(plan.years).toEqual([
      { year: '2024', count: 2 },
      { year: '2023', count: 2 },
      { year: '2021', count: 1 },
    ]);
  });

  it('reads the limit from GONGSHI_HOME_LIMIT, ignoring nonsense', () => {
    expect(homeLimit({})).toBe(DEFAULT_HOME_LIMIT);
    expect(homeLimit({ GONGSHI_HOME_LIMIT: '2' })).toBe(2);
    expect(homeLimit({ GONGSHI_HOME_LIMIT: '-1' })).toBe(DEFAULT_HOME_LIMIT);
  });
});
