// The filings every site in mainland China shows in its footer: the ICP 备案号 (linked to MIIT's filing
// system), the 公安机关互联网站安全备案号 (linked to the public search with its 14-digit code) and the
// emblem image the police issue with it, which is a file of the site and never fetched from elsewhere.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { POLICE_NUMBER } from '../schemas';

/** MIIT's ICP filing system, where the number is looked up. */
export const ICP_SEARCH_URL = 'https://beian.miit.gov.cn/';

/** The public police filing search, opened at the site's own record. */
export const policeSearchUrl = (police: string) =>
  `https://beian.mps.gov.cn/#/query/webSearch?code=${police.match(POLICE_NUMBER)?.[1] ?? ''}`;

/** The emblem's largest size: the issued image is a small icon (about 20×20 px). */
export const EMBLEM_MAX_BYTES = 100 * 1024;

export interface Emblem {
  bytes: Buffer;
  /** `png` or `gif`: types whose size can be read from the header, so the page reserves its place. */
  type: 'png' | 'gif';
  width: number;
  height: number;
}

/** The address of the emblem in the built site, under the base path: one fixed, readable name. */
export const emblemPath = (emblem: Pick<Emblem, 'type'>) => `beian/police-emblem.${emblem.type}`;

/** The emblem named in site.yaml (relative to the content folder), or what is wrong with it, in Chinese. */
export function readEmblem(contentRoot: string, file: string): Emblem | string {
  const root = resolve(contentRoot);
  const path = resolve(root, file);
  const inside = (p: string) => {
    const rel = relative(root, p);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  };
  if (isAbsolute(file) || !inside(path))
    return `公安备案图标“${file}”不在内容目录里。请把图标文件放进内容目录（例如 content/images/），写相对路径，例如 images/gongan.png。`;
  let size: number;
  try {
    if (!inside(realpathSync(path))) return `公安备案图标“${file}”是指向内容目录之外的链接。请把图标文件本身放进内容目录。`;
    size = statSync(path).size;
  } catch {
    return `找不到公安备案图标“${file}”。请把公安备案系统发放的图标文件放到内容目录的这个位置，或改正路径（相对于内容目录，例如 images/gongan.png）。`;
  }
  if (size > EMBLEM_MAX_BYTES)
    return `公安备案图标“${file}”有 ${Math.round(size / 1024)} KB，超过 100 KB。请使用公安备案系统发放的小图标。`;
  const bytes = readFileSync(path);
  const png = bytes.length > 24 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const gif = bytes.length > 10 && /^GIF8[79]a$/.test(bytes.subarray(0, 6).toString('latin1'));
  const ext = extname(file).toLowerCase();
  if (png && ext === '.png') return { bytes, type: 'png', width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  if (gif && ext === '.gif') return { bytes, type: 'gif', width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) };
  return `公安备案图标“${file}”不是 PNG 或 GIF 图片（或扩展名与内容不符）。请使用公安备案系统发放的图标文件（PNG）。`;
}
