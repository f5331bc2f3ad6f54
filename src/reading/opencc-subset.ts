// Cuts OpenCC phrase dictionaries ("key value|key value|…", as opencc-js ships them) down to the phrases
// that occur in a given text. OpenCC converts by longest match over the dictionary's keys, so a phrase
// that does not occur in the text can never apply: the cut dictionary converts that text exactly as the
// whole one does, at a fraction of the size (the Simplified→Traditional phrase list is about 1 MB).

/**
 * The entries of each dictionary whose key occurs somewhere in `texts`. The texts are scanned once, in
 * place: at each position the keys starting with the next two UTF-16 units (or one, for one-unit keys)
 * are tried, so the cost is linear in the text, which can be tens of MB on a large site.
 */
export function subsetDictionaries(dicts: string[], texts: Iterable<string>): string[] {
  const entries = dicts.map((dict) => dict.split('|'));
  const single = new Set<string>();
  const byPair = new Map<number, string[]>();
  for (const list of entries) {
    for (const entry of list) {
      const key = entry.slice(0, entry.indexOf(' '));
      if (key.length === 1) single.add(key);
      else if (key.length > 1) {
        const pair = key.charCodeAt(0) * 0x10000 + key.charCodeAt(1);
        const keys = byPair.get(pair);
        if (keys) keys.push(key);
        else byPair.set(pair, [key]);
      }
    }
  }
  const found = new Set<string>();
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      if (single.size && single.has(text[i])) found.add(text[i]);
      const keys = byPair.get(text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1));
      if (keys) for (const key of keys) if (text.startsWith(key, i)) found.add(key);
    }
  }
  return entries.map((list) => list.filter((entry) => found.has(entry.slice(0, entry.indexOf(' ')))).join('|'));
}

export function subsetDictionary(dict: string, text: string): string {
  return subsetDictionaries([dict], [text])[0];
}
