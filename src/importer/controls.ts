// Removes invisible control characters that copies pick up (from terminals, PDFs, concatenated files):
// C0 and C1 controls other than tab and line feed, a byte-order mark inside the text, and the bidirectional
// overrides that can make text display in a different order from how it reads. None of them is content, and
// a page must not carry them; each line where some were removed gets a warning.
import type { Warning } from './structure';

const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufeff\u202a-\u202e\u2066-\u2069]/g;

export function removeControlCharacters(text: string): { text: string; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const lines = text.split('\n').map((line, i) => {
    const found = line.match(INVISIBLE);
    if (!found) return line;
    const kinds = [...new Set(found)].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
    warnings.push({
      line: i + 1,
      message: `删除了 ${found.length} 个看不见的控制字符（${kinds.slice(0, 3).join('、')}${kinds.length > 3 ? '等' : ''}），请核对这一行。`,
    });
    return line.replace(INVISIBLE, '');
  });
  return { text: lines.join('\n'), warnings };
}
