// The names attachments are published under: `attachments/<notice-slug>/<name>.<ext>`, where <name> is the
// file's own name as an ASCII slug (Chinese in pinyin, `通报原文.pdf` → `tongbao-yuanwen.pdf`), so that the
// address is readable, survives every host and mail client, and stays the same from build to build.
import { posix } from 'node:path';
import { slugOfText } from '../base/slug';
import { extensionOf } from './rules';

/** The file's name without folder and extension: `sources/通报原文.pdf` → `通报原文`, the default link text too. */
export function baseName(file: string): string {
  return posix.basename(file.replace(/\\/g, '/')).replace(/\.[^.]*$/, '');
}

/** A file name as an ASCII slug; '' when nothing of it is Latin, digits or Chinese. */
export function asciiName(file: string): string {
  // Accents go (résumé → resume); full-width letters and digits become ASCII.
  const text = baseName(file).normalize('NFKC').normalize('NFKD').replace(/\p{M}/gu, '');
  return slugOfText(text);
}

/**
 * The published file names of a notice's attachments, in order: `<slug>.<ext>`, `attachment-<n>.<ext>` when
 * the name gives no slug (n: the entry's place, from 1), and `-2`, `-3`… for a name already taken in the notice.
 */
export function publishedNames(files: string[]): string[] {
  const taken = new Set<string>();
  return files.map((file, i) => {
    const ext = extensionOf(file);
    const stem = asciiName(file) || `attachment-${i + 1}`;
    const withExt = (s: string) => (ext ? `${s}.${ext}` : s);
    let name = withExt(stem);
    for (let n = 2; taken.has(name); n++) name = withExt(`${stem}-${n}`);
    taken.add(name);
    return name;
  });
}

/** An attachment's place in the built site, under the base path: `attachments/<notice-slug>/<name>`. */
export const attachmentPath = (noticeId: string, name: string) => `attachments/${noticeId}/${name}`;
