// Traditional → Simplified conversion, done only when the text is Traditional.
import * as OpenCC from 'opencc-js';

// Taiwan forms (著重, 著力) read as mainland Simplified (着重, 着力); plain `t` leaves them.
const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

/** Share of Han characters that must change under conversion for a text to count as Traditional. */
const TRADITIONAL_SHARE = 0.03;

export function toSimplifiedIfTraditional(text: string): { text: string; converted: number; traditional: boolean } {
  const simplified = toSimplified(text);
  let converted = 0;
  let han = 0;
  const a = [...text];
  const b = [...simplified];
  for (let i = 0; i < a.length; i++) {
    if (/\p{Script=Han}/u.test(a[i])) han++;
    if (a[i] !== b[i]) converted++;
  }
  const traditional = han > 0 && converted / han >= TRADITIONAL_SHARE;
  return traditional ? { text: simplified, converted, traditional } : { text, converted: 0, traditional };
}
