// What a file says of itself outside its text: the date a saved page was published (its metadata or its
// 发布时间 line), a Word file's or a PDF's own dates. The importer falls back on these only when the notice
// has no signature date, and says which one it used.
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { isoDate } from '../../schemas/calendar';
import { todayInShanghai } from '../../notice/skeleton';
import { isChromeLine } from './article';
import { walkBlocks } from './hast-blocks';
import { readZipEntry, type ZipEntry } from './zip';

export interface DatedFrom {
  /** `YYYY-MM-DD`. */
  iso: string;
  /** Where the date was read, as the import report names it: `网页的发布时间（PubDate）`. */
  from: string;
}

export interface DocumentProperties {
  date?: DatedFrom;
}

/**
 * The first date in a metadata value, read as written: `2023-09-20 16:30`, `2023年9月20日`, `2023/9/20`,
 * `20230920`, an ISO time. A UTC time is a day in China: `2023-09-19T17:00:00Z` is 2023-09-20 in Shanghai.
 */
export function looseDate(value: string): string | undefined {
  const t = value.trim();
  const instant = t.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/);
  if (instant) {
    const time = new Date(t);
    return Number.isNaN(time.getTime()) ? undefined : todayInShanghai(time);
  }
  const m = t.match(/(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)/) ?? t.match(/^(\d{4})(\d{2})(\d{2})(?!\d)/);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/**
 * The publication date a government site's page carries (政府网站网页设计规范: PubDate), the common
 * publication metas of other CMSs, then the page's own 发布时间 line.
 */
const DATE_METAS = [
  'pubdate',
  'publishdate',
  'firstpublishedtime',
  'article:published_time',
  'dcterms.issued',
  'dc.date',
  'dcterms.created',
];
/** A date in a page's info line: `发布时间：2023-09-20 16:30`, `发布日期：2023年09月20日`, `时间：2023-09-20`. */
const INFO_DATE = /(?:发布时间|发布日期|发文日期|成文日期|时间|日期)\s*[：:]\s*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})/;

export function htmlProperties(root: Root): DocumentProperties {
  const metas = new Map<string, { name: string; content: string }>();
  visit(root, 'element', (el: Element) => {
    if (el.tagName !== 'meta') return;
    const name = String(el.properties?.name ?? el.properties?.property ?? '');
    const content = String(el.properties?.content ?? '').trim();
    if (name && content && !metas.has(name.toLowerCase())) metas.set(name.toLowerCase(), { name, content });
  });
  for (const name of DATE_METAS) {
    const meta = metas.get(name);
    const iso = meta && looseDate(meta.content);
    if (iso) return { date: { iso, from: `网页元数据的发布时间 ${meta.name}` } };
  }
  // The page's info line (发布时间… 来源… 浏览次数…), never a sentence of the notice (巡察时间：2023年4月…).
  for (const block of walkBlocks(root, { isDataTable: () => false })) {
    if (block.kind !== 'paragraph' || !isChromeLine(block.text)) continue;
    const iso = looseDate(block.text.match(INFO_DATE)?.[1] ?? '');
    if (iso) return { date: { iso, from: '网页上的发布时间' } };
  }
  return {};
}

/** A PDF's dates as its Info dictionary writes them: `D:20230920163000+08'00'`. */
export function pdfDate(value: unknown): string | undefined {
  const m = typeof value === 'string' ? value.match(/^(?:D:)?(\d{4})(\d{2})(\d{2})(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/) : null;
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', zone] = m;
  // Without a time zone the time is local to whoever made the file: its calendar day is taken as written.
  if (!zone) return isoDate(Number(y), Number(mo), Number(d));
  const offset = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.replace(/'/g, '').slice(3, 5) || '00'}`;
  return looseDate(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);
}

export function pdfProperties(info: Record<string, unknown> | undefined): DocumentProperties {
  // The creation date is when the PDF was made from the issued document; a later modification is an edit.
  const iso = pdfDate(info?.CreationDate);
  return iso ? { date: { iso, from: 'PDF 文件的创建日期' } } : {};
}

/** A Word file's core properties (docProps/core.xml): the last save is nearest to the notice's issue. */
export function docxProperties(bytes: Uint8Array, entries: ZipEntry[]): DocumentProperties {
  const entry = entries.find((e) => e.name === 'docProps/core.xml');
  if (!entry) return {};
  let xml: string;
  try {
    xml = new TextDecoder().decode(readZipEntry(bytes, entry));
  } catch {
    return {};
  }
  for (const [tag, what] of [
    ['modified', '最后保存日期'],
    ['created', '创建日期'],
  ] as const) {
    const value = xml.match(new RegExp(`<dcterms:${tag}\\b[^>]*>([^<]+)</dcterms:${tag}>`))?.[1];
    const iso = value && looseDate(value);
    if (iso) return { date: { iso, from: `Word 文档属性里的${what}` } };
  }
  return {};
}
