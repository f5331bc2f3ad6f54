// `npm run new`'s pure part: the options checked or asked for, the skeleton notice, and its file name.
import { stringify } from 'yaml';
import { classifyClosing } from './closing';
import { uniqueFileName } from '../base/slug';
import { slugFor } from '../base/slug';
import { isoDate } from '../schemas/calendar';
import { PLACEHOLDER } from './placeholders';
import type { SiteConfig } from '../schemas';
import { formatChineseDate } from '../base/format';

export interface NoticeFields {
  title: string;
  issuer: string;
  /** `YYYY-MM-DD`. */
  date: string;
}

/** A mistake in what the webmaster gave: its message is printed as it is, and nothing is written. */
export class NewNoticeError extends Error {}

export const DATE_ADVICE = '请写成 YYYY-MM-DD，例如 2024-09-10';

/** `2024-09-10` → itself; anything else (another form, 2024-02-30) → undefined. */
export function parseIsoDate(value: string): string | undefined {
  const m = value.trim().match(/^(\d{4})-(\d{2})-(\d{2})$/);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/** The day a time falls on (today by default) as the notice's readers count days: in China, whatever the server's time zone. */
export function todayInShanghai(now = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The usual title of such a notice, signed by its issuer. */
export const defaultTitle = (issuer: string) => `${issuer}关于巡察整改进展情况的通报`;

/** One line of text: a title pasted with line breaks or tabs would otherwise become a YAML block. */
const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim();

/** Asks one question and resolves with the answer as typed (empty: take the default). */
export type Ask = (question: string) => Promise<string>;

export interface FieldDefaults {
  /** The site's organisation (content/site.yaml), the usual issuer. */
  organisation: string;
  /** `YYYY-MM-DD`, normally todayInShanghai(). */
  today: string;
}

/** Whether a line of text is read back as the signature before the date, as src/notice/closing reads a closing. */
export const isSignatureLine = (text: string) => classifyClosing([text, '2024年9月10日'])[0] === 'signature';

/** What is wrong with a value, said after it (`--date “2024-02-30”不是有效日期…`); undefined when it will do. */
const PROBLEMS: Record<keyof NoticeFields, (value: string) => string | undefined> = {
  title: () => undefined,
  issuer: (value) =>
    isSignatureLine(value)
      ? undefined
      : '不能用作落款：发布机构是落款单位的名称，不能带“，。：；”这样的标点或编号，最长 50 个字，例如“中共某某委员会”',
  date: (value) => (parseIsoDate(value) ? undefined : `不是有效日期：${DATE_ADVICE}`),
};

const QUESTIONS: Record<keyof NoticeFields, string> = {
  issuer: '发布机构（落款单位）',
  title: '标题',
  date: '落款日期（YYYY-MM-DD）',
};

/**
 * The title, issuer and date: as given, else asked for when `ask` is given (a terminal), else the defaults.
 * A given value that will not do is a NewNoticeError naming its option; an answer that will not do is asked again.
 * `defaulted` names the fields that were neither given nor answered, so the command can say so.
 */
export async function resolveFields(
  given: Partial<NoticeFields>,
  defaults: FieldDefaults,
  ask?: Ask,
): Promise<{ fields: NoticeFields; defaulted: Array<keyof NoticeFields> }> {
  // Every given option is checked before anything is asked: a typo is reported at once, not after three questions.
  for (const key of ['title', 'issuer', 'date'] as const) {
    const value = given[key];
    if (value === undefined) continue;
    if (!oneLine(value)) throw new NewNoticeError(`--${key} 不能为空：请写上${QUESTIONS[key]}，或者不写这个选项。`);
    const problem = PROBLEMS[key](oneLine(value));
    if (problem) throw new NewNoticeError(`--${key} “${value}”${problem}。`);
  }
  const defaulted: Array<keyof NoticeFields> = [];
  const take = async (key: keyof NoticeFields, fallback: string) => {
    if (given[key] !== undefined) return oneLine(given[key]);
    if (!ask) {
      // The site's organisation may be written in a way no signature is (with a comma, say).
      const problem = PROBLEMS[key](fallback);
      if (problem) throw new NewNoticeError(`没有给出 --${key}，默认的“${fallback}”${problem}。请用 --${key} 写明。`);
      defaulted.push(key);
      return fallback;
    }
    const question = `${QUESTIONS[key]}［直接回车：${fallback}］：`;
    let prompt = question;
    for (;;) {
      const answer = oneLine(await ask(prompt)) || fallback;
      const problem = PROBLEMS[key](answer);
      if (!problem) return answer;
      prompt = `“${answer}”${problem}。\n${question}`;
    }
  };
  // The issuer first: the usual title is built from it.
  const issuer = await take('issuer', defaults.organisation);
  const title = await take('title', defaultTitle(issuer));
  const date = parseIsoDate(await take('date', defaults.today))!;
  const order: Array<keyof NoticeFields> = ['title', 'issuer', 'date'];
  return { fields: { title, issuer, date }, defaulted: order.filter((key) => defaulted.includes(key)) };
}

/** The notice's file name by the importer's rule: the date, then the title in pinyin (the issuer's when the title has no words of its own). */
export function noticeFileName({ title, issuer, date }: NoticeFields): string {
  const slug = [title, issuer].map((source) => slugFor({ date, title: source })).find((s) => s !== 'notice') ?? 'notice';
  return `${date}-${slug}.md`;
}

/** The file name in `dir` that no notice has yet: `…-2.md`, `…-3.md` after a collision, as the importer does. */
export function freeNoticeFileName(dir: string, fields: NoticeFields): string {
  return uniqueFileName(dir, noticeFileName(fields));
}

/** The contact lines of the closing, in labels src/notice/closing reads back, from whatever the site has. */
export function contactLines(contact: Partial<SiteConfig['contact']>): string[] {
  const lines: string[] = [];
  if (contact.phone) lines.push(`联系电话：${contact.phone}`);
  if (contact.address) lines.push(`通信地址：${contact.address}${contact.postcode ? `，邮政编码：${contact.postcode}` : ''}`);
  else if (contact.postcode) lines.push(`邮政编码：${contact.postcode}`);
  if (contact.email) lines.push(`电子邮箱：${contact.email}`);
  if (contact.hours) lines.push(`受理时间：${contact.hours}`);
  return lines;
}

const P = PLACEHOLDER;

/**
 * A skeleton notice that passes `npm run check`: the frontmatter, the opening paragraph, three sections with a
 * group of two problems and their 整改情况, the appeal, the site's contact, the signature and the date.
 * The frontmatter has no `contact`: the closing's lines are then the one place to change it (an imported
 * notice's frontmatter contact is read from its closing, and a stale copy would show as a second contact block).
 */
export function skeletonNotice(fields: NoticeFields, contact: Partial<SiteConfig['contact']>): string {
  const frontmatter = stringify({ title: fields.title, issuer: fields.issuer, date: fields.date }, { lineWidth: 0 });
  const optional = [
    '# 可选字段：需要时删去行首的 #，按通报填写（说明见 README.md 的“Or write it by hand”）。',
    '# summary: 一句话摘要，显示在通报列表里',
    '# inspected:',
    '#   - name: 被巡察单位全称',
    '#     short: 简称',
    '# inspection:',
    '#   groups: [市委第一巡察组]',
    '#   period: 2022年4月上旬至6月中旬',
    '#   feedback: 2022年8月',
  ];
  const blocks = [
    `根据${P}统一部署，${P}巡察组于${P}对${P}开展了巡察，并于${P}反馈了巡察意见。按照巡察工作有关要求，现将巡察集中整改进展情况予以公布。`,
    '## 一、巡察整改组织领导情况',
    P,
    '## 二、整改进展情况及成效',
    `### （一）关于“${P}”的问题。`,
    `#### 1、关于“${P}”的问题。`,
    `**整改情况：**一是${P}。二是${P}。`,
    `#### 2、关于“${P}”的问题。`,
    `**整改情况：**一是${P}。二是${P}。`,
    '## 三、下一步工作打算',
    P,
    '欢迎广大干部群众对巡察集中整改落实情况进行监督。如有意见建议，请及时向我们反映。',
    ...contactLines(contact),
    fields.issuer,
    formatChineseDate(fields.date),
  ];
  return `---\n${frontmatter}${optional.join('\n')}\n---\n\n${blocks.join('\n\n')}\n`;
}
