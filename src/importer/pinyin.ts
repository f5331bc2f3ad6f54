// Removes the pinyin that some republishing sites print after every converted character: `根據(jù)` → `根據`.
// Only a Han character followed by one parenthesised, lower-case pinyin syllable is touched, so `（一）`,
// `（试行）` and `(jù)` inside a URL or an email address survive.

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
const NEUTRAL = ['men', 'me', 'de', 'le', 'zi', 'zhe', 'ne', 'ma', 'ba', 'ge', 'tou', 'zhao'];
const SYLLABLE = `[a-zü]{0,5}[${TONED}][a-zü]{0,4}|${NEUTRAL.join('|')}`;
const ANNOTATION = new RegExp(`(\\p{Script=Han})\\((?:${SYLLABLE})\\)`, 'gu');

export function stripPinyin(text: string): { text: string; removed: number } {
  let removed = 0;
  const out = text.replace(ANNOTATION, (_, han: string) => {
    removed++;
    return han;
  });
  return { text: out, removed };
}
