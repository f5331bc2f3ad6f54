// Recognises the closing block of a notice, read from its end: appeal, contact lines, signature, date.
import { CONTACT_LINE, SIGNATURE_DATE, isAppeal, parseNumbering } from './numbering';

export type ClosingKind = 'appeal' | 'contact' | 'signature' | 'date';

const ORG_END = /(委员会|公司|集团|局|厅|委|办公室|院|中心|大学|学院|政府|党组|党委|纪委)$/;

/** Returns the kind of each of the last blocks that form the closing, aligned with `texts`. */
export function classifyClosing(texts: string[]): Array<ClosingKind | undefined> {
  const kinds = new Array<ClosingKind | undefined>(texts.length).fill(undefined);
  let end = texts.length;
  if (end > 0 && SIGNATURE_DATE.test(texts[end - 1])) {
    kinds[--end] = 'date';
    if (end > 0 && ORG_END.test(texts[end - 1]) && !parseNumbering(texts[end - 1])) kinds[--end] = 'signature';
  }
  while (end > 0 && CONTACT_LINE.test(texts[end - 1])) kinds[--end] = 'contact';
  while (end > 0 && isAppeal(texts[end - 1]) && !parseNumbering(texts[end - 1])) kinds[--end] = 'appeal';
  return kinds;
}
