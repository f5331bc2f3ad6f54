// A notice's file name and URL part: an ASCII slug from the source's name, the issuer's short name or the
// title, in pinyin word by word (`襄江城投` → `xiangjiang-chengtou`), at most 60 characters.
import { existsSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import { pinyin } from 'pinyin-pro';

export const SLUG_MAX = 60;

/** Words that say nothing about which notice it is: every notice is a 巡察整改通报. */
const GENERIC =
  /中国共产党|中共|纪律检查委员会|委员会|党委|党组|股份有限公司|有限责任公司|有限公司|关于|巡察|集中|整改|进展|落实|工作|情况|的|通报|公告|公示|公开|附件\d*|最新|正式版|定稿|原文|原件|正文|文件|副本|[（）()【】《》“”、，。\s_-]/g;
/** ASCII names that CMSs and browsers give files (`P020230920…`, `index`, `download`): not the notice's name. */
const JUNK_ASCII =
  /^(?:[a-z]?\d.*|index|default|content|article|detail|download|attachment|file|document|doc|notice|untitled|new|page|view|show|info|upload|text|tmp|temp|copy)$/;
/** Administrative suffixes that belong to the word before them (`襄阳` + `市`). */
const ATTACHED = /^[市省区县镇乡州盟旗]$/;
/** Characters that end a place's or a body's short name: 十堰市, 郧阳区, 卫健委, 住建局, 市委办. */
const NAME_END = /[市省区县镇乡州盟旗委局办厅院所处站队司]/;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * A run of characters the segmenter could not split into words (abbreviations like 卫健委, place names it does
 * not know) as slug words: cut after each character that ends a name, the leftovers joined to a neighbour;
 * a run with no such character is read two characters at a time (襄江城投 → 襄江, 城投).
 */
function runWords(run: string[], next?: string): { words: string[]; tookNext: boolean } {
  const pairs = (chars: string[]) => Array.from({ length: Math.ceil(chars.length / 2) }, (_, i) => chars.slice(2 * i, 2 * i + 2).join(''));
  const chunks: string[] = [];
  let chunk: string[] = [];
  for (const c of run) {
    chunk.push(c);
    if (!NAME_END.test(c)) continue;
    // A long name (东湖高新区) is still two-character words, its ending kept with the last: 东湖, 高新区.
    if (chunk.length > 4) {
      const words = pairs(chunk.slice(0, -1));
      words[words.length - 1] += c;
      chunks.push(...words);
    } else chunks.push(chunk.join(''));
    chunk = [];
  }
  if (chunks.length === 0) return { words: pairs(run), tookNext: false };
  let tookNext = false;
  if (chunk.length) {
    // `党` before `工委`: the name goes on in the next word when that word ends one.
    if (next && NAME_END.test(next.at(-1)!) && [...next].length <= 2) {
      chunks.push(chunk.join('') + next);
      tookNext = true;
    } else chunks[chunks.length - 1] += chunk.join('');
  }
  // A name-ending character alone (市委 read as 市, 委) belongs with the one before it.
  const words: string[] = [];
  for (const c of chunks) {
    if (words.length && [...c].length === 1 && [...words.at(-1)!].length === 1) words[words.length - 1] += c;
    else words.push(c);
  }
  return { words, tookNext };
}

/** Chinese words for a slug: the segmenter's words, with runs of single characters read by runWords. */
function words(text: string): string[] {
  const segments = [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
  const out: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (ATTACHED.test(segment) && out.length && [...out.at(-1)!].length > 1 && [...segments[i - 1]].length > 1) {
      out[out.length - 1] += segment;
      continue;
    }
    if ([...segment].length !== 1 || !/\p{Script=Han}/u.test(segment)) {
      out.push(segment);
      continue;
    }
    const run: string[] = [];
    while (i < segments.length && [...segments[i]].length === 1 && /\p{Script=Han}/u.test(segments[i])) run.push(segments[i++]);
    const { words: found, tookNext } = runWords(run, segments[i]);
    out.push(...found);
    if (!tookNext) i--;
  }
  return out;
}

function toAscii(word: string): string {
  const romanised = /\p{Script=Han}/u.test(word) ? pinyin(word, { toneType: 'none', type: 'array', v: true }).join('') : word;
  return romanised
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Joins slug words with hyphens, dropping whole words from the end past `SLUG_MAX` characters. */
function join(parts: string[]): string {
  let slug = '';
  for (const part of parts.filter(Boolean)) {
    const next = slug ? `${slug}-${part}` : part;
    if (next.length > SLUG_MAX) break;
    slug = next;
  }
  return slug || parts[0]?.slice(0, SLUG_MAX).replace(/-+$/, '') || '';
}

/** `中共武汉产业投资控股集团有限公司委员会` → `武汉产业投资控股集团`. */
export function shortName(name: string): string {
  return name.replace(GENERIC, '');
}

export function slugFromChinese(text: string): string {
  return join(words(shortName(text)).map(toAscii));
}

/** Any text as a slug, every word kept (`通报原文` → `tongbao-yuanwen`): attachments' names (src/attachments/names). */
export function slugOfText(text: string): string {
  return join(words(text).map(toAscii));
}

export interface SlugSources {
  date: string;
  /** The source file's name (or path). */
  sourceName?: string;
  issuer?: string;
  title?: string;
}

/** The first of: a meaningful ASCII file name, a Chinese file name, the issuer's short name, the title. */
export function slugFor({ date, sourceName = '', issuer, title }: SlugSources): string {
  const base = sourceName
    .replace(/^.*[\\/]/, '')
    .replace(/\.[^.]*$/, '')
    .replace(new RegExp(`^${date}-?`), '');
  if (!/\p{Script=Han}/u.test(base)) {
    const ascii = base
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
    if (/[a-z]{3}/.test(ascii) && !JUNK_ASCII.test(ascii)) return join(ascii.split('-'));
  }
  for (const source of [base, issuer, title]) {
    if (!source || [...shortName(source)].filter((c) => /\p{Script=Han}/u.test(c)).length < 2) continue;
    const slug = slugFromChinese(source);
    if (slug) return slug;
  }
  return 'notice';
}

/** `name.md`, or `name-2.md`, `name-3.md`… when a different notice already has the name. */
export function uniqueFileName(dir: string, fileName: string): string {
  const stem = fileName.replace(/\.md$/, '');
  let candidate = fileName;
  for (let n = 2; existsSync(joinPath(dir, candidate)); n++) candidate = `${stem}-${n}.md`;
  return candidate;
}
