// The CSV writer: RFC 4180 quoting and line ends, a BOM first; checked by parsing back with csv-parse.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { BOM, csvField, toCsv } from '../../../src/open-data/csv';

describe('csvField', () => {
  it('leaves plain text, Chinese and numbers as they are', () => {
    expect(csvField('产投集团')).toBe('产投集团');
    expect(csvField(4)).toBe('4');
    expect(csvField(0)).toBe('0');
    expect(csvField(' 前后空格 ')).toBe(' 前后空格 ');
  });

  it('writes nothing for a missing value', () => {
    expect(csvField(undefined)).toBe('');
    expect(csvField(null)).toBe('');
    expect(csvField('')).toBe('');
  });

  it('quotes a field with a comma, a quote, CR or LF, and doubles its quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('他说"好"')).toBe('"他说""好"""');
    expect(csvField('一行\n二行')).toBe('"一行\n二行"');
    expect(csvField('回车\r')).toBe('"回车\r"');
    // Full-width punctuation needs no quoting.
    expect(csvField('一，二“三”')).toBe('一，二“三”');
  });
});

describe('toCsv', () => {
  it('starts with the BOM and ends every row, the last too, with CRLF', () => {
    const csv = toCsv(['甲', '乙'], [['1', 2]]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv).toBe('\uFEFF甲,乙\r\n1,2\r\n');
    expect(toCsv(['a'], [], { bom: false })).toBe('a\r\n');
  });

  it('round-trips commas, quotes, newlines and Chinese through a real CSV parser', () => {
    const rows = [
      ['关于“学宣贯”的问题', 'a,b', '他说"好",然后走了', '第一行\n第二行', '第一行\r\n第二行', '', ' 空格 ', '"'],
      ['普通', '1', '0', 'x', 'y', 'z', '=SUM(A1)', '，'],
    ];
    const header = ['一', '二', '三', '四', '五', '六', '七', '八'];
    const parsed = parse(toCsv(header, rows), { bom: true, relax_column_count: false, record_delimiter: '\r\n' }) as string[][];
    expect(parsed).toEqual([header, ...rows]);
  });
});
