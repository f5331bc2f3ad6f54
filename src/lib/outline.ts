// A notice's outline: sections, groups and problems (with their 整改情况 and measures), read from its mdast.
import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { classifyClosing, type ClosingKind } from './closing';
import { PROBLEM_TITLE, RECTIFICATION_LABEL, chineseDateToIso, parseNumbering, splitLeadSentence } from './numbering';

export interface Measure {
  /** `一是`, `二是`… as written. */
  marker: string;
  /** The measure's first sentence, e.g. `领导班子带头讲。` */
  lead: string;
  text: string;
}

export interface Problem {
  id: string;
  label: string;
  number: number;
  /** The heading text as written, numbering included. */
  heading: string;
  /** The problem in the words inside `关于“…”的问题`, or the heading text when not in that form. */
  title: string;
  line: number;
  rectification?: string;
  measures: Measure[];
}

export interface Group {
  id: string;
  label: string;
  number: number;
  heading: string;
  line: number;
  problems: Problem[];
}

/** A numbered paragraph with a bold lead sentence, as in section 一 of the sample. */
export interface Point {
  id: string;
  label: string;
  number: number;
  lead: string;
  line: number;
}

export interface Section {
  id: string;
  label: string;
  number: number;
  heading: string;
  line: number;
  groups: Group[];
  /** Problems directly under the section, without a group. */
  problems: Problem[];
  points: Point[];
}

export interface Issue {
  line: number;
  message: string;
}

export interface Outline {
  sections: Section[];
  problems: Problem[];
  closing: { kind: ClosingKind; text: string; line: number }[];
  signatureDate?: string;
  issues: Issue[];
}

const MEASURE_START = /(?:^|(?<=[。；;：]))([一二三四五六七八九十]{1,3}是)/g;

export function splitMeasures(text: string): { intro: string; measures: Measure[] } {
  const starts = [...text.matchAll(MEASURE_START)].map((m) => m.index!);
  const measures = starts.map((start, i) => {
    const chunk = text.slice(start, starts[i + 1] ?? text.length);
    const marker = chunk.match(/^[一二三四五六七八九十]{1,3}是/)![0];
    return { marker, lead: splitLeadSentence(chunk.slice(marker.length))[0], text: chunk };
  });
  return { intro: text.slice(0, starts[0] ?? text.length), measures };
}

const lineOf = (node: RootContent) => node.position?.start.line ?? 0;

/** Reads the outline. `lineOffset` is added to every line (the frontmatter's length). */
export function buildOutline(tree: Root, lineOffset = 0): Outline {
  const issues: Issue[] = [];
  const sections: Section[] = [];
  const problems: Problem[] = [];
  const ids = new Map<string, number>();
  let section: Section | undefined;
  let group: Group | undefined;
  let problem: Problem | undefined;
  // Last number seen at each level, for the sequence check, keyed by parent id.
  const last = new Map<string, { value: number; label: string }>();

  /** Takes the anchor `id` for a numbered item under `parent`: one message per mistake, a repeat or a gap. */
  const place = (parent: string, id: string, value: number, label: string, line: number) => {
    const prev = last.get(parent);
    last.set(parent, { value, label });
    if (ids.has(id)) {
      issues.push({ line, message: `编号重复：与第 ${ids.get(id)} 行的编号相同（锚点 #${id}）。请检查编号。` });
      return;
    }
    ids.set(id, line);
    const expected = (prev?.value ?? 0) + 1;
    if (value !== expected) {
      const what = prev ? `“${prev.label}”之后应是第 ${expected} 项` : `第一项应从 ${expected} 开始`;
      issues.push({ line, message: `编号“${label}”不连续：${what}。请检查是否漏写或重复。` });
    }
  };

  const blocks = tree.children.filter((n): n is Heading | Paragraph => n.type === 'heading' || n.type === 'paragraph');
  const closingKinds = classifyClosing(blocks.map((n) => toString(n)));
  const closing: Outline['closing'] = [];

  blocks.forEach((node, index) => {
    const text = toString(node);
    const line = lineOf(node) + lineOffset;
    const kind = closingKinds[index];
    if (kind) {
      closing.push({ kind, text, line });
      return;
    }
    const numbering = parseNumbering(text);
    if (node.type === 'heading') {
      problem = undefined;
      if (!numbering) return;
      const { level, label, value } = numbering;
      if (level === 'section') {
        section = { id: `s${value}`, label, number: value, heading: text, line, groups: [], problems: [], points: [] };
        group = undefined;
        place('root', section.id, value, label, line);
        sections.push(section);
      } else if (level === 'group') {
        if (!section) return issues.push({ line, message: `“${label}”出现在任何“一、”部分之前。请先写部分标题。` });
        group = { id: `${section.id}-g${value}`, label, number: value, heading: text, line, problems: [] };
        place(section.id, group.id, value, label, line);
        section.groups.push(group);
      } else {
        const parent = group ?? section;
        if (!parent) return issues.push({ line, message: `“${label}”出现在任何“一、”部分之前。请先写部分标题。` });
        const inner = numbering.rest.match(PROBLEM_TITLE);
        problem = { id: `${parent.id}-p${value}`, label, number: value, heading: text, title: inner?.[1] ?? numbering.rest, line, measures: [] };
        place(parent.id, problem.id, value, label, line);
        parent.problems.push(problem);
        problems.push(problem);
      }
      return;
    }
    if (problem && text.startsWith(RECTIFICATION_LABEL)) {
      problem.rectification = text.slice(RECTIFICATION_LABEL.length);
      problem.measures = splitMeasures(problem.rectification).measures;
      return;
    }
    if (problem?.rectification !== undefined) {
      // A further paragraph of the same 整改情况.
      problem.rectification += `\n${text}`;
      problem.measures.push(...splitMeasures(text).measures);
      return;
    }
    if (numbering && section && node.children[0]?.type === 'strong') {
      const lead = toString(node.children[0]).slice(numbering.label.length);
      const point = { id: `${section.id}-g${numbering.value}`, label: numbering.label, number: numbering.value, lead, line };
      place(`${section.id}-points`, point.id, numbering.value, numbering.label, line);
      section.points.push(point);
    }
  });

  const date = closing.find((c) => c.kind === 'date');
  return { sections, problems, closing, signatureDate: date && chineseDateToIso(date.text), issues };
}

/** A problem as lists and tables show it: where it sits in the notice, and how many measures were taken. */
export interface ProblemSummary {
  id: string;
  /** The numbering as written, e.g. `1、`. */
  label: string;
  /** The heading as written, numbering included. */
  heading: string;
  title: string;
  section: { id: string; label: string; heading: string };
  group?: { id: string; label: string; heading: string };
  measures: number;
}

export function summariseProblems(outline: Outline): ProblemSummary[] {
  const place = (x: { id: string; label: string; heading: string }) => ({ id: x.id, label: x.label, heading: x.heading });
  return outline.sections.flatMap((section) =>
    [...section.problems.map((p) => ({ p, group: undefined })), ...section.groups.flatMap((group) => group.problems.map((p) => ({ p, group })))]
      .sort((a, b) => a.p.line - b.p.line)
      .map(({ p, group }) => ({
        id: p.id,
        label: p.label,
        heading: p.heading,
        title: p.title,
        section: place(section),
        ...(group && { group: place(group) }),
        measures: p.measures.length,
      })),
  );
}
