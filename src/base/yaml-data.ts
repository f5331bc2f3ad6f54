// Parses YAML and validates it against a zod schema, mapping every problem to a line and field.
// One mistake gives one message that says what to do: a YAML error is reported once, at the line that
// caused it; a misspelt key is reported as a misspelling, not also as a missing field.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Scalar, type YAMLError } from 'yaml';
import { z } from 'astro/zod';
import { closestKey, type Diagnostic } from './diagnostics';
import { FIELD_NAMES } from '../schemas';

export type ValidationResult<T> = {
  data?: T;
  diagnostics: Diagnostic[];
  /** The file line of each top-level key, when the YAML could be read. */
  fieldLines?: Record<string, number>;
};

export interface YamlOptions {
  /**
   * Top-level fields that hold a date. Setting it says the text is a notice's frontmatter, which Astro reads
   * with js-yaml: there an unquoted `2022-08-15` becomes a Date, so anywhere else it is reported.
   */
  dateFields?: string[];
  /** What to say about keys that are not fields but look like they should work (e.g. Astro's `slug`). */
  keyAdvice?: Record<string, string>;
}

type Path = (string | number)[];

/** `lineOffset`: lines before the YAML text in its file (1 for frontmatter after `---`). */
export function parseYamlWith<S extends z.ZodType>(
  source: string,
  schema: S,
  file: string,
  lineOffset = 0,
  options: YamlOptions = {},
): ValidationResult<z.output<S>> {
  const error = (line: number, message: string, field?: string): Diagnostic => ({
    file,
    line: line + lineOffset,
    ...(field ? { field } : {}),
    message,
    severity: 'error',
  });
  const lines = source.split('\n');

  // A key with a colon YAML cannot read makes the whole text one long string: say so before anything else.
  const colons = colonProblems(lines);
  if (colons.length) return { diagnostics: colons.map((p) => error(p.line, p.message, p.field)) };

  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    // Later errors are nearly always the first one's consequences.
    const first = yamlError(doc.errors[0], lines, lineCounter);
    return { diagnostics: [error(first.line, first.message, first.field)] };
  }
  let value;
  try {
    value = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (e) {
    // The yaml package refuses aliases that expand without bound (an "alias bomb"): a mistake in the file, not a crash.
    if (!(e instanceof ReferenceError)) throw new Error(`${file}: YAML`, { cause: e });
    const alias = /(?:^|[\s[{,])\*[^\s,\]}]+/m.exec(source);
    const line = alias ? source.slice(0, alias.index).split('\n').length + (source[alias.index] === '\n' ? 1 : 0) : 1;
    return {
      diagnostics: [
        error(
          line,
          '文件头里的 YAML 别名（*名称）展开后过大，可能是恶意构造的内容。文件头只需要普通的“键: 值”，请删除 & 和 * 开头的别名，直接写出内容。',
        ),
      ],
    };
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { diagnostics: [error(1, '内容应是“键: 值”形式的字段列表，每行一个字段，例如 title: 标题。')] };
  }
  const lineAt = (path: Path) => lineOf(doc, lineCounter, path) + lineOffset;
  const fieldLines = Object.fromEntries(
    isMap(doc.contents)
      ? doc.contents.items
          .filter((p) => isScalar(p.key))
          .map((p) => [String((p.key as Scalar).value), lineAt([String((p.key as Scalar).value)])])
      : [],
  );

  const diagnostics: Diagnostic[] = [];
  const flagged = new Set<string>();
  for (const { path, node } of scalarsIn(doc.contents, [])) {
    const message = scalarProblem(node, path, options.dateFields);
    if (!message) continue;
    flagged.add(path.join('.'));
    diagnostics.push(error(lineCounter.linePos(node.range![0]).line, message, path.join('.')));
  }

  // zod's own messages are English (`Invalid input: expected object`): the fields' own messages come first,
  // and a value of the wrong shape is said in Chinese here.
  const parsed = schema.safeParse(value, {
    error: (issue) => (issue.code === 'invalid_type' ? wrongType(issue.path ?? [], issue.expected) : undefined),
  });
  if (parsed.success && !diagnostics.length) return { data: parsed.data, diagnostics, fieldLines };
  const shape = jsonShape(schema);
  // A field that takes one value or a list reads one value as a list of one: its issue is the value's own.
  const issues = (parsed.success ? [] : parsed.error.issues).map((found) => {
    const issue = { ...found, path: found.path.map((k) => (typeof k === 'symbol' ? String(k) : k)) };
    const parent = issue.path.slice(0, -1);
    const single = issue.path.at(-1) === 0 && parent.length > 0 && hasPath(value, parent) && !Array.isArray(valueAt(value, parent));
    return single ? { ...issue, path: parent } : issue;
  });

  // A misspelt key that stands for a missing one is one mistake: report the misspelling only.
  const misspelt = new Map<string, string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const known = knownKeys(shape, issue.path);
    for (const key of issue.keys) {
      const guess = closestKey(key, known);
      if (guess && !hasPath(value, [...issue.path, guess])) misspelt.set([...issue.path, guess].join('.'), key);
    }
  }

  for (const issue of issues) {
    const field = issue.path.join('.');
    if (flagged.has(field)) continue;
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(shape, issue.path);
      for (const key of issue.keys) {
        const guess = closestKey(key, known);
        const advice = issue.path.length === 0 ? options.keyAdvice?.[key] : undefined;
        diagnostics.push({
          file,
          line: lineAt([...issue.path, key]),
          field: [...issue.path, key].join('.'),
          message:
            advice ??
            (guess
              ? `不认识的字段“${key}”，是不是想写“${guess}”？请改为 ${guess}。`
              : `不认识的字段“${key}”。可用的字段：${known.join('、')}。请删除这一行或改成其中一个。`),
          severity: 'error',
        });
      }
      continue;
    }
    if (!hasPath(value, issue.path)) {
      if (misspelt.has(field)) continue;
      diagnostics.push({
        file,
        line: lineAt(issue.path.slice(0, -1)) || 1 + lineOffset,
        field,
        message: `缺少${nameOf(issue.path)}，请添加这个字段。`,
        severity: 'error',
      });
      continue;
    }
    const given = valueAt(value, issue.path);
    const empty = given === null || (typeof given === 'string' && given.trim() === '');
    diagnostics.push({
      file,
      line: lineAt(issue.path),
      field,
      message: empty
        ? `${nameOf(issue.path)}不能为空，请在冒号后面填写${isOptional(shape, issue.path) ? '，或删除这一行' : ''}。`
        : `${issue.message}${typeAdvice(issue, given, doc.getIn(issue.path, true))}。`,
      severity: 'error',
    });
  }
  return { diagnostics, fieldLines };
}

const KEY_LINE = /^([ \t]*)(-[ \t]+)?([A-Za-z][\w-]*)[ \t]*([:：])/;

/** `title:中共…` (no space after the colon) and `title：中共…` (a full-width colon): YAML reads neither as a key. */
export function colonProblems(lines: string[]): Array<{ line: number; field: string; message: string }> {
  const problems: Array<{ line: number; field: string; message: string }> = [];
  lines.forEach((text, i) => {
    const m = text.match(KEY_LINE);
    if (!m || text.trimStart().startsWith('#')) return;
    const key = m[3];
    const after = text.slice(m[0].length);
    const field = keyPathAt(lines, i).join('.');
    if (m[4] === '：') {
      problems.push({ line: i + 1, field, message: `字段名后面用了中文冒号“：”。请改成英文半角冒号加一个空格：${key}: ${after.trim()}` });
    } else if (after !== '' && !/^[ \t]/.test(after) && !after.startsWith('//')) {
      problems.push({
        line: i + 1,
        field,
        message: `冒号后面缺少空格，YAML 读不出这个字段。请在冒号后面加一个空格：${key}: ${after.trim()}`,
      });
    }
  });
  return problems;
}

/** The key path of the key written on line `index` (0-based), from the indentation above it. */
export function keyPathAt(lines: string[], index: number): string[] {
  const path: string[] = [];
  let column = Infinity;
  for (let i = index; i >= 0 && column > 0; i--) {
    const m = lines[i].match(KEY_LINE);
    if (!m) {
      if (i === index) return [];
      continue;
    }
    const at = m[1].length + (m[2]?.length ?? 0);
    if (at < column) {
      path.unshift(m[3]);
      column = at;
    }
  }
  return path;
}

const QUOTED_START = /^[ \t]*(?:-[ \t]+)?[A-Za-z][\w-]*[ \t]*:[ \t]+(["'])(.*)$/;

/** The first YAML error, in Chinese, with the line that caused it and its field when that line has a key. */
function yamlError(e: YAMLError, lines: string[], counter: LineCounter): { line: number; field?: string; message: string } {
  let line = e.linePos?.[0].line ?? counter.linePos(e.pos[0]).line;
  let advice: string;
  switch (e.code) {
    case 'MISSING_CHAR':
      if (/quote/.test(e.message)) {
        // The error is found where the text ends; the mistake is the line whose quote is never closed.
        const open = lines.findIndex((l) => {
          const m = l.match(QUOTED_START);
          return m && !(m[1] === '"' ? /(?<!\\)"/.test(m[2]) : m[2].replace(/''/g, '').includes("'"));
        });
        if (open >= 0 && open < line) line = open + 1;
        advice = '引号没有配对：值以引号开始，就要以同样的引号结束。请补上结尾的引号，或删除开头的引号。';
      } else {
        advice = '括号没有配对：[ 要以 ] 结束，{ 要以 } 结束。请补上或删除括号。';
      }
      break;
    case 'TAB_AS_INDENT':
      advice = '缩进用了 Tab 键。YAML 只能用空格缩进，请把 Tab 换成空格。';
      break;
    case 'DUPLICATE_KEY': {
      const key = lines[line - 1]?.match(KEY_LINE)?.[3];
      advice = `${key ? `字段“${key}”` : '同一个字段'}写了两次。请删除多余的一行。`;
      break;
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
      advice = '这一行的值里有英文冒号加空格（“: ”），或者缩进不对。值里有冒号时，请给整个值加上引号，或改用中文冒号“：”。';
      break;
    case 'MULTILINE_IMPLICIT_KEY':
      advice = '这一行不是“字段名: 值”的写法：缺少冒号，或者缩进不对。请检查这一行和上一行。';
      break;
    case 'BAD_INDENT':
      advice = '缩进不对：同一层的字段要对齐，下一层的字段比上一层多缩进两个空格。';
      break;
    case 'BAD_SCALAR_START':
      advice = '值不能以 @、`、% 等符号开头。请给整个值加上引号。';
      break;
    default:
      advice = `${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}。请检查冒号、缩进和引号。`;
  }
  const path = keyPathAt(lines, line - 1);
  return { line, field: path.length ? path.join('.') : undefined, message: `YAML 格式错误：${advice}` };
}

/** js-yaml's timestamp forms: what Astro's frontmatter parser turns into a Date. */
const TIMESTAMP = /^\d{4}-\d\d-\d\d$|^\d{4}-\d\d?-\d\d?(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d\d?(?::\d\d)?))?$/;

/** An unquoted value that YAML reads differently from how it is written. */
export function scalarProblem(node: Scalar, path: Path, dateFields?: string[]): string | undefined {
  if (node.type !== 'PLAIN' || typeof node.source !== 'string') return undefined;
  const source = node.source;
  const key = typeof path.at(-1) === 'string' ? `${path.at(-1)}: ` : '';
  if (typeof node.value === 'number' && /^[-+]?0\d/.test(source)) {
    return `“${source}”以 0 开头，没有引号会被读成数字 ${node.value}，开头的 0 会丢失。请加上引号：${key}"${source}"。`;
  }
  if (dateFields && TIMESTAMP.test(source) && !(path.length === 1 && dateFields.includes(String(path[0])))) {
    return `没有引号的“${source}”在构建时会被读成日期，而这里应是文字。请加上引号：${key}"${source}"。`;
  }
  return undefined;
}

function* scalarsIn(node: unknown, path: Path): Generator<{ path: Path; node: Scalar }> {
  if (isMap(node)) {
    for (const pair of node.items) if (isScalar(pair.key)) yield* scalarsIn(pair.value, [...path, String(pair.key.value)]);
  } else if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) yield* scalarsIn(node.items[i], [...path, i]);
  } else if (isScalar(node) && node.range) {
    yield { path, node };
  }
}

/** What to do when a value has the wrong type: quote a number, write a list's text on one line. */
function typeAdvice(issue: z.core.$ZodIssue, given: unknown, node: unknown): string {
  if (issue.code !== 'invalid_type' || issue.expected !== 'string') return '';
  if (isScalar(node) && typeof node.source === 'string') return `。请给值加上引号：${String(issue.path.at(-1))}: "${node.source}"`;
  if (given !== null && typeof given === 'object') return '，不能写成列表或下一层字段。请把内容写在冒号后面的同一行';
  return '';
}

const EXPECTED: Record<string, string> = {
  string: '文字',
  number: '数字',
  object: '下一层的字段（另起一行，缩进两个空格）',
  array: '列表（另起一行，每项以“- ”开头）',
};

/** A value of the wrong shape, in Chinese: `联系方式应写成下一层的字段（…）`. */
function wrongType(path: PropertyKey[], expected: string): string {
  return `${nameOf(path.map((k) => (typeof k === 'symbol' ? String(k) : k)))}应写成${EXPECTED[expected] ?? expected}`;
}

function nameOf(path: Path): string {
  const key = String(path.filter((p) => typeof p === 'string').at(-1) ?? path.at(-1));
  return FIELD_NAMES[key] ?? key;
}

function hasPath(value: unknown, path: Path): boolean {
  const parent = valueAt(value, path.slice(0, -1));
  return parent !== null && typeof parent === 'object' && Object.hasOwn(parent, path.at(-1)!);
}

function valueAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (v, k) => (v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined),
    value,
  );
}

function lineOf(doc: Document, counter: LineCounter, path: Path): number {
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

/** A JSON Schema node, as far as field names and required-ness go. */
interface JsonShape {
  properties?: Record<string, JsonShape>;
  required?: string[];
  items?: JsonShape;
  anyOf?: JsonShape[];
}

const shapes = new WeakMap<z.ZodType, JsonShape>();

/**
 * The schema's input side as JSON Schema: zod's public description of which fields exist and which are
 * required. Transforms and dates have no JSON form and read as "anything", which is all a field name needs.
 */
function jsonShape(schema: z.ZodType): JsonShape {
  let shape = shapes.get(schema);
  if (!shape) shapes.set(schema, (shape = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonShape));
  return shape;
}

/** The object (or list) node at `path`; a union's first member that has the part. */
function shapeAt(shape: JsonShape | undefined, path: Path): JsonShape | undefined {
  let node = shape;
  for (const part of path) {
    node = node && pick(node, part);
    if (!node) return undefined;
  }
  return node;
}

function pick(node: JsonShape, part: string | number): JsonShape | undefined {
  const direct = typeof part === 'number' ? node.items : node.properties?.[part];
  if (direct) return direct;
  for (const member of node.anyOf ?? []) {
    const found = pick(member, part);
    if (found) return found;
  }
  return undefined;
}

function objectAt(shape: JsonShape, path: Path): JsonShape | undefined {
  const node = shapeAt(shape, path);
  return node?.properties ? node : node?.anyOf?.find((m) => m.properties);
}

function knownKeys(shape: JsonShape, path: Path): string[] {
  return Object.keys(objectAt(shape, path)?.properties ?? {});
}

/** A field that may be left out (so an empty one can be deleted rather than filled in). */
function isOptional(shape: JsonShape, path: Path): boolean {
  const key = path.at(-1);
  const parent = objectAt(shape, path.slice(0, -1));
  return typeof key === 'string' && !!parent?.properties?.[key] && !(parent.required ?? []).includes(key);
}
