import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/notice/markdown';
import { splitFrontmatter } from '../../../src/base/source-text';
import { buildOutline, splitMeasures, type Outline } from '../../../src/notice/outline';
import { lineStartingWith, sampleText } from '../../helpers/fixtures';

function sampleOutline(): Outline {
  const parts = splitFrontmatter(sampleText())!;
  return buildOutline(parseMarkdown(parts.body), parts.bodyLineOffset);
}

const outlineOf = (body: string) => buildOutline(parseMarkdown(body));

describe('buildOutline on the committed sample', () => {
  const outline = sampleOutline();
  const text = sampleText();

  it('has no issues', () => {
    expect(outline.issues).toEqual([]);
  });

  it('has three sections with their headings and file lines', () => {
    expect(outline.sections.map((s) => [s.id, s.label, s.number, s.heading])).toEqual([
      ['s1', '一、', 1, '一、巡察整改组织领导情况'],
      ['s2', '二、', 2, '二、整改进展情况及成效'],
      ['s3', '三、', 3, '三、下一步工作打算'],
    ]);
    expect(outline.sections[1].line).toBe(lineStartingWith(text, '## 二、'));
  });

  it('has four groups in section 二 with 7 + 4 + 3 + 1 = 15 problems', () => {
    const [, s2] = outline.sections;
    expect(s2.groups.map((g) => g.id)).toEqual(['s2-g1', 's2-g2', 's2-g3', 's2-g4']);
    expect(s2.groups.map((g) => g.problems.length)).toEqual([7, 4, 3, 1]);
    expect(s2.groups[3].heading).toBe('（四）关于“巡察、审计等监督检查反馈问题整改责任落实不到位”的问题');
    expect(outline.problems).toHaveLength(15);
    expect(s2.problems).toEqual([]);
    expect(outline.sections[0].groups).toEqual([]);
    expect(outline.sections[2].groups).toEqual([]);
  });

  it('gives every problem a stable id, in document order', () => {
    expect(outline.problems.map((p) => p.id)).toEqual([
      ...[1, 2, 3, 4, 5, 6, 7].map((n) => `s2-g1-p${n}`),
      ...[1, 2, 3, 4].map((n) => `s2-g2-p${n}`),
      ...[1, 2, 3].map((n) => `s2-g3-p${n}`),
      's2-g4-p1',
    ]);
  });

  it('reads the problem titles inside 关于“…”的问题, with and without a full stop', () => {
    const byId = new Map(outline.problems.map((p) => [p.id, p]));
    expect(byId.get('s2-g1-p1')).toMatchObject({
      label: '1、',
      number: 1,
      heading: '1、关于“产投集团党委推动‘学宣贯’进企业不深入”的问题。',
      title: '产投集团党委推动‘学宣贯’进企业不深入',
      line: lineStartingWith(text, '#### 1、关于“产投集团党委推动'),
    });
    expect(byId.get('s2-g1-p3')!.title).toBe('商贸集团督促指导权属企业落实‘两个一以贯之’力度不大'); // heading without 。
    expect(byId.get('s2-g4-p1')!.title).toBe('产投集团整改长效机制不健全');
    expect(outline.problems.every((p) => !p.title.includes('关于') && !p.title.includes('“'))).toBe(true);
  });

  it('attaches the 整改情况 text and its measures to each problem', () => {
    const p1 = outline.problems[0];
    expect(p1.rectification).toMatch(/^集团党委及时制发了《理论宣讲工作指引》/);
    expect(p1.measures.map((m) => m.marker)).toEqual(['一是', '二是', '三是', '四是']);
    expect(p1.measures.map((m) => m.lead)).toEqual(['领导班子带头讲。', '邀请专家示范讲。', '先进典型巡回讲。', '党员青年轮流讲。']);
    expect(p1.measures[0].text).toMatch(/^一是领导班子带头讲。集团领导班子成员认真贯彻落实/);
    expect(p1.measures[3].text).toMatch(/学习宣传贯彻落实党的二十大精神。$/);
    expect(outline.problems.every((p) => p.rectification && p.measures.length >= 3)).toBe(true);
    expect(outline.problems.map((p) => p.measures.length)).toEqual([4, 3, 4, 3, 3, 3, 4, 4, 3, 3, 3, 3, 4, 3, 3]);
  });

  it('keeps measure markers as written, including the source’s repeated 二是', () => {
    expect(outline.problems[2].measures.map((m) => m.marker)).toEqual(['一是', '二是', '二是', '四是']);
  });

  it('reads the bold numbered leads of sections 一 and 三 as points', () => {
    const [s1, , s3] = outline.sections;
    expect(s1.points.map((p) => [p.id, p.label, p.lead])).toEqual([
      ['s1-g1', '（一）', '强化谋划部署，坚决扛牢巡察整改政治责任。'],
      ['s1-g2', '（二）', '强化立行立改，坚决落实巡察整改目标任务。'],
      ['s1-g3', '（三）', '强化标本兼治，坚决巩固巡察整改长效成果。'],
    ]);
    expect(s3.points.map((p) => p.lead)).toEqual([
      '着力强化理论武装，始终把政治建设摆在首位。',
      '持续巩固整改成果，全面推动企业改革发展。',
      '全面从严管党治企，持续优化企业政治生态。',
    ]);
    expect(s3.points[0].line).toBe(lineStartingWith(text, '**（一）着力强化理论武装'));
  });

  it('reads the closing: appeal, three contact lines, signature and date', () => {
    expect(outline.closing.map((c) => c.kind)).toEqual(['appeal', 'contact', 'contact', 'contact', 'signature', 'date']);
    expect(outline.closing[4].text).toBe('中共武汉产业投资控股集团有限公司委员会');
    expect(outline.closing[5]).toEqual({ kind: 'date', text: '2023年9月20日', line: text.trimEnd().split('\n').length });
    expect(outline.signatureDate).toBe('2023-09-20');
  });
});

describe('buildOutline checks numbering', () => {
  it('reports a section number that skips (一、 then 三、) with its line', () => {
    const outline = outlineOf('## 一、甲\n\n正文。\n\n## 三、丙\n\n正文。\n');
    expect(outline.issues).toEqual([{ line: 5, message: expect.stringMatching(/“三、”不连续.*“一、”之后应是第 2 项/) }]);
  });

  it('reports a first item that does not start at 1', () => {
    const outline = outlineOf('## 一、甲\n\n#### 2、关于“乙”的问题\n');
    expect(outline.issues).toEqual([{ line: 3, message: expect.stringMatching(/“2、”不连续.*第一项应从 1 开始/) }]);
  });

  it('reports a duplicate problem number once, with both lines', () => {
    const outline = outlineOf('## 一、甲\n\n### （一）乙\n\n#### 1、关于“丙”的问题\n\n#### 1、关于“丁”的问题\n');
    expect(outline.issues).toEqual([{ line: 7, message: expect.stringMatching(/^编号重复：与第 5 行的编号相同（锚点 #s1-g1-p1）/) }]);
    expect(outline.problems.map((p) => p.title)).toEqual(['丙', '丁']);
  });

  it('reports a repeated section once and goes on counting from it', () => {
    const outline = outlineOf('## 一、甲\n\n## 一、乙\n\n## 二、丙\n');
    expect(outline.issues).toEqual([{ line: 3, message: expect.stringMatching(/^编号重复：与第 1 行的编号相同（锚点 #s1）/) }]);
  });

  it('restarts item numbering in each group and group numbering in each section', () => {
    const outline = outlineOf(
      [
        '## 一、甲',
        '### （一）乙',
        '#### 1、关于“a”的问题',
        '#### 2、关于“b”的问题',
        '### （二）丙',
        '#### 1、关于“c”的问题',
        '## 二、丁',
        '### （一）戊',
        '#### 1、关于“d”的问题',
      ].join('\n\n'),
    );
    expect(outline.issues).toEqual([]);
    expect(outline.problems.map((p) => p.id)).toEqual(['s1-g1-p1', 's1-g1-p2', 's1-g2-p1', 's2-g1-p1']);
  });

  it('puts problems without a group directly under the section', () => {
    const outline = outlineOf('## 一、甲\n\n### 1、关于“乙”的问题\n\n**整改情况：**一是改。\n');
    expect(outline.sections[0].problems.map((p) => [p.id, p.title, p.measures.length])).toEqual([['s1-p1', '乙', 1]]);
  });

  it('reports a group before the first section when the notice has sections', () => {
    const outline = outlineOf('### （一）乙\n\n#### 1、关于“丙”的问题\n\n## 一、甲\n');
    expect(outline.issues.map((i) => i.line)).toEqual([1, 3]);
    expect(outline.issues[0].message).toMatch(/“（一）”出现在任何“一、”这一级标题之前/);
  });

  it('takes （一） as the top level of a notice without 一、, with 1. problems below', () => {
    const outline = outlineOf(
      [
        '### （一）甲',
        '正文。',
        '### （二）乙',
        '#### 1.丙',
        '**整改进展：**一是改。二是再改。',
        '#### 2.关于“丁”的问题',
        '**整改情况：**一是改。',
      ].join('\n\n'),
    );
    expect(outline.issues).toEqual([]);
    expect(outline.sections.map((s) => [s.id, s.heading])).toEqual([
      ['s1', '（一）甲'],
      ['s2', '（二）乙'],
    ]);
    expect(outline.problems.map((p) => [p.id, p.title, p.measures.length])).toEqual([
      ['s2-p1', '丙', 2],
      ['s2-p2', '丁', 1],
    ]);
  });

  it('reads 一、 sections with 1. problems and no groups, and （1） items inside a 整改情况', () => {
    const outline = outlineOf(
      [
        '## 一、甲',
        '### 1.学习不深入',
        '**整改情况：**一是学。',
        '（1）制定计划。',
        '（2）开展研讨。',
        '### 2.问题2',
        '**整改情况：**二是改。',
      ].join('\n\n'),
    );
    expect(outline.issues).toEqual([]);
    expect(outline.problems.map((p) => p.id)).toEqual(['s1-p1', 's1-p2']);
    expect(outline.problems[0].rectification).toBe('一是学。\n（1）制定计划。\n（2）开展研讨。');
  });

  it('recognises a problem by its words, by 问题N：, or by the 整改情况 after it, and not a heading with headings below', () => {
    const outline = outlineOf(
      [
        '## 一、甲',
        '### （一）关于“乙”的问题',
        '#### 1.关于“丙”的问题',
        '### （二）问题2',
        '#### 问题1：丁',
        '#### 问题2：戊',
        '## 二、下一步',
        '### （一）加强学习',
      ].join('\n\n'),
    );
    expect(outline.issues).toEqual([]);
    expect(outline.problems.map((p) => [p.id, p.title])).toEqual([
      ['s1-g1-p1', '丙'],
      ['s1-g2-p1', '丁'],
      ['s1-g2-p2', '戊'],
    ]);
    expect(outline.sections[1].groups.map((g) => g.id)).toEqual(['s2-g1']);
  });

  it('goes four levels deep: 一、 → （一） → 1. → （1）', () => {
    const outline = outlineOf(
      ['## 一、甲', '### （一）乙', '#### 1.丙', '##### （1）关于“丁”的问题', '**整改情况：**一是改。', '##### （2）关于“戊”的问题'].join(
        '\n\n',
      ),
    );
    expect(outline.issues).toEqual([]);
    expect(outline.problems.map((p) => p.id)).toEqual(['s1-g1-g1-p1', 's1-g1-g1-p2']);
  });

  it('still refuses a skipped or repeated number at every level', () => {
    const skipped = outlineOf(['### （一）甲', '#### 1.关于“乙”的问题', '#### 3.关于“丙”的问题'].join('\n\n'));
    expect(skipped.issues.map((i) => i.message)).toEqual([expect.stringMatching(/“3\.”不连续：“1\.”之后应是第 2 项/)]);
    const repeated = outlineOf(['### （一）甲', '### （一）乙'].join('\n\n'));
    expect(repeated.issues.map((i) => i.message)).toEqual([expect.stringMatching(/^编号重复/)]);
  });

  it('continues a 整改情况 over following paragraphs', () => {
    const outline = outlineOf('## 一、甲\n\n#### 1、关于“乙”的问题\n\n**整改情况：**一是改。\n\n二是再改。三是还改。\n');
    const [problem] = outline.problems;
    expect(problem.rectification).toBe('一是改。\n二是再改。三是还改。');
    expect(problem.measures.map((m) => m.marker)).toEqual(['一是', '二是', '三是']);
  });

  it('reads a problem written as fields: 反馈问题 (numbered or not), 整改状态 and 整改情况', () => {
    for (const numbered of [true, false]) {
      const n = (i: number) => (numbered ? `${i}.` : '');
      const outline = outlineOf(
        [
          '## 一、甲',
          `### ${n(1)}反馈问题：学习不深入。`,
          '**整改状态：**已完成',
          '**整改情况：**一是学。二是改。',
          '**整改时限：**长期坚持',
          `### ${n(2)}反馈问题：制度不健全。`,
          '**整改情况：**一是建制度。',
          '整改状态：持续推进。',
          '## 二、下一步',
        ].join('\n\n'),
      );
      expect(outline.issues).toEqual([]);
      expect(outline.problems.map((p) => [p.id, p.title, p.status, p.measures.length])).toEqual([
        ['s1-p1', '学习不深入', '已完成', 2],
        ['s1-p2', '制度不健全', '持续推进', 1],
      ]);
      // Another field of the entry stays in the text of its 整改情况; the status is not in it.
      expect(outline.problems[0].rectification).toBe('一是学。二是改。\n整改时限：长期坚持');
      expect(outline.problems[1].rectification).toBe('一是建制度。');
    }
  });

  it('takes a long 整改状态 as text, not as a status', () => {
    const outline = outlineOf(
      '## 一、甲\n\n### 1.反馈问题：学习不深入。\n\n**整改情况：**一是学。\n\n整改状态：已经召开会议研究部署，制定了方案。正在推进。\n',
    );
    expect(outline.problems[0].status).toBeUndefined();
  });

  it('reads `关于“…”问题的整改` headings as problems, with the text below as their rectification', () => {
    const outline = outlineOf(
      [
        '## 一、关于巡察反馈问题整改落实情况',
        '### （一）关于党的建设方面',
        '#### 1.关于“学习不深入”问题的整改',
        '制定学习计划。一是集中学。二是个人学。',
        '**（1）建立台账。**',
        '#### 2.关于落实主体责任不到位问题的整改情况',
        '压实责任。',
        '#### 3.关于“制度不健全”问题整改落实情况：',
        '## 二、下一步',
      ].join('\n\n'),
    );
    expect(outline.issues).toEqual([]);
    expect(outline.problems.map((p) => [p.id, p.title, p.rectification])).toEqual([
      ['s1-g1-p1', '学习不深入', '制定学习计划。一是集中学。二是个人学。\n（1）建立台账。'],
      ['s1-g1-p2', '落实主体责任不到位', '压实责任。'],
      ['s1-g1-p3', '制度不健全', undefined],
    ]);
    expect(outline.problems[0].measures.map((m) => m.marker)).toEqual(['一是', '二是']);
  });

  it('adds the line offset to every line', () => {
    const outline = buildOutline(parseMarkdown('## 一、甲\n\n## 三、乙\n'), 20);
    expect(outline.sections.map((s) => s.line)).toEqual([21, 23]);
    expect(outline.issues[0].line).toBe(23);
  });

  it('has no signature date when the last block is not a date', () => {
    expect(outlineOf('## 一、甲\n\n正文。\n').signatureDate).toBeUndefined();
    expect(outlineOf('## 一、甲\n\n某某委员会\n\n2023年2月30日\n').signatureDate).toBeUndefined();
  });
});

describe('splitMeasures', () => {
  it('splits at 一是, 二是… after a sentence or clause end, and gives each lead sentence', () => {
    expect(splitMeasures('前言。一是加强学习。每周一次；二是完善制度。三是严肃问责')).toEqual({
      intro: '前言。',
      measures: [
        { marker: '一是', lead: '加强学习。', text: '一是加强学习。每周一次；' },
        { marker: '二是', lead: '完善制度。', text: '二是完善制度。' },
        { marker: '三是', lead: '严肃问责', text: '三是严肃问责' },
      ],
    });
  });

  it('does not split inside words like 统一是 or 唯一是', () => {
    const text = '坚持统一是关键，唯一是标准。';
    expect(splitMeasures(text)).toEqual({ intro: text, measures: [] });
  });

  it('reads 十一是 as one marker', () => {
    expect(splitMeasures('十是甲。十一是乙。').measures.map((m) => m.marker)).toEqual(['十是', '十一是']);
  });
});
