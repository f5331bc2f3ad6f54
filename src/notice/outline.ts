// A notice's outline: sections, groups and problems (with their 整改情况 and measures), read from its mdast.
import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { chineseDateToIso, classifyClosing, type ClosingKind } from './closing';
import {
  LEVEL_EXAMPLE,
  LEVELS,
  namesProblem,
  parseNumbering,
  PROBLEM_FIELD,
  problemTitle,
  rectificationLabel,
  splitLeadSentence,
  statusField,
  type Numbering,
} from './numbering';

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
  /** 整改状态 as the notice states it beside the problem (`整改状态：已完成`): its words, as written. */
  status?: string;
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

/** A problem heading that announces its rectification: `关于“…”问题的整改`, `……问题整改落实情况`. */
export const RECTIFICATION_HEADING = /问题的?整改(?:落实|进展)?(?:情况)?[。：:]?$/;

/**
 * Problems written as fields without a number (`反馈问题：…` headings) are numbered in their order, one level
 * below the heading they follow: the outline reads them as it reads `1.` problems.
 */
function unnumberedProblems(blocks: Array<Heading | Paragraph>, texts: string[], numberings: Array<Numbering | undefined>): void {
  let outer: Numbering | undefined;
  let count = 0;
  blocks.forEach((node, i) => {
    if (node.type !== 'heading') return;
    const numbering = numberings[i];
    if (numbering) {
      outer = numbering;
      count = 0;
      return;
    }
    if (!outer || !PROBLEM_FIELD.test(texts[i])) return;
    const rank = LEVELS.indexOf(outer.level) + 1;
    if (rank >= LEVELS.length) return;
    numberings[i] = { level: LEVELS[rank], label: '', value: ++count, rest: texts[i] };
  });
}

/** A numbered heading while the outline is read: what it is and where it sits. */
interface OpenHeading {
  rank: number;
  id: string;
  section: Section;
  /** The group problems below attach to; undefined for a section. */
  group?: Group;
}

/**
 * Reads the outline. `lineOffset` is added to every line (the frontmatter's length).
 *
 * The hierarchy follows GB/T 9704 (一、 → （一） → 1. → （1）) from whichever level a notice starts at: its
 * outermost numbering makes the sections, anything between makes groups, and a heading is a problem by what it
 * says (`关于“…”的问题`, `问题N：`) or by the `整改情况：` paragraph that follows it, as long as nothing is
 * numbered below it. Ids follow depth: `s2`, `s2-g1`, `s2-g1-p1`.
 */
export function buildOutline(tree: Root, lineOffset = 0): Outline {
  const issues: Issue[] = [];
  const sections: Section[] = [];
  const problems: Problem[] = [];
  const ids = new Map<string, number>();
  let problem: Problem | undefined;
  let rectifiedBelow = false;
  // Last number seen at each level, for the sequence check, keyed by parent id and level.
  const last = new Map<string, { value: number; label: string }>();

  /** Takes the anchor `id` for a numbered item under `parent`: one message per mistake, a repeat or a gap. */
  const place = (parent: string, id: string, value: number, label: string, line: number) => {
    const prev = last.get(parent);
    last.set(parent, { value, label });
    if (ids.has(id)) {
      issues.push({ line, message: `编号重复：与第 ${ids.get(id)} 行的编号相同（锚点 #${id}）。请检查编号。` });
      return false;
    }
    ids.set(id, line);
    const expected = (prev?.value ?? 0) + 1;
    if (value !== expected) {
      const what = prev ? `“${prev.label}”之后应是第 ${expected} 项` : `第一项应从 ${expected} 开始`;
      issues.push({ line, message: `编号“${label}”不连续：${what}。请检查是否漏写或重复。` });
    }
    return true;
  };

  const blocks = tree.children.filter((n): n is Heading | Paragraph => n.type === 'heading' || n.type === 'paragraph');
  const texts = blocks.map((n) => toString(n));
  const closingKinds = classifyClosing(texts);
  const closing: Outline['closing'] = [];
  const numberings: Array<Numbering | undefined> = blocks.map((node, i) =>
    node.type === 'heading' && !closingKinds[i] ? parseNumbering(texts[i]) : undefined,
  );
  // The levels the headings use, outermost first: the first of them is the notice's top level.
  const ranks = [...new Set(numberings.flatMap((n) => (n ? [LEVELS.indexOf(n.level)] : [])))].sort((a, b) => a - b);
  const top = ranks[0];
  unnumberedProblems(blocks, texts, numberings);

  /** Whether heading `i` is a problem: nothing numbered below it, and problem words or a rectification after it. */
  const isProblem = (i: number, rank: number) => {
    for (let j = i + 1; j < blocks.length; j++) {
      if (blocks[j].type === 'heading') {
        const next = numberings[j];
        if (next && LEVELS.indexOf(next.level) > rank) return false;
        break;
      }
      if (rectificationLabel(texts[j])) return true;
    }
    return namesProblem(numberings[i]!);
  };

  const open: OpenHeading[] = [];
  blocks.forEach((node, index) => {
    const text = texts[index];
    const line = lineOf(node) + lineOffset;
    const kind = closingKinds[index];
    if (kind) {
      closing.push({ kind, text, line });
      return;
    }
    const numbering = node.type === 'heading' ? numberings[index] : parseNumbering(text);
    if (node.type === 'heading') {
      problem = undefined;
      if (!numbering) return;
      const { level, label, value } = numbering;
      const rank = LEVELS.indexOf(level);
      while (open.length && open.at(-1)!.rank >= rank) open.pop();
      const parent = open.at(-1);
      if (rank === top) {
        const section: Section = { id: `s${value}`, label, number: value, heading: text, line, groups: [], problems: [], points: [] };
        place(`root|${level}`, section.id, value, label, line);
        sections.push(section);
        open.push({ rank, id: section.id, section });
        return;
      }
      if (!parent) {
        const outer = LEVELS[top];
        return issues.push({
          line,
          message: `“${label}”出现在任何“${LEVEL_EXAMPLE[outer]}”这一级标题之前。编号应逐级使用（一、→（一）→1.→（1）），请先写上一级标题，或检查编号。`,
        });
      }
      if (isProblem(index, rank)) {
        problem = { id: `${parent.id}-p${value}`, label, number: value, heading: text, title: problemTitle(numbering), line, measures: [] };
        // `关于“…”问题的整改情况`: what follows the heading is the rectification, without a label of its own.
        rectifiedBelow = RECTIFICATION_HEADING.test(numbering.rest);
        // A repeated number is reported, and the problem is still listed: the reader's notice has it.
        place(`${parent.id}|${level}`, problem.id, value, label, line);
        (parent.group ?? parent.section).problems.push(problem);
        problems.push(problem);
        return;
      }
      const group: Group = { id: `${parent.id}-g${value}`, label, number: value, heading: text, line, problems: [] };
      if (place(`${parent.id}|${level}`, group.id, value, label, line)) parent.section.groups.push(group);
      open.push({ rank, id: group.id, section: parent.section, group });
      return;
    }
    const status = problem && statusField(text);
    if (problem && status) {
      problem.status = status.value;
      return;
    }
    const rectification = rectificationLabel(text);
    if (problem && rectifiedBelow && !rectification && problem.rectification === undefined) {
      problem.rectification = text;
      problem.measures = splitMeasures(text).measures;
      return;
    }
    if (problem && rectification) {
      problem.rectification = text.slice(rectification.length);
      problem.measures = splitMeasures(problem.rectification).measures;
      return;
    }
    if (problem?.rectification !== undefined) {
      // A further paragraph of the same 整改情况.
      problem.rectification += `\n${text}`;
      problem.measures.push(...splitMeasures(text).measures);
      return;
    }
    const container = open.at(-1);
    if (numbering && container && node.children[0]?.type === 'strong') {
      const lead = toString(node.children[0]).slice(numbering.label.length);
      const point = { id: `${container.id}-g${numbering.value}`, label: numbering.label, number: numbering.value, lead, line };
      if (place(`${container.id}-points|${numbering.level}`, point.id, numbering.value, numbering.label, line))
        container.section.points.push(point);
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
  /** 整改状态 as the notice states it, when it does. */
  status?: string;
}

export function summariseProblems(outline: Outline): ProblemSummary[] {
  const place = (x: { id: string; label: string; heading: string }) => ({ id: x.id, label: x.label, heading: x.heading });
  return outline.sections.flatMap((section) =>
    [
      ...section.problems.map((p) => ({ p, group: undefined })),
      ...section.groups.flatMap((group) => group.problems.map((p) => ({ p, group }))),
    ]
      .sort((a, b) => a.p.line - b.p.line)
      .map(({ p, group }) => ({
        id: p.id,
        label: p.label,
        heading: p.heading,
        title: p.title,
        section: place(section),
        ...(group && { group: place(group) }),
        measures: p.measures.length,
        ...(p.status && { status: p.status }),
      })),
  );
}
