// opencc-js's Simplified → Traditional (Taiwan) converter, built from given phrase lists: the browser gets
// them cut to the site's own phrases (src/integrations/opencc-modules), so the same setup converts the
// site's text exactly as the full converter would.
import { ConverterBuilder } from 'opencc-js/core';
import CJK from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import STCharacters from 'opencc-js/dict/STCharacters';
import TWVariants from 'opencc-js/dict/TWVariants';
import TWVariantsPhrases from 'opencc-js/dict/TWVariantsPhrases';

/** `stPhrases`, `regionalPhrases`: opencc-js's STPhrases and STPhrases_GeneratedFromRegionalPhrases, or cuts of them. */
export function makeToTraditional(stPhrases: string, regionalPhrases: string): (text: string) => string {
  // opencc-js rejects an empty dictionary, which a cut can be.
  const phrases = [stPhrases, regionalPhrases].filter(Boolean);
  const s2tw = {
    normalizationChain: [[CJK]],
    segmentation: phrases.length ? phrases : [STCharacters],
    conversionChain: [
      [...phrases, STCharacters],
      [TWVariantsPhrases, TWVariants],
    ],
  };
  return ConverterBuilder({
    from: { cn: [[...phrases, STCharacters]] },
    to: { tw: [[TWVariantsPhrases, TWVariants]] },
    configs: { s2tw },
  })({ from: 'cn', to: 'tw' });
}
