// The bundled sample notice taken apart into reusable pieces: problem and group titles, measure leads,
// point leads and plain sentences. The corpus generator recombines them with the vocabulary's templates.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { splitFrontmatter } from '../src/base/source-text';

export const ROOT = resolve(import.meta.dirname, '..');
export const SAMPLE_NOTICE = resolve(ROOT, 'content/notices/2023-09-20-wuhan-industrial-investment.md');

export interface SeedText {
  /** The sample notice file as it is, included in every corpus. */
  sample: { name: string; text: string };
  /** Inside 关于“…”的问题 of the sample's problems and groups. */
  problemTitles: string[];
  groupTitles: string[];
  /** `领导班子带头讲。`: the first sentence after 一是, 二是… */
  measureLeads: string[];
  /** `强化谋划部署，坚决扛牢巡察整改政治责任。`: bold leads of numbered points. */
  pointLeads: string[];
  /** Every other sentence of the body (ending in 。), without numbering or measure markers. */
  sentences: string[];
  /** The opening paragraphs of sections 一 and 三. */
  sectionIntros: { first: string; last: string };
}

const MEASURE = /(?:^|(?<=[。；：]))[一二三四五六七八九十]{1,3}是/g;
/** Sentences that would change a notice's structure if reused: closing appeal, measure markers, contact lines. */
const UNSAFE = /欢迎|意见建议|反映|[一二三四五六七八九十]是|^[（(]?[一二三四五六七八九十\d]+[）)、]|：$|联系电话|邮政编码/;

export function sentencesOf(text: string): string[] {
  return (text.match(/[^。]+。/g) ?? []).map((s) => s.trim()).filter((s) => s.length >= 8 && !UNSAFE.test(s));
}

export function readSeedText(path = SAMPLE_NOTICE): SeedText {
  const text = readFileSync(path, 'utf8');
  const parts = splitFrontmatter(text);
  if (!parts) throw new Error(`${path}: no frontmatter`);
  const blocks = parts.body
    .split(/\n{2,}/)
    .map((b) => b.trim())
    .filter(Boolean);
  const seed: SeedText = {
    sample: { name: path.split('/').pop()!, text },
    problemTitles: [],
    groupTitles: [],
    measureLeads: [],
    pointLeads: [],
    sentences: [],
    sectionIntros: { first: '', last: '' },
  };
  const inner = (heading: string) => heading.match(/关于“(.+)”的问题/)?.[1];
  let section = 0;
  let afterHeading = false;
  for (const block of blocks) {
    if (block.startsWith('## ')) {
      section++;
      afterHeading = true;
      continue;
    }
    if (block.startsWith('### ') || block.startsWith('#### ')) {
      const title = inner(block);
      if (title) (block.startsWith('### ') ? seed.groupTitles : seed.problemTitles).push(title);
      afterHeading = false;
      continue;
    }
    if (section === 0 || /^(欢迎|联系电话|邮件地址|电子邮箱|中共|\d{4}年)/.test(block)) continue;
    if (afterHeading && (section === 1 || section === 3)) {
      seed.sectionIntros[section === 1 ? 'first' : 'last'] = block;
    }
    afterHeading = false;
    const point = block.match(/^\*\*（[一二三四五六七八九十]+）(.+?)\*\*(.*)$/);
    if (point) {
      seed.pointLeads.push(point[1]);
      seed.sentences.push(...sentencesOf(point[2]));
      continue;
    }
    const body = block.replace(/^\*\*整改情况：\*\*/, '');
    const starts = [...body.matchAll(MEASURE)].map((m) => m.index!);
    const chunks = starts.length ? [body.slice(0, starts[0]), ...starts.map((s, i) => body.slice(s, starts[i + 1]))] : [body];
    for (const chunk of chunks) {
      const marker = chunk.match(/^[一二三四五六七八九十]{1,3}是/);
      const rest = marker ? chunk.slice(marker[0].length) : chunk;
      const sentences = rest.match(/[^。]+。/g) ?? [];
      if (marker && sentences[0] && sentences[0].length <= 20) {
        seed.measureLeads.push(sentences[0]);
        sentences.shift();
      }
      seed.sentences.push(...sentences.map((s) => s.trim()).filter((s) => s.length >= 8 && !UNSAFE.test(s)));
    }
  }
  seed.measureLeads = [...new Set(seed.measureLeads)];
  seed.sentences = [...new Set(seed.sentences)];
  return seed;
}
