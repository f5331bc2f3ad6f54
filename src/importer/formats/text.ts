// White space and Chinese characters as the format readers see them, shared so that every format gives
// the text pipeline the same thing: one paragraph on one line, indentation trimmed.

/** Chinese characters and the full-width punctuation, quotes and dashes set with them (no spaces belong next to these in a layout's text). */
const CJK_CLASS = '\\p{Script=Han}\\u2e80-\\u2fdf\\u3000-\\u303f\\uff00-\\uffef\\u2018-\\u201f\\u2014\\u2015\\u2026\\u00b7';
const CJK = new RegExp(`[${CJK_CLASS}]`, 'u');
const HAN = /\p{Script=Han}/gu;

/** Invisible characters that editors and CMSs leave in text: zero-width spaces and joiners, BOMs, soft hyphens. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
/** Every kind of white space an HTML page, a Word file or a PDF puts in a line: &nbsp;, U+3000 indentation, tabs, line ends. */
const SPACES = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
/**
 * A line break in an HTML source between two Chinese characters is the editor wrapping its source, not a
 * space the author typed (CSS Text 3 removes it too), so it goes.
 */
const SOURCE_BREAK_IN_CJK = new RegExp(`(?<=[${CJK_CLASS}])[ \\t\\f\\r]*\\n[ \\t\\f\\r\\n]*(?=[${CJK_CLASS}])`, 'gu');
const SPACE_NEAR_CJK = new RegExp(`(?<=[${CJK_CLASS}]) | (?=[${CJK_CLASS}])`, 'gu');

export const isCjk = (ch: string): boolean => CJK.test(ch);

export function hanCount(text: string): number {
  return text.match(HAN)?.length ?? 0;
}

export interface CleanOptions {
  /**
   * Drop spaces next to Chinese characters: a PDF's text layer has spaces where glyphs stand apart (justified
   * lines), never ones the author typed. Off for Word and HTML, whose spaces the author did type.
   */
  spacesNearCjk?: 'drop' | 'keep';
}

/** One paragraph's raw text → its text on one line: invisible characters removed, white space collapsed to one space, trimmed. */
export function cleanText(raw: string, { spacesNearCjk = 'keep' }: CleanOptions = {}): string {
  let text = raw.replace(INVISIBLE, '').replace(SOURCE_BREAK_IN_CJK, '').replace(SPACES, ' ').trim();
  if (spacesNearCjk === 'drop') text = text.replace(SPACE_NEAR_CJK, '');
  return text;
}

/** Text without any white space, for comparing two renderings of the same words. */
export function compactText(text: string): string {
  return text.replace(INVISIBLE, '').replace(SPACES, '');
}
