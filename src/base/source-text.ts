// A content file's text: UTF-8 decoded strictly (so that a GB18030 file is told apart), and its frontmatter
// split from its body, as every reader of notices and site.yaml needs it.

/** Decodes UTF-8 (a BOM is fine) and normalises line ends; undefined when the bytes are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes).replace(/\r\n?/g, '\n');
  } catch {
    return undefined;
  }
}

export function splitFrontmatter(text: string): { yaml: string; body: string; bodyLineOffset: number } | undefined {
  const m = text.match(/^---[ \t]*\n([\s\S]*?\n)?---[ \t]*(?:\n|$)/);
  if (!m) return undefined;
  return { yaml: m[1] ?? '', body: text.slice(m[0].length), bodyLineOffset: m[0].split('\n').length - 1 };
}
