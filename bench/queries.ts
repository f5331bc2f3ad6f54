// The query set: ~90 queries in nine classes, taken from the corpus vocabulary so that each has a
// non-trivial ground truth (from nearly every page down to a handful or none). Fixed for every corpus
// size and seed, so reports compare.
import * as OpenCC from 'opencc-js';
import { Random } from './random';
import { readSeedText } from './seed-text';
import { CONTACTS, ORGANISATIONS, PEOPLE, SUBSIDIARY_KINDS } from './vocabulary';

export const QUERY_CLASSES = [
  'word',
  'long-word',
  'multi-word',
  'organisation',
  'person',
  'phrase',
  'traditional',
  'width',
  'number',
] as const;
export type QueryClass = (typeof QUERY_CLASSES)[number];

export interface BenchQuery {
  class: QueryClass;
  query: string;
  /** For `traditional` and `width` queries: the query it is a variant of. */
  source?: string;
}

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** ASCII → full-width forms (`2` → `２`, space → U+3000). */
export function toFullWidth(text: string): string {
  return text.replace(/[!-~ ]/g, (c) => (c === ' ' ? '\u3000' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
}

const WORDS = ['违规', '借贷', '董事会', '整改', '审议', '担保', '诫勉', '党费', '招标', '出租', '招租', '酒驾', '瞪羚', '肉联', '辩论赛'];
const LONG_WORDS = [
  '违规借贷',
  '巡察整改',
  '东湖高新区',
  '意识形态',
  '三重一大',
  '专项整治',
  '诫勉谈话',
  '对外担保',
  '公开招租',
  '长江新区',
  '光谷生物城',
  '专精特新',
];
const MULTI_WORDS = [
  '董事会 审议',
  '借贷 担保',
  '违规 出租',
  '张建国 诫勉',
  '东湖高新区 产业园',
  '党费 使用 程序',
  '2023年 董事会',
  '意识形态 责任制',
  '王志强 整改',
];

/**
 * Spans of 10–16 Han characters copied from the sample's sentences, starting and ending inside a run
 * of Han text, so they cut across word boundaries.
 */
function phraseSpans(count: number): string[] {
  const random = new Random(7);
  const sentences = readSeedText().sentences;
  const spans: string[] = [];
  while (spans.length < count) {
    const runs = (random.pick(sentences).match(/\p{Script=Han}+/gu) ?? []).filter((run) => run.length >= 14);
    if (!runs.length) continue;
    const run = random.pick(runs);
    const length = random.int(10, Math.min(16, run.length - 2));
    const start = random.int(1, run.length - length - 1);
    const span = run.slice(start, start + length);
    if (!spans.includes(span)) spans.push(span);
  }
  return spans;
}

export function buildQueries(): BenchQuery[] {
  const queries: BenchQuery[] = [];
  const add = (cls: QueryClass, list: string[]) => list.forEach((query) => queries.push({ class: cls, query }));
  add('word', WORDS);
  add('long-word', LONG_WORDS);
  add('multi-word', MULTI_WORDS);
  const org = (i: number) => ORGANISATIONS[i];
  add('organisation', [
    org(0).name,
    org(1).name,
    org(5).name,
    org(12).name,
    org(25).name,
    org(39).name,
    `中共${org(1).name}委员会`,
    `武汉${org(3).stem}${SUBSIDIARY_KINDS[0]}有限公司`,
  ]);
  // Common to rare: the corpus draws people by Zipf weight of their rank.
  add('person', ['张建国', '王志强', ...[0, 20, 50, 100, 150, 180, 195, 199].map((rank) => PEOPLE[rank])]);
  add('phrase', ['"董事会审议"', '“违规借贷担保”', '"一律提交董事会审议"', ...phraseSpans(8).map((span) => `"${span}"`)]);

  const traditional = [
    '借贷',
    '违规',
    '董事会',
    '东湖高新区',
    '张建国',
    '违规借贷',
    '王志强',
    '担保',
    '诫勉谈话',
    '董事会 审议',
    org(1).name,
    queries.find((q) => q.class === 'phrase' && q.query.length > 12)!.query,
  ];
  for (const source of traditional) {
    const query = toTraditional(source);
    if (query !== source) queries.push({ class: 'traditional', query, source });
  }

  const otherPhone = CONTACTS[5].phone;
  for (const source of ['2022年', '85615369', '027-85615369', '2023年5月', '3200万元', '董事会 审议', '借贷 担保', otherPhone]) {
    queries.push({ class: 'width', query: toFullWidth(source), source });
  }
  add('number', [
    '85615369',
    '027-85615369',
    '2022年',
    '2023年',
    '2023年5月',
    '430021',
    '3200万元',
    '1.5亿元',
    otherPhone,
    otherPhone.slice(4),
  ]);
  return queries;
}

/** Query pairs (A, then B in the same page) for the order-independence check: B's results must not change. */
export const ORDER_PAIRS: Array<[first: string, then: string]> = [
  ['违规借贷', '违规'],
  ['董事会 审议', '董事会'],
  ['"董事会审议"', '审议'],
  ['王志强', '张建国'],
  ['2023年5月', '2022年'],
  ['東湖高新區', '东湖高新区'],
];
