// Restores full-width punctuation where a scraper turned it into ASCII, in Chinese context only.
// Phone numbers, emails, URLs, times (9:00) and decimals are left alone.
import { addressRest } from './web-address';

const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’《》—…]/u;
const URL_TAIL = addressRest();
// An email starts where its run of address characters starts: tried from every position inside a long run of
// letters, `[\w.+-]+@` would rescan the rest of the run each time (quadratic on a 200,000-letter line).
const PROTECTED = new RegExp(
  `(?:https?|ftp):\\/\\/${URL_TAIL}|(?<![\\w.+-])[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+|www\\.[\\w-]+(?:\\.[\\w-]+)+${URL_TAIL}`,
  'gu',
);

const HAN = /\p{Script=Han}/u;

const SIMPLE: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！' };

export function restorePunctuation(text: string): { text: string; restored: number } {
  let restored = 0;
  const out = text
    .split('\n')
    .map((line) => {
      const r = restoreLine(line);
      restored += r.restored;
      return r.text;
    })
    .join('\n');
  return { text: out, restored };
}

/** `(1)` or `(一)` opening a line of Chinese text: GB/T 9704 numbers with full-width brackets, `（1）`. */
const ASCII_NUMBERING = /^(\s*)\((\d{1,3}|[一二三四五六七八九十]{1,3})\)(?=\s*[\p{Script=Han}“《])/u;

function restoreLine(original: string): { text: string; restored: number } {
  const numbering = original.match(ASCII_NUMBERING);
  const line = numbering ? original.replace(ASCII_NUMBERING, '$1（$2）') : original;
  const chars = [...line];
  const locked = new Array<boolean>(chars.length).fill(false);
  // Mark characters inside URLs and emails (indices over code points).
  const offsets = codePointOffsets(line);
  for (const m of line.matchAll(PROTECTED)) {
    const start = offsets.get(m.index!)!;
    const end = offsets.get(m.index! + m[0].length) ?? chars.length;
    for (let i = start; i < end; i++) locked[i] = true;
  }
  let restored = numbering ? 2 : 0;
  const near = (i: number, step: number) => {
    for (let j = i + step; j >= 0 && j < chars.length; j += step) if (chars[j] !== ' ') return chars[j];
    return '';
  };
  const chinese = (i: number) => CJK.test(near(i, -1)) || CJK.test(near(i, 1));

  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (locked[i] || !(c in SIMPLE)) continue;
    const before = chars[i - 1] ?? '';
    const after = chars[i + 1] ?? '';
    if ((c === ',' || c === ':') && /\d/.test(before) && /\d/.test(after)) continue; // 1,000 and 9:00
    if (!chinese(i)) continue;
    chars[i] = SIMPLE[c];
    restored++;
  }

  // Parentheses: a matched pair becomes full-width when what it encloses is Chinese.
  const stack: number[] = [];
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < chars.length; i++) {
    if (locked[i]) continue;
    if (chars[i] === '(') stack.push(i);
    else if (chars[i] === ')' && stack.length) pairs.push([stack.pop()!, i]);
  }
  // Han characters before each index, so each pair is checked in constant time (pairs may nest deeply).
  const hanBefore = [0];
  for (const c of chars) hanBefore.push(hanBefore.at(-1)! + Number(HAN.test(c)));
  for (const [open, close] of pairs) {
    if (hanBefore[close] > hanBefore[open + 1]) {
      chars[open] = '（';
      chars[close] = '）';
      restored += 2;
    }
  }
  return { text: chars.join(''), restored };
}

function codePointOffsets(s: string): Map<number, number> {
  const map = new Map<number, number>();
  let cp = 0;
  for (let i = 0; i < s.length;) {
    map.set(i, cp);
    i += s.codePointAt(i)! > 0xffff ? 2 : 1;
    cp++;
  }
  map.set(s.length, cp);
  return map;
}
