import { describe, expect, it } from 'vitest';
import { inspectionWord, inspectionWordIn } from '../../../src/notice/inspection';

describe('inspectionWord', () => {
  it('is 巡视 for central and provincial groups, 巡察 otherwise and by default', () => {
    expect(inspectionWord(['中央第二巡视组'])).toBe('巡视');
    expect(inspectionWord(['省委第一巡视组', '省委第三巡视组'])).toBe('巡视');
    expect(inspectionWord(['市委第三巡察组'])).toBe('巡察');
    expect(inspectionWord(['省委第一巡视组', '市委第三巡察组'])).toBe('巡察');
    expect(inspectionWord(undefined)).toBe('巡察');
    expect(inspectionWord([])).toBe('巡察');
  });

  it('reads the word a text uses first', () => {
    expect(inspectionWordIn('2023年，省委第一巡视组对本市开展了巡视，巡察工作同步推进。')).toBe('巡视');
    expect(inspectionWordIn('市委巡察组')).toBe('巡察');
    expect(inspectionWordIn('整改工作')).toBeUndefined();
  });
});
