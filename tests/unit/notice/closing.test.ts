// The closing block in all its usual forms: appeal, contact lines, one- or two-line signature, date.
import { describe, expect, it } from 'vitest';
import {
  classifyClosing,
  labelledParts,
  normalisePhone,
  parseSignatureDate,
  phonesIn,
  readContact,
  type ClosingKind,
} from '../../../src/notice/closing';

const contactOf = (texts: string[]) => {
  const kinds = classifyClosing(texts);
  return readContact(texts.flatMap((text, i) => (kinds[i] ? [{ text, line: i + 1, kind: kinds[i] as ClosingKind }] : [])));
};

describe('parseSignatureDate', () => {
  it.each([
    ['2024年9月10日', '2024-09-10'],
    ['2024 年 9 月 10 日', '2024-09-10'],
    ['二〇二四年九月十日', '2024-09-10'],
    ['二○二四年十二月五日', '2024-12-05'],
    ['二〇二五年三月三十一日', '2025-03-31'],
    ['2025-03-18', '2025-03-18'],
    ['2025.3.18', '2025-03-18'],
    ['2025/3/18', '2025-03-18'],
  ])('%s → %s', (text, iso) => {
    expect(parseSignatureDate(text)).toEqual({ iso });
  });

  it('tells a date-shaped line that is no calendar date from a line that is not a date', () => {
    expect(parseSignatureDate('2023年2月30日')).toEqual({ iso: undefined });
    expect(parseSignatureDate('二〇二三年二月三十日')).toEqual({ iso: undefined });
    expect(parseSignatureDate('2023年是关键一年')).toBeUndefined();
  });
});

describe('classifyClosing', () => {
  it('reads the sample’s closing', () => {
    const texts = [
      '正文。',
      '欢迎广大干部群众对巡察集中整改落实情况进行监督。如有意见建议，请及时向我们反映。',
      '联系电话：027-85615369',
      '邮件地址：武汉市某路1号，邮政编码：430021',
      '电子邮箱：whtkjt@126.com',
      '中共某某委员会',
      '2023年9月20日',
    ];
    expect(classifyClosing(texts)).toEqual([undefined, 'appeal', 'contact', 'contact', 'contact', 'signature', 'date']);
  });

  it('takes a two-line signature and a Chinese-numeral date', () => {
    const texts = [
      '正文。',
      '接受社会监督。',
      '电话：0710-3512345',
      '中共襄阳市某某有限公司委员会',
      '襄阳市某某有限公司',
      '二〇二四年十二月五日',
    ];
    expect(classifyClosing(texts)).toEqual([undefined, 'appeal', 'contact', 'signature', 'signature', 'date']);
  });

  it('keeps a sentence between the appeal and the contact lines in the closing', () => {
    const texts = [
      '正文。',
      '如有意见建议，请通过以下方式反映：',
      '来信来电请注明真实姓名。',
      '举报电话：12388',
      '某某局党组',
      '2024-09-10',
    ];
    expect(classifyClosing(texts)).toEqual([undefined, 'appeal', 'appeal', 'contact', 'signature', 'date']);
  });

  it('does not take a numbered paragraph or a long report paragraph for the appeal', () => {
    const long = `集团党委自觉接受监督，${'持续推进整改。'.repeat(40)}`;
    expect(classifyClosing(['（三）欢迎监督。', '电话：027-85615369', '某某委员会', '2024年1月2日'])[0]).toBeUndefined();
    expect(classifyClosing([long, '电话：027-85615369', '某某委员会', '2024年1月2日'])[0]).toBeUndefined();
  });
});

describe('readContact', () => {
  it('reads separate address, postcode and email lines', () => {
    const { contact, unplaced } = contactOf([
      '正文。',
      '欢迎广大干部群众对巡察整改落实情况进行监督。',
      '联系电话：0731-28681025',
      '邮政地址：湖南省株洲市天元区神农大道1号',
      '邮政编码：412007',
      '电子邮箱：zz_jw@163.com',
      '某某局党组',
      '2024年11月22日',
    ]);
    expect(unplaced).toEqual([]);
    expect(contact).toEqual({
      phone: ['0731-28681025'],
      address: ['湖南省株洲市天元区神农大道1号'],
      postcode: ['412007'],
      email: ['zz_jw@163.com'],
      hours: [],
    });
  });

  it('reads several phones on one line, a postcode in parentheses, E-mail and hours', () => {
    const { contact } = contactOf([
      '正文。',
      '如有意见建议，请通过以下方式反映：',
      '监督电话：0710-3512345、13907101234',
      '举报电话：0710-3512388',
      '通讯地址：湖北省襄阳市长虹北路66号（邮编：441000）',
      'E-mail：xjctjw@163.com',
      '受理时间：工作日上午8:30—12:00，下午14:30—17:30',
      '某某公司委员会',
      '2024年12月5日',
    ]);
    expect(contact).toEqual({
      phone: ['0710-3512345', '13907101234', '0710-3512388'],
      address: ['湖北省襄阳市长虹北路66号'],
      postcode: ['441000'],
      email: ['xjctjw@163.com'],
      hours: ['工作日上午8:30—12:00，下午14:30—17:30'],
    });
  });

  it('reads several fields on one line, and a phone and email written in the appeal', () => {
    const { contact } = contactOf([
      '正文。',
      '欢迎监督，请拨打0792-8561203或发送邮件至yh2025@163.com反映。',
      '值班电话：（0792）8561204，电子信箱：yhz@163.com',
      '来信地址：江西省九江市某路28号',
      '邮编：332005',
      '某某镇委员会',
      '2025-03-18',
    ]);
    expect(contact.phone).toEqual(['0792-8561203', '0792-8561204']);
    expect(contact.email).toEqual(['yh2025@163.com', 'yhz@163.com']);
    expect(contact.postcode).toEqual(['332005']);
  });

  it('returns a labelled value it cannot read as unplaced, with its line', () => {
    const { unplaced } = contactOf(['正文。', '欢迎监督。', '联系电话：请见官网', '电子邮箱：暂无', '某某委员会', '2024年1月2日']);
    expect(unplaced.map((u) => u.line)).toEqual([3, 4]);
  });
});

describe('phone numbers', () => {
  it.each([
    ['027-85615369', ['027-85615369']],
    ['（027）85615369', ['027-85615369']],
    ['027－85615369转8001', ['027-85615369转8001']],
    ['12388', ['12388']],
    ['13907101234、0710-3512345', ['13907101234', '0710-3512345']],
    ['邮编441000，2024年', []],
    ['yhzjw2025@163.com', []],
  ])('%s', (text, phones) => {
    expect(phonesIn(text)).toEqual(phones);
  });

  it('normalises to what tel: links take', () => {
    expect(normalisePhone('(0710) 3512345')).toBe('0710-3512345');
  });

  it('splits a line into its labelled parts', () => {
    expect(labelledParts('联系电话：027-1234567，电子邮箱：a@b.cn').map((p) => [p.field, p.value])).toEqual([
      ['phone', '027-1234567'],
      ['email', 'a@b.cn'],
    ]);
  });
});
