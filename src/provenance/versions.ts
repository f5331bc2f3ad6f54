// A revised notice's published versions, read from git, and what changed from each to the next: the
// sentences taken out and put in (with the heading they sit under), the frontmatter and 整改状态 changes in
// words, or that only the layout changed. What the 修订对照 page shows (src/pages/notices/[slug]/revisions).
import { spawnSync } from 'node:child_process';
import { basename, dirname } from 'node:path';
import { diffArrays, diffChars } from 'diff';
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parse as parseYaml } from 'yaml';
import { splitFrontmatter } from '../base/source-text';
import { parseMarkdown } from '../notice/markdown';
import { buildOutline } from '../notice/outline';
import { FIELD_NAMES } from '../schemas';
import { formatChineseDate } from '../base/format';
import type { Revision } from './git';

/** A version as git holds it; `source` is absent when git could not give it (a commit since removed). */
export interface Version extends Revision {
  source?: string;
}

/** Each commit's copy of the file at `path`, in the order given. */
export function readVersions(path: string, revisions: readonly Revision[]): Version[] {
  return revisions.map((revision) => {
    const shown = spawnSync('git', ['show', `${revision.commit}:./${basename(path)}`], {
      cwd: dirname(path),
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
    });
    return !shown.error && shown.status === 0 ? { ...revision, source: shown.stdout } : { ...revision };
  });
}

/** One sentence of a version, with the heading it sits under (for the reader to find it). */
interface Sentence {
  text: string;
  under?: string;
}

/** A sentence as the comparison shows it: its pieces, the changed ones marked (`著重` → `着重` is one character). */
export type MarkedSentence = Array<{ text: string; changed: boolean }>;

/** A run of changed sentences: what was taken out, what was put in its place, under which heading. */
export interface Hunk {
  under?: string;
  removed: MarkedSentence[];
  added: MarkedSentence[];
}

export interface Change {
  /** The newer version and the one before it. */
  to: Version;
  from: Version;
  /** Frontmatter fields and 整改状态 that changed, each as a sentence. */
  facts: string[];
  hunks: Hunk[];
  /** The file changed, and neither its text nor its facts did: spacing, line breaks, Markdown marks. */
  layoutOnly: boolean;
  /** Either version could not be read from git. */
  unreadable: boolean;
}

/** The changes between consecutive versions, newest first (`versions` newest first, as provenance lists them). */
export function versionChanges(versions: readonly Version[]): Change[] {
  // Each version is read once, though it is compared with the one before it and the one after.
  const read = versions.map((v) => (v.source === undefined ? undefined : readVersion(v.source)));
  return versions.slice(0, -1).map((to, i) => changeBetween(versions[i + 1], read[i + 1], to, read[i]));
}

type ReadVersion = ReturnType<typeof readVersion>;

function changeBetween(from: Version, before: ReadVersion | undefined, to: Version, after: ReadVersion | undefined): Change {
  if (!before || !after) return { from, to, facts: [], hunks: [], layoutOnly: false, unreadable: true };
  const facts = [...fieldChanges(before.data, after.data), ...statusChanges(before.statuses, after.statuses)];
  const hunks = sentenceHunks(before.sentences, after.sentences);
  return { from, to, facts, hunks, layoutOnly: facts.length === 0 && hunks.length === 0, unreadable: false };
}

/** A version's frontmatter (as YAML gives it; an old version need not pass today's schema), sentences and statuses. */
function readVersion(source: string) {
  const parts = splitFrontmatter(source.replace(/\r\n?/g, '\n'));
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = parseYaml(parts?.yaml ?? '');
    if (parsed && typeof parsed === 'object') data = parsed as Record<string, unknown>;
  } catch {
    // A version whose frontmatter no longer parses still has its text to compare.
  }
  const tree = parseMarkdown(parts?.body ?? source);
  const outline = buildOutline(tree);
  const statuses = new Map(outline.problems.map((p) => [p.id, { title: p.title, status: p.status }]));
  return { data, sentences: sentencesOf(tree.children), statuses };
}

/** The text as a reader meets it, sentence by sentence: a heading is one, a table row is one. */
function sentencesOf(blocks: RootContent[]): Sentence[] {
  const out: Sentence[] = [];
  let under: string | undefined;
  for (const block of blocks) {
    if (block.type === 'heading') {
      under = toString(block);
      out.push({ text: under });
    } else if (block.type === 'table') {
      for (const row of block.children) out.push({ text: row.children.map((c) => toString(c)).join(' | '), under });
    } else if (block.type === 'list') {
      for (const item of block.children) out.push(...split(toString(item), under));
    } else if (block.type !== 'definition' && block.type !== 'thematicBreak') {
      out.push(...split(toString(block), under));
    }
  }
  return out;
}

const split = (text: string, under?: string): Sentence[] =>
  text
    .replace(/\s+/g, ' ')
    .split(/(?<=[。！？；])/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((t) => ({ text: t, under }));

function sentenceHunks(before: Sentence[], after: Sentence[]): Hunk[] {
  const hunks: Array<{ under?: string; removed: string[]; added: string[] }> = [];
  let open: (typeof hunks)[number] | undefined;
  let i = 0;
  let j = 0;
  for (const part of diffArrays(
    before.map((s) => s.text),
    after.map((s) => s.text),
  )) {
    const n = part.count ?? part.value.length;
    if (!part.added && !part.removed) {
      [i, j, open] = [i + n, j + n, undefined];
      continue;
    }
    if (!open) hunks.push((open = { removed: [], added: [] }));
    // The heading a change sits under, in the newer version where it has sentences there.
    const under = part.added ? after[j]?.under : before[i]?.under;
    if (under && (part.added || !open.under)) open.under = under;
    if (part.added) {
      open.added.push(...part.value);
      j += n;
    } else {
      open.removed.push(...part.value);
      i += n;
    }
  }
  return hunks.map(({ under, removed, added }) => ({ ...(under && { under }), ...markChanges(removed, added) }));
}

/**
 * Sentences replaced one for one are compared character by character, so that the reader sees what changed
 * in each; otherwise every sentence is wholly taken out or put in.
 */
function markChanges(removed: string[], added: string[]): { removed: MarkedSentence[]; added: MarkedSentence[] } {
  const whole = (text: string): MarkedSentence => [{ text, changed: true }];
  if (removed.length !== added.length) return { removed: removed.map(whole), added: added.map(whole) };
  const pairs = removed.map((r, k) => diffChars(r, added[k]));
  return {
    removed: pairs.map((parts) => parts.filter((p) => !p.added).map((p) => ({ text: p.value, changed: !!p.removed }))),
    added: pairs.map((parts) => parts.filter((p) => !p.removed).map((p) => ({ text: p.value, changed: !!p.added }))),
  };
}

/** The fields a reader is told about, in the order the notice page shows them. */
const FIELDS = [
  'title',
  'issuer',
  'date',
  'published',
  'number',
  'indexNumber',
  'inspected',
  'inspection',
  'contact',
  'progress',
  'attachments',
  'summary',
];

function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const facts: string[] = [];
  for (const key of FIELDS) {
    const nested = key === 'contact' || key === 'inspection';
    if (nested) {
      const a = (before[key] ?? {}) as Record<string, unknown>;
      const b = (after[key] ?? {}) as Record<string, unknown>;
      for (const sub of new Set([...Object.keys(a), ...Object.keys(b)])) {
        const fact = changeInWords(FIELD_NAMES[sub] ?? sub, words(sub, a[sub]), words(sub, b[sub]));
        if (fact) facts.push(fact);
      }
      continue;
    }
    const fact = changeInWords(FIELD_NAMES[key] ?? key, words(key, before[key]), words(key, after[key]));
    if (fact) facts.push(fact);
  }
  return facts;
}

function changeInWords(name: string, a: string | undefined, b: string | undefined): string | undefined {
  if (a === b) return undefined;
  if (a === undefined) return `增加了${name}“${b}”。`;
  if (b === undefined) return `删去了${name}“${a}”。`;
  return `${name}由“${a}”改为“${b}”。`;
}

/** A field's value as the page shows it: a date in Chinese, a list joined by 、, progress in words. */
function words(key: string, value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (value instanceof Date) return formatChineseDate(value.toISOString().slice(0, 10));
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && (key === 'date' || key === 'published'))
    return formatChineseDate(value);
  if (key === 'progress' && typeof value === 'object') {
    const { total, done } = value as { total?: number; done?: number };
    return `已完成整改 ${done} 个，共 ${total} 个`;
  }
  if (Array.isArray(value))
    return value.map((v) => (typeof v === 'object' && v ? objectWords(v as Record<string, unknown>) : String(v))).join('、');
  if (typeof value === 'object') return objectWords(value as Record<string, unknown>);
  return String(value);
}

const objectWords = (value: Record<string, unknown>) =>
  Object.entries(value)
    .map(([k, v]) => `${FIELD_NAMES[k] ?? k}：${Array.isArray(v) ? v.join('、') : String(v)}`)
    .join('，');

/** 整改状态 changes, problem by problem (matched by anchor): `问题“…”的整改状态由“…”改为“…”。` */
function statusChanges(
  before: Map<string, { title: string; status?: string }>,
  after: Map<string, { title: string; status?: string }>,
): string[] {
  const facts: string[] = [];
  for (const [id, now] of after) {
    const then = before.get(id);
    if (!then || then.status === now.status) continue;
    const fact = changeInWords(`问题“${now.title}”的整改状态`, then.status, now.status);
    if (fact) facts.push(fact);
  }
  return facts;
}
