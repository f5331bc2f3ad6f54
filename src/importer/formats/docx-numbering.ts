// Word's automatic numbering written out as text. Word turns a typed “一、” into a numbered list, and the
// number then lives in numbering.xml, not in the paragraph: mammoth drops it (it makes an <ol>), and the
// notice would lose the 一、（一）1. that give it its structure. So before mammoth reads the file, every
// numbered paragraph gets its label (“一、”, “（二）”, “3.”) as a text run of its own, and its numbering is
// switched off.
import type { ZipEntry } from './zip';
import { readZipEntry, writeZip, zipEntries } from './zip';

interface Level {
  start: number;
  format: string;
  text: string;
  /** lvlRestart: 0 never restarts; undefined restarts after any higher level. */
  restart?: number;
  legal: boolean;
  suffix: 'tab' | 'space' | 'nothing';
  /** The paragraph style this level is linked to (w:pStyle), as mammoth also follows. */
  paragraphStyle?: string;
}

interface Numbering {
  abstracts: Map<string, { levels: Map<number, Level>; styleLink?: string; numStyleLink?: string }>;
  nums: Map<string, { abstractId: string; overrides: Map<number, { start?: number; level?: Level }> }>;
}

interface Style {
  basedOn?: string;
  numId?: string;
  ilvl?: number;
}

const attr = (xml: string, tag: string, name = 'w:val'): string | undefined => {
  const m = new RegExp(`<${tag}\\b[^>]*?\\s${name}\\s*=\\s*(["'])(.*?)\\1`).exec(xml);
  return m ? decodeXml(m[2]) : undefined;
};

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (all, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e.toLowerCase()] ?? all;
  });
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `<w:b/>` or `<w:b w:val="true"/>` (not `w:val="0"`/`false`) in a run's properties. */
const isBold = (rPr: string) => {
  const m = /<w:b(?:\s+w:val\s*=\s*["']([^"']*)["'])?\s*\/>/.exec(rPr);
  return !!m && !['0', 'false', 'off'].includes((m[1] ?? 'true').toLowerCase());
};

/** Elements with the same tag directly or deeper inside, matched with their nesting counted. */
function elements(xml: string, tag: string): Array<{ start: number; end: number; open: string; inner: string }> {
  const found: Array<{ start: number; end: number; open: string; inner: string }> = [];
  const re = new RegExp(`<(/?)${tag}(?=[\\s>/])[^>]*?(/?)>`, 'g');
  const stack: Array<{ start: number; open: string; innerStart: number }> = [];
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[1]) {
      const top = stack.pop();
      if (top && stack.length === 0)
        found.push({ start: top.start, end: m.index + m[0].length, open: top.open, inner: xml.slice(top.innerStart, m.index) });
    } else if (m[2]) {
      if (stack.length === 0) found.push({ start: m.index, end: m.index + m[0].length, open: m[0], inner: '' });
    } else {
      stack.push({ start: m.index, open: m[0], innerStart: m.index + m[0].length });
    }
  }
  return found;
}

function readLevel(xml: string): Level {
  // A custom format (w14) comes with a standard fallback: prefer the standard one.
  const formats = [...xml.matchAll(/<w:numFmt\b[^>]*?w:val\s*=\s*["']([^"']*)["']/g)].map((m) => m[1]);
  const restart = attr(xml, 'w:lvlRestart');
  const legal = /<w:isLgl(\s*\/>|\s+w:val\s*=\s*["'](1|true|on)["'])/.test(xml);
  return {
    start: Number(attr(xml, 'w:start') ?? 1) || 0,
    format: formats.find((f) => f !== 'custom') ?? formats[0] ?? 'decimal',
    text: attr(xml, 'w:lvlText') ?? '',
    restart: restart === undefined ? undefined : Number(restart),
    legal,
    suffix: (attr(xml, 'w:suff') as Level['suffix']) ?? 'tab',
    paragraphStyle: attr(xml, 'w:pStyle'),
  };
}

function readNumbering(xml: string): Numbering {
  const abstracts: Numbering['abstracts'] = new Map();
  for (const a of elements(xml, 'w:abstractNum')) {
    const id = attr(a.open, 'w:abstractNum', 'w:abstractNumId');
    if (id === undefined) continue;
    const levels = new Map<number, Level>();
    for (const l of elements(a.inner, 'w:lvl')) levels.set(Number(attr(l.open, 'w:lvl', 'w:ilvl') ?? 0), readLevel(l.inner));
    abstracts.set(id, { levels, styleLink: attr(a.inner, 'w:styleLink'), numStyleLink: attr(a.inner, 'w:numStyleLink') });
  }
  const nums: Numbering['nums'] = new Map();
  for (const n of elements(xml, 'w:num')) {
    const id = attr(n.open, 'w:num', 'w:numId');
    const abstractId = attr(n.inner, 'w:abstractNumId');
    if (id === undefined || abstractId === undefined) continue;
    const overrides = new Map<number, { start?: number; level?: Level }>();
    for (const o of elements(n.inner, 'w:lvlOverride')) {
      const start = attr(o.inner, 'w:startOverride');
      const lvl = elements(o.inner, 'w:lvl')[0];
      overrides.set(Number(attr(o.open, 'w:lvlOverride', 'w:ilvl') ?? 0), {
        start: start === undefined ? undefined : Number(start),
        level: lvl ? readLevel(lvl.inner) : undefined,
      });
    }
    nums.set(id, { abstractId, overrides });
  }
  return { abstracts, nums };
}

function readStyles(xml: string): Map<string, Style> {
  const styles = new Map<string, Style>();
  for (const s of elements(xml, 'w:style')) {
    const id = attr(s.open, 'w:style', 'w:styleId');
    if (id === undefined) continue;
    const numPr = elements(s.inner, 'w:numPr')[0]?.inner ?? '';
    const ilvl = attr(numPr, 'w:ilvl');
    styles.set(id, {
      basedOn: attr(s.inner, 'w:basedOn'),
      numId: attr(numPr, 'w:numId'),
      ilvl: ilvl === undefined ? undefined : Number(ilvl),
    });
  }
  return styles;
}

// ---------------------------------------------------------------------------------- number formats

const DIGITS = '〇一二三四五六七八九';

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (Word's chineseCounting). */
function chineseCounting(n: number): string {
  if (n <= 0 || n >= 100_000) return String(n);
  const units = ['', '十', '百', '千', '万'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i];
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += (d === 1 && unit === '十' && out === '' ? '' : DIGITS[d]) + unit;
  });
  return out;
}

const LEGAL = '零壹贰叁肆伍陆柒捌玖';
function chineseLegal(n: number): string {
  return chineseCounting(n)
    .replace(/[一二三四五六七八九]/g, (d) => LEGAL[DIGITS.indexOf(d)])
    .replace(/十/g, '拾')
    .replace(/百/g, '佰')
    .replace(/千/g, '仟')
    .replace(/^拾/, '壹拾');
}

function letters(n: number, upper: boolean): string {
  if (n <= 0) return String(n);
  const letter = String.fromCharCode((upper ? 65 : 97) + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number, upper: boolean): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: Array<[number, string]> = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [value, symbol] of table) {
    while (n >= value) {
      out += symbol;
      n -= value;
    }
  }
  return upper ? out : out.toLowerCase();
}

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'japaneseCounting':
      return chineseCounting(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return String(n).replace(/\d/g, (d) => DIGITS[Number(d)]);
    case 'chineseLegalSimplified':
    case 'ideographLegalTraditional':
    case 'japaneseLegal':
      return chineseLegal(n);
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? '甲乙丙丁戊己庚辛壬癸'[n - 1] : String(n);
    case 'ideographZodiac':
    case 'ideographZodiacTraditional':
      return n >= 1 && n <= 12 ? '子丑寅卯辰巳午未申酉戌亥'[n - 1] : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'upperLetter':
      return letters(n, true);
    case 'lowerLetter':
      return letters(n, false);
    case 'upperRoman':
      return roman(n, true);
    case 'lowerRoman':
      return roman(n, false);
    default:
      return String(n);
  }
}

// ------------------------------------------------------------------------------------ the rewrite

class Labeller {
  private readonly counters = new Map<string, Array<number | undefined>>();
  private readonly levelsByStyle = new Map<string, { numId: string; ilvl: number }>();

  constructor(
    private readonly numbering: Numbering,
    private readonly styles: Map<string, Style>,
  ) {
    for (const [numId, num] of numbering.nums) {
      const abstract = this.abstractOf(num.abstractId);
      for (const [ilvl, level] of abstract?.levels ?? []) {
        if (level.paragraphStyle && !this.levelsByStyle.has(level.paragraphStyle))
          this.levelsByStyle.set(level.paragraphStyle, { numId, ilvl });
      }
    }
  }

  /** An abstract numbering that only links to a numbering style is the one that style's numbering uses. */
  private abstractOf(id: string, seen = new Set<string>()): Numbering['abstracts'] extends Map<string, infer A> ? A | undefined : never {
    const abstract = this.numbering.abstracts.get(id);
    if (!abstract?.numStyleLink || seen.has(id)) return abstract;
    seen.add(id);
    const numId = this.styleNumbering(abstract.numStyleLink)?.numId;
    const num = numId === undefined ? undefined : this.numbering.nums.get(numId);
    return num ? (this.abstractOf(num.abstractId, seen) ?? abstract) : abstract;
  }

  private styleNumbering(styleId: string | undefined): { numId?: string; ilvl?: number } | undefined {
    const seen = new Set<string>();
    let numId: string | undefined;
    let ilvl: number | undefined;
    for (let id = styleId; id !== undefined && !seen.has(id); id = this.styles.get(id)?.basedOn) {
      seen.add(id);
      const style = this.styles.get(id);
      numId ??= style?.numId;
      ilvl ??= style?.ilvl;
    }
    return numId === undefined && ilvl === undefined ? undefined : { numId, ilvl };
  }

  /** The label of a paragraph with these properties, counting it; undefined when it is not numbered (or bulleted). */
  label(pPr: string): string | undefined {
    const numPr = elements(pPr, 'w:numPr')[0]?.inner;
    const styleId = attr(pPr, 'w:pStyle');
    let numId = numPr === undefined ? undefined : attr(numPr, 'w:numId');
    const ilvlText = numPr === undefined ? undefined : attr(numPr, 'w:ilvl');
    const fromStyle = this.styleNumbering(styleId) ?? (styleId ? this.levelsByStyle.get(styleId) : undefined);
    numId ??= fromStyle?.numId;
    let ilvl = ilvlText === undefined ? (fromStyle?.ilvl ?? 0) : Number(ilvlText);
    if (numId === undefined || numId === '0') return undefined;
    const num = this.numbering.nums.get(numId);
    const abstract = num && this.abstractOf(num.abstractId);
    if (!num || !abstract) return undefined;
    ilvl = Math.max(0, Math.min(8, ilvl || 0));
    const levelOf = (l: number) => num.overrides.get(l)?.level ?? abstract.levels.get(l);
    const level = levelOf(ilvl);
    if (!level || level.format === 'bullet' || level.format === 'none') return undefined;
    // Lists of one abstract numbering continue each other unless a list restarts its own numbers.
    const key = num.overrides.size ? `num:${numId}` : `abstract:${num.abstractId}`;
    let counters = this.counters.get(key);
    if (!counters) {
      counters = [];
      for (const [l, o] of num.overrides) if (o.start !== undefined) counters[l] = o.start - 1;
      this.counters.set(key, counters);
    }
    counters[ilvl] = (counters[ilvl] ?? level.start - 1) + 1;
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const restart = levelOf(deeper)?.restart;
      if (restart !== 0) counters[deeper] = undefined;
    }
    const text = level.text.replace(/%([1-9])/g, (_: string, d: string) => {
      const l = Number(d) - 1;
      const lv = levelOf(l);
      const value = counters![l] ?? lv?.start ?? 1;
      return formatNumber(value, level.legal && l !== ilvl ? 'decimal' : (lv?.format ?? 'decimal'));
    });
    if (!text.trim()) return undefined;
    // A tab or space after a label that ends in a letter or digit (“第一条”, “1”) keeps it apart from the text.
    const gap = level.suffix !== 'nothing' && /[\p{L}\p{N}]$/u.test(text) ? ' ' : '';
    return text + gap;
  }
}

/** The document part with every numbered paragraph's label written into it as text. */
function labelParagraphs(xml: string, labeller: Labeller): string {
  let out = '';
  let at = 0;
  for (const p of elements(xml, 'w:p')) {
    if (!p.inner) continue; // <w:p/>: an empty paragraph
    const pPr = elements(p.inner, 'w:pPr')[0];
    const props = pPr && p.inner.slice(0, pPr.start).trim() === '' ? pPr : undefined;
    // Numbering as it was before a tracked change is not the paragraph's numbering.
    const own = props ? props.inner.replace(/<w:pPrChange\b[\s\S]*?<\/w:pPrChange>/g, '') : '';
    const label = labeller.label(own);
    if (!label) continue;
    const firstRun = elements(p.inner, 'w:r').find((r) => /<w:t\b/.test(r.inner));
    const runBold = firstRun ? isBold(elements(firstRun.inner, 'w:rPr')[0]?.inner ?? '') : false;
    // The label is bold when the paragraph starts bold, so that a bold lead (（一）…。) keeps its number.
    const run = `<w:r>${runBold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${escapeXml(label)}</w:t></w:r>`;
    const innerStart = p.start + p.open.length;
    const off = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>';
    let head: string;
    if (props) {
      const propsXml = p.inner.slice(props.start, props.end);
      const withoutNumPr = propsXml.replace(/<w:numPr\b[\s\S]*?<\/w:numPr>|<w:numPr\s*\/>/, '');
      // numPr comes early in pPr (after pStyle, keepNext…); mammoth reads it wherever it is.
      const switchedOff = withoutNumPr.replace(/^(<w:pPr\b[^>]*>)((?:<w:pStyle\b[^>]*\/>)?)/, `$1$2${off}`);
      head = p.inner.slice(0, props.start) + switchedOff;
      out += xml.slice(at, innerStart) + head + run;
      at = innerStart + props.end;
    } else {
      out += xml.slice(at, innerStart) + `<w:pPr>${off}</w:pPr>` + run;
      at = innerStart;
    }
  }
  return out + xml.slice(at);
}

/**
 * The Word file with its numbering written out as text, or the same bytes when nothing in it is numbered.
 * Throws when a part cannot be read (the caller then lets mammoth report the damage).
 */
export function numberingAsText(bytes: Uint8Array, entries: ZipEntry[] | undefined = zipEntries(bytes)): Uint8Array {
  if (!entries) return bytes;
  const text = (name: string) => {
    const entry = entries.find((e) => e.name === name);
    return entry ? new TextDecoder('utf-8').decode(readZipEntry(bytes, entry)) : undefined;
  };
  const numberingXml = text('word/numbering.xml');
  if (!numberingXml) return bytes;
  const numbering = readNumbering(numberingXml);
  if (numbering.nums.size === 0) return bytes;
  const labeller = new Labeller(numbering, readStyles(text('word/styles.xml') ?? ''));
  let changed = false;
  const parts = entries
    .filter((e) => !e.name.endsWith('/'))
    .map((e) => {
      let data = readZipEntry(bytes, e);
      if (/^word\/document\d*\.xml$/.test(e.name)) {
        const xml = new TextDecoder('utf-8').decode(data);
        const labelled = labelParagraphs(xml, labeller);
        if (labelled !== xml) {
          changed = true;
          data = new TextEncoder().encode(labelled);
        }
      }
      return { name: e.name, data };
    });
  return changed ? writeZip(parts) : bytes;
}
