// PDF text as it was typed: Chromium, Word and other producers name a glyph that a radical shares with an
// ideograph by the radical's code point (月 comes out as ⽉ U+2F49, 见 as ⻅ U+2EC5), and one glyph for the em
// dash and the horizontal bar, 〜 for ～. A notice never contains the radicals themselves.

/** CJK Radicals Supplement → the ideograph drawn with the same glyph (Unicode's EquivalentUnifiedIdeograph.txt, BMP targets). */
const SUPPLEMENT = new Map(
  [
    ...'⺁厂⺂乛⺃乚⺄乙⺅亻⺆冂⺈刀⺉刂⺊卜⺋㔾⺌小⺍小⺎兀⺏尣⺐尢⺒巳⺓幺⺔彑⺕彐⺖忄⺗心⺘扌⺙攵⺛旡⺜日⺝月⺞歺⺟母⺠民⺡氵⺢氺⺣灬⺤爫⺥爫⺦丬⺧牛⺨犭⺩王⺫目⺬示⺭礻⺯糹⺰纟⺱罓⺲罒⺳㓁⺴冗⺶羊⺹耂⺺肀⺻聿⺼肉⺾艹⺿艹⻀艹⻁虎⻂衤⻃覀⻄西⻅见⻆角⻈讠⻉贝⻋车⻌辶⻍辶⻎辶⻏邑⻐钅⻑長⻒镸⻓长⻔门⻖阝⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食⻟飠⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟',
  ]
    .map((c, i, all) => (i % 2 === 0 ? ([c, all[i + 1]] as const) : undefined))
    .filter((pair): pair is readonly [string, string] => pair !== undefined),
);

/**
 * Where NFKC's ideograph for a Kangxi radical is not the one Simplified Chinese fonts share its glyph with:
 * ⼾ U+2F3E folds to 戶 but stands for 户. (Found by printing all of GB2312 through Chromium with Noto Serif
 * CJK SC and reading it back: this was the only one.)
 */
const KANGXI_SIMPLIFIED: Record<string, string> = { '\u2f3e': '户' };

/** Punctuation that comes back as a look-alike sharing its glyph: 〜 → ～, ∕ → ／, the angle brackets, ― → —. */
const PUNCTUATION: Record<string, string> = {
  '\u301c': '\uff5e',
  '\u2215': '\uff0f',
  '\u2329': '\u3008',
  '\u232a': '\u3009',
  '\u2015': '\u2014',
};

/** Kangxi radicals and the supplement to the ideographs they were drawn for, and look-alike punctuation to what was typed. */
export function foldRadicals(text: string): string {
  return text.replace(/[\u2e80-\u2fdf\u2015\u2215\u2329\u232a\u301c]/g, (c) => {
    if (PUNCTUATION[c]) return PUNCTUATION[c];
    if (c >= '\u2f00') return KANGXI_SIMPLIFIED[c] ?? c.normalize('NFKC');
    return SUPPLEMENT.get(c) ?? c;
  });
}
