// Recognises the closing block of a notice, read from its end: the appeal for feedback, the contact lines,
// the signature (one or two lines) and the date, and reads every phone, email, postcode and address in it.
import { chineseToNumber, parseNumbering } from './numbering';
import { isoDate } from '../schemas/calendar';

export type ClosingKind = 'appeal' | 'contact' | 'signature' | 'date';

/** The appeal for feedback before the contact block. Linear in the line's length (a regex `欢迎.*(监督|意见)` is not). */
export function isAppeal(text: string): boolean {
  if (text.length > 200) return false; // an appeal is a sentence or two, never a report paragraph
  const welcome = text.indexOf('欢迎');
  return (
    (welcome >= 0 && /监督|意见|批评|建议/.test(text.slice(welcome))) ||
    /如有意见建议|如有意见和建议|如对.{0,30}有意见|请及时向我们反映|接受(?:社会|群众|广大干部群众)?监督|请通过以下方式|反映渠道|联系方式如下/.test(
      text,
    )
  );
}

/** Year digits as written in a Chinese-numeral date, and the digit each stands for. */
const CN_YEAR = '〇○零ＯO一二三四五六七八九';
const CN_YEAR_DIGIT = '00000123456789';

/** A date standing alone: `2023年9月20日`, `二〇二三年九月二十日`, `2023-09-20`, `2023.9.20` or `2023/9/20`. */
const DATE_FORMS: RegExp[] = [
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/,
  new RegExp(`^([${CN_YEAR}]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$`),
  /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/,
];

/**
 * Reads a signature date. `undefined`: the line is not a date at all; `{ iso: undefined }`: it is written as one
 * but is no calendar date (2023年2月30日).
 */
export function parseSignatureDate(text: string): { iso?: string } | undefined {
  const t = text.trim();
  for (const form of DATE_FORMS) {
    const m = t.match(form);
    if (!m) continue;
    const year = /^\d+$/.test(m[1]) ? Number(m[1]) : Number([...m[1]].map((c) => CN_YEAR_DIGIT[CN_YEAR.indexOf(c)]).join(''));
    const [month, day] = [m[2], m[3]].map((v) => (/^\d+$/.test(v) ? Number(v) : chineseToNumber(v)));
    return { iso: isoDate(year, month, day) };
  }
  return undefined;
}

export function chineseDateToIso(text: string): string | undefined {
  return parseSignatureDate(text)?.iso;
}

/** The field each contact label fills. Longer labels first, so that `电子邮箱` is not read as `邮箱`. */
export type ContactField = 'phone' | 'address' | 'postcode' | 'email' | 'hours' | 'other';
const LABELS: Array<[ContactField, string]> = [
  ['email', '电子邮箱|电子信箱|电子邮件|邮箱地址|E-?mail|邮箱'],
  ['postcode', '邮政编码|邮编'],
  ['address', '邮件地址|邮政地址|通信地址|通讯地址|邮寄地址|来信地址|来访地址|接待地址|联系地址|邮政信箱|地址'],
  ['phone', '[\\p{Script=Han}]{0,6}电话(?:号码)?|手机(?:号码)?|热线'],
  ['hours', '受理时间|接听时间|办公时间|工作时间|接待时间'],
  ['other', '联系人|传真|联系部门|受理部门|联系方式'],
];
const LABEL = new RegExp(`(${LABELS.map(([, l]) => l).join('|')})\\s*[：:]`, 'giu');
const FIELD_OF = LABELS.map(([field, l]) => [field, new RegExp(`^(?:${l})$`, 'iu')] as const);

/** Every contact label, as one alternation for a regular expression. */
export const CONTACT_LABELS = LABELS.map(([, l]) => l).join('|');

/** A contact line opens with one of the labels. */
const CONTACT_LINE = new RegExp(`^\\s*(?:${CONTACT_LABELS})\\s*[：:]`, 'iu');
export function isContactLine(text: string): boolean {
  return CONTACT_LINE.test(text) && !parseNumbering(text);
}

const PHONE =
  /(?<![\d-])(?:1[3-9]\d{9}|(?:\+?86[-\s]?)?(?:[（(]0\d{2,3}[）)]\s*|0\d{2,3}[-－—\s]?)?\d{3,4}[-－]?\d{4}(?:\s*(?:转|-)\s*\d{1,6})?|12\d{3})(?![\d])/g;
// Bounded, and tried only where a run of address characters starts: on a long line of letters without an @,
// an unbounded pattern rescans the rest of the run from every position (quadratic).
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![A-Za-z])/g;
const POSTCODE = /(?<!\d)\d{6}(?!\d)/g;

/** `（027）85615369` → `027-85615369`: the form the schema and `tel:` links take. */
export function normalisePhone(raw: string): string {
  return raw
    .replace(/\s+/g, '')
    .replace(/^[（(](0\d{2,3})[）)]/, '$1-')
    .replace(/[－—]/g, '-')
    .replace(/-(\d{1,6})$/, (m, ext, offset, whole) => (/^0\d{2,3}-\d{7,8}-/.test(whole) ? `转${ext}` : m));
}

export function phonesIn(text: string): string[] {
  return phoneMatches(text).map((m) => m.phone);
}

/** Each phone number in a text: where it stands, as written, and as the schema and `tel:` links take it. */
export function phoneMatches(text: string): Array<{ index: number; text: string; phone: string }> {
  // An email's digits (`yhzjw2025@163.com`) are not a phone number.
  const masked = text.replace(EMAIL, (m) => 'x'.repeat(m.length));
  return [...masked.matchAll(PHONE)].map((m) => ({
    index: m.index!,
    text: text.slice(m.index!, m.index! + m[0].length),
    phone: normalisePhone(m[0]),
  }));
}
export function emailsIn(text: string): string[] {
  return text.match(EMAIL) ?? [];
}

export interface ContactFound {
  phone: string[];
  email: string[];
  address: string[];
  postcode: string[];
  hours: string[];
}

export interface UnplacedContact {
  line: number;
  message: string;
}

/**
 * Reads the contact details of the closing lines. Every phone, email and postcode becomes a field; a labelled
 * value that holds none of what its label promises is returned as unplaced, so the caller can refuse it.
 */
export function readContact(lines: Array<{ text: string; line: number; kind: ClosingKind }>): {
  contact: ContactFound;
  unplaced: UnplacedContact[];
} {
  const contact: ContactFound = { phone: [], email: [], address: [], postcode: [], hours: [] };
  const unplaced: UnplacedContact[] = [];
  const add = (field: keyof ContactFound, value: string) => {
    if (value && !contact[field].includes(value)) contact[field].push(value);
  };
  for (const { text, line, kind } of lines) {
    if (kind === 'signature' || kind === 'date') continue;
    const parts = labelledParts(text);
    if (kind === 'appeal' || parts.length === 0) {
      // An appeal may name the number and address in its sentence: `请拨打0710-3512345或发送邮件至…`.
      for (const email of emailsIn(text)) add('email', email);
      for (const phone of phonesIn(text.replace(EMAIL, ''))) add('phone', phone);
      continue;
    }
    for (const { field, label, value } of parts) {
      const emails = emailsIn(value);
      for (const email of emails) add('email', email);
      const rest = value.replace(EMAIL, '');
      if (field === 'email') {
        if (!emails.length) unplaced.push({ line, message: `“${label}”后面没有可识别的电子邮箱地址（应为 name@example.com 这样的地址）` });
      } else if (field === 'phone') {
        const phones = phonesIn(rest);
        if (!phones.length) unplaced.push({ line, message: `“${label}”后面没有可识别的电话号码（例如 027-85615369 或 13907101234）` });
        phones.forEach((p) => add('phone', p));
      } else if (field === 'postcode') {
        const codes = rest.match(POSTCODE) ?? [];
        if (!codes.length) unplaced.push({ line, message: `“${label}”后面没有 6 位数字的邮政编码` });
        codes.forEach((c) => add('postcode', c));
      } else if (field === 'address') {
        const { address, postcode } = addressAndPostcode(rest);
        if (postcode) add('postcode', postcode);
        add('address', address);
      } else if (field === 'hours') {
        add('hours', rest.replace(/[。；;，,]$/, '').trim());
      } else {
        // 联系人, 传真 and the like stay in the text; a phone or email written there is still a way to reach them.
        if (!/传真/.test(label)) phonesIn(rest).forEach((p) => add('phone', p));
      }
    }
  }
  return { contact, unplaced };
}

/** The `label：value` pieces of a contact line: `联系电话：…，电子邮箱：…` is two. */
export function labelledParts(text: string): Array<{ field: ContactField; label: string; value: string }> {
  const found = [...text.matchAll(LABEL)].filter((m) => m.index === 0 || /[\s，,；;。（(、]/.test(text[m.index! - 1]));
  return found.map((m, i) => {
    const label = m[1];
    const field = FIELD_OF.find(([, re]) => re.test(label))?.[0] ?? 'other';
    const end = found[i + 1]?.index ?? text.length;
    const value = text
      .slice(m.index! + m[0].length, end)
      .trim()
      .replace(/[（(]$/, '')
      .replace(/[，,；;。、]+$/, '')
      .trim();
    return { field, label, value };
  });
}

/**
 * `某某路1号，邮政编码：430021` or `某某路1号（邮编：441000）` → address and postcode. No regular expression runs
 * over the address itself: one that backtracks over its spaces is quadratic on a long line.
 */
export function addressAndPostcode(value: string): { address: string; postcode?: string } {
  const at = Math.max(value.lastIndexOf('邮政编码'), value.lastIndexOf('邮编'));
  const label = value.startsWith('邮政编码', at) ? '邮政编码' : '邮编';
  const postcode = at >= 0 ? value.slice(at + label.length).match(/^[：:]?\s*(\d{6})\s*[）)]?\s*[。；;]?\s*$/)?.[1] : undefined;
  if (postcode === undefined) return { address: value.trim().replace(/[。；;]$/, '') };
  let end = at;
  while (end > 0 && /[\s，,；;（(]/.test(value[end - 1])) end--;
  return { address: value.slice(0, end).trimStart(), postcode };
}

const ORG_END =
  /(委员会|委|公司|集团|局|厅|办公室|办|院|中心|大学|学院|学校|政府|党组|党委|纪委|小组|支部|总支|部|所|站|社|协会|联合会|行|处|室|队|馆|监狱|医院|银行)$/;
/** A signature line: a body's name, short and without sentence punctuation or numbering. */
export function isSignature(text: string, strict: boolean): boolean {
  if (text.length > 50 || /[。，；：！？:;,]/.test(text) || parseNumbering(text) || isContactLine(text)) return false;
  return ORG_END.test(text) || (!strict && text.length <= 30);
}

/** Returns the kind of each of the last blocks that form the closing, aligned with `texts`. */
export function classifyClosing(texts: string[]): Array<ClosingKind | undefined> {
  const kinds = new Array<ClosingKind | undefined>(texts.length).fill(undefined);
  let end = texts.length;
  if (end > 0 && parseSignatureDate(texts[end - 1])) {
    kinds[--end] = 'date';
    if (end > 0 && isSignature(texts[end - 1], false)) {
      kinds[--end] = 'signature';
      if (end > 0 && isSignature(texts[end - 1], true)) kinds[--end] = 'signature';
    }
  } else if (end > 1 && isSignature(texts[end - 1], true)) {
    // Signed but not dated (the page prints the date in its header): a body's name closes the notice.
    kinds[--end] = 'signature';
  }
  while (end > 0 && isContactLine(texts[end - 1])) kinds[--end] = 'contact';
  // The appeal, and any sentence between it and the contact lines (`来信请注明…`), closes the notice.
  let appeal = -1;
  for (let i = end - 1; i >= Math.max(0, end - 4); i--) {
    if (isAppeal(texts[i]) && !parseNumbering(texts[i])) appeal = i;
    else if (parseNumbering(texts[i]) || texts[i].length > 100) break;
  }
  if (appeal >= 0) {
    for (let i = appeal; i < end; i++) kinds[i] = isContactLine(texts[i]) ? 'contact' : 'appeal';
    end = appeal;
    while (end > 0 && isAppeal(texts[end - 1]) && !parseNumbering(texts[end - 1])) kinds[--end] = 'appeal';
  }
  return kinds;
}
