// The content format's single definition: notice frontmatter and site configuration.
// `src/content.config.ts`, `npm run check` and the importer all use these schemas.
import { z } from 'astro/zod';
import { isoDate } from './calendar';

/** A calendar date written `YYYY-MM-DD`; YAML parsers may hand us a Date or a string. */
export const calendarDate = z
  .union([z.string(), z.date()], { error: '应为日期，格式 YYYY-MM-DD，例如 2023-09-20' })
  .transform((value, ctx) => {
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) return invalid(ctx, String(value));
      return value.toISOString().slice(0, 10);
    }
    const m = value.trim().match(/^(\d{4})-(\d{2})-(\d{2})$/);
    const iso = m && isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ?? invalid(ctx, value);
  });

function invalid(ctx: z.RefinementCtx, value: string): never {
  ctx.addIssue({ code: 'custom', message: `“${value}”不是有效日期，应为 YYYY-MM-DD，例如 2023-09-20` });
  return z.NEVER;
}

const text = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `缺少${what}` : `${what}应为文字`) })
    .trim()
    .min(1, `${what}不能为空，请填写`);

/** Phone numbers as printed: digits with optional +, -, spaces, parentheses and 转 for extensions. */
export const phone = text('电话号码').refine((v) => /^[+\d][\d\s\-()（）转]*\d$/.test(v) && /\d{5,}/.test(v.replace(/\D/g, '')), {
  message: '电话号码应由数字组成，例如 027-85615369',
});

export const email = text('电子邮箱').pipe(z.email('电子邮箱格式不正确，例如 whtkjt@126.com'));

export const postcode = z
  .union([z.string(), z.number()], {
    error: (issue) => (issue.input === undefined ? '缺少邮政编码' : '邮政编码应为 6 位数字，例如 430021'),
  })
  .transform((v) => String(v).trim())
  .refine((v) => /^\d{6}$/.test(v), { message: '邮政编码应为 6 位数字，例如 430021' });

export const contactSchema = z
  .object({
    phone,
    address: text('通信地址'),
    postcode,
    email,
    hours: text('办公时间').optional(),
  })
  .strict();

/** One value or a list of them (`phone: [0710-3512345, "12388"]`), always read as a list. */
const oneOrMore = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (Array.isArray(v) ? v : v === undefined ? v : [v]), z.array(item).min(1, '至少写一项'));

/**
 * A notice's own contact, as its closing states it: several phones (监督电话, 举报电话…), emails, addresses
 * or postcodes are common, so each field takes one value or a list.
 */
export const noticeContactSchema = z
  .object({
    phone: oneOrMore(phone),
    address: oneOrMore(text('通信地址')),
    postcode: oneOrMore(postcode),
    email: oneOrMore(email),
    hours: text('办公时间'),
  })
  .partial()
  .strict();

export type NoticeContact = z.output<typeof noticeContactSchema>;

const count = (what: string) =>
  z
    .number({ error: (issue) => (issue.input === undefined ? `缺少${what}` : `${what}应为数字，例如 18`) })
    .int(`${what}应为整数`)
    .nonnegative(`${what}不能是负数`);

/** How far the rectification has got, as the notice states it: e.g. 18 problems, 16 of them rectified. */
export const progressSchema = z
  .object({ total: count('问题总数').positive('问题总数至少为 1'), done: count('已完成数') })
  .strict()
  .refine((p) => p.done <= p.total, { message: '已完成数不能大于问题总数', path: ['done'] });

/**
 * 文号 as GB/T 9704 writes it: the issuing organ's code, the year in 六角括号 〔〕 and the serial number with 号,
 * e.g. 武投控党〔2023〕12号. Brackets typed instead of 〔〕 are the usual mistake, and said so.
 */
export const documentNumber = text('文号').superRefine((value, ctx) => {
  const wrong = value.match(/[[(（【［{]\s*(\d{4})\s*[\])）】］}]/);
  if (wrong)
    ctx.addIssue({
      code: 'custom',
      message: `文号里的年份应放在六角括号〔〕里（GB/T 9704），例如 武投控党〔${wrong[1]}〕12号；请把“${wrong[0]}”改成“〔${wrong[1]}〕”`,
    });
  else if (!/号$/.test(value)) ctx.addIssue({ code: 'custom', message: '文号应以“号”结尾，例如 武投控党〔2023〕12号' });
});

/** A file shown on a notice page for download (附件): a path relative to `content/`, and the link text. */
export const attachmentSchema = z
  .object({
    file: text('附件文件'),
    title: text('附件名称').optional(),
  })
  .strict();
export type Attachment = z.output<typeof attachmentSchema>;

export const noticeSchema = z
  .object({
    title: text('标题'),
    issuer: text('发布机构'),
    /** 成文日期: the date under the signature. */
    date: calendarDate,
    /** 发布日期: the day the notice was published, when it is not the signature's date. */
    published: calendarDate.optional(),
    /** 文号. */
    number: documentNumber.optional(),
    summary: text('摘要').optional(),
    indexNumber: text('索引号').optional(),
    inspected: z.array(z.object({ name: text('被巡察单位名称'), short: text('简称').optional() }).strict()).optional(),
    inspection: z
      .object({
        groups: z.array(text('巡察组')).min(1, '巡察组不能为空，请至少写一个巡察组').optional(),
        period: text('巡察时间').optional(),
        feedback: text('反馈时间').optional(),
      })
      .strict()
      .optional(),
    contact: noticeContactSchema.optional(),
    progress: progressSchema.optional(),
    attachments: z.array(attachmentSchema).optional(),
  })
  .strict();

export type NoticeData = z.output<typeof noticeSchema>;

/** One commit that changed a notice's source (src/provenance/git). */
export const revisionSchema = z.object({
  /** Abbreviated commit id (12 hex digits). */
  commit: z.string(),
  /** Commit time, ISO 8601 with the committer's UTC offset. */
  date: z.string(),
});
export type Revision = z.output<typeof revisionSchema>;

/** A notice source's git history. */
export const historySchema = z.object({
  /** Newest first. */
  revisions: z.array(revisionSchema),
  /** The file differs from its last commit (or was never committed). */
  uncommitted: z.boolean(),
});
export type History = z.output<typeof historySchema>;

/**
 * A notice as the content collection stores it (src/loaders/notices): its frontmatter and what lists and page
 * frames need. Pages add its problems (src/notice/collection); every other view of a notice picks from that.
 */
export const noticeEntrySchema = noticeSchema.extend({
  /** How many numbered problems the notice reports on. */
  problemCount: z.number().int(),
  /** The start of the opening paragraph, for lists and the page description. */
  excerpt: z.string(),
  /** SHA-256 of the Markdown source, hex. */
  sha256: z.string(),
  /** The source file's commits; absent outside a full git checkout. */
  history: historySchema.optional(),
});
export type NoticeEntry = z.output<typeof noticeEntrySchema>;

/** Keys an editor may try in a notice that are not fields, with what to do instead. */
export const NOTICE_KEY_ADVICE: Record<string, string> = {
  slug: '网址由文件名决定，文件头里不能写 slug。请删除这一行；要改网址，请给文件改名，例如 2023-09-20-wuhan.md。',
};

/** Province-level abbreviations that begin every ICP and police filing number. */
const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';

/** ICP 备案号 as MIIT issues it: province + ICP备 + digits + 号, optionally -N for the site under that filing. */
export const ICP_NUMBER = new RegExp(`^[${PROVINCES}]ICP备\\d{6,12}号(?:-\\d{1,3})?$`);
/** 公安机关互联网站安全备案号: province + 公网安备 + the 14-digit code + 号. */
export const POLICE_NUMBER = new RegExp(`^[${PROVINCES}]公网安备(\\d{14})号$`);

export const filingSchema = z
  .object({
    icp: text('ICP备案号')
      .refine((v) => ICP_NUMBER.test(v), {
        message: 'ICP备案号应为“省份简称 + ICP备 + 数字 + 号”，可带“-序号”，例如 鄂ICP备2023001234号-1；请照工信部备案系统里的写法填写',
      })
      .optional(),
    police: text('公安备案号')
      .refine((v) => POLICE_NUMBER.test(v), {
        message: '公安备案号应为“省份简称 + 公网安备 + 14 位数字 + 号”，例如 鄂公网安备42010302000123号；请照公安备案系统里的写法填写',
      })
      .optional(),
    /** The emblem image issued with the police filing, a file under content/ (never fetched from elsewhere). */
    policeEmblem: text('公安备案图标').optional(),
  })
  .strict()
  .refine((f) => !f.policeEmblem || f.police, {
    message: '写了公安备案图标，但没有公安备案号（police）。请补上备案号',
    path: ['policeEmblem'],
  });

/** An address on another site that pages link to: it must be a full http(s) address. */
export const webAddress = (what: string) =>
  text(what).refine(
    (v) => {
      try {
        const url = new URL(v);
        return (url.protocol === 'https:' || url.protocol === 'http:') && Boolean(url.hostname);
      } catch {
        return false;
      }
    },
    { message: `${what}应是完整网址，以 https:// 或 http:// 开头，例如 https://www.example.cn/` },
  );

/** A host name as written under allowedHosts: `www.ccdi.gov.cn`, without scheme or path. */
const hostName = text('网站域名').refine((v) => /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(v), {
  message: '应只写域名，不带 https:// 和路径，例如 www.ccdi.gov.cn',
});

export const siteSchema = z
  .object({
    title: text('网站名称'),
    organisation: text('发布单位'),
    description: text('网站简介').optional(),
    contact: contactSchema,
    indexNumberPrefix: text('索引号前缀')
      .refine((v) => /^[0-9A-Za-z-]{4,30}$/.test(v), {
        message: '索引号前缀只能由字母、数字和连字符组成，例如统一社会信用代码 91420100MA4KX0000X',
      })
      .optional(),
    filing: filingSchema.optional(),
    /** 网站标识码: 10 characters, digits for local sites (4201000040) or bm + 8 digits for central departments. */
    siteCode: z
      .union([z.string(), z.number()], { error: '网站标识码应为 10 位，例如 4201000040' })
      .transform((v) => String(v).trim())
      .refine((v) => /^(?:\d{10}|bm\d{8})$/.test(v), {
        message: '网站标识码应为 10 位数字（如 4201000040）或 bm 加 8 位数字（如 bm07000001）',
      })
      .optional(),
    portal: z
      .object({ name: text('主站名称'), url: webAddress('主站网址') })
      .strict()
      .optional(),
    links: z.array(z.object({ title: text('链接名称'), url: webAddress('链接网址') }).strict()).optional(),
    organiser: text('主办单位').optional(),
    allowedHosts: z.array(hostName).optional(),
  })
  .strict();

export type SiteConfig = z.output<typeof siteSchema>;

/** Human names of every frontmatter and config key, for error messages. */
export const FIELD_NAMES: Record<string, string> = {
  title: '标题',
  issuer: '发布机构',
  date: '成文日期',
  published: '发布日期',
  number: '文号',
  attachments: '附件',
  file: '文件',
  filing: '备案信息',
  icp: 'ICP备案号',
  police: '公安备案号',
  policeEmblem: '公安备案图标',
  siteCode: '网站标识码',
  portal: '主站',
  url: '网址',
  links: '相关链接',
  organiser: '主办单位',
  allowedHosts: '允许链接的网站',
  summary: '摘要',
  indexNumber: '索引号',
  inspected: '被巡察单位',
  inspection: '巡察信息',
  groups: '巡察组',
  period: '巡察时间',
  feedback: '反馈时间',
  contact: '联系方式',
  phone: '联系电话',
  address: '通信地址',
  postcode: '邮政编码',
  email: '电子邮箱',
  hours: '办公时间',
  organisation: '发布单位',
  description: '网站简介',
  indexNumberPrefix: '索引号前缀',
  name: '名称',
  short: '简称',
  progress: '整改进度',
  total: '问题总数',
  done: '已完成数',
};
