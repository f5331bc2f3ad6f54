// Paths and readers for the real inputs the tests use: the seed raw text, the committed sample, content/.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CONTENT_DIR = join(ROOT, 'content');
// A copy of ../shared/seeds/2023-09-20-wuhan-industrial-investment.txt, committed so a clone anywhere can test.
export const SEED_PATH = resolve(ROOT, 'content/sources/2023-09-20-wuhan-industrial-investment.txt');
export const SAMPLE_NAME = '2023-09-20-wuhan-industrial-investment.md';
export const SAMPLE_PATH = join(CONTENT_DIR, 'notices', SAMPLE_NAME);

export const seedBytes = (): Buffer => readFileSync(SEED_PATH);
export const seedText = (): string => readFileSync(SEED_PATH, 'utf8');
export const sampleBytes = (): Buffer => readFileSync(SAMPLE_PATH);
export const sampleText = (): string => readFileSync(SAMPLE_PATH, 'utf8');

export const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
export const withBom = (text: string): Buffer => Buffer.concat([BOM, Buffer.from(text, 'utf8')]);
export const toCrlf = (text: string): string => text.replace(/\n/g, '\r\n');

/** The 1-based line of the first line of `text` that starts with `prefix`; throws when absent. */
export function lineStartingWith(text: string, prefix: string): number {
  const index = text.split('\n').findIndex((l) => l.startsWith(prefix));
  if (index < 0) throw new Error(`no line starts with ${prefix}`);
  return index + 1;
}

/** Replaces exactly one occurrence, so a fixture edit that stops matching fails loudly. */
export function replaceOnce(text: string, search: string | RegExp, replacement: string): string {
  const count =
    typeof search === 'string'
      ? text.split(search).length - 1
      : [...text.matchAll(new RegExp(search, `${search.flags.replace('g', '')}g`))].length;
  if (count !== 1) throw new Error(`expected exactly one match of ${String(search)}, found ${count}`);
  return text.replace(search, replacement);
}

/** What the importer recognises in the seed: the sample's frontmatter. */
export const SAMPLE_METADATA = {
  title: '中共武汉产业投资控股集团有限公司委员会关于巡察集中整改进展情况的通报',
  issuer: '中共武汉产业投资控股集团有限公司委员会',
  date: '2023-09-20',
  inspected: [
    { name: '武汉产业投资发展集团有限公司', short: '产投集团' },
    { name: '武汉商贸集团有限公司', short: '商贸集团' },
  ],
  inspection: { groups: ['市委第一巡察组', '市委第六巡察组'], period: '2022年4月上旬至6月中旬', feedback: '2022年8月' },
  contact: {
    phone: '027-85615369',
    address: '武汉市江汉区唐家墩路32号国创大厦B座武汉产业投资控股集团有限公司纪委、监察专员办公室',
    postcode: '430021',
    email: 'whtkjt@126.com',
  },
};
