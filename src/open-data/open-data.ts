// Open data (/data/): the notices as JSON with its JSON Schema, the problems as CSV, and what the /data/
// page says about each field. The JSON document is defined once, here, by a zod schema whose frontmatter
// part is the content format's own `noticeSchema` (src/schemas); data/schema.json is generated from it.
import { z } from 'astro/zod';
import type { CsvValue } from './csv';
import type { Outline, ProblemSummary } from '../notice/outline';
import type { History } from '../provenance/git';
import { summariseRevisions } from '../provenance/revisions';
import { FIELD_NAMES, noticeSchema, type NoticeData, type NoticeEntry } from '../schemas';

/** A URL for the public: absolute on `siteUrl` when it is known, else the path from the domain root. */
export function publicUrl(path: string, siteUrl?: string | URL): string {
  return siteUrl ? new URL(path, siteUrl).href : path;
}

const URL_NOTE = '设置了 SITE_URL 时是完整网址，否则是从网站根目录起的路径';

// Functions, not shared instances: each use is a schema of its own, written out in full where it is used.
const numbered = () => ({
  id: z.string().describe('锚点编号，网页地址中 # 之后的部分，如 s2-g1-p1；由编号决定，保持稳定'),
  label: z.string().describe('编号，照原文，如“二、”“（一）”“1、”'),
  number: z.number().int().positive().describe('编号的数值，如“（三）”为 3'),
});
const heading = () => z.string().describe('标题原文，含编号');

export const measureSchema = z
  .object({
    marker: z.string().describe('措施序号，照原文，如“一是”'),
    lead: z.string().describe('这项措施的第一句；全文见所属问题的 rectification'),
  })
  .strict()
  .meta({ id: 'measure', description: '整改措施：整改情况中以“一是”“二是”……开头的一项' });

export const problemSchema = z
  .object({
    ...numbered(),
    heading: heading(),
    title: z.string().describe('问题：标题“关于“……”的问题”中引号里的文字；不是这种写法时为标题去掉编号'),
    rectification: z.string().optional().describe('整改情况全文（不含“整改情况：”）；原文没有整改情况时不出现'),
    status: z.string().optional().describe('整改状态，照原文，如“已完成”“阶段性完成”“持续推进”；原文没有写明时不出现'),
    measures: z.array(measureSchema).describe('整改措施，按原文顺序'),
  })
  .strict()
  .meta({ id: 'problem', description: '问题：巡察反馈的一个问题及其整改情况' });

export const groupSchema = z
  .object({ ...numbered(), heading: heading(), problems: z.array(problemSchema).describe('本类别下的问题') })
  .strict()
  .meta({ id: 'group', description: '类别：部分之下的一组问题，如“（一）关于“……”的问题。”' });

export const pointSchema = z
  .object({ ...numbered(), lead: z.string().describe('加粗的首句，不含编号') })
  .strict()
  .meta({ id: 'point', description: '要点：部分之下以加粗首句开头的编号段落，如“（一）强化谋划部署……”' });

export const sectionSchema = z
  .object({
    ...numbered(),
    heading: heading(),
    points: z.array(pointSchema).describe('本部分的要点（如组织领导情况中的各条）'),
    groups: z.array(groupSchema).describe('本部分的问题类别'),
    problems: z.array(problemSchema).describe('直接列在本部分下、不属于任何类别的问题'),
  })
  .strict()
  .meta({ id: 'section', description: '部分：以“一、”“二、”……编号的一级标题' });

export const revisionSchema = z
  .object({
    commit: z
      .string()
      .regex(/^[0-9a-f]{12}$/)
      .describe('版本号：版本库（git）提交编号的前 12 位'),
    date: z.string().describe('提交时间，ISO 8601，含时区，如 2023-09-21T10:00:00+08:00'),
  })
  .strict()
  .meta({ id: 'revision', description: '源文件的一个版本' });

export const provenanceSchema = z
  .object({
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe('源文件（Markdown）的 SHA-256 指纹，十六进制；可用 sha256sum 核对'),
    published: z.string().optional().describe('本站首次发布时间：源文件最早一个版本的提交时间；没有版本库历史时不出现'),
    revised: z.string().optional().describe('本站最后修改时间：源文件最新一个版本的提交时间；只有一个版本或没有版本库历史时不出现'),
    revisions: z.array(revisionSchema).optional().describe('源文件的全部版本，从新到旧；没有版本库历史时不出现'),
    uncommitted: z
      .boolean()
      .optional()
      .describe('为 true 时，源文件在最新一个版本之后还有改动，指纹是改动后的，revised 和 revisions 不含这次改动；没有版本库历史时不出现'),
  })
  .strict()
  .meta({ id: 'provenance', description: '来源：源文件指纹和修改记录' });

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** An attachment as the site publishes it: its copy under attachments/, not its path in the content folder. */
export const attachmentRecordSchema = z
  .object({
    title: z.string().describe('附件名称：通报页面上的链接文字；通报没有写名称时为文件名（不含扩展名）'),
    url: z.string().describe(`附件文件的下载地址；${URL_NOTE}`),
    type: z.string().describe('文件类型：扩展名，小写，如 pdf、docx、ofd'),
    size: z.number().int().positive().describe('文件大小，字节数'),
  })
  .strict();

/** A notice: the frontmatter as `noticeSchema` defines it (dates and postcodes as the text it gives), and what the site adds. */
export const noticeRecordSchema = noticeSchema
  .extend({
    date: isoDay.describe('成文日期（落款日期），YYYY-MM-DD'),
    published: isoDay.optional().describe('发布日期，YYYY-MM-DD；通报没有另写发布日期时不出现，此时发布日期即成文日期'),
    attachments: z
      .array(attachmentRecordSchema)
      .optional()
      .describe('附件：通报页面上可下载的文件（如原文），按通报所列顺序；没有附件时不出现'),
    contact: z
      .object({
        phone: z.array(z.string()).min(1),
        address: z.array(z.string()).min(1),
        postcode: z.array(z.string().regex(/^\d{6}$/)).min(1),
        email: z.array(z.string()).min(1),
        hours: z.string(),
      })
      .partial()
      .strict()
      .optional(),
  })
  .extend({
    id: z.string().describe('通报编号：源文件名去掉 .md，也是网页地址的一部分，如 2023-09-20-wuhan-industrial-investment'),
    url: z.string().describe(`通报网页的地址；${URL_NOTE}`),
    problemCount: z.number().int().nonnegative().describe('通报列出的问题数'),
    outline: z
      .object({ sections: z.array(sectionSchema).describe('各部分，按原文顺序') })
      .strict()
      .describe('通报的结构'),
    provenance: provenanceSchema,
  })
  .meta({ id: 'notice', description: '一份通报' });

export const noticesDocumentSchema = z
  .object({
    title: z.string().describe('网站名称'),
    organisation: z.string().describe('发布单位'),
    url: z.string().optional().describe('网站首页的完整网址；没有设置 SITE_URL 时不出现'),
    notices: z.array(noticeRecordSchema).describe('全部通报，新的在前'),
  })
  .strict()
  .describe('巡察整改进展情况通报的开放数据（notices.json）');

export type NoticeRecord = z.output<typeof noticeRecordSchema>;

/** Descriptions of the frontmatter's fields, which `noticeSchema` leaves to FIELD_NAMES. */
const FRONTMATTER_DOCS: Record<string, string> = {
  title: '通报标题',
  issuer: '发布机构：落款单位',
  summary: '摘要；通报没有写摘要时不出现',
  indexNumber: '信息索引号；没有时不出现',
  number: '文号，如 武投控党〔2023〕12号；没有时不出现',
  inspected: '被巡察单位；没有时不出现',
  name: '单位全称',
  short: '简称',
  inspection: '巡察信息；没有时不出现',
  groups: '巡察组',
  period: '巡察时间，照原文',
  feedback: '反馈时间，照原文',
  contact: '通报自己写明的联系方式；没有时不出现',
  phone: '联系电话',
  address: '通信地址',
  postcode: '邮政编码，6 位数字',
  email: '电子邮箱',
  hours: '办公时间',
  progress: '整改进度，照通报所写；没有写明时不出现',
  total: '问题总数',
  done: '已完成整改的问题数',
};

const DEFINITIONS = {
  notice: noticeRecordSchema,
  section: sectionSchema,
  point: pointSchema,
  group: groupSchema,
  problem: problemSchema,
  measure: measureSchema,
  provenance: provenanceSchema,
  revision: revisionSchema,
};
export type DefinitionName = keyof typeof DEFINITIONS;

/** Names of the definitions, as the /data/ page heads them. */
export const DEFINITION_TITLES: Record<DefinitionName | 'document', string> = {
  document: '整个文件',
  notice: '通报（notice）',
  section: '部分（section）',
  point: '要点（point）',
  group: '类别（group）',
  problem: '问题（problem）',
  measure: '整改措施（measure）',
  provenance: '来源（provenance）',
  revision: '版本（revision）',
};

export interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  definitions?: Record<string, JsonSchema>;
  [key: string]: unknown;
}

function describeFrontmatter(node: JsonSchema): void {
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    child.description ??= FRONTMATTER_DOCS[key] ?? FIELD_NAMES[key];
    describeFrontmatter(child);
  }
  for (const child of [node.items, ...(node.anyOf ?? []), ...(node.allOf ?? [])]) if (child) describeFrontmatter(child);
}

/**
 * The JSON Schema (draft-07) of notices.json: repeated parts are `definitions` (the schemas above whose
 * metadata has an `id`), every field has a description.
 */
export function noticesJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(noticesDocumentSchema, {
    target: 'draft-07',
    // The document as the site writes it: what parsing gives out.
    io: 'output',
    // A part with no JSON Schema form (a transform, a date) would leave a field unchecked: stop instead.
    unrepresentable: 'throw',
    // A `pattern` rather than a `format` that also has one (zod writes both for `z.email()`): validators then
    // need no format plugin, and Ajv in strict mode refuses a format it does not know.
    override: ({ jsonSchema }) => {
      if (jsonSchema.format !== undefined && jsonSchema.pattern !== undefined) delete jsonSchema.format;
    },
  }) as JsonSchema;
  const definitions = schema.definitions ?? {};
  const names = Object.keys(DEFINITIONS);
  if (Object.keys(definitions).sort().join() !== [...names].sort().join()) {
    throw new Error(`schema.json: definitions ${Object.keys(definitions).join(', ')}, expected ${names.join(', ')}`);
  }
  describeFrontmatter(schema);
  for (const definition of Object.values(definitions)) describeFrontmatter(definition);
  const { $schema, ...rest } = schema;
  // The definitions in the order the /data/ page lists them.
  return { $schema, title: 'notices.json', ...rest, definitions: Object.fromEntries(names.map((name) => [name, definitions[name]])) };
}

/** One field of a JSON Schema object, as the /data/ page lists it. */
export interface SchemaField {
  /** Dotted path inside its definition, e.g. `inspection.groups`. */
  path: string;
  /** In Chinese: 文字, 整数, 列表（每项是文字）… */
  type: string;
  required: boolean;
  description: string;
}

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  integer: '整数',
  number: '数字',
  boolean: 'true 或 false',
  object: '对象',
  array: '列表',
};

function typeName(node: JsonSchema): string {
  if (node.$ref) {
    const name = node.$ref.split('/').pop() as DefinitionName;
    return DEFINITION_TITLES[name]?.replace(/（.*/, '') ?? name;
  }
  if (node.type === 'array' && node.items) return `列表（每项是${typeName(node.items)}）`;
  const types = [node.type ?? [], ...(node.anyOf ?? []).map(typeName), ...(node.allOf ?? []).slice(0, 1).map(typeName)].flat();
  return [...new Set(types.map((t) => TYPE_NAMES[t] ?? t))].join('或') || '任意';
}

/**
 * Every field of an object schema, nested objects flattened into dotted paths (arrays of objects as
 * `name[].field`). A field that refers to a definition takes the definition's description.
 */
export function schemaFields(node: JsonSchema, definitions: Record<string, JsonSchema> = {}, prefix = ''): SchemaField[] {
  const required = new Set(node.required ?? []);
  return Object.entries(node.properties ?? {}).flatMap(([key, child]) => {
    const path = prefix + key;
    const referred = child.$ref ? definitions[child.$ref.split('/').pop()!] : undefined;
    const field = {
      path,
      type: typeName(child),
      required: required.has(key),
      description: child.description ?? referred?.description ?? '',
    };
    const inner = child.type === 'array' && child.items?.properties ? child.items : child.properties ? child : undefined;
    return [field, ...(inner ? schemaFields(inner, definitions, `${path}${inner === child ? '.' : '[].'}`) : [])];
  });
}

/** What open data reads of a notice (src/notice/collection): its entry, without the excerpt, and its problems. */
export interface NoticeSource {
  id: string;
  data: Omit<NoticeEntry, 'excerpt'> & { problems: ProblemSummary[] };
}

export function provenanceOf(sha256: string, history?: History): NoticeRecord['provenance'] {
  if (!history) return { sha256 };
  const { published, revised } = summariseRevisions(history.revisions);
  return {
    sha256,
    ...(published && { published: published.date }),
    ...(revised && { revised: revised.date }),
    revisions: history.revisions.map(({ commit, date }) => ({ commit, date })),
    uncommitted: history.uncommitted,
  };
}

const FRONTMATTER_KEYS = Object.keys(noticeSchema.shape) as Array<keyof NoticeData>;

/** A notice for notices.json: its frontmatter, its URL, its outline and its provenance; `attachments`: its published attachments. */
export function noticeRecord(notice: NoticeSource, url: string, outline: Outline, attachments?: NoticeRecord['attachments']): NoticeRecord {
  // The frontmatter's attachments name files in the content folder: the record gives the published copies instead.
  const frontmatter = Object.fromEntries(
    FRONTMATTER_KEYS.filter((k) => k !== 'attachments' && notice.data[k] !== undefined).map((k) => [k, notice.data[k]]),
  );
  const problem = (p: Outline['problems'][number]) => ({
    id: p.id,
    label: p.label,
    number: p.number,
    heading: p.heading,
    title: p.title,
    ...(p.rectification !== undefined && { rectification: p.rectification }),
    ...(p.status !== undefined && { status: p.status }),
    // The measures' full text is in `rectification`: repeating it would double the file (400 MB at 10,000 notices).
    measures: p.measures.map(({ marker, lead }) => ({ marker, lead })),
  });
  return {
    ...(frontmatter as Omit<NoticeData, 'attachments'>),
    ...(attachments?.length ? { attachments } : {}),
    id: notice.id,
    url,
    problemCount: notice.data.problemCount,
    outline: {
      sections: outline.sections.map((s) => ({
        id: s.id,
        label: s.label,
        number: s.number,
        heading: s.heading,
        points: s.points.map(({ id, label, number, lead }) => ({ id, label, number, lead })),
        groups: s.groups.map((g) => ({
          id: g.id,
          label: g.label,
          number: g.number,
          heading: g.heading,
          problems: g.problems.map(problem),
        })),
        problems: s.problems.map(problem),
      })),
    },
    provenance: provenanceOf(notice.data.sha256, notice.data.history),
  };
}

/** The whole document, checked against its schema (a mismatch stops the build). */
/**
 * notices.json's text, piece by piece: each record is checked against the schema and turned into text
 * before the next one is made, so that a site of 10,000 notices never holds every outline (or the whole
 * text) at once. Joined, the pieces are one compact document of `noticesDocumentSchema`.
 */
export function* noticesJson(
  site: { title: string; organisation: string; url?: string },
  notices: Iterable<NoticeRecord>,
): Generator<string> {
  const head = noticesDocumentSchema
    .omit({ notices: true })
    .parse({ title: site.title, organisation: site.organisation, ...(site.url && { url: site.url }) });
  yield `${JSON.stringify(head).slice(0, -1)},"notices":[`;
  let first = true;
  for (const notice of notices) {
    yield `${first ? '' : ','}${JSON.stringify(noticeRecordSchema.parse(notice))}`;
    first = false;
  }
  yield ']}\n';
}

/** The columns of problems.csv, with what the /data/ page says about each. */
export const PROBLEM_COLUMNS: Array<{ name: string; description: string }> = [
  { name: '通报编号', description: '源文件名去掉 .md，也是网页地址的一部分，与 notices.json 的 id 相同' },
  { name: '通报标题', description: '通报的标题' },
  { name: '发布机构', description: '通报的落款单位' },
  { name: '成文日期', description: '通报的落款日期，YYYY-MM-DD' },
  { name: '发布日期', description: '通报的发布日期，YYYY-MM-DD；没有另写时与成文日期相同' },
  { name: '文号', description: '通报的文号，如 武投控党〔2023〕12号；没有时为空' },
  { name: '索引号', description: '通报的信息索引号；没有时为空' },
  { name: '部分', description: '问题所在部分的标题，含编号，如“二、整改进展情况及成效”' },
  { name: '类别', description: '问题所在类别的标题，含编号；问题不属于任何类别时为空' },
  { name: '问题序号', description: '问题在所属类别（或部分）中的序号，数字' },
  { name: '问题编号', description: '问题的锚点编号，如 s2-g1-p1，与 notices.json 中问题的 id 相同' },
  { name: '问题', description: '问题：标题“关于“……”的问题”中引号里的文字' },
  { name: '整改状态', description: '整改状态，照原文，如“已完成”“持续推进”；原文没有写明时为空' },
  { name: '整改措施数', description: '整改情况中“一是”“二是”……的项数；没有分项时为 0' },
  { name: '链接', description: `问题在通报网页上的位置（带 # 锚点）；${URL_NOTE}` },
];

/** The number in a problem's anchor (`s2-g1-p3` → 3): its place among its siblings. */
const problemNumber = (problemId: string) => Number(/-p(\d+)$/.exec(problemId)?.[1] ?? 0);

/** problems.csv's rows: one per problem, notices in the order given, problems in the order of the text. */
export function problemRows(notices: Array<{ notice: NoticeSource; url: string }>): CsvValue[][] {
  return notices.flatMap(({ notice: { id, data }, url }) =>
    data.problems.map((p) => [
      id,
      data.title,
      data.issuer,
      data.date,
      data.published ?? data.date,
      data.number ?? '',
      data.indexNumber ?? '',
      p.section.heading,
      p.group?.heading ?? '',
      problemNumber(p.id),
      p.id,
      p.title,
      p.status ?? '',
      p.measures,
      `${url}#${p.id}`,
    ]),
  );
}
