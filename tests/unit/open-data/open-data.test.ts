// The open data's pure parts: the notices.json document and its JSON Schema (checked with Ajv), the
// provenance fields, the CSV rows and the field list the /data/ page shows.
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { renderNoticeBody } from '../../../src/notice/html';
import { splitFrontmatter } from '../../../src/base/source-text';
import {
  noticeRecord,
  noticesJson,
  noticesJsonSchema,
  PROBLEM_COLUMNS,
  problemRows,
  provenanceOf,
  publicUrl,
  schemaFields,
  type NoticeSource,
} from '../../../src/open-data/open-data';
import { summariseProblems } from '../../../src/notice/outline';
import { noticeSchema } from '../../../src/schemas';
import { sampleText } from '../../helpers/fixtures';

const SHA = 'a'.repeat(64);

function sample(history?: NoticeSource['data']['history']) {
  const parts = splitFrontmatter(sampleText())!;
  const { outline } = renderNoticeBody(parts.body);
  const data = noticeSchema.parse(parseYaml(parts.yaml));
  const notice: NoticeSource = {
    id: '2023-09-20-wuhan-industrial-investment',
    data: {
      ...data,
      problemCount: outline.problems.length,
      problems: summariseProblems(outline),
      sha256: SHA,
      ...(history && { history }),
    },
  };
  return { notice, outline };
}

const validator = () => new Ajv({ allErrors: true, strict: true }).compile(noticesJsonSchema());

describe('notices.json and its schema', () => {
  const { notice, outline } = sample({
    revisions: [
      { commit: 'bbbbbbbbbbbb', date: '2024-01-02T10:00:00+08:00' },
      { commit: 'cccccccccccc', date: '2023-09-21T09:00:00+08:00' },
    ],
    uncommitted: false,
  });
  const record = noticeRecord(notice, '/notices/2023-09-20-wuhan-industrial-investment/', outline);
  const document = { title: '巡察整改公示', organisation: '中共某某委员会', notices: [record] };

  it('noticesJson writes the same document, notice by notice, and refuses a record the schema does not allow', () => {
    const site = { title: '巡察整改公示', organisation: '中共某某委员会' };
    expect(JSON.parse([...noticesJson(site, [record, record])].join(''))).toEqual({ ...document, notices: [record, record] });
    expect(JSON.parse([...noticesJson({ ...site, url: 'https://xc.example.gov.cn/' }, [])].join(''))).toEqual({
      ...site,
      url: 'https://xc.example.gov.cn/',
      notices: [],
    });
    expect(() => [...noticesJson(site, [{ ...record, date: '2023-9-20' }])]).toThrow();
  });

  it('is a draft-07 JSON Schema that Ajv compiles in strict mode, and the sample validates', () => {
    const schema = noticesJsonSchema();
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.title).toBe('notices.json');
    expect(Object.keys(schema.definitions!)).toEqual([
      'notice',
      'section',
      'point',
      'group',
      'problem',
      'measure',
      'provenance',
      'revision',
    ]);
    expect(schema.properties!.notices.items).toEqual({ $ref: '#/definitions/notice' });
    // No `format`: a validator needs no format plugin (an email is checked by its pattern, if at all).
    expect(JSON.stringify(schema)).not.toContain('"format"');
    const validate = validator();
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects what the site would never write: an unknown field, a bad date, a bad fingerprint, a missing outline', () => {
    const validate = validator();
    const broken = (change: (n: Record<string, unknown>) => void) => {
      const copy = structuredClone(document);
      change(copy.notices[0] as unknown as Record<string, unknown>);
      return validate(copy);
    };
    expect(broken((n) => (n.tilte = 'x'))).toBe(false);
    expect(broken((n) => (n.date = '2023-9-20'))).toBe(false);
    expect(broken((n) => ((n.provenance as { sha256: string }).sha256 = 'xyz'))).toBe(false);
    expect(broken((n) => delete n.outline)).toBe(false);
    expect(broken((n) => ((n.contact as { email: string }).email = 'not an email'))).toBe(false);
  });

  it('carries the frontmatter, the outline with every problem and its measures, and the provenance', () => {
    expect(record).toMatchObject({
      id: '2023-09-20-wuhan-industrial-investment',
      url: '/notices/2023-09-20-wuhan-industrial-investment/',
      title: '中共武汉产业投资控股集团有限公司委员会关于巡察集中整改进展情况的通报',
      date: '2023-09-20',
      problemCount: 15,
      inspection: { groups: ['市委第一巡察组', '市委第六巡察组'] },
    });
    const problems = record.outline.sections.flatMap((s) => [...s.problems, ...s.groups.flatMap((g) => g.problems)]);
    expect(problems.map((p) => p.id)).toEqual(outline.problems.map((p) => p.id));
    expect(problems).toHaveLength(15);
    expect(problems[0]).toMatchObject({ id: 's2-g1-p1', label: '1、', number: 1, title: '产投集团党委推动‘学宣贯’进企业不深入' });
    expect(problems[0].measures.map((m) => m.marker)).toEqual(['一是', '二是', '三是', '四是']);
    expect(problems[0].rectification).toMatch(/^集团党委及时制发/);
    expect(record.outline.sections[0].points.map((p) => p.id)).toEqual(['s1-g1', 's1-g2', 's1-g3']);
    expect(record.provenance).toEqual({
      sha256: SHA,
      published: '2023-09-21T09:00:00+08:00',
      revised: '2024-01-02T10:00:00+08:00',
      revisions: [
        { commit: 'bbbbbbbbbbbb', date: '2024-01-02T10:00:00+08:00' },
        { commit: 'cccccccccccc', date: '2023-09-21T09:00:00+08:00' },
      ],
      uncommitted: false,
    });
    // Nothing the loader adds for lists leaks in.
    expect(Object.keys(record)).not.toContain('excerpt');
    expect(Object.keys(record)).not.toContain('problems');
  });
});

describe('provenanceOf', () => {
  it('gives only the fingerprint without history', () => {
    expect(provenanceOf(SHA)).toEqual({ sha256: SHA });
  });

  it('gives no revised date for a single revision, and flags uncommitted changes', () => {
    expect(provenanceOf(SHA, { revisions: [{ commit: 'cccccccccccc', date: '2023-09-21T09:00:00+08:00' }], uncommitted: true })).toEqual({
      sha256: SHA,
      published: '2023-09-21T09:00:00+08:00',
      revisions: [{ commit: 'cccccccccccc', date: '2023-09-21T09:00:00+08:00' }],
      uncommitted: true,
    });
  });

  it('gives an empty list for a file never committed', () => {
    expect(provenanceOf(SHA, { revisions: [], uncommitted: true })).toEqual({ sha256: SHA, revisions: [], uncommitted: true });
  });
});

describe('problemRows', () => {
  it('gives one row per problem in the columns’ order, with the problem’s URL and anchor', () => {
    const { notice } = sample();
    const rows = problemRows([{ notice, url: 'https://xc.example.gov.cn/notices/x/' }]);
    expect(rows).toHaveLength(15);
    expect(rows[0]).toHaveLength(PROBLEM_COLUMNS.length);
    const first = Object.fromEntries(PROBLEM_COLUMNS.map((c, i) => [c.name, rows[0][i]]));
    expect(first).toEqual({
      通报编号: '2023-09-20-wuhan-industrial-investment',
      通报标题: '中共武汉产业投资控股集团有限公司委员会关于巡察集中整改进展情况的通报',
      发布机构: '中共武汉产业投资控股集团有限公司委员会',
      成文日期: '2023-09-20',
      发布日期: '2023-09-20',
      文号: '',
      索引号: '',
      部分: '二、整改进展情况及成效',
      类别: '（一）关于“贯彻落实党中央决策部署和省、市委工作要求有差距”的问题。',
      问题序号: 1,
      问题编号: 's2-g1-p1',
      问题: '产投集团党委推动‘学宣贯’进企业不深入',
      整改状态: '',
      整改措施数: 4,
      链接: 'https://xc.example.gov.cn/notices/x/#s2-g1-p1',
    });
    expect(rows.map((r) => r[PROBLEM_COLUMNS.findIndex((c) => c.name === '问题序号')])).toEqual([
      1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4, 1, 2, 3, 1,
    ]);
  });
});

describe('the field list of the /data/ page', () => {
  it('describes every field of the document and of each definition', () => {
    const schema = noticesJsonSchema();
    const fields = [schema, ...Object.values(schema.definitions!)].flatMap((node) => schemaFields(node, schema.definitions));
    expect(fields.length).toBeGreaterThan(40);
    expect(fields.filter((f) => !f.description).map((f) => f.path)).toEqual([]);
    expect(fields.filter((f) => /string|integer|number|object|array|boolean|任意/.test(f.type)).map((f) => `${f.path}: ${f.type}`)).toEqual(
      [],
    );
    const notice = schemaFields(schema.definitions!.notice, schema.definitions);
    expect(notice.find((f) => f.path === 'inspection.groups')).toMatchObject({ type: '列表（每项是文字）', required: false });
    expect(notice.find((f) => f.path === 'provenance')).toMatchObject({
      type: '来源',
      required: true,
      description: expect.stringContaining('指纹'),
    });
  });
});

describe('publicUrl', () => {
  it('is absolute on SITE_URL, else the path', () => {
    expect(publicUrl('/gongshi/notices/a/')).toBe('/gongshi/notices/a/');
    expect(publicUrl('/gongshi/notices/a/', 'https://xc.example.gov.cn')).toBe('https://xc.example.gov.cn/gongshi/notices/a/');
  });
});
