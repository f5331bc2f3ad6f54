import { describe, expect, it } from 'vitest';
import { findProgress } from '../../../src/notice/progress';

describe('findProgress', () => {
  it.each([
    ['巡察反馈的18个问题已完成整改16个，其余2个正在推进。', { total: 18, done: 16 }],
    ['反馈问题共18个问题，截至目前已整改完成16个。', { total: 18, done: 16 }],
    ['市委第七巡察组反馈的十八个问题中，已完成整改十六个。', { total: 18, done: 16 }],
    ['巡察反馈的12项问题已全部完成整改。', { total: 12, done: 12 }],
    ['目前已完成整改16个，正在推进2个。', { total: 18, done: 16 }],
    ['反馈的两个问题已完成整改两个。', { total: 2, done: 2 }],
    // Words between the number and 问题, or the number after it.
    ['巡察反馈35个具体问题，整改完成28个，整改完成率80%。', { total: 35, done: 28 }],
    ['反馈的4个方面18条具体问题中，已整改16条。', { total: 18, done: 16 }],
    ['巡察反馈问题35个，已完成整改28个。', { total: 35, done: 28 }],
    ['反馈问题共计12项，目前已全部完成整改。', { total: 12, done: 12 }],
  ])('%s', (text, expected) => {
    expect(findProgress(text)).toEqual(expected);
  });

  it.each([
    '集团领导班子坚决扛起巡察整改主体责任。',
    '18个问题已完成整改20个。', // more done than there are
    '0个问题已完成整改0个。',
    '关于“主业不够突出”的问题。整改情况：一是……',
  ])('finds nothing in %s', (text) => {
    expect(findProgress(text)).toBeUndefined();
  });

  it('stays fast on a long line without a full stop', () => {
    const line = '18个问题'.repeat(20_000);
    const started = performance.now();
    findProgress(line);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
