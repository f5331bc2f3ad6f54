// Problems found in the content, reported as `file:line: field：message` so editors can act on them.
import { FIELD_NAMES } from '../schemas';

export interface Diagnostic {
  file: string;
  line?: number;
  /** Dotted path of the frontmatter or config field, when the problem is in one. */
  field?: string;
  message: string;
  severity: 'error' | 'warning';
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line ? `${d.file}:${d.line}` : d.file;
  const name = d.field && fieldName(d.field);
  const field = d.field ? (name ? `${d.field}（${name}）：` : `${d.field}：`) : '';
  return `${d.severity === 'error' ? '错误' : '警告'} ${where}: ${field}${d.message}`;
}

function fieldName(path: string): string | undefined {
  const key =
    path
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .at(-1) ?? path;
  return FIELD_NAMES[key];
}

/** Levenshtein distance, for “did you mean” on misspelt keys. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

export function closestKey(key: string, known: string[]): string | undefined {
  const ranked = known.map((k) => [k, editDistance(key.toLowerCase(), k.toLowerCase())] as const).sort((x, y) => x[1] - y[1]);
  return ranked[0] && ranked[0][1] <= Math.max(2, Math.floor(key.length / 3)) ? ranked[0][0] : undefined;
}
