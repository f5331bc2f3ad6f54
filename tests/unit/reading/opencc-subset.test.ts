// The 简/繁 control's converter is opencc-js's cn→tw with its phrase lists cut to the site's own text.
// It must convert that text exactly as the full converter does, and be much smaller.
import * as OpenCC from 'opencc-js/cn2t';
import STPhrases from 'opencc-js/dict/STPhrases';
import RegionalPhrases from 'opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases';
import { describe, expect, it } from 'vitest';
import { siteTexts } from '../../../src/integrations/opencc-modules';
import { subsetDictionaries, subsetDictionary } from '../../../src/reading/opencc-subset';
import { makeToTraditional } from '../../../src/reading/to-traditional';
import { ROOT } from '../../helpers/build';

describe('subsetDictionary', () => {
  const dict = '一伙 一夥|干部 幹部|头发 頭髮|发展 發展|发展中 發展中';

  it('keeps exactly the phrases that occur in the text, longer ones included', () => {
    expect(subsetDictionary(dict, '加强干部队伍建设，推动高质量发展中')).toBe('干部 幹部|发展 發展|发展中 發展中');
  });

  it('keeps nothing for a text without any of them', () => {
    expect(subsetDictionary(dict, '巡察整改')).toBe('');
  });

  it('finds phrases at the very start and end of a text, and one-character keys', () => {
    expect(subsetDictionary('干部 幹部|发 發|头发 頭髮', '干部头发')).toBe('干部 幹部|发 發|头发 頭髮');
    expect(subsetDictionary('干部 幹部', '干')).toBe('');
  });

  it('cuts several dictionaries in one pass over several texts, phrases spanning no text boundary', () => {
    expect(subsetDictionaries([dict, '头发 頭髮'], ['一伙人', '头', '发'])).toEqual(['一伙 一夥', '']);
  });
});

describe('the site’s Simplified → Traditional converter', () => {
  const text = [...siteTexts(ROOT)].join('\n');
  const full = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const cut = makeToTraditional(subsetDictionary(STPhrases, text), subsetDictionary(RegionalPhrases, text));

  it('converts every line of the site’s text exactly as the full converter does', () => {
    const lines = text.split('\n').filter((line) => /\p{Script=Han}/u.test(line));
    expect(lines.length).toBeGreaterThan(100);
    const differing = lines.filter((line) => cut(line) !== full(line));
    expect(differing.slice(0, 5)).toEqual([]);
  });

  it('uses phrases only where the full list would (干部 stays 幹部, 头发 becomes 頭髮)', () => {
    const sample = makeToTraditional(subsetDictionary(STPhrases, '头发'), subsetDictionary(RegionalPhrases, '头发'));
    expect(sample('头发')).toBe(full('头发'));
    expect(cut('集团领导班子和干部职工')).toBe('集團領導班子和幹部職工');
  });

  it('carries a small fraction of the full phrase list', () => {
    expect(subsetDictionary(STPhrases, text).length).toBeLessThan(STPhrases.length / 20);
  });
});
