// A Vite plugin providing `virtual:gongshi/traditional-chars`: the characters that Traditional→Simplified
// conversion changes, computed from opencc-js at build time. The search page uses it to tell whether a
// query needs the converter, so the converter (about 110 KB) is only fetched for Traditional queries.
import * as OpenCC from 'opencc-js/t2cn';
import type { Plugin } from 'vite';

const ID = 'virtual:gongshi/traditional-chars';
const RESOLVED = `\0${ID}`;

// CJK Unified Ideographs, Extension A and the Compatibility Ideographs: what readers type.
const RANGES: Array<[number, number]> = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
];

export function traditionalChars(): string {
  const converters = (['t', 'tw', 'hk'] as const).map((from) => OpenCC.Converter({ from, to: 'cn' }));
  let chars = '';
  for (const [first, last] of RANGES) {
    for (let cp = first; cp <= last; cp++) {
      const ch = String.fromCodePoint(cp);
      if (converters.some((convert) => convert(ch) !== ch)) chars += ch;
    }
  }
  return chars;
}

export default function traditionalCharsPlugin(): Plugin {
  return {
    name: 'gongshi:traditional-chars',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      return [
        `const CHARS = ${JSON.stringify(traditionalChars())};`,
        'let set;',
        'export function hasTraditional(text) {',
        '  set ??= new Set(CHARS);',
        '  for (const ch of text) if (set.has(ch)) return true;',
        '  return false;',
        '}',
      ].join('\n');
    },
  };
}
