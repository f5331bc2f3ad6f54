// What a file says of itself outside its text: a saved page's publication date, a PDF's and a Word file's dates.
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { docxProperties, htmlProperties, looseDate, pdfDate, pdfProperties } from '../../../../src/importer/formats/properties';
import { writeZip, zipEntries } from '../../../../src/importer/formats/zip';

describe('looseDate', () => {
  it.each([
    ['2023-09-20 16:30', '2023-09-20'],
    ['2023-9-2', '2023-09-02'],
    ['2023年09月20日', '2023-09-20'],
    ['2023/9/20 08:00:00', '2023-09-20'],
    ['20230920', '2023-09-20'],
    // A UTC instant late in the evening is the next day in China.
    ['2023-09-19T17:00:00Z', '2023-09-20'],
    ['2023-09-20T08:00:00+08:00', '2023-09-20'],
  ])('reads %s as %s', (value, iso) => expect(looseDate(value)).toBe(iso));

  it.each(['2023-02-30', '九月', '', '12:00'])('finds no date in “%s”', (value) => expect(looseDate(value)).toBeUndefined());
});

describe('htmlProperties', () => {
  const page = (head: string, body = '') => htmlProperties(fromHtml(`<html><head>${head}</head><body>${body}</body></html>`));

  it('reads the PubDate a government page carries, naming it', () => {
    expect(page('<meta name="PubDate" content="2023-09-20 16:30">').date).toEqual({
      iso: '2023-09-20',
      from: '网页元数据的发布时间 PubDate',
    });
  });

  it('reads other CMSs’ publication metas', () => {
    expect(page('<meta property="article:published_time" content="2024-01-05T02:00:00Z">').date?.iso).toBe('2024-01-05');
    expect(page('<meta name="firstpublishedtime" content="2024-03-01-09:00:00">').date?.iso).toBe('2024-03-01');
  });

  it('falls back on the page’s 发布时间 line, and not on a date the notice’s own text gives', () => {
    expect(page('', '<div>发布时间：2023-10-08 来源：区纪委</div>').date).toEqual({ iso: '2023-10-08', from: '网页上的发布时间' });
    expect(page('', '<p>巡察时间：2023年4月10日至6月10日。</p>').date).toBeUndefined();
  });

  it('prefers the metadata to the info line, and ignores a meta that holds no date', () => {
    expect(page('<meta name="PubDate" content="待定"><meta name="pubdate" content="x">', '<div>发布日期：2023-10-08</div>').date?.iso).toBe(
      '2023-10-08',
    );
    expect(page('<meta name="PubDate" content="2023-09-20">', '<div>发布日期：2023-10-08</div>').date?.iso).toBe('2023-09-20');
  });
});

describe('pdfProperties', () => {
  it('reads the Info dictionary’s creation date, in its time zone', () => {
    expect(pdfDate("D:20230920163000+08'00'")).toBe('2023-09-20');
    expect(pdfDate('D:20230919170000Z')).toBe('2023-09-20');
    expect(pdfDate('D:20230920')).toBe('2023-09-20');
    expect(pdfProperties({ CreationDate: "D:20230920163000+08'00'", ModDate: 'D:20240101000000Z' }).date).toEqual({
      iso: '2023-09-20',
      from: 'PDF 文件的创建日期',
    });
  });

  it('has no date without one', () => {
    expect(pdfProperties(undefined)).toEqual({});
    expect(pdfProperties({ CreationDate: 'yesterday' })).toEqual({});
  });
});

describe('docxProperties', () => {
  const docx = (core?: string) => {
    const bytes = writeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      ...(core ? [{ name: 'docProps/core.xml', data: Buffer.from(core) }] : []),
    ]);
    return docxProperties(bytes, zipEntries(bytes)!);
  };
  const core = (inner: string) =>
    `<?xml version="1.0"?><cp:coreProperties xmlns:cp="x" xmlns:dcterms="http://purl.org/dc/terms/">${inner}</cp:coreProperties>`;

  it('reads the last save, else the creation', () => {
    expect(
      docx(
        core(
          '<dcterms:created xsi:type="dcterms:W3CDTF">2021-01-01T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2023-09-19T17:00:00Z</dcterms:modified>',
        ),
      ).date,
    ).toEqual({ iso: '2023-09-20', from: 'Word 文档属性里的最后保存日期' });
    expect(docx(core('<dcterms:created>2023-09-18T01:00:00Z</dcterms:created>')).date?.iso).toBe('2023-09-18');
  });

  it('has no date without core properties', () => {
    expect(docx()).toEqual({});
  });
});
