import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { cleanUpText } from '../../../src/importer';
import { stripPinyin } from '../../../src/importer/pinyin';
import { toSimplifiedIfTraditional } from '../../../src/importer/script';
import { sampleText, seedText } from '../../helpers/fixtures';

describe('toSimplifiedIfTraditional', () => {
  it('converts a Traditional text to Simplified and counts the changed characters', () => {
    expect(toSimplifiedIfTraditional('集團黨委及時組織召開巡察整改工作部署會')).toEqual({
      text: '集团党委及时组织召开巡察整改工作部署会',
      converted: 7,
      traditional: true,
    });
  });

  it('leaves a clean Simplified text untouched, even characters OpenCC would map', () => {
    // 著, 干, 后, 里, 面, 发 are all valid Simplified; a Simplified text must come back byte for byte.
    const text =
      '集团党委及时组织召开巡察整改工作部署会，明确要求各级党组织做到责任不推诿。著重梳理典型案例，干部群众后来发现里面的问题，头发。';
    expect(toSimplifiedIfTraditional(text)).toEqual({ text, converted: 0, traditional: false });
  });

  it('leaves the committed (Simplified) sample body untouched', () => {
    const body = sampleText().split('\n---\n')[1];
    const result = toSimplifiedIfTraditional(body);
    expect(result.traditional).toBe(false);
    expect(result.text).toBe(body);
  });

  it('does not convert a Simplified text with an isolated Traditional character', () => {
    const text = `${'巡察整改工作扎实推进，整改成效明显。'.repeat(5)}國`;
    expect(toSimplifiedIfTraditional(text)).toEqual({ text, converted: 0, traditional: false });
  });

  it('leaves a text without Han characters alone', () => {
    expect(toSimplifiedIfTraditional('E-mail: whtkjt@126.com')).toEqual({
      text: 'E-mail: whtkjt@126.com',
      converted: 0,
      traditional: false,
    });
  });

  it('converts the seed: same length, only Han characters change', () => {
    const stripped = stripPinyin(seedText()).text;
    const { text, converted, traditional } = toSimplifiedIfTraditional(stripped);
    expect(traditional).toBe(true);
    expect(converted).toBe(2768);
    const a = [...stripped];
    const b = [...text];
    expect(b).toHaveLength(a.length);
    const changed = a.flatMap((c, i) => (c === b[i] ? [] : [c]));
    expect(changed).toHaveLength(converted);
    expect(changed.every((c) => /\p{Script=Han}/u.test(c))).toBe(true);
    expect(text).toContain('根据市委巡察工作统一部署');
    expect(text).toContain('武汉产业投资控股集团有限公司');
  });

  // OpenCC's `t → cn` leaves the Taiwan forms 著重 and 著力, which mainland Simplified writes 着重 and 着力.
  it('reads Taiwan forms as mainland Simplified (tw → cn), and differs from t → cn on the seed in those alone', () => {
    const stripped = stripPinyin(seedText()).text;
    const viaT = [...OpenCC.Converter({ from: 't', to: 'cn' })(stripped)];
    const { text } = toSimplifiedIfTraditional(stripped);
    const differences = [...text].flatMap((c, i) => (c === viaT[i] ? [] : [`${viaT[i]}→${c}`]));
    expect(differences).toEqual(['著→着', '著→着']);
    expect(text).toContain('着重梳理');
    expect(text).toContain('着力强化理论武装');
  });

  it('is what cleanUpText uses: a normalised text is already Simplified', () => {
    const once = cleanUpText(seedText()).text;
    expect(toSimplifiedIfTraditional(once)).toEqual({ text: once, converted: 0, traditional: false });
  });
});
