// The names of the streams in an OLE compound file (the container of .doc, .wps, .xls, .et, .ppt and of
// password-protected Office files), to tell the user which of them they have.

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export const isOle = (b: Uint8Array): boolean => b.length >= 8 && OLE_MAGIC.every((v, i) => b[i] === v);

/**
 * Stream and storage names from the directory entries. Entries are 128 bytes, in sectors of 512 or 4,096
 * bytes after the 512-byte header, so every entry starts at a multiple of 128; scanning those offsets finds
 * the directory without following the allocation table (which a damaged file may not have intact).
 */
export function oleStreamNames(bytes: Uint8Array): Set<string> {
  const names = new Set<string>();
  for (let at = 512; at + 128 <= bytes.length; at += 128) {
    const length = bytes[at + 64] | (bytes[at + 65] << 8);
    const type = bytes[at + 66];
    if (length < 4 || length > 64 || length % 2 !== 0 || (type !== 1 && type !== 2 && type !== 5)) continue;
    if (bytes[at + length - 2] !== 0 || bytes[at + length - 1] !== 0) continue;
    let name = '';
    for (let i = 0; i < length - 2; i += 2) name += String.fromCharCode(bytes[at + i] | (bytes[at + i + 1] << 8));
    if (/^[\x01-\x06]?[\x20-\x7e\u00a0-\uffff]+$/.test(name)) names.add(name.replace(/^[\x01-\x06]/, ''));
  }
  return names;
}
