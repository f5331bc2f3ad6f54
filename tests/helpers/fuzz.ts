// Seeded generators of raw inputs for fuzzing the importer: random bytes, damaged, shuffled and re-encoded
// copies of the seed, hostile long lines, control characters, Markdown syntax, and 5 MB files.
// Every input is made from its own PRNG stream, seeded by (run seed, generator, index), so one input can be
// replayed without making the ones before it.
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { Random } from '../../bench/random';
import { seedBytes, seedText } from './fixtures';

/** mulberry32 (the benchmark corpus's seeded PRNG) as a function: a float in [0, 1) per call. */
export function mulberry32(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}

/** FNV-1a over the parts, so every (seed, generator, index) has its own stream. */
export function streamSeed(seed: number, generator: string, index: number): number {
  let h = 0x811c9dc5;
  for (const ch of `${seed >>> 0}/${generator}/${index}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** An integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  shuffle<T>(xs: readonly T[]): T[] {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
  bytes(n: number, byte: () => number = () => this.int(256)): Buffer {
    const out = Buffer.alloc(n);
    for (let i = 0; i < n; i++) out[i] = byte();
    return out;
  }
}

/** Bytes, and for lossless re-encodings the text they stand for: the two must import to the same notice. */
export interface Made {
  bytes: Uint8Array;
  sameAs?: string;
}

export interface InputGenerator {
  name: string;
  count: number;
  make(rng: Rng, index: number): Uint8Array | Made;
}

export interface FuzzInput extends Made {
  generator: string;
  index: number;
}

// ---------------------------------------------------------------------------------------------------------
// Material: the seed as bytes, lines and characters, in Traditional-with-pinyin (as scraped) and Simplified.

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const PINYIN = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g;
const toCn = OpenCC.Converter({ from: 't', to: 'cn' });

let material: ReturnType<typeof makeMaterial> | undefined;
function makeMaterial() {
  const seed = seedText();
  const traditional = seed.replace(PINYIN, '');
  const simplified = toCn(traditional)
    .replace(/(?<=[\p{Script=Han}“”）])[,:;]|[,:;](?=[\p{Script=Han}“”（])/gu, (c) => ({ ',': '，', ':': '：', ';': '；' })[c]!)
    .replace(/\(([^()]*\p{Script=Han}[^()]*)\)/gu, '（$1）');
  const han = [...new Set(simplified.match(/\p{Script=Han}/gu))];
  return {
    seed,
    bytes: seedBytes(),
    lines: seed.split('\n'),
    traditional,
    simplified,
    simplifiedLines: simplified.split('\n'),
    han,
    /** Lines of the closing block at the seed's end: appeal, three contact lines, signature, date. */
    closingLines: 6,
  };
}
export const seedMaterial = () => (material ??= makeMaterial());

const hanRun = (rng: Rng, n: number) => {
  const { han } = seedMaterial();
  let s = '';
  for (let i = 0; i < n; i++) s += rng.pick(han);
  return s;
};

/** A Chinese sentence or two from the seed's characters. */
const sentence = (rng: Rng, max = 40) => {
  let s = hanRun(rng, rng.range(2, max));
  while (rng.chance(0.3)) s += `，${hanRun(rng, rng.range(2, max))}`;
  return `${s}${rng.pick(['。', '。', '。', '；', '！', '', '：'])}`;
};

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '二十', '九十九', '零', '百'];
const cn = (n: number) =>
  n <= 10
    ? (NUMERALS[n - 1] ?? '零')
    : n < 20
      ? `十${NUMERALS[(n % 10) - 1] ?? ''}`
      : `${NUMERALS[Math.floor(n / 10) - 1]}十${NUMERALS[(n % 10) - 1] ?? ''}`;

/** Text that Markdown, YAML or HTML would read as syntax if the importer forgot to escape it. */
const SYNTAX = [
  '#',
  '# ',
  '## ',
  '* ',
  '- ',
  '+ ',
  '1. ',
  '2) ',
  '> ',
  '```',
  '~~~',
  '~~删除~~',
  '**',
  '__',
  '_',
  '*',
  '`代码`',
  '\\',
  '\\\\',
  '<div>',
  '</p>',
  '<!-- 注释 -->',
  '<script>alert(1)</script>',
  '&amp;',
  '&#x41;',
  '&copy',
  '[链接](javascript:alert(1))',
  '[a]: http://x.cn',
  '[^1]',
  '![图](data:image/png;base64,AAAA)',
  '<javascript:alert(1)>',
  'http://example.cn/a_b*c',
  'https://x.cn/路径',
  'www.example.com',
  'whtkjt@126.com',
  'mailto:a@b.cn',
  '|a|b|',
  '|---|---|',
  '---',
  '===',
  '***',
  '___',
  ' #',
  '- [ ] ',
  '$x$',
  '{#id}',
  ':',
  '---\n',
  '"',
  "'",
  ': ',
  ' - ',
  '? ',
  '%YAML',
  '!!str',
  '&anchor',
  '*alias',
  '@',
  '`',
  'xmpp:a@b.cn/x',
  'HTTP://A.CN',
  'ftp://a.cn/x',
  '1http://a.cn',
  '_www.a.cn',
  'tel:027-1',
  'a@b.cn_',
  'http://a.cn/`x`',
];

// ---------------------------------------------------------------------------------------------------------
// Generators.

const encode = (text: string, encoding: string, bom = false) => {
  const body = iconv.encode(text, encoding);
  if (!bom) return body;
  const marks: Record<string, number[]> = { utf16le: [0xff, 0xfe], utf16be: [0xfe, 0xff], utf8: [0xef, 0xbb, 0xbf] };
  return Buffer.concat([Buffer.from(marks[encoding] ?? []), body]);
};

/** Start offsets of the seed's multi-byte UTF-8 sequences, for cuts inside a character. */
let multiByteStarts: number[] | undefined;
const cutInsideCharacter = (rng: Rng) => {
  const bytes = seedMaterial().bytes;
  multiByteStarts ??= [...bytes.keys()].filter((i) => bytes[i] >= 0xc0);
  return rng.pick(multiByteStarts) + rng.range(1, 2);
};

const randomBytes: InputGenerator = {
  name: 'random-bytes',
  count: 200,
  make(rng, index) {
    if (index < 4) return rng.bytes(index);
    const n = rng.pick([rng.int(16), rng.int(256), rng.int(4096), rng.int(65536)]);
    const kind = rng.int(5);
    if (kind === 0) return rng.bytes(n);
    if (kind === 1) return rng.bytes(n, () => (rng.chance(0.05) ? 10 : rng.range(32, 126))); // ASCII text
    if (kind === 2) return rng.bytes(n, () => (rng.chance(0.05) ? 10 : rng.range(0x81, 0xfe))); // GB18030-ish
    if (kind === 3) {
      // Valid UTF-8 of random code points, some of them Han.
      let s = '';
      while (s.length < n / 2) {
        const cp = rng.pick([rng.int(0x80), rng.range(0x4e00, 0x9fff), rng.range(0x80, 0xd7ff), rng.range(0xe000, 0x10ffff)]);
        s += String.fromCodePoint(cp);
      }
      return utf8(s);
    }
    return Buffer.concat([rng.bytes(rng.int(64)), utf8(hanRun(rng, rng.int(200))), rng.bytes(rng.int(64))]);
  },
};

const randomText: InputGenerator = {
  name: 'random-text',
  count: 100,
  make(rng) {
    const tokens = [
      '一、',
      '（一）',
      '1、',
      '2.',
      '整改情况：',
      '关于“',
      '”的问题',
      '。',
      '，',
      '\n',
      '\n',
      '\n\n',
      ' ',
      '\t',
      '\u3000',
      '\u2028',
      '\f',
      '2023年9月20日',
      '联系电话：',
      '中共某某委员会',
      '一是',
      ...SYNTAX,
    ];
    const parts: string[] = [];
    for (let i = rng.int(300); i >= 0; i--) parts.push(rng.chance(0.5) ? hanRun(rng, rng.int(20)) : rng.pick(tokens));
    return utf8(parts.join(''));
  },
};

/** A notice built from a grammar: mostly well-formed, with random slips in numbering, dates and contacts. */
function grammarNotice(rng: Rng, size: { sections: number; groups: number; items: number; paragraph: number }): string {
  const lines: string[] = [];
  const slip = (n: number) => (rng.chance(0.03) ? n + rng.pick([-1, 1, 2, 0]) : n);
  const noise = () => (rng.chance(0.15) ? rng.pick(SYNTAX) : '');
  if (rng.chance(0.6))
    lines.push(
      `${hanRun(rng, rng.range(4, 30))}关于${rng.pick(['巡察集中整改进展情况', '巡察整改情况'])}的${rng.pick(['通报', '公告', '公示'])}`,
    );
  lines.push(
    `根据${hanRun(rng, 4)}统一部署，2022年${rng.range(1, 12)}月至${rng.range(1, 12)}月，市委第${cn(rng.range(1, 9))}巡察组对${hanRun(rng, 6)}有限公司（以下简称“${hanRun(rng, 2)}”）开展了巡察，并于2022年${rng.range(1, 12)}月反馈了巡察意见。${noise()}`,
  );
  const sections = rng.range(1, size.sections);
  for (let s = 1; s <= sections; s++) {
    lines.push(`${cn(slip(s))}、${hanRun(rng, rng.range(2, 20))}${noise()}`);
    if (rng.chance(0.5)) lines.push(`${sentence(rng, size.paragraph)}${noise()}`);
    const groups = rng.int(size.groups + 1);
    for (let g = 1; g <= groups; g++) {
      if (rng.chance(0.3)) {
        lines.push(`（${cn(slip(g))}）${sentence(rng)}${sentence(rng, size.paragraph)}${noise()}`); // a lead paragraph
        continue;
      }
      lines.push(`（${cn(slip(g))}）关于“${hanRun(rng, rng.range(2, 30))}${noise()}”的问题${rng.pick(['。', ''])}`);
      const items = rng.int(size.items + 1);
      for (let p = 1; p <= items; p++) {
        lines.push(
          `${slip(p)}${rng.pick(['、', '、', '.', '．'])}关于“${hanRun(rng, rng.range(2, 30))}${noise()}”的问题${rng.pick(['。', ''])}`,
        );
        let r = `整改情况：${noise()}`;
        for (let m = 1, n = rng.range(0, 4); m <= n; m++) r += `${cn(m)}是${sentence(rng, size.paragraph)}${noise()}`;
        lines.push(r);
      }
    }
  }
  if (rng.chance(0.8)) lines.push(`欢迎广大干部群众对巡察集中整改落实情况进行监督。${rng.pick(['', '如有意见建议，请及时向我们反映。'])}`);
  if (rng.chance(0.5))
    lines.push(`联系电话：${rng.pick(['027-85615369', '85615369', '电话', '(027)8561-5369转8', '+86 27 8561 5369', '12'])}`);
  if (rng.chance(0.5))
    lines.push(
      `邮件地址：${hanRun(rng, 10)}${rng.pick(['，', ',', ' ', ''])}邮政编码：${rng.pick(['430021', '43002', '4300210', 'abcdef'])}`,
    );
  if (rng.chance(0.5)) lines.push(`电子邮箱：${rng.pick(['whtkjt@126.com', 'whtkjt', 'a@b', '@', 'x@y.cn '])}`);
  if (rng.chance(0.9)) lines.push(rng.pick([`中共${hanRun(rng, 6)}委员会`, `${hanRun(rng, 4)}有限公司`, hanRun(rng, 5)]));
  const date = rng.pick([
    `${rng.range(2000, 2030)}年${rng.range(1, 12)}月${rng.range(1, 28)}日`,
    `${rng.range(2000, 2030)}年${rng.range(1, 12)}月${rng.range(1, 28)}日`,
    `${rng.range(2000, 2030)}年${rng.range(1, 12)}月${rng.range(1, 28)}日`,
    `${rng.range(0, 9999)}年${rng.range(0, 13)}月${rng.range(0, 32)}日`,
    `二〇二三年九月二十日`,
    `2023-09-20`,
    '',
  ]);
  if (date) lines.push(date);
  return lines.join('\n');
}

const noticeGrammar: InputGenerator = {
  name: 'notice-grammar',
  count: 250,
  make(rng) {
    return utf8(grammarNotice(rng, { sections: 4, groups: 4, items: 5, paragraph: 60 }));
  },
};

const truncateEnd: InputGenerator = {
  name: 'truncate-end',
  count: 120,
  make(rng) {
    const bytes = seedMaterial().bytes;
    const at = rng.chance(0.5) ? cutInsideCharacter(rng) : rng.int(bytes.length + 1);
    return bytes.subarray(0, at);
  },
};

const truncateStart: InputGenerator = {
  name: 'truncate-start',
  count: 60,
  make(rng) {
    const bytes = seedMaterial().bytes;
    const at = rng.chance(0.5) ? cutInsideCharacter(rng) : rng.int(bytes.length + 1);
    return bytes.subarray(at);
  },
};

const cutMiddle: InputGenerator = {
  name: 'cut-middle',
  count: 60,
  make(rng) {
    const bytes = seedMaterial().bytes;
    const from = rng.chance(0.5) ? cutInsideCharacter(rng) : rng.int(bytes.length);
    const to = Math.min(bytes.length, from + rng.pick([1, 2, 3, rng.int(100), rng.int(5000)]));
    return Buffer.concat([bytes.subarray(0, from), bytes.subarray(to)]);
  },
};

const shuffleLines: InputGenerator = {
  name: 'shuffle-lines',
  count: 100,
  make(rng) {
    const { lines, simplifiedLines } = seedMaterial();
    return utf8(rng.shuffle(rng.chance(0.5) ? lines : simplifiedLines).join('\n'));
  },
};

/** Shuffles, swaps or moves lines of the body, keeping the opening paragraph and the closing in place. */
const shuffleBody: InputGenerator = {
  name: 'shuffle-body',
  count: 100,
  make(rng) {
    const { lines, simplifiedLines, closingLines } = seedMaterial();
    const all = rng.chance(0.5) ? lines : simplifiedLines;
    const head = all.slice(0, 1);
    const tail = all.slice(-closingLines);
    let body = all.slice(1, -closingLines);
    const how = rng.int(3);
    if (how === 0) body = rng.shuffle(body);
    else if (how === 1) {
      const [i, j] = [rng.int(body.length), rng.int(body.length)];
      [body[i], body[j]] = [body[j], body[i]];
    } else {
      const [moved] = body.splice(rng.int(body.length), 1);
      body.splice(rng.int(body.length + 1), 0, moved);
    }
    return utf8([...head, ...body, ...tail].join('\n'));
  },
};

/** Shuffles whole blocks (a heading and what follows it up to the next heading), closing kept in place. */
const shuffleParagraphs: InputGenerator = {
  name: 'shuffle-paragraphs',
  count: 80,
  make(rng) {
    const { simplifiedLines, lines, closingLines } = seedMaterial();
    const all = rng.chance(0.5) ? lines : simplifiedLines;
    const body = all.slice(1, -closingLines);
    const blocks: string[][] = [];
    for (const line of body) {
      if (/^([一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+、)/.test(line) || blocks.length === 0) blocks.push([line]);
      else blocks.at(-1)!.push(line);
    }
    const shuffled = rng.chance(0.5) ? rng.shuffle(blocks) : rng.shuffle(blocks).slice(0, rng.range(1, blocks.length));
    return utf8([all[0], ...shuffled.flat(), ...all.slice(-closingLines)].join('\n'));
  },
};

const ENCODINGS = [
  'gb18030',
  'utf16le',
  'utf16le+bom',
  'utf16be',
  'utf16be+bom',
  'big5',
  'utf8+bom',
  'utf8+bom+bom',
  'half-utf8-half-gb18030',
  'half-gb18030-half-utf8',
  'lines-mixed',
  'bom+gb18030',
  'gb18030+crlf',
  'utf16le+bom+crlf',
] as const;

const encodings: InputGenerator = {
  name: 'encoding',
  count: 200,
  make(rng) {
    const m = seedMaterial();
    let text = rng.pick([m.seed, m.simplified, m.traditional]);
    if (rng.chance(0.2)) text = text.slice(0, rng.int(text.length));
    const made = (bytes: Uint8Array, sameAs = text): Made => ({ bytes, sameAs });
    const how = rng.pick(ENCODINGS);
    switch (how) {
      case 'big5': {
        const source = rng.chance(0.8) ? m.traditional : text;
        const bytes = encode(source, 'big5');
        return iconv.decode(bytes, 'big5') === source ? made(bytes, source) : bytes; // pinyin marks are not in Big5
      }
      case 'utf8+bom':
        return made(encode(text, 'utf8', true));
      case 'utf8+bom+bom':
        return made(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), encode(text, 'utf8', true)]));
      case 'half-utf8-half-gb18030':
      case 'half-gb18030-half-utf8': {
        const at = rng.int(text.length);
        const [a, b] = how.startsWith('half-utf8') ? ['utf8', 'gb18030'] : ['gb18030', 'utf8'];
        return made(Buffer.concat([encode(text.slice(0, at), a), encode(text.slice(at), b)]));
      }
      case 'lines-mixed':
        return made(
          Buffer.concat(
            text.split('\n').map((l, i, all) => encode(l + (i < all.length - 1 ? '\n' : ''), rng.chance(0.9) ? 'utf8' : 'gb18030')),
          ),
        );
      case 'bom+gb18030':
        return made(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), encode(text, 'gb18030')]));
      case 'gb18030+crlf':
        return made(encode(text.replace(/\n/g, '\r\n'), 'gb18030'));
      case 'utf16le+bom+crlf':
        return made(encode(text.replace(/\n/g, '\r\n'), 'utf16le', true));
      default: {
        const [encoding, bom] = how.split('+');
        return made(encode(text, encoding, bom === 'bom'));
      }
    }
  },
};

const lineEnds: InputGenerator = {
  name: 'line-ends',
  count: 80,
  make(rng) {
    const m = seedMaterial();
    const lines = rng.chance(0.5) ? m.lines : m.simplifiedLines;
    const made = (text: string): Made => ({ bytes: utf8(text), sameAs: lines.join('\n') });
    const how = rng.int(7);
    if (how === 0) return made(lines.join('\r\n'));
    if (how === 1) return made(lines.join('\r'));
    if (how === 2) return made(lines.map((l) => l + rng.pick(['\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\n\r'])).join(''));
    if (how === 3) return made(lines.join(rng.pick(['\u2028', '\u2029', '\u0085', '\v', '\f'])));
    if (how === 4)
      return made(
        lines
          .map(
            (l) => `${rng.pick(['', ' ', '    ', '\t', '\u3000\u3000', ' \t ', '\u00a0'])}${l}${rng.pick(['', ' ', '  ', '\t', '\u3000'])}`,
          )
          .join('\n'),
      );
    if (how === 5) return made(`${'\n'.repeat(rng.int(5))}${lines.join('\n\n')}${'\n'.repeat(rng.int(5))}`);
    return made(lines.join('\n') + rng.pick(['\n', '\r\n', '\r', '\n\n\n', ' \n \t\n']));
  },
};

/**
 * Long runs that stress regular expressions, 200,000 characters without a line break (over the importer's
 * limit of 20,000 a line, so an error) or 19,500 (under it, so every stage runs on it).
 */
const LONG_RUNS: Array<(rng: Rng, n: number) => string> = [
  (rng, n) => hanRun(rng, n),
  (rng, n) => '中'.repeat(n),
  (rng, n) => 'a'.repeat(n),
  (rng, n) => ' '.repeat(n / 2) + '，'.repeat(n / 2),
  (rng, n) => `中${' '.repeat(n)}中`,
  (rng, n) => 'a.'.repeat(n / 2),
  (rng, n) => 'a@'.repeat(n / 2),
  (rng, n) => 'ab_cd-'.repeat(n / 6),
  (rng, n) => 'http://'.repeat(n / 7),
  (rng, n) => 'www.a'.repeat(n / 5),
  (rng, n) => `${'('.repeat(n / 2)}中${')'.repeat(n / 2)}`,
  (rng, n) => '(中)'.repeat(n / 3),
  (rng, n) => '中(zhōng)'.repeat(n / 8),
  (rng, n) => '中,'.repeat(n / 2),
  (rng, n) => '1,2:'.repeat(n / 4),
  (rng, n) => '关于'.repeat(n / 2),
  (rng, n) => '于2022年8月向'.repeat(n / 10),
  (rng, n) => '2022年4月至'.repeat(n / 8),
  (rng, n) => '第一巡察组、'.repeat(n / 6),
  (rng, n) => '市委'.repeat(n / 2),
  (rng, n) => '有限公司'.repeat(n / 4),
  (rng, n) => '欢迎'.repeat(n / 2),
  (rng, n) => '。'.repeat(n),
  (rng, n) => '一是'.repeat(n / 2),
  (rng, n) => '*_`[]<>&\\~'.repeat(n / 10),
  (rng, n) => '邮政编码'.repeat(n / 4),
  (rng, n) => `a${'\t '.repeat(n / 2)}b`,
  (rng, n) =>
    seedMaterial()
      .seed.replace(/\n/g, '')
      .repeat(Math.ceil(n / 30000))
      .slice(0, n),
];
const LONG_LINE_PLACES = [
  'alone',
  'first',
  'opening',
  'body',
  'heading',
  'contact-phone',
  'contact-address',
  'signature',
  'before-date',
] as const;

const longLines: InputGenerator = {
  name: 'long-lines',
  count: 112,
  make(rng, index) {
    const run = LONG_RUNS[index % LONG_RUNS.length](rng, rng.chance(0.3) ? 200_000 : 19_500);
    const place = rng.pick(LONG_LINE_PLACES);
    const lines = [...seedMaterial().simplifiedLines];
    const n = lines.length;
    switch (place) {
      case 'alone':
        return utf8(run);
      case 'first':
        return utf8([run, ...lines].join('\n'));
      case 'opening':
        lines[0] += run;
        break;
      case 'body':
        lines[rng.range(2, n - 8)] += run;
        break;
      case 'heading':
        lines[1] = `一、${run}`;
        break;
      case 'contact-phone':
        lines[n - 5] = `联系电话：${run}`;
        break;
      case 'contact-address':
        lines[n - 4] = `邮件地址：${run}，邮政编码：430021`;
        break;
      case 'signature':
        lines[n - 2] = `${run}委员会`;
        break;
      case 'before-date':
        lines.splice(n - 1, 0, run);
        break;
    }
    return utf8(lines.join('\n'));
  },
};

const CONTROLS = [
  '\0',
  '\x01',
  '\x07',
  '\b',
  '\v',
  '\f',
  '\x1b',
  '\x1f',
  '\x7f',
  '\u0085',
  '\ufffd',
  '\u200b',
  '\ufeff',
  '\u202e',
  '\ud83d\ude00',
];

const controlChars: InputGenerator = {
  name: 'control-chars',
  count: 120,
  make(rng) {
    const m = seedMaterial();
    const chars = [...(rng.chance(0.5) ? m.seed : m.simplified)];
    const rate = rng.pick([0.00003, 0.0003, 0.0009, 0.0011, 0.002, 0.01, 0.1]);
    const only = rng.chance(0.3) ? rng.pick(CONTROLS) : undefined;
    for (let k = Math.max(1, Math.round(chars.length * rate)); k > 0; k--) {
      chars.splice(rng.int(chars.length + 1), 0, only ?? rng.pick(CONTROLS));
    }
    // Sometimes in the lines that matter most: a heading, the signature, the date.
    if (rng.chance(0.2)) {
      const lines = chars.join('').split('\n');
      const i = rng.pick([1, lines.length - 1, lines.length - 2]);
      lines[i] = `${lines[i]}${only ?? rng.pick(CONTROLS)}`;
      return utf8(lines.join('\n'));
    }
    return utf8(chars.join(''));
  },
};

const TRADITIONAL_LOCALES = ['t', 'tw', 'twp', 'hk'] as const;
const toTraditional = new Map<string, (text: string) => string>();
const traditionalConverter = (to: (typeof TRADITIONAL_LOCALES)[number]) => {
  if (!toTraditional.has(to)) toTraditional.set(to, OpenCC.Converter({ from: 'cn', to }));
  return toTraditional.get(to)!;
};

const traditional: InputGenerator = {
  name: 'traditional',
  count: 50,
  make(rng) {
    const { simplified } = seedMaterial();
    const to = traditionalConverter(rng.pick(TRADITIONAL_LOCALES));
    const how = rng.int(3);
    if (how === 0) return utf8(to(simplified));
    if (how === 1) {
      const at = rng.int(simplified.length);
      return utf8(simplified.slice(0, at) + to(simplified.slice(at)));
    }
    return utf8(
      simplified
        .split('\n')
        .map((l) => (rng.chance(0.5) ? to(l) : l))
        .join('\n'),
    );
  },
};

const SYLLABLES = [
  'jù',
  'tǒng',
  'zhōng',
  'guó',
  'lǜ',
  'nǚ',
  'de',
  'men',
  'le',
  'zhe',
  'ju',
  'JÙ',
  'Jù',
  'jù ',
  'jù5',
  'ǎ',
  'zhuàngzhuàngzhuàng',
  '',
  'ü',
  'ā',
  'x',
  'jù)(jù',
];

const pinyinNoise: InputGenerator = {
  name: 'pinyin-noise',
  count: 120,
  make(rng) {
    const m = seedMaterial();
    const text = rng.pick([m.seed, m.simplified, m.traditional]);
    const rate = rng.pick([0.01, 0.1, 0.5, 1]);
    const shape = rng.int(4);
    const annotate = () => {
      const s = rng.pick(SYLLABLES);
      if (shape === 0) return `(${s})`;
      if (shape === 1) return rng.pick([`(${s})`, `（${s}）`, `(${s}`, `${s})`, `((${s}))`, `(${s})(${s})`]);
      if (shape === 2) return `(${s})`.repeat(rng.range(1, 3));
      return rng.pick([`(${s})`, ` (${s})`, `(${s}) `]);
    };
    return utf8(text.replace(/\p{Script=Han}/gu, (h) => (rng.chance(rate) ? h + annotate() : h)));
  },
};

const byteMutations: InputGenerator = {
  name: 'byte-mutations',
  count: 200,
  make(rng) {
    let bytes: Buffer = Buffer.from(seedMaterial().bytes);
    for (let k = rng.range(1, 20); k > 0; k--) {
      const at = rng.int(bytes.length + 1);
      const op = rng.int(5);
      if (op === 0 && at < bytes.length) bytes[at] ^= 1 << rng.int(8);
      else if (op === 1) bytes = Buffer.concat([bytes.subarray(0, at), rng.bytes(rng.range(1, 4)), bytes.subarray(at)]);
      else if (op === 2) bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(Math.min(bytes.length, at + rng.range(1, 8)))]);
      else if (op === 3) {
        const from = rng.int(bytes.length);
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(from, from + rng.range(1, 200)), bytes.subarray(at)]);
      } else if (at < bytes.length) bytes[at] = rng.pick([0, 0x0a, 0x0d, 0x28, 0x29, 0x2c, 0x3a, 0xff, 0x80, 0xe4]);
    }
    return bytes;
  },
};

const DATES = [
  '2023年2月30日',
  '2023年13月1日',
  '0000年1月1日',
  '0099年1月1日',
  '0100年1月1日',
  '9999年12月31日',
  '2024年2月29日',
  '2023年02月05日',
  '2023年9月20日 ',
  '2023 年 9 月 20 日',
  '２０２３年９月２０日',
  '2023年9月20日。',
  '日期：2023年9月20日',
  '2023年9月',
];

const lineMutations: InputGenerator = {
  name: 'line-mutations',
  count: 150,
  make(rng) {
    const m = seedMaterial();
    const lines = [...(rng.chance(0.5) ? m.lines : m.simplifiedLines)];
    for (let k = rng.range(1, 4); k > 0; k--) {
      const i = rng.int(lines.length);
      const op = rng.int(8);
      if (op === 0) lines.splice(i, 1);
      else if (op === 1) lines.splice(i, 0, lines[rng.int(lines.length)]);
      else if (op === 2) lines[i] = `${rng.pick(SYNTAX)}${lines[i]}`;
      else if (op === 3) lines[i] = `${lines[i]}${rng.pick(SYNTAX)}`;
      else if (op === 4) {
        const at = rng.int(lines[i].length + 1);
        lines[i] = lines[i].slice(0, at) + rng.pick(SYNTAX) + lines[i].slice(at);
      } else if (op === 5) lines[lines.length - 1] = rng.pick(DATES);
      else if (op === 6)
        lines[i] = lines[i].replace(/^([一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+、)/, () =>
          rng.pick(['一、', '十一、', '（二十）', '(一)', '99、', '0、', '1.', '']),
        );
      else lines[lines.length - 2] = rng.pick(['', '中共某某委员会', '某某有限公司', '一、某某委员会', '欢迎监督']);
    }
    return utf8(lines.join('\n'));
  },
};

const markdownNoise: InputGenerator = {
  name: 'markdown-noise',
  count: 100,
  make(rng) {
    const lines = [...seedMaterial().simplifiedLines];
    for (let k = rng.range(1, 30); k > 0; k--) {
      const i = rng.int(lines.length - 1); // never the date line
      const numbered = /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+、|整改情况：)/.exec(lines[i])?.[0].length ?? 0;
      const at = rng.chance(0.5) ? numbered : rng.range(numbered, lines[i].length); // numbering stays in front
      lines[i] = lines[i].slice(0, at) + rng.pick(SYNTAX) + lines[i].slice(at);
    }
    return utf8(lines.join('\n'));
  },
};

/** About 5 MB each: the seed repeated, random Han text (with and without line breaks), a huge valid notice. */
const HUGE = 5 * 1024 * 1024;
const huge: InputGenerator = {
  name: 'huge',
  count: 5,
  make(rng, index) {
    const m = seedMaterial();
    if (index === 0) return utf8(`${m.seed}\n`.repeat(Math.ceil(HUGE / m.bytes.length)));
    if (index === 1) return utf8(m.seed.replace(/\n/g, '').repeat(Math.ceil(HUGE / m.bytes.length)));
    if (index === 2) return utf8(Array.from({ length: HUGE / 3 / 100 }, () => hanRun(rng, 99)).join('\n'));
    if (index === 3) return utf8(hanRun(rng, HUGE / 3));
    // One large notice that should import: the seed's body with its problems repeated and renumbered.
    const problems: string[] = [];
    for (let p = 1, length = 0; length < HUGE / 3; p++) {
      problems.push(`${p}、关于“${hanRun(rng, 20)}”的问题。`, `整改情况：一是${sentence(rng, 400)}二是${sentence(rng, 400)}`);
      length += problems.at(-1)!.length + problems.at(-2)!.length + 2;
    }
    const lines = m.simplifiedLines;
    return utf8(
      [
        lines[0],
        '一、巡察整改组织领导情况',
        lines[2],
        '二、整改进展情况及成效',
        '（一）关于“问题”的问题。',
        ...problems,
        ...lines.slice(-m.closingLines),
      ].join('\n'),
    );
  },
};

export const GENERATORS: InputGenerator[] = [
  randomBytes,
  randomText,
  noticeGrammar,
  truncateEnd,
  truncateStart,
  cutMiddle,
  shuffleLines,
  shuffleBody,
  shuffleParagraphs,
  encodings,
  lineEnds,
  longLines,
  controlChars,
  traditional,
  pinyinNoise,
  byteMutations,
  lineMutations,
  markdownNoise,
  huge,
];

export function makeInput(seed: number, generator: InputGenerator, index: number): FuzzInput {
  const made = generator.make(new Rng(streamSeed(seed, generator.name, index)), index);
  return { generator: generator.name, index, ...(made instanceof Uint8Array ? { bytes: made } : made) };
}
