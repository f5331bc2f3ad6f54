// A Vite plugin with two virtual modules for the browser's Simplified/Traditional handling, both computed
// from opencc-js at build time:
// - `virtual:gongshi/traditional-chars`: the characters that Traditional→Simplified conversion changes.
//   The search page uses it to tell whether a query needs the converter (about 110 KB), which is then
//   fetched only for Traditional queries.
// - `virtual:gongshi/to-traditional`: a Simplified→Traditional (Taiwan) converter for the 简/繁 reading
//   control, with OpenCC's phrase list cut down to the phrases in this site's text (src/reading/opencc-subset):
//   tens of KB instead of 1 MB, converting the site's text exactly as the full converter does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js/t2cn';
import STPhrases from 'opencc-js/dict/STPhrases';
import RegionalPhrases from 'opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases';
import type { Plugin } from 'vite';
import { subsetDictionaries } from '../reading/opencc-subset';
import { contentDir } from '../base/paths';
import { filesUnder } from '../base/files';

const CHARS_ID = 'virtual:gongshi/traditional-chars';
const CONVERTER_ID = 'virtual:gongshi/to-traditional';

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

/** All text the site can show, file by file: the content folder and the strings in the site's own source. */
export function* siteTexts(root: string): Generator<string> {
  for (const dir of [contentDir(), join(root, 'src')]) {
    // Files only, and none under a node_modules/ (`npm run check` run inside a content folder leaves its cache
    // there, in a folder named .astro).
    const files = filesUnder(dir).filter((f) => /\.(md|ya?ml|astro|ts)$/.test(f) && !f.split('/').includes('node_modules'));
    for (const f of files) yield readFileSync(join(dir, f), 'utf8');
  }
}

/** Source of the to-traditional module: the cn→tw converter with the phrase lists cut to `texts`. */
export function toTraditionalModule(texts: Iterable<string>): string {
  const [phrases, regional] = subsetDictionaries([STPhrases, RegionalPhrases], texts);
  return [
    `import { makeToTraditional } from ${JSON.stringify(fileURLToPath(new URL('../reading/to-traditional.ts', import.meta.url)))};`,
    `export const toTraditional = makeToTraditional(${JSON.stringify(phrases)}, ${JSON.stringify(regional)});`,
  ].join('\n');
}

export default function openccModules(): Plugin {
  let root = process.cwd();
  return {
    name: 'gongshi:opencc-modules',
    configResolved(config) {
      root = config.root;
    },
    resolveId: (id) => (id === CHARS_ID || id === CONVERTER_ID ? `\0${id}` : undefined),
    load(id) {
      if (id === `\0${CHARS_ID}`) {
        return [
          `const CHARS = ${JSON.stringify(traditionalChars())};`,
          'let set;',
          'export function hasTraditional(text) {',
          '  set ??= new Set(CHARS);',
          '  for (const ch of text) if (set.has(ch)) return true;',
          '  return false;',
          '}',
        ].join('\n');
      }
      if (id === `\0${CONVERTER_ID}`) return toTraditionalModule(siteTexts(root));
      return undefined;
    },
  };
}
