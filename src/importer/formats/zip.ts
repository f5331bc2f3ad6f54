// Just enough of the ZIP format to tell a Word file from the other ZIP-based files (Excel, PowerPoint,
// OpenDocument, OFD, a plain archive) by the names of the parts inside, and to read or rewrite a part.
import { deflateRawSync, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  /** General purpose flags: bit 0 set means the entry is encrypted. */
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, at: number) => u32(b, at) + u32(b, at + 4) * 2 ** 32;

export const isZip = (b: Uint8Array): boolean =>
  b.length >= 4 &&
  b[0] === 0x50 &&
  b[1] === 0x4b &&
  ((b[2] === 3 && b[3] === 4) || (b[2] === 5 && b[3] === 6) || (b[2] === 7 && b[3] === 8));

function decodeName(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

/**
 * The entries listed in the central directory, or undefined when the file has none that can be read (a
 * download cut short loses the directory first, since it is at the end).
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | undefined {
  // The end-of-central-directory record is in the last 64 KiB + 22 bytes (its comment is at most 65,535 bytes).
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && bytes[at + 2] === 5 && bytes[at + 3] === 6) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return undefined;
  let count = u16(bytes, eocd + 10);
  let offset = u32(bytes, eocd + 16);
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && u32(bytes, eocd - 20) === 0x07064b50) {
    const record = u64(bytes, eocd - 12);
    if (record + 56 <= bytes.length && u32(bytes, record) === 0x06064b50) {
      count = u64(bytes, record + 32);
      offset = u64(bytes, record + 48);
    }
  }
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) return entries.length ? entries : undefined;
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const entry: ZipEntry = {
      name: decodeName(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: u16(bytes, at + 8),
      method: u16(bytes, at + 10),
      crc32: u32(bytes, at + 16),
      compressedSize: u32(bytes, at + 20),
      uncompressedSize: u32(bytes, at + 24),
      localOffset: u32(bytes, at + 42),
    };
    // ZIP64 sizes and offset live in the extra field when the 32-bit ones are saturated.
    const extra = bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    for (let e = 0; e + 4 <= extra.length;) {
      const id = u16(extra, e);
      const size = u16(extra, e + 2);
      if (id === 1) {
        let p = e + 4;
        if (entry.uncompressedSize === 0xffffffff) {
          entry.uncompressedSize = u64(extra, p);
          p += 8;
        }
        if (entry.compressedSize === 0xffffffff) {
          entry.compressedSize = u64(extra, p);
          p += 8;
        }
        if (entry.localOffset === 0xffffffff) entry.localOffset = u64(extra, p);
      }
      e += 4 + size;
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The names in the local file headers, read from the start: what a truncated ZIP still shows. */
export function localNames(bytes: Uint8Array, limit = 200): string[] {
  const names: string[] = [];
  let at = 0;
  while (names.length < limit && at + 30 <= bytes.length && u32(bytes, at) === 0x04034b50) {
    const flags = u16(bytes, at + 6);
    const size = u32(bytes, at + 18);
    const nameLength = u16(bytes, at + 26);
    const extraLength = u16(bytes, at + 28);
    names.push(decodeName(bytes.subarray(at + 30, at + 30 + nameLength)));
    // With a data descriptor (flag bit 3) the size is not in the header: stop rather than guess.
    if (flags & 8) break;
    at += 30 + nameLength + extraLength + size;
  }
  return names;
}

/** The uncompressed bytes of one entry; throws when the entry is encrypted, uses another method or is cut off. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50) throw new Error(`ZIP entry ${entry.name}: no local header`);
  if (entry.flags & 1) throw new Error(`ZIP entry ${entry.name} is encrypted`);
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize) throw new Error(`ZIP entry ${entry.name} is cut off`);
  if (entry.method === 0) return data;
  if (entry.method === 8) return inflateRawSync(data);
  throw new Error(`ZIP entry ${entry.name} uses compression method ${entry.method}`);
}

let crcTable: Uint32Array | undefined;
function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A new ZIP of the given parts, deflated (no ZIP64: a notice's parts are far below 4 GiB). */
export function writeZip(parts: Array<{ name: string; data: Uint8Array }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of parts) {
    const nameBytes = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
