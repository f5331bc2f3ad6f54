// CSV as RFC 4180 writes it: CRLF line ends; a field holding a comma, a double quote, CR or LF is quoted,
// its quotes doubled. The text starts with a UTF-8 byte order mark, without which Excel on Chinese Windows
// reads the file as GBK and shows the Chinese as mojibake.

export type CsvValue = string | number | undefined | null;

/** The byte order mark, as the first character of the text. */
export const BOM = '\uFEFF';

export function csvField(value: CsvValue): string {
  const text = value === undefined || value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A header row and the data rows; every row ends with CRLF. */
export function toCsv(header: string[], rows: CsvValue[][], { bom = true } = {}): string {
  const lines = [header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`);
  return (bom ? BOM : '') + lines.join('');
}
