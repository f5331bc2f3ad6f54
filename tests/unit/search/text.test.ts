// The bigram tokenisation shared by the search index (build time) and the query (browser).
import { describe, expect, it } from 'vitest';
import { Random } from '../../../bench/random';
import { splitFrontmatter } from '../../../src/base/source-text';
import { indexWords } from '../../../src/search/match';
import { BLOCK_END, parseQuery, readableText, runTokens, splitRuns, toIndexBlock, toIndexText } from '../../../src/search/text';
import { sampleText } from '../../helpers/fixtures';
import { blockTexts } from '../../helpers/markdown-text';

/** Index tokens as Pagefind sees words: split on spaces, glued punctuation stripped, lower-cased. */
const indexTokens = (text: string): string[] =>
  toIndexText(text)
    .split(/\s+/u)
    .filter(Boolean)
    .map((t) => t.replace(/^[^\p{L}\p{N}\p{M}]+|[^\p{L}\p{N}\p{M}]+$/gu, '').toLowerCase());

/** Every position where `tokens` sit at consecutive index positions. */
const slicePositions = (index: string[], tokens: string[]): number[] =>
  index.flatMap((_, p) => (tokens.every((t, j) => index[p + j] === t) ? [p] : []));

/** A seeded PRNG (the benchmark corpus's mulberry32), so generated cases are the same on every run. */
function prng(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}

const HAN_CHARS = [...'董事会审议监借贷违规东湖高新区张建国年度改进'];
const DIGITS = [...'0123456789２'];
const LETTERS = [...'abXYＡ'];
const PUNCTUATION = [...'，。、“”（）-'];

/** Text of 1–20 characters, mostly Han, with digits, letters (some full-width), punctuation and, optionally, spaces. */
function generator(seed: number, withSpaces: boolean): () => string {
  const random = prng(seed);
  const pick = (chars: string[]) => chars[Math.floor(random() * chars.length)];
  return () => {
    let text = '';
    const length = 1 + Math.floor(random() * 20);
    for (let i = 0; i < length; i++) {
      const x = random();
      text +=
        x < 0.6 ? pick(HAN_CHARS) : x < 0.72 ? pick(DIGITS) : x < 0.82 ? pick(LETTERS) : x < 0.97 || !withSpaces ? pick(PUNCTUATION) : ' ';
    }
    return text;
  };
}

const isHan = (ch: string | undefined) => ch !== undefined && /^\p{Script=Han}$/u.test(ch);
const isWordChar = (ch: string | undefined) => ch !== undefined && !isHan(ch) && /^[\p{L}\p{N}]$/u.test(ch.normalize('NFKC'));
const isRunChar = (ch: string | undefined) => isHan(ch) || isWordChar(ch);

const sampleBlocks = () => blockTexts(splitFrontmatter(sampleText())!.body).filter((t) => t.trim() !== '');

describe('splitRuns', () => {
  it('splits text into Han and letter/digit runs with the separators between them', () => {
    expect(splitRuns('审议（2022年）ERP')).toEqual({
      runs: [
        { kind: 'han', text: '审议' },
        { kind: 'word', text: '2022' },
        { kind: 'han', text: '年' },
        { kind: 'word', text: 'ERP' },
      ],
      gaps: ['', '（', '', '）', ''],
    });
  });

  it('normalises full-width digits and letters but keeps full-width punctuation as written', () => {
    expect(splitRuns('２０２２年，ＥＲＰ')).toEqual({
      runs: [
        { kind: 'word', text: '2022' },
        { kind: 'han', text: '年' },
        { kind: 'word', text: 'ERP' },
      ],
      gaps: ['', '', '，', ''],
    });
  });
});

describe('runTokens', () => {
  it('gives a Han run its overlapping pairs, and its last character alone only when more follows', () => {
    expect(runTokens({ kind: 'han', text: '董事会' }, false, false)).toEqual(['董事', '事会']);
    expect(runTokens({ kind: 'han', text: '董事会' }, false, true)).toEqual(['董事', '事会', '会']);
  });

  it('starts a Han run after letters or digits with its first character alone', () => {
    expect(runTokens({ kind: 'han', text: '年度' }, true, true)).toEqual(['年', '年度', '度']);
  });

  it('keeps a letter/digit run and a one-character Han run as one token', () => {
    expect(runTokens({ kind: 'word', text: 'ERP2022' }, true, true)).toEqual(['ERP2022']);
    expect(runTokens({ kind: 'han', text: '年' }, true, true)).toEqual(['年']);
  });
});

describe('toIndexText', () => {
  it('turns Han text into overlapping pairs and then the last character alone, punctuation glued to the token before', () => {
    expect(toIndexText('董事会审议，通过了。')).toBe(' 董事 事会 会审 审议 议， 通过 过了 了。 ');
  });

  it('glues punctuation at the very start to the first token', () => {
    expect(toIndexText('“违规借贷”问题')).toBe(' “违规 规借 借贷 贷” 问题 题 ');
  });

  it('starts a Han run that follows digits with its first character alone, so 2022年 is in the index', () => {
    expect(toIndexText('2022年度计划')).toBe(' 2022 年 年度 度计 计划 划 ');
  });

  it('normalises full-width digits and letters, and keeps the full-width comma', () => {
    expect(toIndexText('２０２２年')).toBe(' 2022 年 ');
    expect(toIndexText('ＥＲＰ系统，上线')).toBe(' ERP 系 系统 统， 上线 线 ');
  });

  it('drops whitespace, which still separates runs', () => {
    expect(toIndexText('董事会 审议')).toBe(' 董事 事会 会 审议 议 ');
    expect(toIndexText('ERP  system\n2022')).toBe(' ERP system 2022 ');
  });

  it('indexes text with no Han, letters or digits as a lone space', () => {
    expect(toIndexText('，。 ')).toBe(' ');
    expect(toIndexText('')).toBe(' ');
  });

  it('starts and ends with a space, so two blocks joined together never share a token', () => {
    const joined = toIndexText('董事会') + toIndexText('审议');
    expect(joined.split(/\s+/u).filter(Boolean)).toEqual(['董事', '事会', '会', '审议', '议']);
  });
});

describe('parseQuery', () => {
  it('reads a Chinese phrase as one term of pairs, without the last character alone', () => {
    expect(parseQuery('董事会审议')).toEqual([{ text: '董事会审议', tokens: ['董事', '事会', '会审', '审议'], prefix: false }]);
  });

  it('reads 2022年 as the year then the character alone', () => {
    expect(parseQuery('2022年')).toEqual([{ text: '2022年', tokens: ['2022', '年'], prefix: false }]);
  });

  it('reads a lone Han character as a prefix term', () => {
    expect(parseQuery('改')).toEqual([{ text: '改', tokens: ['改'], prefix: true }]);
  });

  it('separates terms at spaces, commas, 、 and semicolons', () => {
    const terms = parseQuery('董事会 审议，整改,监督、借贷；违规;担保');
    expect(terms.map((t) => t.text)).toEqual(['董事会', '审议', '整改', '监督', '借贷', '违规', '担保']);
    expect(terms[0].tokens).toEqual(['董事', '事会']);
  });

  it('keeps text in quotes as one term even with spaces inside', () => {
    const whole = parseQuery('董事会审议');
    for (const quoted of ['"董事会 审议"', '“董事会 审议”', '「董事会 审议」']) {
      expect(parseQuery(quoted), quoted).toEqual(whole);
    }
  });

  it('reads quoted and unquoted terms side by side', () => {
    expect(parseQuery('“违规 借贷” 整改').map((t) => t.text)).toEqual(['违规借贷', '整改']);
  });

  it('drops repeated terms', () => {
    expect(parseQuery('董事会 董事会')).toHaveLength(1);
    expect(parseQuery('董事会 "董事会"')).toHaveLength(1);
    expect(parseQuery('改 改')).toHaveLength(1);
  });

  it('finds no terms in a query of punctuation only', () => {
    expect(parseQuery('，。！')).toEqual([]);
    expect(parseQuery('  ')).toEqual([]);
    expect(parseQuery('""')).toEqual([]);
  });

  it('lower-cases letters in the tokens but keeps the text as typed', () => {
    expect(parseQuery('ERP系统')).toEqual([{ text: 'ERP系统', tokens: ['erp', '系', '系统'], prefix: false }]);
  });

  it('normalises full-width digits as the index does', () => {
    expect(parseQuery('２０２２年')[0].tokens).toEqual(['2022', '年']);
  });

  it('drops a last lone character after punctuation, which the text may go on from (审议（通 in 审议（通过）)', () => {
    const [term] = parseQuery('审议（通');
    expect(term.tokens).toEqual(['审议']);
    expect(slicePositions(indexTokens('会议审议（通过）了'), term.tokens)).toEqual([2]);
    expect(parseQuery('董事会。监')[0].tokens).toEqual(['董事', '事会']);
  });

  it('ignores other punctuation inside a term, which still separates runs as in the index', () => {
    const [term] = parseQuery('审议（通过）');
    expect(term).toEqual({ text: '审议通过', tokens: ['审议', '议', '通过'], prefix: false });
    expect(slicePositions(indexTokens('会议审议（通过）了'), term.tokens)).toEqual([2]);
  });
});

describe('a query for any stretch of indexed text finds it', () => {
  it('finds every phrase of the sample notice, taken without its punctuation, in its own block', () => {
    let checked = 0;
    for (const block of sampleBlocks().slice(0, 8)) {
      const index = indexTokens(block);
      const chars = [...block];
      for (let i = 0; i < chars.length; i++) {
        for (let n = 1; n <= 6 && i + n <= chars.length; n++) {
          const query = chars.slice(i, i + n).join('');
          if (!/^[\p{L}\p{N}]+$/u.test(query)) continue;
          if (isWordChar(chars[i - 1]) && isWordChar(chars[i])) continue; // would cut a number in two
          if (isWordChar(chars[i + n - 1]) && isWordChar(chars[i + n])) continue;
          const terms = parseQuery(query);
          expect(terms, query).toHaveLength(1);
          const [term] = terms;
          if (term.prefix)
            expect(
              index.some((t) => t.startsWith(term.tokens[0])),
              query,
            ).toBe(true);
          else expect(slicePositions(index, term.tokens).length, query).toBeGreaterThan(0);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it("finds any substring's tokens as a contiguous slice of the index tokens, over generated text", () => {
    const next = generator(20230920, true);
    const failures: string[] = [];
    let checked = 0;
    for (let k = 0; k < 1500; k++) {
      const text = next();
      const chars = [...text];
      const index = indexTokens(text);
      for (let i = 0; i < chars.length; i++) {
        for (let j = i; j < chars.length; j++) {
          // The query starts and ends on a run character, holds no term separator or quote, and cuts no number or word.
          if (!isRunChar(chars[i]) || !isRunChar(chars[j])) continue;
          if (isWordChar(chars[i]) && isWordChar(chars[i - 1])) continue;
          if (isWordChar(chars[j]) && isWordChar(chars[j + 1])) continue;
          const query = chars.slice(i, j + 1).join('');
          if (/[\s，、“”]/u.test(query)) continue;
          checked++;
          const terms = parseQuery(query);
          const found =
            terms.length === 1 &&
            (terms[0].prefix
              ? terms[0].tokens[0] === query && index.some((t) => t.startsWith(query))
              : slicePositions(index, terms[0].tokens).length > 0);
          if (!found) failures.push(`${query} (${terms.map((t) => t.tokens.join(' ')).join(' | ')}) in ${text} (${index.join(' ')})`);
        }
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
    expect(checked).toBeGreaterThan(20_000);
  });
});

describe('blocks', () => {
  it('glue an invisible separator to the last token, which the words leave out', () => {
    expect(toIndexBlock('董事会审议')).toBe(` 董事 事会 会审 审议 议${BLOCK_END} `);
    expect(toIndexBlock('，。')).toBe(' ');
    expect(indexWords(toIndexBlock('联系电话：027-85615369') + toIndexBlock('邮件地址'))).toEqual(
      indexWords(toIndexText('联系电话：027-85615369') + toIndexText('邮件地址')),
    );
  });

  it('come back apart in the readable text, with a space only where no punctuation ends the block', () => {
    const two = (a: string, b: string) => readableText(toIndexBlock(a) + toIndexBlock(b)).text;
    expect(two('联系电话：027-85615369', '邮件地址：武汉市')).toBe('联系电话：027-85615369 邮件地址：武汉市');
    expect(two('整改到位。', '下一步')).toBe('整改到位。下一步');
    expect(two('审议通过', 'ERP系统')).toBe('审议通过 ERP系统');
    expect(two('ERP', 'system')).toBe('ERP system');
    expect(readableText(toIndexBlock('末尾')).text).toBe('末尾');
  });

  it('keep every token at the same character it covered', () => {
    const readable = readableText(toIndexBlock('电话027') + toIndexBlock('邮件'));
    expect(readable.text).toBe('电话027 邮件');
    // tokens: 电话 话 027⁣ 邮件 件⁣
    expect(readable.offsets.slice(0, 5)).toEqual([0, 1, 2, 6, 7]);
  });
});

describe('readableText', () => {
  it('rebuilds a sentence with its punctuation and maps each token to its characters', () => {
    const readable = readableText(toIndexText('董事会审议，通过了。'));
    expect(readable.text).toBe('董事会审议，通过了。');
    // tokens: 董事 事会 会审 审议 议， 通过 过了 了。
    expect(readable.offsets).toEqual([0, 1, 2, 3, 4, 6, 7, 8, 10]);
    expect(readable.ends).toEqual([2, 3, 4, 5, 5, 8, 9, 9]);
    expect(readable.starts).toEqual(readable.offsets);
  });

  it('maps the lone character after a number and the pair after it to the same place', () => {
    const readable = readableText(toIndexText('2022年度计划'));
    expect(readable.text).toBe('2022年度计划');
    // tokens: 2022 年 年度 度计 计划 划
    expect(readable.offsets).toEqual([0, 4, 4, 5, 6, 7, 8]);
    expect(readable.ends).toEqual([4, 5, 6, 7, 8, 8]);
  });

  it('puts punctuation glued before a token between its start and its own characters', () => {
    const readable = readableText(toIndexText('董事会') + toIndexText('“违规借贷”问题'));
    expect(readable.text).toBe('董事会“违规借贷”问题');
    // token 3 is “违规: it starts at the quote, its own characters one later
    expect(readable.starts[3]).toBe(3);
    expect(readable.offsets[3]).toBe(4);
    expect(readable.text.slice(readable.starts[3], readable.ends[3])).toBe('“违规');
  });

  it('keeps the opening bracket of a block in the text, before the first token', () => {
    const readable = readableText(toIndexText('（以下简称“产投集团”）'));
    expect(readable.text).toBe('（以下简称“产投集团”）');
    expect(readable.starts[0]).toBe(0);
    expect(readable.offsets[0]).toBe(1);
  });

  it('drops whitespace but keeps one space between two runs of letters or digits', () => {
    expect(readableText(toIndexText('ERP system 2022')).text).toBe('ERP system 2022');
    expect(readableText(toIndexText('ERP  系统 上线')).text).toBe('ERP系统上线');
    expect(readableText(toIndexText('ERP， system')).text).toBe('ERP，system');
  });

  it('shows letters and digits normalised', () => {
    expect(readableText(toIndexText('２０２２年，ＥＲＰ')).text).toBe('2022年，ERP');
  });

  it('ends offsets and starts with the text length, one past the last token', () => {
    const readable = readableText(toIndexText('整改到位。'));
    expect(readable.offsets).toHaveLength(5);
    expect(readable.offsets.at(-1)).toBe(readable.text.length);
    expect(readable.starts.at(-1)).toBe(readable.text.length);
    expect(readable.ends).toHaveLength(4);
  });

  it('is empty for empty index text', () => {
    expect(readableText(' ')).toEqual({ text: '', offsets: [0], starts: [0], ends: [] });
  });

  it('reproduces every block of the sample notice, without its whitespace', () => {
    const blocks = sampleBlocks();
    expect(blocks.length).toBeGreaterThan(40);
    for (const block of blocks) {
      expect(readableText(toIndexText(block)).text).toBe(block.replace(/\s+/gu, ''));
    }
  });

  it('reproduces generated text without whitespace, letters and digits normalised', () => {
    const next = generator(7, false);
    for (let k = 0; k < 3000; k++) {
      const text = next();
      const expected = [...text].map((ch) => (isWordChar(ch) ? ch.normalize('NFKC') : ch)).join('');
      expect(readableText(toIndexText(text)).text, text).toBe(/[\p{L}\p{N}]/u.test(expected) ? expected : '');
    }
  });

  it('maps where a term is found back to the characters of the term', () => {
    const block = sampleBlocks()[0];
    const readable = readableText(toIndexText(block));
    const index = indexTokens(block);
    for (const query of ['巡察', '市委巡察工作统一部署', '2022年4月', '武汉产业投资发展集团有限公司', '产投集团', '2022年12月重组整合']) {
      const [term] = parseQuery(query);
      const positions = slicePositions(index, term.tokens);
      expect(positions.length, query).toBeGreaterThan(0);
      for (const p of positions) {
        expect(readable.text.slice(readable.offsets[p], readable.ends[p + term.tokens.length - 1]), query).toBe(query);
      }
    }
  });

  it('maps every match in generated text to a stretch that starts on the term and spells it', () => {
    const next = generator(99, false);
    let checked = 0;
    for (let k = 0; k < 800; k++) {
      const text = next();
      const chars = [...text];
      const readable = readableText(toIndexText(text));
      const index = indexTokens(text);
      expect(readable.ends).toHaveLength(index.length);
      for (let i = 0; i < chars.length; i++) {
        for (let j = i; j < chars.length; j++) {
          const query = chars.slice(i, j + 1).join('');
          if (!/^[\p{L}\p{N}]+$/u.test(query)) continue;
          const [term] = parseQuery(query);
          const want = term.text.toLowerCase();
          if (term.prefix) {
            for (const p of index.flatMap((t, p) => (t.startsWith(term.tokens[0]) ? [p] : []))) {
              expect(readable.text.slice(readable.offsets[p], readable.offsets[p] + 1), `${query} in ${text}`).toBe(query);
              checked++;
            }
            continue;
          }
          for (const p of slicePositions(index, term.tokens)) {
            const covered = readable.text.slice(readable.offsets[p], readable.ends[p + term.tokens.length - 1]);
            // Index tokens ignore punctuation, so a match may run across some (审）9 for 审9).
            expect(covered.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase(), `${query} in ${text}`).toBe(want);
            expect(covered.at(0)!.toLowerCase(), `${query} in ${text}`).toBe(want.at(0));
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });
});
