// Parses YAML and validates it against a zod schema, mapping every problem to a line and field.
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'astro/zod';
import { closestKey, type Diagnostic } from './diagnostics';
import { FIELD_NAMES } from './schema';

export type ValidationResult<T> = { data?: T; diagnostics: Diagnostic[] };

/** `lineOffset`: lines before the YAML text in its file (1 for frontmatter after `---`). */
export function parseYamlWith<S extends z.ZodTypeAny>(
  source: string,
  schema: S,
  file: string,
  lineOffset = 0,
): ValidationResult<z.output<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    return {
      diagnostics: doc.errors.map((e) => ({
        file,
        line: (e.linePos?.[0].line ?? lineCounter.linePos(e.pos[0]).line) + lineOffset,
        message: `YAML 格式错误：${yamlMessage(e.code, e.message)}。请检查冒号、缩进和引号。`,
        severity: 'error' as const,
      })),
    };
  }
  const value = doc.toJS() ?? {};
  const lineAt = (path: (string | number)[]) => lineOf(doc, lineCounter, path) + lineOffset;
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { diagnostics: [{ file, line: 1 + lineOffset, message: '内容应是“键: 值”形式的字段列表。', severity: 'error' }] };
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return { data: parsed.data, diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(schema, issue.path);
      for (const key of issue.keys) {
        const guess = closestKey(key, known);
        diagnostics.push({
          file,
          line: lineAt([...issue.path, key]),
          field: [...issue.path, key].join('.'),
          message: guess
            ? `不认识的字段“${key}”，是不是想写“${guess}”？请改为 ${guess}。`
            : `不认识的字段“${key}”。可用的字段：${known.join('、')}。`,
          severity: 'error',
        });
      }
      continue;
    }
    const missing = issue.code === 'invalid_type' && issue.received === 'undefined';
    diagnostics.push({
      file,
      line: missing ? lineAt(issue.path.slice(0, -1)) || 1 + lineOffset : lineAt(issue.path),
      field: issue.path.join('.'),
      // zod's own English `Required` for objects without a required_error.
      message: missing ? `${issue.message === 'Required' ? `缺少${FIELD_NAMES[String(issue.path.at(-1))] ?? issue.path.at(-1)}` : issue.message}，请添加这个字段。` : `${issue.message}。`,
      severity: 'error',
    });
  }
  return { diagnostics };
}

function yamlMessage(code: string, message: string): string {
  if (code === 'DUPLICATE_KEY') return '同一个字段写了两次';
  return message.split('\n')[0];
}

function lineOf(doc: Document, counter: LineCounter, path: (string | number)[]): number {
  for (let n = path.length; n >= 0; n--) {
    const sub = path.slice(0, n);
    const parent = sub.length ? doc.getIn(sub.slice(0, -1), true) : doc.contents;
    if (sub.length && isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === sub.at(-1));
      const range = (pair?.key as { range?: number[] } | undefined)?.range;
      if (range) return counter.linePos(range[0]).line;
    }
    const node = sub.length ? doc.getIn(sub, true) : doc.contents;
    const range = (node as { range?: number[] } | null)?.range;
    if (range) return counter.linePos(range[0]).line;
  }
  return 0;
}

function knownKeys(schema: z.ZodTypeAny, path: (string | number)[]): string[] {
  let s: any = schema;
  for (const part of path) {
    s = unwrap(s);
    if (s?.shape) s = s.shape[part];
    else if (s?._def?.type) s = s._def.type; // arrays
  }
  s = unwrap(s);
  return s?.shape ? Object.keys(s.shape) : [];
}

function unwrap(s: any): any {
  while (s && !s.shape && (s._def?.innerType || s._def?.schema)) s = s._def.innerType ?? s._def.schema;
  return s;
}
