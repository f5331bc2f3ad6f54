// Attachments in data/notices.json: the published copies (title, URL, type, size), never the content
// folder's paths; checked against the document's zod schema and its JSON Schema.
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { noticeRecord, noticeRecordSchema, noticesJsonSchema, schemaFields, type NoticeSource } from '../../../src/open-data/open-data';
import { buildOutline } from '../../../src/notice/outline';
import { parseMarkdown } from '../../../src/notice/markdown';

const notice: NoticeSource = {
  id: '2024-01-01-x',
  data: {
    title: '通报',
    issuer: '中共某某委员会',
    date: '2024-01-01',
    attachments: [{ file: 'sources/原文.pdf', title: '原文' }],
    problemCount: 0,
    problems: [],
    sha256: 'a'.repeat(64),
  },
};
const outline = buildOutline(parseMarkdown('## 一、情况\n\n正文\n'));
const published = [{ title: '原文', url: '/attachments/2024-01-01-x/yuanwen.pdf', type: 'pdf', size: 319_488 }];

describe('attachments in notices.json', () => {
  it('gives the published copies, valid against the schema and the JSON Schema', () => {
    const record = noticeRecord(notice, '/notices/2024-01-01-x/', outline, published);
    expect(record.attachments).toEqual(published);
    expect(JSON.stringify(record)).not.toContain('sources/');
    expect(noticeRecordSchema.parse(record)).toEqual(record);
    const ajv = new Ajv({ allErrors: true, strict: true });
    const schema = noticesJsonSchema();
    const validate = ajv.compile(schema);
    expect(validate({ title: 't', organisation: 'o', notices: [record] }), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ title: 't', organisation: 'o', notices: [{ ...record, attachments: [{ file: 'sources/原文.pdf' }] }] })).toBe(false);
  });

  it('leaves the field out when nothing is published', () => {
    expect(noticeRecord(notice, '/notices/2024-01-01-x/', outline)).not.toHaveProperty('attachments');
    expect(noticeRecord(notice, '/notices/2024-01-01-x/', outline, [])).not.toHaveProperty('attachments');
  });

  it('describes every attachment field in Chinese for the /data/ page', () => {
    const schema = noticesJsonSchema();
    const fields = schemaFields(schema.definitions!.notice, schema.definitions).filter((f) => f.path.startsWith('attachments'));
    expect(fields.map((f) => [f.path, f.type, f.required])).toEqual([
      ['attachments', '列表（每项是对象）', false],
      ['attachments[].title', '文字', true],
      ['attachments[].url', '文字', true],
      ['attachments[].type', '文字', true],
      ['attachments[].size', '整数', true],
    ]);
    for (const f of fields) expect(f.description, f.path).toMatch(/\p{Script=Han}/u);
  });
});
