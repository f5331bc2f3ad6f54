// Finds each attachment a notice lists in the content folder and decides whether it can be published: a file
// inside the folder (symbolic links followed, and refused when they lead out of it), of an allowed type whose
// bytes say the same, within the size limit. Used by the content check and by the pages that publish them.
import { closeSync, existsSync, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, posix, resolve, sep } from 'node:path';
import type { Attachment } from '../schemas';
import { baseName, publishedNames } from './names';
import { contentProblem, extensionOf, mimeOf, SNIFF_BYTES, sizeProblem, typeProblem } from './rules';

export interface ResolvedAttachment {
  /** Its place in the notice's list, from 0. */
  index: number;
  /** The path as the frontmatter writes it, relative to the content folder. */
  file: string;
  /** The link text's title: the frontmatter's, else the file's name without extension. */
  title: string;
  /** Lower-case extension. */
  ext: string;
  /** The published file name, unique in the notice (src/attachments/names). */
  name: string;
  mime: string;
  /** The file's real path, once it has been found. */
  path?: string;
  size?: number;
  /** What is wrong, in Chinese with what to do; the attachment is not published. */
  problem?: string;
}

/**
 * A notice's attachments, resolved against `root` (the content folder). `shownRoot` is how messages name
 * that folder (`content`).
 */
export function resolveAttachments(root: string, attachments: Attachment[] | undefined, shownRoot = 'content'): ResolvedAttachment[] {
  if (!attachments?.length) return [];
  const names = publishedNames(attachments.map((a) => a.file));
  const seen = new Map<string, number>();
  return attachments.map((entry, index) => {
    const ext = extensionOf(entry.file);
    const resolved: ResolvedAttachment = {
      index,
      file: entry.file,
      title: entry.title ?? baseName(entry.file),
      ext,
      name: names[index],
      mime: mimeOf(ext),
    };
    const found = locate(root, entry.file, shownRoot);
    if (typeof found === 'string') return { ...resolved, problem: found };
    const twin = seen.get(found.path);
    if (twin !== undefined) {
      return { ...resolved, problem: `附件“${entry.file}”与第 ${twin + 1} 项是同一个文件，列了两次。请删除重复的一项。` };
    }
    seen.set(found.path, index);
    const problem = typeProblem(entry.file, ext) ?? inspect(found.path, entry.file, ext);
    return typeof problem === 'string' ? { ...resolved, problem } : { ...resolved, path: found.path, size: problem.size };
  });
}

/** The file's real path inside the content folder, or what is wrong with the path. */
function locate(root: string, file: string, shownRoot: string): { path: string } | string {
  const example = '例如 sources/原文.pdf';
  const where = `附件要放在 ${shownRoot}/ 文件夹里（建议放在 ${shownRoot}/sources/），路径从 ${shownRoot}/ 算起，${example}`;
  if (/^[a-z][a-z0-9+.-]+:/i.test(file)) {
    return `附件“${file}”是网址。附件随网站一起发布，不能指向其他网站：请把文件下载下来放进 ${shownRoot}/sources/，再写 sources/文件名。`;
  }
  if (file.includes('\\')) return `附件路径“${file}”里有反斜杠“\\”。请改用“/”分隔文件夹，${example}。`;
  if (isAbsolute(file) || /^[a-z]:/i.test(file)) return `附件路径“${file}”是绝对路径。${where}。请把文件放进来，并改正路径。`;
  const normal = posix.normalize(file);
  if (normal === '..' || normal.startsWith('../')) {
    return `附件路径“${file}”指向 ${shownRoot}/ 文件夹之外。${where}。请把文件移进来，并改正路径。`;
  }
  const full = resolve(root, normal);
  const shown = posix.join(shownRoot, normal);
  let link;
  try {
    link = lstatSync(full);
  } catch {
    // The usual slip: the path written from the project folder, `content/sources/…`.
    const prefix = `${posix.basename(shownRoot)}/`;
    if (normal.startsWith(prefix) && existsSync(resolve(root, normal.slice(prefix.length)))) {
      return `找不到附件文件“${file}”：路径从 ${shownRoot}/ 算起，请去掉开头的“${prefix}”，写成 ${normal.slice(prefix.length)}。`;
    }
    return `找不到附件文件“${file}”（应在 ${shown}）。请把文件放到这个位置，或改正路径（${example}）。`;
  }
  let real: string;
  try {
    real = realpathSync(full);
  } catch {
    return `附件“${file}”是一个链接（快捷方式），它指向的文件不存在。请把文件本身放到 ${shown}。`;
  }
  const realRoot = realpathSync(root);
  if (!real.startsWith(realRoot + sep)) {
    return `附件“${file}”是一个链接（快捷方式），指向 ${shownRoot}/ 文件夹之外（${real}）。网站只发布 ${shownRoot}/ 里的文件：请把文件本身复制到 ${shown}。`;
  }
  const kind = link.isSymbolicLink() ? statSync(real) : link;
  if (kind.isDirectory()) return `附件“${file}”是一个文件夹，不是文件。请写出文件名，${example}。`;
  if (!kind.isFile()) return `附件“${file}”不是普通文件。请换成文件本身（${example}）。`;
  return { path: real };
}

/** The file's size, or what is wrong with its size or bytes. */
function inspect(path: string, file: string, ext: string): { size: number } | string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const { size } = fstatSync(fd);
    const tooBig = sizeProblem(file, size);
    if (tooBig) return tooBig;
    const head = new Uint8Array(Math.min(size, SNIFF_BYTES));
    const read = readSync(fd, head, 0, head.length, 0);
    return contentProblem(file, ext, head.subarray(0, read)) ?? { size };
  } catch (e) {
    return `无法读取附件“${file}”（${(e as NodeJS.ErrnoException).code ?? String(e)}）。请检查文件是否还在、是否有读取权限。`;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
