import { describe, expect, it } from 'vitest';
import { stripPinyin } from '../../../src/importer/pinyin';
import { seedText } from '../../helpers/fixtures';

describe('stripPinyin', () => {
  it('removes a toned syllable in ASCII parentheses after a Han character', () => {
    expect(stripPinyin('根據(jù)市委巡察工作統(tǒng)一部署')).toEqual({ text: '根據市委巡察工作統一部署', removed: 2 });
  });

  it.each([
    ['說(shuō)', '說'],
    ['莊(zhuāng)', '莊'],
    ['綠(lǜ)化', '綠化'],
    ['關(guān)於(yú)', '關於'],
    ['我們(men)的(de)', '我們的'],
    ['集團(tuán)黨(dǎng)委', '集團黨委'],
  ])('removes the annotation in %s', (input, output) => {
    expect(stripPinyin(input).text).toBe(output);
  });

  it.each([
    ['full-width numbering', '（一）强化谋划部署'],
    ['ASCII numbering', '(一)强化谋划部署'],
    ['a parenthesised Chinese word', '《实施细则（试行）》'],
    ['an ASCII-parenthesised Chinese word', '《实施细则(试行)》'],
    ['pinyin in a URL', '详见http://example.com/ju(jù)/index.html'],
    ['pinyin in an email address', '邮箱：ju(jù)@126.com'],
    ['pinyin standing alone', '“据”读作 (jù)'],
    ['a space between character and annotation', '根 (jù)'],
    ['an English word in parentheses', '数字中心(data)建设'],
    ['an upper-case abbreviation', '国资委(SASAC)'],
    ['digits', '第(1)项'],
  ])('keeps %s', (_, text) => {
    expect(stripPinyin(text)).toEqual({ text, removed: 0 });
  });

  it('removes every annotation in the seed and nothing else', () => {
    const seed = seedText();
    const { text, removed } = stripPinyin(seed);
    expect(removed).toBe(1713);
    expect(text).not.toMatch(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/);
    // Removing annotations only deletes characters: every other character is kept, in order.
    expect(seed.replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g, '')).toBe(text);
    expect(text).toContain('\n(一)強化謀劃部署,'); // ASCII numbering and punctuation survive
    expect(text.split('\n')).toHaveLength(seed.split('\n').length);
  });
});
