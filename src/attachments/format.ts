// How an attachment is named to readers: its title, type and size, e.g. 原文（PDF，312 KB）.

/** Sizes as file managers show them, in binary units: 312 KB, 1.5 MB; never 0 KB for a file that has bytes. */
export function formatSize(bytes: number): string {
  const kb = Math.round(bytes / 1024);
  if (kb < 1024) return `${Math.max(kb, bytes > 0 ? 1 : 0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
}

/** The link text: the title, then the type (the extension in capitals) and the size in Chinese brackets. */
export function attachmentLabel(a: { title: string; ext: string; size: number }): string {
  return `${a.title}（${a.ext.toUpperCase()}，${formatSize(a.size)}）`;
}
