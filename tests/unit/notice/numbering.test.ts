// The appeal for feedback is recognised by its wording, on lines of any length.
import { describe, expect, it } from 'vitest';
import { isAppeal } from '../../../src/notice/closing';

describe('isAppeal', () => {
  it.each(['欢迎广大干部群众对巡察集中整改落实情况进行监督。', '如有意见建议，请及时向我们反映。', '欢迎提出宝贵意见'])(
    'recognises %s',
    (line) => {
      expect(isAppeal(line)).toBe(true);
    },
  );

  it.each(['集团党委坚持以习近平新时代中国特色社会主义思想为指导。', '监督意见欢迎'])('does not take %s for the appeal', (line) => {
    expect(isAppeal(line)).toBe(false);
  });

  it('answers at once for a 200,000-character line, which is a report paragraph, not an appeal (the check once took 9 s on one)', () => {
    expect(isAppeal('欢迎'.repeat(100_000))).toBe(false);
    expect(isAppeal(`${'欢迎'.repeat(100_000)}监督`)).toBe(false);
  });

  it.each([
    '欢迎广大干部群众对巡察整改落实情况进行监督。',
    '如有意见建议，请通过以下方式反映：',
    '现予公布，接受社会监督。',
    '欢迎社会各界批评指正。',
  ])('recognises the usual wordings: %s', (line) => {
    expect(isAppeal(line)).toBe(true);
  });
});
