// Cuts an OpenCC phrase dictionary ("key value|key value|…", as opencc-js ships them) down to the phrases
// that occur in a given text. OpenCC converts by longest match over the dictionary's keys, so a phrase
// that does not occur in the text can never apply: the cut dictionary converts that text exactly as the
// whole one does, at a fraction of the size (the Simplified→Traditional phrase list is about 1 MB).

export function subsetDictionary(dict: string, text: string): string {
  const entries = dict.split('|');
  const keys = new Map<string, string>();
  let longest = 0;
  for (const entry of entries) {
    const key = entry.slice(0, entry.indexOf(' '));
    if (!key) continue;
    keys.set(key, entry);
    longest = Math.max(longest, [...key].length);
  }
  const chars = [...text];
  const found = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    let candidate = '';
    for (let n = 0; n < longest && i + n < chars.length; n++) {
      candidate += chars[i + n];
      if (keys.has(candidate)) found.add(candidate);
    }
  }
  return entries.filter((entry) => found.has(entry.slice(0, entry.indexOf(' ')))).join('|');
}
